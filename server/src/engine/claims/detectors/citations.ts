import type { ClaimDraft, Slot } from '../claim';
import { type DetectionContext, type Detector, VERBATIM } from './detectionContext';

const NAME = String.raw`\p{Lu}[\p{L}'’-]+`;
const AUTHORS = String.raw`${NAME}(?:(?:\s+(?:and|&)\s+|,\s+)${NAME})*(?:,?\s+et\s+al\.?)?`;
/** In running text a comma usually ends the author list ("Empirically, Walters and Wilder (2023)"). */
const NARRATIVE_AUTHORS = String.raw`${NAME}(?:\s+(?:and|&)\s+${NAME})*(?:\s+et\s+al\.?)?`;
/** (Smith, 2019), (Smith & Jones 2020a; Lee et al., 2021, p. 4) */
const PARENTHETICAL = new RegExp(String.raw`\((?:see\s+|e\.g\.,?\s+|cf\.\s+)?(${AUTHORS}),?\s+(\d{4}[a-z]?)(?:,\s*pp?\.\s*[\d–-]+)?(?:;\s*[^()]*)?\)`, 'dgu');
/** Smith et al. (2019), Smith and Jones (2020) */
const NARRATIVE = new RegExp(String.raw`(?<![\p{L}])(${NARRATIVE_AUTHORS})\s+\((\d{4}[a-z]?)\)`, 'dgu');
/**
 * What stands before a narrative match when its "author" is really the end of a work's title or
 * of a full name ("The Law of Copyright (1865)", "the poet John Keats (1848)"): a capitalised word,
 * possibly with a title's small words after it.
 */
const TITLE_OR_NAME_BEFORE = /(\p{Lu}[\p{L}'’-]*)((?:\s+(?:of|the|and|a|an|in|on|to|for|&))*)\s+$/u;

/** Author–year reads a surname; a title-cased phrase or a first name before it makes it a work or a person with a year, not a reference. */
function isNarrativeCitation(before: string): boolean {
  const m = before.match(TITLE_OR_NAME_BEFORE);
  if (!m) return true;
  // "See Smith et al. (2019)": the sentence's own first word, directly before the surname.
  return m.index === before.search(/\S/) && m[2] === '' && /^(?:See|Cf|As|In|Following|Unlike|Like|Per)$/.test(m[1]);
}

/** "H.", "J. R.", "A.-M." after a surname in a reference list. */
const INITIALS = String.raw`\p{Lu}\.(?:\s*-?\p{Lu}\.)*`;
const LISTED_AUTHOR = String.raw`${NAME},\s+${INITIALS}`;
/** A reference-list entry: "Fang, H., et al. (2010).", "Smith, J., & Lee, K. (2019)." at the start of its sentence. */
const REFERENCE_ENTRY = new RegExp(String.raw`^\s*(${LISTED_AUTHOR}(?:,?\s+(?:&\s+|and\s+)?${LISTED_AUTHOR})*(?:,?\s+et\s+al\.?)?)\s*\((\d{4}[a-z]?)\)`, 'du');

/** [12], [3, 7], [4–6] when the bracket is plain text (not a Markdown link). */
const NUMERIC = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]/dg;
/** A quoted title after a publication word: the paper "Attention Is All You Need". */
const TITLE = /\b(?:paper|article|book|novel|study|report|essay|thesis|titled|entitled|chapter|preprint|review)\s*,?\s*[“"]([^”"]{6,200})[”"]/dgi;
const VENUE = /\b(?:published|appeared|printed|reported)\s+in\s+(?:the\s+)?((?:\p{Lu}[\p{L}&.-]*)(?:\s+(?:of\s+|the\s+|&\s+)?\p{Lu}[\p{L}&.-]*)*)/dgu;

/** References to publications: author–year, numeric and title citations, and the venue named. */
export const detectCitations: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const drafts: ClaimDraft[] = [];
  const add = (slots: Slot[]) => {
    if (slots.length === 0 || !slots.every((s) => context.isFree(s.start, s.end))) return;
    drafts.push(context.takeAll({ type: 'citation', slots, answerSpace: VERBATIM, checks: [] }));
  };
  const entry = REFERENCE_ENTRY.exec(sentence.text);
  if (entry) {
    add([context.localSlot('author', ...entry.indices![1]), context.localSlot('year', ...entry.indices![2])]);
    // The rest of the entry (title, venue, volume, pages) is the same reference, not figures to check one by one.
    context.take({ start: sentence.start + entry.indices![2][1], end: sentence.end });
  }
  for (const regex of [PARENTHETICAL, NARRATIVE]) {
    for (const m of sentence.text.matchAll(regex)) {
      const [[aStart, aEnd], [yStart, yEnd]] = [m.indices![1], m.indices![2]];
      if (regex === NARRATIVE && !isNarrativeCitation(sentence.text.slice(0, aStart))) continue;
      add([context.localSlot('author', aStart, aEnd), context.localSlot('year', yStart, yEnd)]);
    }
  }
  for (const m of sentence.text.matchAll(NUMERIC)) {
    const [s, e] = m.indices![0];
    add([context.localSlot('reference', s, e)]);
  }
  for (const m of sentence.text.matchAll(TITLE)) {
    const [s, e] = m.indices![1];
    const title = context.localSlot('title', s, e);
    // A title next to an author–year citation is the same reference, so one claim.
    if (drafts.length > 0 && context.isFree(title.start, title.end)) {
      drafts[0].slots.unshift(title);
      context.take(title);
    } else add([title]);
  }
  if (drafts.length > 0) {
    for (const m of sentence.text.matchAll(VENUE)) {
      const [s, e] = m.indices![1];
      if (context.isFree(sentence.start + s, sentence.start + e)) {
        const venue = context.localSlot('venue', s, e);
        drafts[0].slots.push(venue);
        context.take(venue);
      }
    }
  }
  return drafts;
};
