import type { ClaimDraft, Slot } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';

const FIXED = /\b(?:the|its|their|his|her|our|world'?s|\p{Lu}[\p{L}]*'s)\s+((?:very\s+)?(?:first|only|last|earliest|most\s+\p{L}+|least\s+\p{L}+|best|worst|\p{L}+est))\b/dgiu;
const UNIVERSAL = /\b(?:for the first time|never before|unprecedented|record[- ](?:breaking|high|low|setting)|all-time (?:high|low)|first[-]ever|only one)\b/dgi;

/** Superlatives and "firsts": universal claims whose counter-examples are never seen. */
export const detectSuperlatives: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const slots: Slot[] = [];
  for (const m of sentence.text.matchAll(FIXED)) {
    const [s, e] = m.indices![1];
    const head = context.tokensIn(sentence.start + s, sentence.start + e);
    const word = m[1].toLowerCase();
    // "-est" words must be tagged adjectives ("largest"), not nouns ("interest", "forest").
    if (word.endsWith('est') && !['earliest', 'best', 'worst'].includes(word) && !head.some((t) => t.pos === 'ADJ')) continue;
    slots.push(context.localSlot('superlative', s, e));
  }
  for (const m of sentence.text.matchAll(UNIVERSAL)) {
    const [s, e] = m.indices![0];
    slots.push(context.localSlot('superlative', s, e));
  }
  const free = slots.filter((s) => context.isFree(s.start, s.end));
  if (free.length === 0) return [];
  return [
    context.takeAll({
      type: 'superlative',
      slots: free,
      answerSpace: { size: 2, basis: 'a universal claim is true or false; KNVZ Theorem 2 is vacuous at |E_c| = 1 (THEORY.md §8)', provenance: 'computed' },
      checks: [],
    }),
  ];
};
