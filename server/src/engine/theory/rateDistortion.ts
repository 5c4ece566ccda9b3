/**
 * Guo & Li 2026 (arXiv 2602.00906), rate-distortion for membership testing, and the floors
 * THEORY.md §3.3–3.4 derives from it. Memory `b` is in bits per fact; log-loss constraints in nats.
 */

/** Binary KL divergence d(p‖q) in bits. */
function binaryKlBits(p: number, q: number): number {
  const term = (a: number, b: number) => (a === 0 ? 0 : a * Math.log2(a / b));
  return term(p, q) + term(1 - p, 1 - q);
}

/** One-sided filter (no false negatives): false-positive rate β ≥ 2^−b. */
export function falsePositiveFloor(bitsPerFact: number): number {
  return 2 ** -bitsPerFact;
}

/** Two-sided filter: the memory an operating point (FNR α, FPR β) needs, d(1−α‖β) bits per key. */
export function bitsForOperatingPoint(falseNegativeRate: number, falsePositiveRate: number): number {
  return binaryKlBits(1 - falseNegativeRate, falsePositiveRate);
}

export interface LogLossOptimum {
  /** x* = e^−εK: the confidence every fact gets. */
  factConfidence: number;
  /** q* = εN / −ln(1 − x*): share of non-facts given exactly the fact-level confidence. */
  hallucinatedShare: number;
  /** R* = log2(1/q*) bits per fact. */
  bitsPerFact: number;
}

/** Theorem 4.1 closed form; undefined when e^−εK + e^−εN ≤ 1 (the theorem's condition fails). */
export function logLossOptimum(epsilonKeys: number, epsilonNonKeys: number): LogLossOptimum | undefined {
  if (epsilonKeys <= 0 || epsilonNonKeys <= 0 || Math.exp(-epsilonKeys) + Math.exp(-epsilonNonKeys) <= 1) return undefined;
  const factConfidence = Math.exp(-epsilonKeys);
  const hallucinatedShare = epsilonNonKeys / -Math.log(1 - factConfidence);
  return { factConfidence, hallucinatedShare, bitsPerFact: Math.log2(1 / hallucinatedShare) };
}

/** Log-loss version of the floor: εN ≥ 2^−b · ln(1/(1 − e^−εK)). */
export function nonKeyLogLossFloor(bitsPerFact: number, epsilonKeys: number): number {
  return 2 ** -bitsPerFact * Math.log(1 / (1 - Math.exp(-epsilonKeys)));
}

/**
 * THEORY.md §3.4 generative reading (the brief's heuristic, not the paper's): with b bits a model
 * accepts the truth plus a share 2^−b of the |R|−1 wrong values and samples among them.
 */
export function generativeFalseRate(answers: number, bitsPerFact: number): number {
  const x = Math.LN2 * (Math.log2(answers - 1) - bitsPerFact);
  return 1 / (1 + Math.exp(-x));
}
