import type { Directive } from './directives';
import type { Notice } from '../notice';

/**
 * A block of prose (a paragraph, list-item paragraph, blockquote paragraph, footnote, or a table
 * row with its cells' prose). `text` has exactly the length of the source span it covers: characters that are not prose
 * (markup, link destinations, inline code, container prefixes) are replaced by spaces, so an
 * offset into `text` plus `start` is an offset into the source.
 */
export interface ProseBlock {
  kind: 'paragraph' | 'table-row';
  start: number;
  end: number;
  text: string;
}

export interface Span {
  start: number;
  end: number;
}

/** An inline code span: not prose, but API claims refer to it. */
export interface CodeSpan extends Span {
  text: string;
}

export interface ProseDocument {
  source: string;
  blocks: ProseBlock[];
  directives: Directive[];
  /** Inline code spans: not prose, but version/API claims look for them next to a sentence. */
  codeSpans: CodeSpan[];
  /** Where each heading starts, in order: the sections a sentence's position is counted in. */
  headings: number[];
  notices: Notice[];
}
