/**
 * What a causal language model said about each token of a sentence, as the worker returns it.
 * Offsets are UTF-16 indices into the scoring window's text; bits are base-2.
 */
export interface TokenScore {
  start: number;
  end: number;
  /** −log2 p(token | everything before it). */
  surprisal: number;
  /** Entropy of the model's next-token distribution at this position, in bits. */
  entropy: number;
  /** 1 = the model's own first choice. */
  rank: number;
  /** The model's first choice at this position, decoded. */
  top: string;
}

export interface SentenceScores {
  tokens: TokenScore[];
}

/** Which model produced the scores, for the hover, the report and cache keys. */
export interface ModelIdentity {
  /** e.g. "Xenova/distilgpt2@<revision>" or a local folder's name. */
  name: string;
  /** Changes whenever the weights change (revision + file sha256, or a hash of the local file). */
  key: string;
}
