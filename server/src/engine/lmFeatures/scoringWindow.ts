import type { ProseBlock } from '../markdown/proseDocument';
import { lowerBound } from '../text/lowerBound';

/**
 * The text a language model reads for one sentence: up to `contextChars` of the same paragraph
 * before it, then the sentence, whitespace-collapsed (markup has already become spaces). Token
 * scores are computed only for the sentence part, from `scoreFrom` on.
 */
export interface ScoringWindow {
  text: string;
  scoreFrom: number;
  /**
   * The fact-bearing slots, as ranges of `text`: the only tokens whose statistics the engine uses,
   * so the worker computes softmax statistics (a pass over the whole vocabulary each) for these alone.
   */
  spans: Array<{ start: number; end: number }>;
  /** Source offset of each character of `text`. */
  sourceOffsets: number[];
}

export const DEFAULT_CONTEXT_CHARS = 400;

export function windowKey(window: Pick<ScoringWindow, 'text' | 'scoreFrom' | 'spans'>): string {
  return `${window.scoreFrom}\u0000${window.spans.map((s) => `${s.start}-${s.end}`).join(',')}\u0000${window.text}`;
}

/** The window for the sentence at source offsets [start, end) of `block`, with the given slots (source offsets). */
export function scoringWindow(block: ProseBlock, start: number, end: number, slots: ReadonlyArray<{ start: number; end: number }>, contextChars = DEFAULT_CONTEXT_CHARS): ScoringWindow {
  const from = Math.max(block.start, start - contextChars);
  let text = '';
  let scoreFrom = 0;
  const sourceOffsets: number[] = [];
  let pendingSpace = -1;
  for (let offset = from; offset < end; offset++) {
    if (offset === start) {
      // A sentence starts after the context's trailing space, which GPT-2 folds into its first token.
      if (pendingSpace >= 0 && text.length > 0) {
        text += ' ';
        sourceOffsets.push(pendingSpace);
      }
      pendingSpace = -1;
      scoreFrom = text.length;
    }
    const char = block.text[offset - block.start];
    if (/\s/.test(char)) {
      if (pendingSpace < 0) pendingSpace = offset;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      sourceOffsets.push(pendingSpace);
    }
    pendingSpace = -1;
    text += char;
    sourceOffsets.push(offset);
  }
  // First window index at or after a source offset (sourceOffsets only grows).
  const at = (offset: number) => lowerBound(sourceOffsets, (o) => o < offset);
  const spans = slots.map((slot) => ({ start: at(slot.start), end: at(slot.end) })).filter((span) => span.end > span.start);
  return { text, scoreFrom: Math.min(scoreFrom, text.length), spans, sourceOffsets };
}
