import type { Claim } from '../claims/claim';
import type { ClaimCorpusEvidence } from '../reference/claimCorpusEvidence';
import { findDates } from '../text/dates';
import { parseNumber } from '../text/numbers';

/** Where a claim's sentence stands: generated biographies and answers drift as they go on. */
export interface SentencePosition {
  /** Zero-based index of the sentence among the document's sentences, and how many there are. */
  index: number;
  count: number;
  /** The same within its section (the text under one heading). */
  indexInSection: number;
  countInSection: number;
  /** Claims the document states in all: a dense list of facts is a different text from a chatty answer. */
  claimsInDocument: number;
}

/**
 * The evidence about one claim that a fitted model weighs, each a number with a fixed meaning.
 * Only what is known about this claim and its sentence: no label, nothing from outside the draft
 * but the writer's workspace and sources.
 */
export const CLAIM_FEATURES = [
  /** Position of the sentence in the document, 0 (first) to 1 (last). */
  'documentPosition',
  /** log2(1 + sentence index): the first sentences of an answer differ most from the rest. */
  'sentenceIndex',
  /** Position of the sentence in its section, 0 to 1. */
  'sectionPosition',
  /** log2(1 + sentences in the document). */
  'documentLength',
  /** Claims per sentence over the whole document (capped at 3). */
  'claimDensity',
  /** The most precise date the claim states: a full day, a month, or a year (decade) only. */
  'dateDay',
  'dateMonth',
  'dateYear',
  /** Significant digits of the figures it states (capped at 8): "3.14159" is more to get wrong than "3". */
  'significantDigits',
  /** Names and numbers in the sentence (log2 1+n): each exact detail is one more way to be wrong. */
  'exactDetails',
  /** A range ("1923–1925", "between 10 and 20") instead of one value. */
  'range',
  /** An approximation ("about", "around", "nearly", "over"): a looser claim. */
  'approximate',
  /** Attributed to someone ("according to", "reportedly", "is believed"). */
  'attributed',
  /** The subject is a named instance in WordNet, or a city in GeoNames: facts about it are often repeated. */
  'famousSubject',
  'knownPlace',
  /** The claim has no subject the engine could name. */
  'noSubject',
  /** The same fact in other files of the workspace (log2 1+n). */
  'corroborated',
  /** With sources: a source about the subject states every value (same relation). */
  'supported',
  /** With sources: share of the sentence's content words no source about the subject contains. */
  'missingShare',
  /** With sources: names and numbers of the sentence no source about the subject contains (capped at 3). */
  'missingNames',
  'missingNumbers',
  /** With sources declared: none of them is about the claim's subject. */
  'noSourceAboutSubject',
] as const;

export type ClaimFeature = (typeof CLAIM_FEATURES)[number];
export type ClaimFeatures = Record<ClaimFeature, number>;

/**
 * The features each signal weighs: one line on the hover per group, and the unit the benchmark's
 * ablation removes.
 */
export const FEATURE_GROUPS = {
  specificity: ['dateDay', 'dateMonth', 'dateYear', 'significantDigits', 'exactDetails', 'range', 'approximate'],
  position: ['documentPosition', 'sentenceIndex', 'sectionPosition'],
  document: ['documentLength', 'claimDensity'],
  attribution: ['attributed'],
  rarity: ['famousSubject', 'knownPlace', 'noSubject', 'corroborated'],
  grounding: ['supported', 'missingShare', 'missingNames', 'missingNumbers', 'noSourceAboutSubject'],
} as const satisfies Record<string, readonly ClaimFeature[]>;

export type FeatureGroup = keyof typeof FEATURE_GROUPS;

