const LOG2E = Math.LOG2E;

export interface NextTokenStats {
  /** −log2 p(actual). */
  surprisal: number;
  /** Entropy of the distribution in bits. */
  entropy: number;
  /** 1 + the number of tokens with a strictly higher logit. */
  rank: number;
  /** The most likely token. */
  top: number;
}

/**
 * Statistics of one softmax row of logits, `logits[offset .. offset + vocab)`, for the token that
 * actually came next. Two passes, in float64: the max, then the sum of exponentials, the
 * expectation needed for the entropy, the rank and the argmax.
 */
export function nextTokenStats(logits: Float32Array, offset: number, vocab: number, actual: number): NextTokenStats {
  let max = -Infinity;
  let top = 0;
  for (let i = 0; i < vocab; i++) {
    const v = logits[offset + i];
    if (v > max) {
      max = v;
      top = i;
    }
  }
  const actualLogit = logits[offset + actual];
  let sum = 0;
  let weighted = 0;
  let higher = 0;
  for (let i = 0; i < vocab; i++) {
    const v = logits[offset + i];
    const e = Math.exp(v - max);
    sum += e;
    weighted += e * (v - max);
    if (v > actualLogit) higher++;
  }
  const logZ = Math.log(sum);
  // H = log Z − E[x − max]  (natural units), p_i = e^{x_i − max} / Z.
  return {
    surprisal: (logZ - (actualLogit - max)) * LOG2E,
    entropy: (logZ - weighted / sum) * LOG2E,
    rank: higher + 1,
    top,
  };
}
