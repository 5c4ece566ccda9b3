import type { Sentence } from '../nlp/sentence';

export type NonClaimReason = 'question' | 'instruction' | 'opinion' | 'hedged';

const OPINION = /^(?:(?:I|We)\s+(?:really\s+)?(?:think|believe|feel|guess|suppose|reckon|love|like|hate|prefer|hope|wish|expect)\b|(?:In\s+)?(?:my|our)\s+(?:opinion|view)\b)|\b(?:IMHO|IMO|personally|I'd say|in my (?:opinion|view))\b/i;
const SPECULATIVE_MODAL = /\b(?:might|may|could)\b/;
const FUTURE = /\b(?:will|would|shall|going to|is expected to|are expected to)\b/i;
const HEDGE = /\b(?:probably|likely|perhaps|possibly|maybe|presumably|hopefully|expected)\b/i;
const IMPERATIVE_STARTERS = new Set(['please', "let's", 'let']);

/**
 * Sentences that assert nothing checkable: questions, instructions, opinions and hedged
 * future statements. Headings never reach here (they are not prose blocks).
 */
export function nonClaimReason(sentence: Sentence): NonClaimReason | undefined {
  const text = sentence.text.trim();
  if (/\?[\s"'”’)\]]*$/.test(text)) return 'question';
  const words = sentence.tokens.filter((t) => t.type === 'word');
  const first = words[0];
  // An imperative opens with a bare verb and has no auxiliary; "React 18 was released" is not one.
  const imperative = first?.pos === 'VERB' && first.lemma === first.normal && sentence.tokens[0] === first && !sentence.tokens.some((t) => t.pos === 'AUX');
  if (first && (IMPERATIVE_STARTERS.has(first.normal) || imperative)) return 'instruction';
  if (OPINION.test(text)) return 'opinion';
  // A modal inside a quotation is the speaker's, not the writer's hedge.
  const own = text.replace(/[“"][^”"]*[”"]/g, ' ');
  if (SPECULATIVE_MODAL.test(own) || (FUTURE.test(own) && HEDGE.test(own))) return 'hedged';
  return undefined;
}