const APPROXIMATE = /\b(?:about|around|approximately|roughly|nearly|almost|some|over|more than|less than|fewer than|up to|at least|circa|c\.|ca\.|~)\s*$/i;
const ATTRIBUTED = /\b(?:according to|reportedly|allegedly|is (?:widely )?(?:believed|thought|said|reported|considered)|are (?:widely )?(?:believed|thought|said|reported)|it is claimed|sources (?:say|said|suggest))\b/i;
const RANGE_AFTER = /^\s*(?:[–—-]|to|and)\s*[\d$€£]/;
const NAME_OR_NUMBER = /(?<=\s)\p{Lu}[\p{L}'’.-]*|\d[\d,.]*/gu;

const fraction = (index: number, count: number) => (count <= 1 ? 0 : index / (count - 1));

function datePrecision(claim: Claim): 'day' | 'month' | 'year' | undefined {
  let best: 'day' | 'month' | 'year' | undefined;
  for (const slot of claim.slots) {
    if (slot.role !== 'date' && slot.role !== 'year') continue;
    for (const date of findDates(slot.text, 0)) {
      const precision = date.granularity === 'day' || date.granularity === 'day-month' ? 'day' : date.granularity === 'month' ? 'month' : 'year';
      if (precision === 'day' || (precision === 'month' && best !== 'day') || !best) best = precision;
    }
    if (!best && /^\d{3,4}$/.test(slot.text.trim())) best = 'year';
  }
  return best;
}

function significantDigits(claim: Claim): number {
  let digits = 0;
  for (const slot of claim.slots) {
    if (slot.role !== 'number' && slot.role !== 'percent' && slot.role !== 'money') continue;
    for (const m of slot.text.matchAll(/(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g)) digits += parseNumber(m[0])?.significantDigits ?? 1;
  }
  return Math.min(8, digits);
}

/** The sentence text just before and after a slot, as far as the claim's sentence goes. */
function around(claim: Claim, slot: { start: number; end: number }, sentence: string): { before: string; after: string } {
  const at = slot.start - claim.start;
  return { before: sentence.slice(Math.max(0, at - 24), Math.max(0, at)), after: sentence.slice(slot.end - claim.start, slot.end - claim.start + 16) };
}

/**
 * The features of one claim. `sentence` is the claim's sentence as written (its source span), so
 * slot offsets index into it; `corpus` is absent without an index, `hasSources` says whether the
 * writer declared sources this document is checked against.
 */
export function claimFeatures(claim: Claim, sentence: string, position: SentencePosition, corpus: ClaimCorpusEvidence | undefined): ClaimFeatures {
  const precision = datePrecision(claim);
  const details = [...claim.text.matchAll(NAME_OR_NUMBER)].length;
  const near = claim.slots.map((s) => around(claim, s, sentence));
  const popularity = corpus?.popularity?.status;
  const g = corpus?.grounding;
  const c = g?.coverage;
  const judged = g !== undefined && g.status !== 'no-sources';
  return {
    documentPosition: fraction(position.index, position.count),
    sentenceIndex: Math.log2(1 + position.index),
    sectionPosition: fraction(position.indexInSection, position.countInSection),
    documentLength: Math.log2(1 + position.count),
    claimDensity: Math.min(3, position.claimsInDocument / Math.max(1, position.count)),
    dateDay: precision === 'day' ? 1 : 0,
    dateMonth: precision === 'month' ? 1 : 0,
    dateYear: precision === 'year' ? 1 : 0,
    significantDigits: significantDigits(claim),
    exactDetails: Math.log2(1 + details),
    range: near.some((n) => RANGE_AFTER.test(n.after)) || /\bbetween\b[^.]*\band\b/i.test(claim.text) ? 1 : 0,
    approximate: near.some((n) => APPROXIMATE.test(n.before)) ? 1 : 0,
    attributed: ATTRIBUTED.test(claim.text) ? 1 : 0,
    famousSubject: popularity === 'famous' ? 1 : 0,
    knownPlace: popularity === 'known-place' ? 1 : 0,
    noSubject: claim.subject ? 0 : 1,
    corroborated: Math.log2(1 + (corpus?.occurrences?.count ?? 0)),
    supported: judged && g.status === 'supported' ? 1 : 0,
    missingShare: judged && c && c.words > 0 ? c.missing.length / c.words : 0,
    missingNames: judged ? Math.min(3, c?.missingNames ?? 0) : 0,
    missingNumbers: judged ? Math.min(3, c?.missingNumbers ?? 0) : 0,
    noSourceAboutSubject: judged && c !== undefined && c.documents.length === 0 ? 1 : 0,
  };
}
