import type { Sentence, Token } from '../../nlp/sentence';
import type { CodeSpan, Span } from '../../markdown/proseDocument';
import type { ClaimDraft, Slot, SlotRole } from '../claim';

/**
 * What every detector sees: the sentence and the spans earlier detectors already turned into
 * slots, so one date is never both a citation year and an event date.
 */
export class DetectionContext {
  private readonly taken: Span[] = [];

  constructor(
    readonly sentence: Sentence,
    /** Inline code spans inside the sentence. */
    readonly codeSpans: CodeSpan[],
    /** The sentence is a table row's cells: a bare number there is a cell of data, not a statement. */
    readonly inTable = false,
  ) {}

  isFree(start: number, end: number): boolean {
    return !this.taken.some((t) => start < t.end && end > t.start);
  }

  take(span: Span): void {
    this.taken.push({ start: span.start, end: span.end });
  }

  slot(role: SlotRole, start: number, end: number): Slot {
    return { role, start, end, text: this.sentence.text.slice(start - this.sentence.start, end - this.sentence.start) };
  }

  /** A slot from a match on the sentence text (`localStart` relative to the sentence). */
  localSlot(role: SlotRole, localStart: number, localEnd: number): Slot {
    return this.slot(role, this.sentence.start + localStart, this.sentence.start + localEnd);
  }

  /** Claims all slots of a draft. */
  takeAll(draft: ClaimDraft): ClaimDraft {
    for (const s of draft.slots) this.take(s);
    return draft;
  }

  tokensIn(start: number, end: number): Token[] {
    return this.sentence.tokens.filter((t) => t.start >= start && t.end <= end);
  }

  /** Runs of proper nouns ("Albert Einstein", "University of Zurich") as spans. */
  properNounRuns(): Span[] {
    const runs: Span[] = [];
    const tokens = this.sentence.tokens;
    let i = 0;
    while (i < tokens.length) {
      // A capitalised word right after a number is a unit ("1.2 GB"), not a name.
      if (tokens[i].pos !== 'PROPN' || tokens[i - 1]?.type === 'number') {
        i++;
        continue;
      }
      const start = tokens[i].start;
      let end = tokens[i].end;
      let j = i + 1;
      while (j < tokens.length) {
        if (tokens[j].pos === 'PROPN') end = tokens[j++].end;
        else if (['of', 'de', 'van', 'von', 'der', 'la', 'del', 'da', '&'].includes(tokens[j].normal) && tokens[j + 1]?.pos === 'PROPN') j++;
        else break;
      }
      runs.push({ start, end });
      i = j;
    }
    return runs;
  }
}

export type Detector = (context: DetectionContext) => ClaimDraft[];

/** Answer space of a verbatim string: any other string is wrong, so |R_c| is unbounded. */
export const VERBATIM = { size: Infinity, basis: 'verbatim string: any other value is wrong', provenance: 'computed' } as const;
