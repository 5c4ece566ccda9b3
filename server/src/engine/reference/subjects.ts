import type { CorpusDocument, Passage } from './corpusDocument';
import { foldedPassage } from './corpusDocument';
import { foldText } from './valueKeys';

/**
 * Whether a text is about a claim's subject, so that it may confirm or contradict the claim: a
 * passage from another person's biography decides nothing about this one.
 */

/** Sentences of a passage, split where a sentence ends before a capital letter. */
export function sentencesOf(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const m of text.matchAll(/(?<=[.!?])\s+(?=[\p{Lu}"“])/gu)) {
    out.push({ text: text.slice(start, m.index), start });
    start = m.index! + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}

/** Words of rank or office written before a name: "Justice Ginsburg", "Admiral Flanagan" name no other given name. */
const TITLES = new Set('sir dame dr mr mrs ms miss prof professor lord lady saint st rev reverend justice judge president senator governor mayor king queen prince princess duke duchess earl count baron emperor pope bishop archbishop cardinal father general admiral captain colonel major lieutenant sergeant commander chancellor minister premier chief coach'.split(' '));

const hasWord = (folded: string, word: string) => ` ${folded} `.includes(` ${word} `);

/** "Rick" and "Richard", "Kate" and "Kathleen": a nickname shares the given name's first three letters. */
const sameGivenName = (a: string, b: string) => a === b || (a.length >= 3 && b.length >= 3 && a.slice(0, 3) === b.slice(0, 3));

/**
 * Whether a sentence names the subject: its full name, its surname alone, or its surname after
 * given names that are the subject's ("Marie Curie" is not named by "Pierre Curie").
 */
export function namesSubject(sentence: string, subject: readonly string[]): boolean {
  if (subject.length === 0) return false;
  const surname = subject[subject.length - 1];
  const folded = foldText(sentence);
  if (!hasWord(folded, surname)) return false;
  if (subject.length === 1) return true;
  const given = subject.slice(0, -1);
  const words = folded.split(' ');
  if (given.some((g) => words.includes(g))) return true;
  // The capitalised words written just before each mention of the surname are its given names.
  const pattern = new RegExp(String.raw`((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){0,3})([\p{L}\p{M}'’-]+)`, 'gu');
  for (const m of sentence.matchAll(pattern)) {
    if (foldText(m[2]) !== surname) continue;
    const before = foldText(m[1])
      .split(' ')
      .filter((w) => w.length > 1 && !TITLES.has(w));
    if (before.length === 0 || before.some((w) => given.some((g) => sameGivenName(w, g)))) return true;
  }
  return false;
}

const aboutCache = new WeakMap<CorpusDocument, Map<string, boolean>>();

/**
 * Whether a whole document is about the subject: its title or first sentence names it. Pronouns
 * and unnamed sentences in such a document are read as about the subject.
 */
export function documentAbout(document: CorpusDocument, subject: readonly string[], key = subject.join(' ')): boolean {
  if (subject.length === 0 || document.passages.length === 0) return false;
  let cache = aboutCache.get(document);
  if (!cache) aboutCache.set(document, (cache = new Map()));
  let about = cache.get(key);
  if (about === undefined) {
    const first = document.passages[0];
    // A heading or a short title line counts with the first sentence of what follows it.
    const lead = [...(document.title ? [document.title] : []), ...[first, ...(first.text.length < 120 && document.passages[1] ? [document.passages[1]] : [])].map((p) => sentencesOf(p.text)[0]?.text ?? '')];
    about = lead.some((s) => namesSubject(s, subject));
    cache.set(key, about);
  }
  return about;
}

/** The folded words of a stored passage, built once: retrieval asks every candidate passage whether it names the subject. */
const passageWords = new WeakMap<Passage, Set<string>>();

function wordsOfPassage(passage: Passage): Set<string> {
  let words = passageWords.get(passage);
  if (!words) passageWords.set(passage, (words = new Set(foldedPassage(passage).split(' '))));
  return words;
}

/**
 * Whether a passage may hold statements about the subject: it is in a document about it, or it
 * names it. One test per subject, for every candidate passage retrieval brings for its claims.
 */
export function aboutTest(subject: readonly string[]): (document: CorpusDocument, passage: Passage) => boolean {
  if (subject.length === 0) return () => true;
  const key = subject.join(' ');
  const surname = subject[subject.length - 1];
  return (document, passage) => documentAbout(document, subject, key) || (wordsOfPassage(passage).has(surname) && sentencesOf(passage.text).some((s) => namesSubject(s.text, subject)));
}

/**
 * The sentences of a passage that speak about the subject: in a document about it, all but those
 * that open with someone else's name or a family member ("Pierre Curie died …", "His wife …");
 * elsewhere, only those that name it.
 */
export function subjectSentences(document: CorpusDocument | undefined, passage: Passage, subject: readonly string[]): Array<{ text: string; start: number }> {
  const all = sentencesOf(passage.text);
  if (subject.length === 0) return all;
  const inAbout = document !== undefined && documentAbout(document, subject);
  return all.filter((s) => namesSubject(s.text, subject) || (inAbout && !startsWithOtherName(s.text, subject)));
}

/** Family words: "his wife died in 1950" is not about the subject's death. */
export const KIN = String.raw`(?:son|sons|daughter|daughters|wife|husband|father|mother|brother|brothers|sister|sisters|child|children|parents|grandfather|grandmother|grandson|granddaughter|uncle|aunt|nephew|niece|cousin|widow|widower|spouse|fianc[ée]e?)`;
const KIN_OPENING = new RegExp(String.raw`^(?:his|her|their|the|[\p{L}'’]+['’]s)\s+(?:\p{L}+\s+)?${KIN}\b`, 'iu');
const STARTERS = new Set('in on at after before during later from as with by the a an this that following since when while although though despite upon between under'.split(' '));

function startsWithOtherName(sentence: string, subject: readonly string[]): boolean {
  if (KIN_OPENING.test(sentence)) return true;
  const lead = /^((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+)+\p{Lu}[\p{L}\p{M}'’-]+)/u.exec(sentence);
  if (!lead) return false;
  if (STARTERS.has(foldText(lead[1]).split(' ')[0])) return false;
  return !namesSubject(lead[1], subject);
}
