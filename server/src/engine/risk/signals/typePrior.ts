import { CLAIM_TYPE_TABLE, INDIFFERENCE_PRIOR } from '../../theory/claimTypeTable';
import type { RiskSignal } from '../evidence';

const percent = (p: number) => `${Number((p * 100).toFixed(1))}%`;

/** The starting probability for the claim's type: the writer's prior, a published rate, or the named indifference assumption. */
export const typePriorSignal: RiskSignal = {
  id: 'type-prior',
  assess(claim, { config }) {
    const own = config.types[claim.type].prior;
    if (own !== undefined) {
      return [{ signal: this.id, effect: { kind: 'prior', probability: own }, summary: `Prior ${percent(own)}: your setting types.${claim.type}.prior`, provenance: 'writer', source: config.file }];
    }
    const prior = CLAIM_TYPE_TABLE[claim.type].prior ?? INDIFFERENCE_PRIOR;
    const label = prior === INDIFFERENCE_PRIOR ? 'assumed' : prior.provenance;
    return [{ signal: this.id, effect: { kind: 'prior', probability: prior.value }, summary: `Prior ${percent(prior.value)} for this claim type (${label})`, provenance: prior.provenance, source: prior.source }];
  },
};
