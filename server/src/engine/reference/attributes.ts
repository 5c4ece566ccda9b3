import { KIN } from './subjects';
import { foldText } from './valueKeys';

/**
 * What a date or number in a sentence is the value of: a birth, a death, a marriage, a doctorate,
 * an award of a named kind, a population, or a count of a named thing. Two values are compared
 * only when they are values of the same attribute; a value whose attribute cannot be told decides
 * nothing (a move in 1960 says nothing about a death in 1972).
 */
export type Attribute =
  | { kind: 'born' | 'died' | 'married' | 'doctorate' | 'population' }
  | { kind: 'award'; name: string }
  | { kind: 'quantity'; nouns: string[] };

const CUES: Array<[Attribute['kind'], RegExp]> = [
  ['born', /\b(?:born|birth|n[ée]e)\b/giu],
  ['died', /\b(?:died|dies|death|killed|executed|murdered|assassinated|assassination|passed away)\b/giu],
  ['married', /\b(?:married|marries|marriage|wed)\b/giu],
  ['doctorate', /(?:\bdoctorate\b|\bPh\.?\s?D\b\.?|\bdoctoral\b|\bD\.?Phil\b\.?|\bDoctor of Philosophy\b)/giu],
  ['population', /\bpopulation\b/giu],
  ['award', /(?:\p{Lu}[\p{L}'’-]*\s+)+(?:Prize|Award|Medal|Trophy)(?:\s+(?:in|for)(?:\s+\p{Lu}[\p{L}'’-]*)+)?/gu],
];

/** Where a value's clause starts or ends: a value in the next clause is another fact's. */
const CLAUSE_BREAK = /;|\s[–—-]\s|,?\s+(?:and|but|then|where|when|while|before|after|until|following)\s+|,\s+(?=\p{Ll}+ed\b)/gu;

const WINDOW = { before: 70, after: 30 };

const KIN_BEFORE = new RegExp(String.raw`\b${KIN}\b[^,;]{0,40}$`, 'i');
/** "Henry's death in 1197": someone named is the one who died. */
const POSSESSIVE_BEFORE = /\p{Lu}[\p{L}\p{M}-]*['’]s?\s+$/u;

function clause(sentence: string, start: number, end: number): { from: number; to: number } {
  let from = Math.max(0, start - WINDOW.before);
  let to = Math.min(sentence.length, end + WINDOW.after);
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const at = m.index!;
    if (at + m[0].length <= start && at + m[0].length > from) from = at + m[0].length;
    if (at >= end && at < to) to = at;
  }
  return { from, to };
}

/** The attribute a value at [start, end) of a sentence is the value of, when the sentence says. */
export function attributeAt(sentence: string, start: number, end: number, kind: 'date' | 'number'): Attribute | undefined {
  const { from, to } = clause(sentence, start, end);
  let best: { attribute: Attribute; distance: number } | undefined;
  for (const [name, regex] of CUES) {
    for (const m of sentence.matchAll(regex)) {
      const cueStart = m.index!;
      const cueEnd = cueStart + m[0].length;
      if (cueStart < from || cueEnd > to) continue;
      // Cues before the value are read first: "born in 1867 and died" is a birth.
      const distance = cueEnd <= start ? start - cueEnd : cueStart >= end ? 1000 + cueStart - end : -1;
      if (distance < 0) continue;
      if ((name === 'born' || name === 'died' || name === 'married') && (KIN_BEFORE.test(sentence.slice(from, cueStart)) || POSSESSIVE_BEFORE.test(sentence.slice(from, cueStart)))) continue;
      const attribute: Attribute = name === 'award' ? { kind: 'award', name: awardName(m[0]) } : { kind: name as 'born' };
      if (!best || distance < best.distance) best = { attribute, distance };
    }
  }
  if (best) return best.attribute;
  if (kind === 'number') {
    // "more than 1,000 modules", "41 Tests": the words right after the number name what it counts.
    const after = /^\s*(%|percent\b|per cent\b)?\s*([\p{L}][\p{L}'’-]*)?(?:\s+([\p{L}][\p{L}'’-]*))?/u.exec(sentence.slice(end));
    const nouns = [after?.[1] ? 'percent' : '', after?.[2] ?? '', after?.[3] ?? ''].map((w) => stem(foldText(w))).filter((w) => w.length > 0 && !NOT_NOUNS.has(w));
    if (nouns.length > 0) return { kind: 'quantity', nouns };
  }
  return undefined;
}

const NOT_NOUNS = new Set('and or to of in on at for with by from the a an was were is are has had have as than more less which that who'.split(' '));

const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** "the Nobel Prize in Physics" → "nobel prize in physics". */
function awardName(text: string): string {
  return foldText(text)
    .split(' ')
    .filter((w) => !['the', 'a', 'an', 'his', 'her', 'their', 'won', 'awarded', 'received'].includes(w))
    .join(' ');
}

