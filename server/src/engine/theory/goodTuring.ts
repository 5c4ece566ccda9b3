/** Good–Turing estimates and their McAllester–Ortiz confidence (KNVZ 2025 App. B, THEORY.md §9.4). */

/** Missing-mass estimate: the share of observations whose value was seen exactly once, N1/N. */
export function singletonRate(singletons: number, observations: number): number {
  return observations === 0 ? NaN : singletons / observations;
}

/** Half-width of the interval |M − GT| ≤ 1/N + 2.42·√(ln(4/γ)/N), holding with probability ≥ 1 − γ. */
export function missingMassHalfWidth(observations: number, gamma = 0.05): number {
  return 1 / observations + 2.42 * Math.sqrt(Math.log(4 / gamma) / observations);
}
