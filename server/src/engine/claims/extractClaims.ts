import type { CodeSpan, ProseDocument } from '../markdown/proseDocument';
import { annotate } from '../nlp/annotate';
import type { Sentence } from '../nlp/sentence';
import { type Positions, rangeOf } from '../text/positions';
import type { Claim, ClaimDraft } from './claim';
import { boilerplateSpans, type NonClaimReason, nonClaimReason } from './claimhood';
import { detectArithmetic } from './detectors/arithmetic';
import { detectBiography } from './detectors/biography';
import { detectCitations } from './detectors/citations';
import { detectDefinitions } from './detectors/definitions';
import { DetectionContext, type Detector } from './detectors/detectionContext';
import { detectEntityRelations } from './detectors/entityRelations';
import { detectEventDates } from './detectors/eventDates';
import { detectIdentifiers } from './detectors/identifiers';
import { detectQuotations } from './detectors/quotations';
import { detectStatistics } from './detectors/statistics';
import { detectSuperlatives } from './detectors/superlatives';
import { detectVersions } from './detectors/versions';
import { lowerBound } from '../text/lowerBound';
import { stableHash } from '../text/stableHash';

/**
 * Order matters: the most specific patterns claim their spans first, so a year inside
 * "(Smith, 2019)" is a citation year, not an event date.
 */
const DETECTORS: Detector[] = [
  detectIdentifiers,
  detectCitations,
  detectQuotations,
  detectVersions,
  detectArithmetic,
  detectBiography,
  detectEventDates,
  detectStatistics,
  detectSuperlatives,
  detectEntityRelations,
];

/**
 * A fabricated reference or identifier is wrong wherever it stands, so these run even in
 * questions and instructions ("See Smith et al. (2019)").
 */
const REFERENCE_DETECTORS: Detector[] = [detectIdentifiers, detectCitations];

const LETTER = /\p{L}/u;
const PRONOUN_START = /^(?:he|she|they|it|his|her|their|its)$/i;

export interface SentenceReport {
  start: number;
  end: number;
  /** Index of the prose block (paragraph) the sentence is in. */
  block: number;
  claims: Claim[];
  nonClaim?: NonClaimReason;
}

/** What one prose block yields, with offsets relative to the block so it can be reused after edits elsewhere. */
export interface BlockClaims {
  sentences: Array<{ start: number; end: number; nonClaim?: NonClaimReason; subject?: string; drafts: ClaimDraft[] }>;
  skippedLongSentences: number;
}

/**
 * A cache of block results keyed by the block's prose and code spans. The editor keeps one per
 * document (an LRU), so typing in one paragraph re-analyses only that paragraph.
 */
export interface BlockCache {
  get(key: string): BlockClaims | undefined;
  set(key: string, value: BlockClaims): void;
}

export interface ExtractionLimits {
  /** Sentences longer than this are not analysed (a 1 MB line would otherwise cost seconds). */
  maxSentenceChars: number;
}

function firstProperNoun(sentence: Sentence, context: DetectionContext, drafts: ClaimDraft[]): string | undefined {
  // Month names are proper nouns too; a name inside a date or identifier is not the subject.
  const slots = drafts.flatMap((d) => d.slots).filter((s) => s.role === 'date' || s.role === 'isbn' || s.role === 'doi' || s.role === 'year');
  const run = context.properNounRuns().find((r) => !slots.some((s) => r.start < s.end && r.end > s.start));
  return run ? sentence.text.slice(run.start - sentence.start, run.end - sentence.start) : undefined;
}

