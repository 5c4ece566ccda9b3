import { missingMassHalfWidth, singletonRate } from './goodTuring';

/** A claim type's singleton rate measured over the workspace (THEORY.md §9.4). */
export interface TypeSingletonRate {
  /** N: (fact, document) pairs of this type in the workspace. */
  observations: number;
  /** N1: facts of this type stated in exactly one document. */
  singletons: number;
  /** sr_T = N1/N. */
  rate: number;
  /** McAllester–Ortiz half-width at γ = 0.05. */
  halfWidth: number;
  /** False while N is below `MIN_OBSERVATIONS`: the interval is then too wide to use. */
  measured: boolean;
}

/** THEORY.md §9.4: "The workspace is only informative with ≥ ~1000 claims" (half-width ±0.16 at γ = 0.05). */
export const MIN_OBSERVATIONS = 1000;

export function typeSingletonRate(observations: number, singletons: number): TypeSingletonRate {
  return {
    observations,
    singletons,
    rate: singletonRate(singletons, observations),
    halfWidth: observations > 0 ? missingMassHalfWidth(observations) : Infinity,
    measured: observations >= MIN_OBSERVATIONS,
  };
}