/**
 * Whether two attributes are the same relation and role: an award of the same named kind (a
 * claim's "Nobel Prize" is not compared with a source's "Nobel Prize in Physics": the subject may
 * hold more than one), a count of the same noun.
 */
export function sameAttribute(a: Attribute, b: Attribute): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'award') return a.name === (b as typeof a).name;
  // "104 league appearances" is not "200 appearances": the counted noun is the first word after the number on both sides.
  if (a.kind === 'quantity') return a.nouns[0] !== undefined && a.nouns[0] === (b as typeof a).nouns[0];
  return true;
}

export function describeAttribute(a: Attribute): string {
  if (a.kind === 'award') return a.name;
  if (a.kind === 'quantity') return `count of ${a.nouns[0]}`;
  return a.kind;
}

/** How a value is hedged: "more than 1,000", "about 3 million", "before 1900", "c. 1650". */
export type Qualifier = 'more' | 'at-least' | 'less' | 'at-most' | 'about' | 'nearly' | 'unsure';

const QUALIFIERS: Array<[Qualifier, RegExp]> = [
  ['more', /\b(?:more than|over|above|exceeding|upwards of)\s*$/i],
  ['at-least', /\b(?:at least|no fewer than|no less than)\s*$/i],
  ['less', /\b(?:less than|fewer than|under|below)\s*$/i],
  ['at-most', /\b(?:up to|at most|no more than)\s*$/i],
  ['nearly', /\b(?:nearly|almost|just under)\s*$/i],
  ['about', /\b(?:about|around|approximately|roughly|some|circa|an estimated)\s*$|(?:\bc\.|\bca\.|~)\s*$/i],
  ['unsure', /\b(?:before|after|by|until|since|early|late|mid|the)\s*-?\s*$/i],
  // A bound of a range or one of a list: "from 110 million to 1.5 billion", "between 1979 and 1991".
  ['unsure', /\b(?:from|between|to|and|or|ranging)\s*$|[–-]\s*$/i],
];

export function qualifierBefore(sentence: string, start: number): Qualifier | undefined {
  const before = sentence.slice(Math.max(0, start - 25), start);
  return QUALIFIERS.find(([, regex]) => regex.test(before))?.[0];
}

/** Whether x lies in the range a hedged value stands for ("more than 1,000" holds 1,200). */
function within(q: Qualifier, bound: number, x: number): boolean {
  switch (q) {
    case 'more':
      return x > bound;
    case 'at-least':
      return x >= bound;
    case 'less':
      return x < bound;
    case 'at-most':
      return x <= bound;
    case 'nearly':
      return x <= bound && x >= bound * 0.9;
    case 'about':
      return Math.abs(x - bound) <= Math.abs(bound) * 0.1;
    case 'unsure':
      return true;
  }
}

export type Comparison = 'agree' | 'conflict' | 'unknown';

/** Only values of the same precision class are compared: a decade or a day without a year says nothing about a year. */
function dateParts(key: string): number[] | undefined {
  const year = /^year:(\d+)$/.exec(key);
  if (year) return [Number(year[1])];
  const date = /^date:(\d+)-(\d\d)(?:-(\d\d))?$/.exec(key);
  if (date) return [Number(date[1]), Number(date[2]), ...(date[3] ? [Number(date[3])] : [])];
  return undefined;
}

/**
 * Whether a claimed value and a stated one agree at the precision both state: "1867" agrees with
 * "7 November 1867" and "November 1867"; "8 November 1867" conflicts with "7 November 1867"; "more
 * than 1,000" agrees with "1,200"; a hedged value that may hold the other is unknown.
 */
export function compareValues(claimed: { key: string; qualifier?: Qualifier }, stated: { key: string; qualifier?: Qualifier }): Comparison {
  const a = dateParts(claimed.key);
  const b = dateParts(stated.key);
  if (a && b) {
    const shared = Math.min(a.length, b.length);
    const same = a.slice(0, shared).every((x, i) => x === b[i]);
    if (same) return 'agree';
    if (claimed.qualifier || stated.qualifier) return 'unknown';
    return 'conflict';
  }
  const x = /^num:(.+)$/.exec(claimed.key);
  const y = /^num:(.+)$/.exec(stated.key);
  if (x && y) {
    const cv = Number(x[1]);
    const sv = Number(y[1]);
    if (claimed.qualifier && stated.qualifier) return cv === sv && claimed.qualifier === stated.qualifier ? 'agree' : 'unknown';
    if (claimed.qualifier) return within(claimed.qualifier, cv, sv) ? 'agree' : claimed.qualifier === 'unsure' ? 'unknown' : 'conflict';
    if (stated.qualifier) return within(stated.qualifier, sv, cv) ? 'unknown' : stated.qualifier === 'unsure' ? 'unknown' : 'conflict';
    return cv === sv ? 'agree' : 'conflict';
  }
  return claimed.key === stated.key ? 'agree' : 'unknown';
}
