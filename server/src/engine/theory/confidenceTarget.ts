/**
 * KNVZ 2025 §4.2 explicit confidence targets: answer only when P(correct) > t, since a mistake
 * costs t/(1 − t) points against 1 for a correct answer. (The paper's "t = 0.75, penalty 2" is a
 * typo: the formula gives 3.)
 */
export function penaltyForThreshold(t: number): number {
  return t / (1 - t);
}

/** A claim is flagged when its estimated probability of being correct is below t. */
export function isBelowConfidenceTarget(risk: number, t: number): boolean {
  return 1 - risk < t;
}
