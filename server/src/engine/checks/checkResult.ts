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
  /** Where the check knows the right text: the span to replace (source offsets) and what goes there. */
  replacement?: { start: number; end: number; text: string };
  start: number;
  end: number;
}
