import type { ClaimFact, SlotValue } from './claimFacts';
import { foldedPassage } from './corpusDocument';
import type { PassageHit } from './corpusIndex';
import type { SourceCoverage } from './sourceCoverage';
import { foldText, keysAgree, valueMentions, type ValueMention } from './valueKeys';

export type GroundingStatus = 'supported' | 'contradicted' | 'unsupported' | 'no-sources';

export interface Grounding {
  status: GroundingStatus;
  /** The passage that supports or contradicts the claim. */
  passage?: PassageHit;
  /** For a contradiction: the claim's value and what the source states instead ("1879"). */
  conflict?: { claimed: string; stated: string };
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
  /** Folded words around it in its sentence (the relation cue). */
  words: Set<string>;
}

const wordsOf = (text: string) => new Set(foldText(text).split(' ').filter((w) => w.length > 3 && !FUNCTION_WORDS.has(w)));

/** Words near a value: the relation it is the value of ("born … 1879", "population of 3 million"). */
const CUE_WINDOW = { before: 60, after: 25 };

function wordsAround(text: string, start: number, end: number): Set<string> {
  return wordsOf(text.slice(Math.max(0, start - CUE_WINDOW.before), end + CUE_WINDOW.after));
}

/** Dates and numbers a passage states, each with the words around it; life spans count as "born"/"died". */
function statements(text: string): Statement[] {
  const found: Statement[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const lifespans = [...sentence.matchAll(LIFESPAN)];
    for (const m of lifespans) {
      const [birth] = valueMentions(m[1]).filter((v) => v.kind === 'date');
      const [death] = valueMentions(m[2]).filter((v) => v.kind === 'date');
      if (birth) found.push({ mention: birth, words: new Set(['born', 'birth']) });
      if (death) found.push({ mention: death, words: new Set(['died', 'death']) });
    }
    const inLifespan = (at: number) => lifespans.some((m) => at >= m.index! && at < m.index! + m[0].length);
    for (const mention of valueMentions(sentence)) {
      if (mention.kind !== 'identifier' && !inLifespan(mention.start)) found.push({ mention, words: wordsAround(sentence, mention.start, mention.end) });
    }
  }
  return found;
}

/** Only values of the same precision class conflict: a decade or a day without a year says nothing about a year. */
function comparable(claimed: string, stated: string): boolean {
  const kind = (key: string) => /^(year|date:\d)/.test(key) ? 'dated' : key.split(':')[0];
  return kind(claimed) === kind(stated) && !claimed.startsWith('date:--') && !stated.startsWith('date:--');
}

function containsWords(folded: string, terms: string[]): boolean {
  const words = new Set(folded.split(' '));
  return terms.every((t) => words.has(t));
}

function valueFound(value: SlotValue, passage: PassageHit, folded: string): boolean {
  if (value.kind === 'key') return passage.passage.keys.some((k) => keysAgree(value.key, k));
  if (value.kind === 'exact') return folded.includes(value.text);
  return containsWords(folded, value.terms);
}

/** The passages that name the claim's subject (its last name word), with their folded text; all of them when the claim has no subject. */
export function aboutSubject(fact: ClaimFact, passages: PassageHit[]): Array<{ hit: PassageHit; folded: string }> {
  const surname = fact.subject[fact.subject.length - 1];
  return passages.map((p) => ({ hit: p, folded: foldedPassage(p.passage) })).filter(({ folded }) => surname === undefined || containsWords(folded, [surname]));
}

/**
 * Judges a claim against the source passages retrieved for it. Supported: a passage about the
 * subject holds every slot value (at the precision the source states). Contradicted: a passage
 * about the subject states a different date or number in a sentence sharing a relation word
 * with the claim ("born", "population") and none supports it. Otherwise unsupported.
 */
export function judgeClaim(fact: ClaimFact, claimSentence: string, passages: PassageHit[], about = aboutSubject(fact, passages)): Grounding {
  const supporting = about.find(({ hit, folded }) => fact.values.length > 0 && fact.values.every((v) => valueFound(v, hit, folded)));
  if (supporting) return { status: 'supported', passage: supporting.hit, passagesRead: passages.length };

  const own = new Set([...fact.subject, ...fact.values.flatMap((v) => foldText(v.slot.text).split(' '))]);
  // A passage's statements are read once, however many of the claim's values are checked against them.
  const stated = new Map<PassageHit, Statement[]>();
  const statementsOf = (hit: PassageHit) => {
    let found = stated.get(hit);
    if (!found) {
      found = statements(hit.passage.text);
      stated.set(hit, found);
    }
    return found;
  };
  for (const value of fact.values) {
    if (value.kind !== 'key' || value.valueKind === 'identifier') continue;
    const at = claimSentence.indexOf(value.slot.text);
    const cues = [...wordsAround(claimSentence, Math.max(0, at), Math.max(0, at) + value.slot.text.length)].filter((w) => !own.has(w));
    for (const { hit } of about) {
      if (valueFound(value, hit, '')) continue;
      const conflict = statementsOf(hit).find(
        (s) => s.mention.kind === value.valueKind && comparable(value.key, s.mention.key) && !keysAgree(value.key, s.mention.key) && cues.some((c) => s.words.has(c)),
      );
      if (conflict) return { status: 'contradicted', passage: hit, conflict: { claimed: value.slot.text, stated: conflict.mention.text }, passagesRead: passages.length };
    }
  }
  return { status: 'unsupported', passagesRead: passages.length };
}
