import type { RiskSignal } from '../evidence';
import { FEATURE_GROUPS } from '../claimFeatures';
import { fittedEvidence } from './fittedEvidence';

/** The claim is attributed ("according to", "reportedly"): the writer reports it rather than asserting it. */
export const attributionSignal: RiskSignal = {
  id: 'attribution',
  assess(_claim, context) {
    return fittedEvidence(this.id, context, FEATURE_GROUPS.attribution, (f) => (f.attributed ? 'the claim is attributed to someone ("according to", "reportedly")' : 'the claim is stated, not attributed'));
  },
};
