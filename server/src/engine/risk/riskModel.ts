import type { Claim } from '../claims/claim';
import type { ClaimContext, Evidence, RiskSignal } from './evidence';

export interface RiskAssessment {
  /** Estimated probability that the claim is wrong, in [0, 1]. */
  risk: number;
  /** True when a deterministic check or the writer settled the claim. */
  certain: boolean;
  /** Every piece of evidence, in the order it was applied. */
  trail: Evidence[];
}

const EPSILON = 1e-6;
const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const ORDER = { prior: 0, scale: 1, 'log-odds': 2, certain: 3, note: 4 } as const;

/** Combines the evidence of every signal into one probability with an explanation trail. */
export function assessRisk(claim: Claim, signals: readonly RiskSignal[], context: ClaimContext): RiskAssessment {
  const trail = signals.flatMap((s) => s.assess(claim, context)).sort((a, b) => ORDER[a.effect.kind] - ORDER[b.effect.kind]);
  let risk = 0.5;
  let certain: 0 | 1 | undefined;
  for (const { effect } of trail) {
    switch (effect.kind) {
      case 'prior':
        risk = effect.probability;
        break;
      case 'scale':
        risk = Math.min(1, risk * effect.factor);
        break;
      case 'log-odds':
        if (risk > 0 && risk < 1) risk = sigmoid(logit(Math.min(1 - EPSILON, Math.max(EPSILON, risk))) + effect.shift);
        break;
      case 'certain':
        // A failed check outranks anything that would clear the claim.
        certain = certain === 1 ? 1 : effect.probability;
        break;
      case 'note':
        break;
    }
  }
  return { risk: certain ?? risk, certain: certain !== undefined, trail };
}