/** Code spans inside [start, end); `spans` is in document order, so a binary search finds the first. */
function spansWithin(spans: CodeSpan[], start: number, end: number): CodeSpan[] {
  const found: CodeSpan[] = [];
  for (let i = lowerBound(spans, (span) => span.start < start); i < spans.length && spans[i].start < end; i++) if (spans[i].end <= end) found.push(spans[i]);
  return found;
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Claims of one sentence, and the subject later sentences' pronouns refer to. */
function claimsInSentence(sentence: Sentence, blockCode: CodeSpan[], previousSubject: string | undefined, referencesOnly: boolean, inTable: boolean): { drafts: ClaimDraft[]; subject?: string } {
  const codeSpans = spansWithin(blockCode, sentence.start, sentence.end);
  const context = new DetectionContext(sentence, codeSpans, inTable);
  for (const span of boilerplateSpans(sentence)) context.take(span);
  const drafts = (referencesOnly ? REFERENCE_DETECTORS : DETECTORS).flatMap((detect) => detect(context));
  if (drafts.length === 0 && !referencesOnly) drafts.push(...detectDefinitions(context));
  const startsWithPronoun = PRONOUN_START.test(sentence.tokens[0]?.value ?? '');
  const subject = startsWithPronoun ? previousSubject : firstProperNoun(sentence, context, drafts);
  return { drafts, subject };
}

function shift<T extends { start: number; end: number }>(span: T, delta: number): T {
  return { ...span, start: span.start + delta, end: span.end + delta };
}

function shiftDraft(draft: ClaimDraft, delta: number): ClaimDraft {
  return { ...draft, slots: draft.slots.map((x) => shift(x, delta)), checks: draft.checks.map((x) => shift(x, delta)) };
}

/** Claims of one block (with its inline code spans), offsets relative to the block start. */
function claimsInBlock(text: string, code: CodeSpan[], blockStart: number, limits: ExtractionLimits, inTable: boolean): BlockClaims {
  const result: BlockClaims = { sentences: [], skippedLongSentences: 0 };
  // A block without a single letter (a table's figures, a rule, a date alone) states nothing a
  // reader could check; skipping it before the NLP keeps a table of 40,000 cells linear and cheap.
  if (!LETTER.test(text)) return result;
  let previousSubject: string | undefined;
  for (const sentence of annotate(text, blockStart)) {
    if (sentence.end - sentence.start > limits.maxSentenceChars) {
      result.skippedLongSentences++;
      continue;
    }
    const nonClaim = nonClaimReason(sentence);
    const { drafts, subject } = claimsInSentence(sentence, code, previousSubject, nonClaim !== undefined, inTable);
    previousSubject = subject;
    result.sentences.push({ start: sentence.start - blockStart, end: sentence.end - blockStart, nonClaim, subject, drafts: drafts.map((d) => shiftDraft(d, -blockStart)) });
  }
  return result;
}

/** Finds the claims in every prose block of a document, reusing cached blocks when given a cache. */
export function extractClaims(document: ProseDocument, positions: Positions, limits: ExtractionLimits, cache?: BlockCache): { sentences: SentenceReport[]; skippedLongSentences: number } {
  const sentences: SentenceReport[] = [];
  let skippedLongSentences = 0;
  for (const [blockIndex, block] of document.blocks.entries()) {
    const code = spansWithin(document.codeSpans, block.start, block.end);
    const key = `${limits.maxSentenceChars}\u0000${block.kind}\u0000${block.text}\u0000${code.map((c) => `${c.start - block.start}:${c.text}`).join('\u0000')}`;
    let result = cache?.get(key);
    if (!result) {
      result = claimsInBlock(block.text, code, block.start, limits, block.kind === 'table-row');
      cache?.set(key, result);
    }
    skippedLongSentences += result.skippedLongSentences;
    for (const s of result.sentences) {
      const start = s.start + block.start;
      const end = s.end + block.start;
      const text = normaliseSpace(block.text.slice(s.start, s.end));
      const claims = s.drafts.map((relative): Claim => {
        const draft = shiftDraft(relative, block.start);
        return {
          ...draft,
          slots: draft.slots.map((x) => ({ ...x, range: rangeOf(positions, x.start, x.end) })),
          id: stableHash(`${draft.type}\u0000${text}\u0000${draft.slots.map((x) => x.text).join('\u0000')}`),
          start,
          end,
          range: rangeOf(positions, start, end),
          text,
          subject: s.subject,
        };
      });
      sentences.push({ start, end, block: blockIndex, claims, nonClaim: s.nonClaim });
    }
  }
  return { sentences, skippedLongSentences };
}
