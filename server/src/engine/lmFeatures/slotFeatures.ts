import type { Claim, Slot } from '../claims/claim';
import type { ScoringWindow } from './scoringWindow';
import type { SentenceScores, TokenScore } from './tokenScores';

/**
 * What the model thought of one fact-bearing slot (THEORY.md §9.3): how surprising its tokens
 * were per character (token counts differ between values: " Ulm 1879" is 4 GPT-2 tokens,
 * " Lisbon 1931" is 2), how uncertain the model was where the slot starts, the rank of the
 * written token, and what the model would have written there instead.
 */
export interface SlotModelFeatures {
  role: Slot['role'];
  text: string;
  tokens: number;
  /** Sum of the slot tokens' surprisal over the characters they cover, in bits per character. */
  meanBitsPerChar: number;
  /** The highest per-character surprisal of any one slot token. */
  maxBitsPerChar: number;
  /** Entropy of the next-token distribution at the slot's first token, in bits. */
  entropyBits: number;
  /** Rank of the written first token in that distribution (1 = the model's own choice). */
  rank: number;
  /** The model's first choice at the slot's first token. */
  expected: string;
  /** The first token as written. */
  written: string;
}

/** Characters a token covers, not counting the leading space GPT-2 attaches to words. */
function coveredChars(window: ScoringWindow, token: TokenScore): number {
  const text = window.text.slice(token.start, token.end);
  return Math.max(1, text.trimStart().length);
}

function sourceRange(window: ScoringWindow, token: TokenScore): { start: number; end: number } {
  const last = Math.max(token.start, token.end - 1);
  return { start: window.sourceOffsets[token.start] ?? Infinity, end: (window.sourceOffsets[last] ?? -Infinity) + 1 };
}

export function slotFeatures(slot: Slot, window: ScoringWindow, scores: SentenceScores): SlotModelFeatures | undefined {
  const tokens = scores.tokens.filter((token) => {
    const range = sourceRange(window, token);
    return range.start < slot.end && range.end > slot.start;
  });
  if (tokens.length === 0) return undefined;
  const first = tokens[0];
  const bits = tokens.reduce((sum, t) => sum + t.surprisal, 0);
  const chars = tokens.reduce((sum, t) => sum + coveredChars(window, t), 0);
  return {
    role: slot.role,
    text: slot.text,
    tokens: tokens.length,
    meanBitsPerChar: bits / chars,
    maxBitsPerChar: Math.max(...tokens.map((t) => t.surprisal / coveredChars(window, t))),
    entropyBits: first.entropy,
    rank: first.rank,
    expected: first.top,
    written: window.text.slice(first.start, first.end),
  };
}

/** Features for every slot of a claim that the model saw, most surprising first. */
export function claimModelFeatures(claim: Claim, window: ScoringWindow, scores: SentenceScores): SlotModelFeatures[] {
  return claim.slots
    .map((slot) => slotFeatures(slot, window, scores))
    .filter((f): f is SlotModelFeatures => f !== undefined)
    .sort((a, b) => b.meanBitsPerChar - a.meanBitsPerChar);
}
