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

  /**
   * Runs of proper nouns as spans, each whole name one run: "Albert Einstein", "University of
   * Zurich", "Annual Meeting of the Association for Computational Linguistics (ACL)",
   * "Port-au-Prince", "École des Beaux-Arts", "the Democratic Party".
   */
  properNounRuns(): Span[] {
    const runs: Span[] = [];
    const tokens = this.sentence.tokens;
    const name = (k: number) => tokens[k] !== undefined && (tokens[k].pos === 'PROPN' || (isCapitalised(tokens[k]) && tokens[k].pos === 'ADJ' && k > 0 && tokens[k + 1]?.pos === 'PROPN'));
    // Inside a name a capitalised word wink tagged otherwise still belongs to it ("Annual Meeting", "Paris Is Burning").
    const inner = (k: number) => tokens[k] !== undefined && tokens[k].type === 'word' && isCapitalised(tokens[k]) && !['PRON', 'DET', 'CCONJ', 'ADP', 'SCONJ'].includes(tokens[k].pos);
    const glued = (k: number) => tokens[k] !== undefined && tokens[k - 1] !== undefined && tokens[k].start === tokens[k - 1].end;
    // A quoted title is one name, whatever its words ("Frame of Mind", "The Great Escape", "Playing with Fire").
    const titles: Span[] = [];
    for (const m of this.sentence.text.matchAll(QUOTED_TITLE)) {
      const [s, e] = m.indices![1];
      if (m[1].trim().split(/\s+/).length > 6) continue;
      titles.push({ start: this.sentence.start + s, end: this.sentence.start + e });
    }
    let i = 0;
    while (i < tokens.length) {
      const title = titles.find((t) => tokens[i].start >= t.start && tokens[i].start < t.end);
      if (title) {
        runs.push(title);
        while (i < tokens.length && tokens[i].start < title.end) i++;
        continue;
      }
      // A capitalised word right after a number is a unit ("1.2 GB"), not a name — unless a name runs on ("2021 Annual Conference").
      if (!name(i) || (tokens[i - 1]?.type === 'number' && !(name(i + 1) || inner(i + 1)))) {
        i++;
        continue;
      }
      const start = tokens[i].start;
      let end = tokens[i].end;
      let j = i + 1;
      while (j < tokens.length) {
        const t = tokens[j];
        if (name(j) || inner(j)) end = tokens[j++].end;
        // "Port-au-Prince", "Beaux-Arts", "Dominion-Provincial": a hyphen glued on both sides.
        else if (t.value === '-' && glued(j) && glued(j + 1) && tokens[j + 1].type === 'word') {
          let k = j + 1;
          while (tokens[k + 1]?.value === '-' && glued(k + 1) && glued(k + 2) && !name(k)) k += 2;
          if (!name(k)) break;
          j = k;
        } else if (NAME_JOINERS.has(t.normal) && name(j + 1)) j++;
        else if (NAME_JOINERS.has(t.normal) && tokens[j + 1]?.normal === 'the' && name(j + 2) && t.normal !== '&') j += 2;
        // "Association for Computational Linguistics", "Commission on Human Rights": after an institution's head word.
        else if (INSTITUTION_JOINERS.has(t.normal) && INSTITUTION.test(tokens[j - 1].value) && (name(j + 1) || (tokens[j + 1]?.normal === 'the' && name(j + 2)))) j += name(j + 1) ? 1 : 2;
        else if (t.pos !== 'PROPN' && /^\p{L}/u.test(t.value) && /^(?:des|du|di|le|les|al|el|y)$/.test(t.normal) && name(j + 1)) j++;
        else break;
      }
      // A name's acronym in parentheses right after it is part of it: "… Linguistics (ACL)".
      if (tokens[j]?.value === '(' && ACRONYM.test(tokens[j + 1]?.value ?? '') && tokens[j + 2]?.value === ')') {
        end = tokens[j + 2].end;
        j += 3;
      }
      runs.push({ start, end });
      i = j;
    }
    return runs;
  }
}

/** A short quoted string opening with a capital: a title or a name, not a quotation (which has a sentence's length). */
const QUOTED_TITLE = /[“"](\p{Lu}[^”".,;:!?]{0,60}?)[.,]?[”"]/dgu;
const NAME_JOINERS = new Set(['of', 'de', 'van', 'von', 'der', 'la', 'del', 'da', '&']);
const INSTITUTION_JOINERS = new Set(['for', 'on', 'in']);
const INSTITUTION = /^(?:Association|Society|Institute|Commission|Committee|Council|Center|Centre|Foundation|Conference|Meeting|Symposium|Workshop|Organi[sz]ation|Agency|Office|Department|Ministry|Minister|Secretary|Bureau|Court|School|College|University|Academy|Museum|Fund|Union|League|Board|Authority|Service|Alliance|Federation|Congress|Assembly|Tribunal|Prize|Award|Order)$/;
/** An acronym: "ACL", "NIH", "HCl", "arXiv", "U.S.". */
export const ACRONYM = /^(?:[A-Z][A-Z0-9&]{1,7}s?|[A-Z][a-z]?[A-Z][A-Za-z0-9]*|[a-z]{1,3}[A-Z][A-Za-z]*|(?:[A-Z]\.){2,})$/;

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.value);
}

export type Detector = (context: DetectionContext) => ClaimDraft[];

/** Answer space of a verbatim string: any other string is wrong, so |R_c| is unbounded. */
export const VERBATIM = { size: Infinity, basis: 'verbatim string: any other value is wrong', provenance: 'computed' } as const;
