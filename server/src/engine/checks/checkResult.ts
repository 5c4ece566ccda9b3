/**
 * The outcome of a deterministic check ("recompute, don't judge", THEORY.md §4 and §8). A failed
 * check is a certain finding, not a probability.
 */
export interface CheckResult {
  check: 'arithmetic' | 'percent-of-whole' | 'isbn-checksum' | 'doi-syntax' | 'arxiv-id' | 'calendar-date';
  passed: boolean;
  message: string;
  /** The correct value where the check can compute one (e.g. the real percentage change). */
  expected?: string;
  start: number;
  end: number;
}
