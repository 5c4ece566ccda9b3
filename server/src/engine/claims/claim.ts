import type { Range } from '../text/positions';
import type { CheckResult } from '../checks/checkResult';
import type { ClaimType } from '../claimType';

export type SlotRole =
  | 'date'
  | 'number'
  | 'percent'
  | 'money'
  | 'author'
  | 'year'
  | 'title'
  | 'venue'
  | 'reference'
  | 'quote'
  | 'speaker'
  | 'place'
  | 'url'
  | 'doi'
  | 'isbn'
  | 'arxiv'
  | 'version'
  | 'api'
  | 'object'
  | 'superlative'
  | 'term'
  | 'derived-value';

/** A fact-bearing sub-span of a claim: the date, the number, the title, the DOI … */
export interface Slot {
  role: SlotRole;
  start: number;
  end: number;
  text: string;
}

/**
 * How many answers the claim's slot could plausibly have had (|R_c| in KNVZ 2025). It drives the
 * `2/min|E_c|` term of Theorem 2 and the `(1 − 1/|R_c|)` factor of the THEORY.md §7 risk model.
 */
export interface AnswerSpace {
  /** |R_c|; `Infinity` for verbatim strings (titles, quotes, identifiers). */
  size: number;
  /** How the size was obtained, shown on the hover. */
  basis: string;
  provenance: 'computed' | 'assumption';
}

/** What a detector found in one sentence, before positions become ranges. */
export interface ClaimDraft {
  type: ClaimType;
  slots: Slot[];
  answerSpace: AnswerSpace;
  checks: CheckResult[];
}

export interface LocatedSlot extends Slot {
  range: Range;
}

export interface Claim extends Omit<ClaimDraft, 'slots'> {
  slots: LocatedSlot[];
  /** Stable across unrelated edits: a hash of the type, sentence and slot texts. */
  id: string;
  /** Source offsets of the sentence the claim is in. */
  start: number;
  end: number;
  range: Range;
  /** The sentence, whitespace-normalised, markup removed. */
  text: string;
  subject?: string;
}
