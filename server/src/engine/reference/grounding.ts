import { type Attribute, attributeAt, compareValues, describeAttribute, type Qualifier, qualifierBefore, sameAttribute } from './attributes';
import type { ClaimFact, SlotValue } from './claimFacts';
import { type CorpusDocument, foldedPassage, type Passage } from './corpusDocument';
import type { PassageHit } from './corpusIndex';
import type { SourceCoverage } from './sourceCoverage';
import { subjectSentences } from './subjects';
import { foldText, valueMentions, type ValueMention } from './valueKeys';

/**
 * `no-subject-source`: the writer has sources, but none is about the claim's subject, so they
 * neither support nor contradict it.
 */
export type GroundingStatus = 'supported' | 'contradicted' | 'unsupported' | 'no-subject-source' | 'no-sources';

export interface Grounding {
  status: GroundingStatus;
  /** The passage that supports or contradicts the claim. */
  passage?: PassageHit;
  /** For a contradiction: the claim's value and what the source states instead ("1879"). */
  conflict?: { claimed: string; stated: string };
  /** Unsupported with some values stated: the values a source about the subject states, and those none does. */
  partial?: { stated: string[]; missing: string[] };
  /** For a contradiction: what the conflicting values are values of ("born", "nobel prize in physics"). */
  attribute?: string;
  /** How many source passages were read. */
  passagesRead: number;
  /** How much of the claim's sentence the sources about its subject contain (absent without sources). */
  coverage?: SourceCoverage;
}

/** Words that say nothing about which relation a sentence states. */
export const FUNCTION_WORDS = new Set(
  'that this with from were have been which their there also into after before when where than then they them what about over under while would could should these those other some such only more most very just will shall being does each both between during through until upon within without'.split(' '),
);

/** A life span in parentheses, "(22 May 1828 – 29 May 1896)": the first date is a birth, the second a death. */
const LIFESPAN = /\(([^()]{3,40}?)\s*[–-]\s*([^()]{3,40}?)\)/g;

interface Statement {
  mention: ValueMention;
  attribute?: Attribute;
  qualifier?: Qualifier;
}

/** A value the claim states, with what it is the value of in the claim's sentence. */
interface Claimed {
  key: string;
  kind: 'date' | 'number';
  text: string;
  attribute?: Attribute;
  qualifier?: Qualifier;
}

/** One end of a life span: a date, or a bare year ("1867", "c. 1650"), which is a date here. */
function spanDate(text: string): ValueMention | undefined {
  const [date] = valueMentions(text).filter((v) => v.kind === 'date');
  if (date) return date;
  const year = /^(\s*(?:c\.|ca\.|circa)?\s*)(\d{3,4})\s*$/.exec(text);
  return year ? { key: `year:${Number(year[2])}`, start: year[1].length, end: year[1].length + year[2].length, text: year[2], kind: 'date' } : undefined;
}

/**
 * A parenthesis of two dates is a life span only right after a name that opens the sentence
 * ("Marie Curie (1867 – 1934) was …"); after a title it is a run ("Petticoat Junction (1964–1970)").
 */
function isLifespan(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at).trim();
  if (before.length === 0 || before.length > 120) return false;
  return before.split(/[\s,]+/).every((w) => w === '' || /^[\p{Lu}"“'‘(]/u.test(w) || /^\d+(?:st|nd|rd|th)$/.test(w) || NAME_PARTICLES.has(w.toLowerCase()));
}

const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'of', 'the', 'y', 'bin', 'ibn', 'al', 'née', 'nee', 'jr', 'jr.', 'sr', 'sr.']);

/** A life span's birth and death. */
function lifespanStatements(m: RegExpMatchArray): Statement[] {
  const found: Statement[] = [];
  const birth = spanDate(m[1]);
  const death = spanDate(m[2]);
  if (birth) found.push({ mention: birth, attribute: { kind: 'born' }, qualifier: qualifierBefore(m[1], birth.start) });
  if (death) found.push({ mention: death, attribute: { kind: 'died' }, qualifier: qualifierBefore(m[2], death.start) });
  return found;
}

/** Dates and numbers the sentences about the subject state, each with its attribute; life spans are a birth and a death. */
function statements(sentences: ReadonlyArray<{ text: string }>): Statement[] {
  const found: Statement[] = [];
  for (const { text: sentence } of sentences) {
    const lifespans = [...sentence.matchAll(LIFESPAN)].filter((m) => isLifespan(sentence, m.index!));
    for (const m of lifespans) found.push(...lifespanStatements(m));
    const inLifespan = (at: number) => lifespans.some((m) => at >= m.index! && at < m.index! + m[0].length);
    for (const mention of valueMentions(sentence)) {
      if (mention.kind === 'identifier' || inLifespan(mention.start)) continue;
      found.push({ mention, attribute: attributeAt(sentence, mention.start, mention.end, mention.kind), qualifier: qualifierBefore(sentence, mention.start) });
    }
  }
  return found;
}

