// The hand-labelled claims reference (bench/data/claims-reference): what a careful reader flags in
// real text nobody on the team wrote, and how ClaimFloor's extraction scores against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AssessedClaim, analyzeDocument, CLAIM_TYPES, resolveConfig } from '../../server/src/engine';

export interface ReferenceFact {
  span: string;
  start: number;
  end: number;
  type: string;
  note?: string;
}

export interface ReferenceSentence {
  id: string;
  source: 'factcheck-gpt' | 'halueval' | 'npm-docs' | 'wikibio';
  doc: string;
  split: 'dev' | 'test';
  text: string;
  context: string;
  facts: ReferenceFact[];
  nonClaimReason?: string;
}

export const REFERENCE_FILE = join(__dirname, '..', 'data', 'claims-reference', 'claims-reference.jsonl');

export function readReference(split?: 'dev' | 'test'): ReferenceSentence[] {
  return readFileSync(REFERENCE_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ReferenceSentence)
    .filter((s) => split === undefined || s.split === split);
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** A slot is on the fact when they overlap by at least half of the longer of the two. */
export const onTheFact = (slot: { start: number; end: number }, fact: { start: number; end: number }) => overlap(slot, fact) >= 0.5 * Math.max(slot.end - slot.start, fact.end - fact.start);

export interface ScoredClaim {
  type: string;
  slots: Array<{ start: number; end: number; text: string }>;
  checkable: boolean;
  rightType: boolean;
  rightSpan: boolean;
}

export interface SentenceScore {
  sentence: ReferenceSentence;
  claims: ScoredClaim[];
  /** Per labelled fact: whether some claim's slot touches its value, and whether a slot of the right type is on it. */
  facts: Array<{ fact: ReferenceFact; touched: boolean; found: boolean }>;
}

/**
 * Extracts the claims of one reference sentence the way the product would: the sentence after its
 * preceding context (so a pronoun has its antecedent), claims kept where they lie in the sentence.
 */
export function scoreSentence(sentence: ReferenceSentence, extract: (text: string) => AssessedClaim[] = (text) => analyzeDocument(text, resolveConfig()).claims): SentenceScore {
  const prefix = sentence.context ? `${sentence.context}\n\n` : '';
  const at = prefix.length;
  const inSentence = (s: { start: number; end: number }) => s.start >= at && s.end <= at + sentence.text.length;
  const claims = extract(prefix + sentence.text)
    .filter((c) => c.slots.some(inSentence) || (c.slots.length === 0 && inSentence(c)))
    .map((c): ScoredClaim => {
      const slots = c.slots.filter(inSentence).map((s) => ({ start: s.start - at, end: s.end - at, text: s.text }));
      const touched = sentence.facts.filter((f) => slots.some((s) => overlap(s, f) > 0));
      const sameType = touched.filter((f) => f.type === c.type);
      return { type: c.type, slots, checkable: touched.length > 0, rightType: sameType.length > 0, rightSpan: sameType.some((f) => slots.some((s) => onTheFact(s, f))) };
    });
  const facts = sentence.facts.map((fact) => ({
    fact,
    touched: claims.some((c) => c.slots.some((s) => overlap(s, fact) > 0)),
    found: claims.some((c) => c.type === fact.type && c.slots.some((s) => onTheFact(s, fact))),
  }));
  return { sentence, claims, facts };
}

export interface ExtractionReport {
  sentences: number;
  claims: number;
  /** Claims that are checkable, of the right type and on the fact (all three). */
  fullyRight: number;
  checkable: number;
  rightType: number;
  facts: number;
  /** Facts some claim's slot touches. */
  recalledByValue: number;
  /** Facts a slot of the right type is on. */
  found: number;
  nonClaimSentences: number;
  nonClaimFlagged: number;
  perType: Array<{ type: string; claims: number; fullyRight: number; facts: number; recalled: number; found: number }>;
  perSource: Array<{ source: string; claims: number; fullyRight: number; facts: number; recalled: number; nonClaim: number; nonClaimFlagged: number }>;
}

export function extractionReport(scores: SentenceScore[]): ExtractionReport {
  const claims = scores.flatMap((s) => s.claims);
  const facts = scores.flatMap((s) => s.facts);
  const nonClaim = scores.filter((s) => s.sentence.facts.length === 0);
  const types = [...new Set([...CLAIM_TYPES, 'general-fact', ...facts.map((f) => f.fact.type)])];
  return {
    sentences: scores.length,
    claims: claims.length,
    fullyRight: claims.filter((c) => c.rightSpan).length,
    checkable: claims.filter((c) => c.checkable).length,
    rightType: claims.filter((c) => c.rightType).length,
    facts: facts.length,
    recalledByValue: facts.filter((f) => f.touched).length,
    found: facts.filter((f) => f.found).length,
    nonClaimSentences: nonClaim.length,
    nonClaimFlagged: nonClaim.filter((s) => s.claims.length > 0).length,
    perType: types.map((type) => ({
      type,
      claims: claims.filter((c) => c.type === type).length,
      fullyRight: claims.filter((c) => c.type === type && c.rightSpan).length,
      facts: facts.filter((f) => f.fact.type === type).length,
      recalled: facts.filter((f) => f.fact.type === type && f.touched).length,
      found: facts.filter((f) => f.fact.type === type && f.found).length,
    })),
    perSource: [...new Set(scores.map((s) => s.sentence.source))].map((source) => {
      const mine = scores.filter((s) => s.sentence.source === source);
      const mineClaims = mine.flatMap((s) => s.claims);
      const mineFacts = mine.flatMap((s) => s.facts);
      const mineNon = mine.filter((s) => s.sentence.facts.length === 0);
      return { source, claims: mineClaims.length, fullyRight: mineClaims.filter((c) => c.rightSpan).length, facts: mineFacts.length, recalled: mineFacts.filter((f) => f.touched).length, nonClaim: mineNon.length, nonClaimFlagged: mineNon.filter((s) => s.claims.length > 0).length };
    }),
  };
}
