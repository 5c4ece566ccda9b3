import { FEATURE_GROUPS } from '../claimFeatures';
import type { RiskSignal } from '../evidence';
import { fittedEvidence } from './fittedEvidence';

/**
 * What kind of text the claim sits in: its length and how densely it states facts. Generated
 * biographies (many facts per sentence) and chatty answers (few) are wrong at very different
 * rates; the fitted model measures how much a document's shape says.
 */
export const documentKindSignal: RiskSignal = {
  id: 'document',
  assess(_claim, context) {
    const p = context.position;
    if (!p) return [];
    return fittedEvidence(this.id, context, FEATURE_GROUPS.document, () => `a document of ${p.count} sentence${p.count === 1 ? '' : 's'} stating ${p.claimsInDocument} claim${p.claimsInDocument === 1 ? '' : 's'}`, 'document');
  },
};