/** The dates and numbers of a claim with their attributes; a life span slot "(1867 – 1934)" is a birth and a death. */
function claimedValues(fact: ClaimFact, sentence: string): Claimed[] {
  const out: Claimed[] = [];
  for (const value of fact.values) {
    if (value.kind !== 'key' || value.valueKind === 'identifier') continue;
    const at = Math.max(0, sentence.indexOf(value.slot.text));
    const span = new RegExp(LIFESPAN.source).exec(value.slot.text);
    if (span && isLifespan(sentence, at)) {
      const spanStatements = lifespanStatements(span);
      for (const s of spanStatements) out.push({ key: s.mention.key, kind: 'date', text: s.mention.text, attribute: s.attribute, qualifier: s.qualifier });
      if (spanStatements.length > 0) continue;
    }
    out.push({
      key: value.key,
      kind: value.valueKind,
      text: value.slot.text,
      attribute: attributeAt(sentence, at, at + value.slot.text.length, value.valueKind),
      qualifier: qualifierBefore(sentence, at),
    });
  }
  return out;
}

function containsWords(folded: string, terms: string[]): boolean {
  const words = new Set(folded.split(' '));
  return terms.every((t) => words.has(t));
}

/** A passage about the subject, with the sentences in it that speak about the subject. */
export interface AboutPassage {
  hit: PassageHit;
  /** The folded text of those sentences. */
  folded: string;
  sentences: Array<{ text: string; start: number }>;
  /** The dates and numbers those sentences state, with their attributes. */
  statements: Statement[];
}

/**
 * The passages that speak about the claim's subject, and in each the sentences that do (see
 * subjects.ts: a document whose title or first sentence names the subject, or sentences that name
 * it); all of them when the claim has no subject.
 */
export function aboutSubject(fact: ClaimFact, passages: PassageHit[], documentOf: (id: string) => CorpusDocument | undefined = () => undefined): AboutPassage[] {
  const out: AboutPassage[] = [];
  for (const hit of passages) {
    const read = passageReading(hit, fact.subject, documentOf);
    if (read.sentences.length > 0) out.push({ hit, ...read });
  }
  return out;
}

/**
 * A stored passage's sentences about a subject, their folded text and the values they state,
 * worked out once per passage and subject (every claim about a subject reads the same passages).
 * A changed file is a new passage object, so the entries go with the old one.
 */
const readings = new WeakMap<Passage, Map<string, Omit<AboutPassage, 'hit'>>>();
const MAX_READINGS_PER_PASSAGE = 64;

function passageReading(hit: PassageHit, subject: readonly string[], documentOf: (id: string) => CorpusDocument | undefined): Omit<AboutPassage, 'hit'> {
  let bySubject = readings.get(hit.passage);
  if (!bySubject || bySubject.size >= MAX_READINGS_PER_PASSAGE) readings.set(hit.passage, (bySubject = new Map()));
  const key = subject.join(' ');
  let read = bySubject.get(key);
  if (!read) {
    const sentences = subject.length === 0 ? [{ text: hit.passage.text, start: 0 }] : subjectSentences(documentOf(hit.document), hit.passage, subject);
    read = { folded: subject.length === 0 ? foldedPassage(hit.passage) : foldText(sentences.map((s) => s.text).join(' ')), sentences, statements: statements(sentences) };
    bySubject.set(key, read);
  }
  return read;
}

type Verdict = { comparison: 'agree' | 'conflict' | 'none'; statement?: Statement; hit?: PassageHit };

/**
 * What the passages about the subject say about one claimed value. A statement of the same
 * attribute decides: any that agrees supports, otherwise one that conflicts contradicts. Without
 * one, a value stated with no attribute of its own may support (never contradict) a claimed value.
 */
