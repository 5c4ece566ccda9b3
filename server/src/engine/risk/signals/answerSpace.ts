import { riskModelFor } from '../calibration/fittedRiskModel';
import { defaultPrior } from '../defaultPrior';
import type { RiskSignal } from '../evidence';

/**
 * THEORY.md §7: an unlearned fact is still right by chance 1/|R_c| of the time, so the risk
 * scales by (1 − 1/|R_c|). It matters for coarse claims (a year, a one-digit figure, a yes/no
 * superlative) and vanishes for verbatim strings. A rate measured on labelled text already counts
 * the lucky guesses, so the factor applies only to a published, assumed or writer's prior.
 */
export const answerSpaceSignal: RiskSignal = {
  id: 'answer-space',
  assess(claim, context) {
    const { size, basis, provenance } = claim.answerSpace;
    if (!Number.isFinite(size)) return [];
    if (context.config.types[claim.type].prior === undefined && defaultPrior(claim.type, riskModelFor(context)).provenance === 'measured') return [];
    const factor = 1 - 1 / size;
    return [
      {
        signal: this.id,
        effect: { kind: 'scale', factor },
        summary: `× ${Number(factor.toPrecision(6))} = 1 − 1/|R_c| with |R_c| = ${size.toLocaleString('en-US')} (${basis})`,
        provenance,
        source: 'docs/floor.md, "Lucky guesses": the factor (1 − 1/|R_c|)',
      },
    ];
  },
};
