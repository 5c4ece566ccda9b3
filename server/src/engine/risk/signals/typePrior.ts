import { riskModelFor } from '../calibration/fittedRiskModel';
import { defaultPrior } from '../defaultPrior';
import type { RiskSignal } from '../evidence';

const percent = (p: number) => `${Number((p * 100).toFixed(1))}%`;

/** The starting probability for the claim's type: the writer's prior, else the type's default (measured, published or assumed). */
export const typePriorSignal: RiskSignal = {
  id: 'type-prior',
  assess(claim, context) {
    const { config } = context;
    const own = config.types[claim.type].prior;
    if (own !== undefined) {
      return [{ signal: this.id, effect: { kind: 'prior', probability: own }, summary: `Prior ${percent(own)}: your setting types.${claim.type}.prior`, provenance: 'writer', source: config.file }];
    }
    const prior = defaultPrior(claim.type, riskModelFor(context));
    const summary = prior.population ? `Typical for this kind of fact in ${prior.population}: ${percent(prior.value)}` : `Prior ${percent(prior.value)} for this claim type (${prior.label})`;
    return [{ signal: this.id, effect: { kind: 'prior', probability: prior.value }, summary, provenance: prior.provenance, source: prior.source }];
  },
};
