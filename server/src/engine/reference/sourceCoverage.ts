import { type CorpusDocument, foldedPassage } from './corpusDocument';
import { FUNCTION_WORDS } from './grounding';
import { foldText } from './valueKeys';

/**
 * How much of a sentence the writer's sources about its subject contain: the share of its content
 * words found in no such source, and which of those are names or numbers. A lexical stand-in for
 * an entailment model (THEORY.md §9 grounding; the SelfCheckGPT n-gram variant compares the same way).
 */
export interface SourceCoverage {
  /** Content words in the sentence (folded; function words and words under 4 letters left out, numbers kept). */
  words: number;
  /** Content words that no source document about the subject contains, in sentence order. */
  missing: string[];
  /** How many of the missing words are capitalised inside the sentence (names, places, titles). */
  missingNames: number;
  /** How many of the missing words are numbers. */
  missingNumbers: number;
  /** The source documents read. */
  documents: string[];
}

/** Strips the inflections that differ between a draft and its source ("studied" / "studies"). */
const stem = (word: string) => (/\d/.test(word) || word.length < 5 ? word : word.replace(/(ing|ed|es|s)$/, ''));

const isContent = (word: string) => /\d/.test(word) || (word.length >= 4 && !FUNCTION_WORDS.has(word));

/** Stems of every word of a document, computed once per stored document (a changed file is a new object). */
const vocabularies = new WeakMap<CorpusDocument, Set<string>>();

function vocabulary(document: CorpusDocument): Set<string> {
  let words = vocabularies.get(document);
  if (!words) {
    words = new Set(document.passages.flatMap((p) => foldedPassage(p).split(' ').map(stem)));
    vocabularies.set(document, words);
  }
  return words;
}

/** Folded words written with a capital letter after the sentence's first word. */
function capitalised(sentence: string): Set<string> {
  const names = new Set<string>();
  for (const m of sentence.matchAll(/(?<=\s)\p{Lu}[\p{L}\p{M}'’-]*/gu)) for (const w of foldText(m[0]).split(' ')) names.add(w);
  return names;
}

export function sourceCoverage(sentence: string, subject: readonly string[], documents: readonly CorpusDocument[]): SourceCoverage {
  const own = new Set(subject);
  const content = [...new Set(foldText(sentence).split(' '))].filter((w) => isContent(w) && !own.has(w));
  const known = documents.map(vocabulary);
  const missing = content.filter((w) => !known.some((v) => v.has(stem(w))));
  const names = capitalised(sentence);
  return {
    words: content.length,
    missing,
    missingNames: missing.filter((w) => names.has(w)).length,
    missingNumbers: missing.filter((w) => /\d/.test(w)).length,
    documents: documents.map((d) => d.id),
  };
}