function judgeValue(claimed: Claimed, about: ReadonlyArray<{ p: AboutPassage; statements: Statement[] }>): Verdict {
  let conflict: Verdict | undefined;
  let loose: Verdict | undefined;
  let undecided = false;
  const conflicting: Statement[] = [];
  for (const { p, statements } of about) {
    for (const s of statements) {
      if (s.mention.kind !== claimed.kind) continue;
      const comparison = compareValues(claimed, { key: s.mention.key, qualifier: s.qualifier });
      const same = claimed.attribute !== undefined && s.attribute !== undefined && sameAttribute(claimed.attribute, s.attribute);
      if (same) {
        if (comparison === 'agree') return { comparison: 'agree', statement: s, hit: p.hit };
        if (comparison === 'conflict') {
          conflict ??= { comparison: 'conflict', statement: s, hit: p.hit };
          conflicting.push(s);
        }
        else undecided = true;
      } else if (comparison === 'agree' && claimed.attribute === undefined) loose ??= { comparison: 'agree', statement: s, hit: p.hit };
    }
  }
  // Sources that give several values for the attribute (versions, seasons, disagreeing sources) settle none of them.
  const severalValues = conflicting.some((a) => conflicting.some((b) => compareValues({ key: a.mention.key }, { key: b.mention.key }) === 'conflict'));
  if (conflict && !undecided && !severalValues) return conflict;
  if (conflict) return { comparison: 'none' };
  if (loose) return loose;
  // A BibTeX entry's year field is keyed without a sentence to read it in.
  const entry = about.find(({ p }) => p.hit.passage.bibKey !== undefined && p.hit.passage.keys.includes(claimed.key));
  return entry ? { comparison: 'agree', hit: entry.p.hit } : { comparison: 'none' };
}

/**
 * Judges a claim against the source passages retrieved for it. Only passages about the claim's
 * subject count, and only their sentences about it. Contradicted: a date or number the claim gives
 * for an attribute (born, died, married, doctorate, an award of a named kind, a population, a
 * count of a named thing) conflicts, at the precision both state, with every value the sources
 * state for the same attribute. Supported: one passage states every value of the claim, dates and
 * numbers for the same attribute where the sources give one. Otherwise unsupported, with the values
 * stated and missing when some are; `no-subject-source` when no passage is about the subject.
 */
export function judgeClaim(fact: ClaimFact, claimSentence: string, passages: PassageHit[], about = aboutSubject(fact, passages)): Grounding {
  const passagesRead = passages.length;
  if (fact.subject.length > 0 && about.length === 0) return { status: 'no-subject-source', passagesRead };
  const read = about.map((p) => ({ p, statements: p.statements }));
  const claimed = claimedValues(fact, claimSentence);
  const verdicts = claimed.map((c) => ({ c, verdict: judgeValue(c, read) }));
  const conflicting = verdicts.find(({ verdict }) => verdict.comparison === 'conflict');
  if (conflicting) {
    const { c, verdict } = conflicting;
    return { status: 'contradicted', passage: verdict.hit, conflict: { claimed: c.text, stated: verdict.statement!.mention.text }, attribute: describeAttribute(c.attribute!), passagesRead };
  }
  // Names, places, titles: found in the sentences about the subject of one passage.
  const otherValues = fact.values.filter((v) => v.kind !== 'key' || v.valueKind === 'identifier');
  const otherFound = (v: SlotValue, p: AboutPassage) =>
    v.kind === 'key' ? p.hit.passage.keys.includes(v.key) : v.kind === 'exact' ? p.folded.includes(v.text) || foldedPassage(p.hit.passage).includes(v.text) : containsWords(p.folded, v.terms);
  let best: { p: AboutPassage; stated: string[]; missing: string[] } | undefined;
  for (const { p } of read) {
    const stated: string[] = [];
    const missing: string[] = [];
    for (const { c, verdict } of verdicts) (verdict.comparison === 'agree' && verdict.hit === p.hit ? stated : missing).push(c.text);
    for (const v of otherValues) (otherFound(v, p) ? stated : missing).push(v.slot.text);
    if (!best || stated.length > best.stated.length) best = { p, stated, missing };
  }
  const total = claimed.length + otherValues.length;
  if (best && total > 0 && best.missing.length === 0) return { status: 'supported', passage: best.p.hit, passagesRead };
  // Values stated in different passages about the subject still count as stated.
  const statedAnywhere = new Set([...verdicts.filter(({ verdict }) => verdict.comparison === 'agree').map(({ c }) => c.text), ...otherValues.filter((v) => read.some(({ p }) => otherFound(v, p))).map((v) => v.slot.text)]);
  const all = [...claimed.map((c) => c.text), ...otherValues.map((v) => v.slot.text)];
  if (statedAnywhere.size > 0 && statedAnywhere.size === all.length) return { status: 'supported', passage: best?.p.hit, passagesRead };
  const partial = statedAnywhere.size > 0 ? { stated: all.filter((t) => statedAnywhere.has(t)), missing: all.filter((t) => !statedAnywhere.has(t)) } : undefined;
  return { status: 'unsupported', partial, passagesRead };
}
