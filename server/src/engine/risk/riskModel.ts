import type { Claim } from '../claims/claim';
import type { ClaimContext, Evidence, RiskSignal } from './evidence';
import { MIN_SHIFT } from './signals/fittedEvidence';

/**
 * What a risk rests on: a check or the writer settled it; evidence about this claim moved it away
 * from its type's starting rate; or nothing but that rate and the document around it (the claim
 * is typical of its type, and the product knows nothing else about it).
 */
export type RiskBasis = 'certain' | 'evidence' | 'type';

export interface RiskAssessment {
  /** Estimated probability that the claim is wrong, in [0, 1]. */
  risk: number;
  /** True when a deterministic check or the writer settled the claim. */
  certain: boolean;
  basis: RiskBasis;
  /** The starting probability the evidence moved from (the type's prior). */
  prior: number;
  /**
   * The log-odds that evidence about this claim itself added (document evidence left out): a
   * warning needs it to have raised the risk.
   */
  claimShift: number;
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
  let prior = 0.5;
  let certain: 0 | 1 | undefined;
  let claimShift = 0;
  for (const { effect, about } of trail) {
    switch (effect.kind) {
      case 'prior':
        risk = effect.probability;
        prior = risk;
        break;
      case 'scale':
        risk = Math.min(1, risk * effect.factor);
        break;
      case 'log-odds':
        if (risk > 0 && risk < 1) risk = sigmoid(logit(Math.min(1 - EPSILON, Math.max(EPSILON, risk))) + effect.shift);
        if (about !== 'document') claimShift += effect.shift;
        break;
      case 'certain':
        // A failed check outranks anything that would clear the claim.
        certain = certain === 1 ? 1 : effect.probability;
        break;
      case 'note':
        break;
    }
  }
  const basis: RiskBasis = certain !== undefined ? 'certain' : Math.abs(claimShift) >= MIN_SHIFT ? 'evidence' : 'type';
  return { risk: certain ?? risk, certain: certain !== undefined, basis, prior, claimShift, trail };
}
