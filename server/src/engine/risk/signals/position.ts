import type { RiskSignal } from '../evidence';
import { FEATURE_GROUPS } from '../claimFeatures';
import { fittedEvidence } from './fittedEvidence';

/**
 * Where the sentence stands in its document and section: generated biographies and answers drift
 * as they go on, and the fitted model measures by how much (docs/benchmarks.md).
 */
export const positionSignal: RiskSignal = {
  id: 'position',
  assess(_claim, context) {
    const p = context.position;
    if (!p) return [];
    return fittedEvidence(this.id, context, FEATURE_GROUPS.position, () => {
      const section = p.countInSection < p.count ? `, sentence ${p.indexInSection + 1} of ${p.countInSection} in its section` : '';
      return `sentence ${p.index + 1} of ${p.count} in the document${section}`;
    }, 'document');
  },
};
