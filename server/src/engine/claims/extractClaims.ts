import type { CodeSpan, ProseDocument } from '../markdown/proseDocument';
import { annotate } from '../nlp/annotate';
import type { Sentence } from '../nlp/sentence';
import type { LineIndex } from '../text/lineIndex';
import type { Claim, ClaimDraft } from './claim';
import { type NonClaimReason, nonClaimReason } from './claimhood';
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

const PRONOUN_START = /^(?:he|she|they|it|his|her|their|its)$/i;

export interface SentenceReport {
  sentence: Sentence;
  claims: Claim[];
  nonClaim?: NonClaimReason;
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
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < start) low = mid + 1;
    else high = mid;
  }
  const found: CodeSpan[] = [];
  for (let i = low; i < spans.length && spans[i].start < end; i++) if (spans[i].end <= end) found.push(spans[i]);
  return found;
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Claims of one sentence, and the subject later sentences' pronouns refer to. */
function claimsInSentence(sentence: Sentence, document: ProseDocument, previousSubject: string | undefined, referencesOnly: boolean): { drafts: ClaimDraft[]; subject?: string } {
  const codeSpans = spansWithin(document.codeSpans, sentence.start, sentence.end);
  const context = new DetectionContext(sentence, codeSpans);
  const drafts = (referencesOnly ? REFERENCE_DETECTORS : DETECTORS).flatMap((detect) => detect(context));
  if (drafts.length === 0 && !referencesOnly) drafts.push(...detectDefinitions(context));
  const startsWithPronoun = PRONOUN_START.test(sentence.tokens[0]?.value ?? '');
  const subject = startsWithPronoun ? previousSubject : firstProperNoun(sentence, context, drafts);
  return { drafts, subject };
}

/** Finds the claims in every prose block of a document. */
export function extractClaims(document: ProseDocument, lines: LineIndex, limits: ExtractionLimits): { sentences: SentenceReport[]; skippedLongSentences: number } {
  const sentences: SentenceReport[] = [];
  let skippedLongSentences = 0;
  for (const block of document.blocks) {
    let previousSubject: string | undefined;
    for (const sentence of annotate(block.text, block.start)) {
      if (sentence.end - sentence.start > limits.maxSentenceChars) {
        skippedLongSentences++;
        continue;
      }
      const nonClaim = nonClaimReason(sentence);
      const { drafts, subject } = claimsInSentence(sentence, document, previousSubject, nonClaim !== undefined);
      previousSubject = subject;
      const text = normaliseSpace(sentence.text);
      const claims = drafts.map(
        (draft): Claim => ({
          ...draft,
          slots: draft.slots.map((s) => ({ ...s, range: lines.rangeOf(s.start, s.end) })),
          id: stableHash(`${draft.type}\u0000${text}\u0000${draft.slots.map((s) => s.text).join('\u0000')}`),
          start: sentence.start,
          end: sentence.end,
          range: lines.rangeOf(sentence.start, sentence.end),
          text,
          subject,
        }),
      );
      sentences.push({ sentence, claims, nonClaim });
    }
  }
  return { sentences, skippedLongSentences };
}
