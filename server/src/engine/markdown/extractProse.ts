import MarkdownIt, { type Token } from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import footnote from 'markdown-it-footnote';
import texmath from 'markdown-it-texmath';
import { type Directive, directivesInHtml, directivesInMdxText } from './directives';
import type { Notice } from '../notice';
import { lineStart, positionsOf } from '../text/positions';
import type { CodeSpan, ProseBlock, ProseDocument } from './proseDocument';

const SPACE = 32;
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * markdown-it, the parser VS Code's own Markdown preview uses: CommonMark plus GFM tables and
 * strikethrough, with front matter, footnotes and math recognised so they can be skipped. Bare
 * URLs are not linkified: they stay prose, where the identifier detector finds them.
 * (micromark/mdast gives per-node offsets but took 6× longer on the throughput corpus.)
 */
const parser = new MarkdownIt('default', { html: true, linkify: false })
  .use(frontMatter, () => undefined)
  .use(footnote)
  // texmath renders with KaTeX, which ClaimFloor never does; only its tokenizer is used.
  .use(texmath, { engine: { renderToString: () => '' }, delimiters: ['dollars', 'brackets'] });

const utf16 = new TextDecoder('utf-16le');

/** Leading indentation and `>` markers a line may have before the file is treated as plain text (~100 levels). */
const MAX_CONTAINER_PREFIX = 200;

/**
 * Longer than any URL a browser accepts: a run of this many characters without whitespace is data
 * (base64, minified code, a hash wall, `*_`×100,000), never prose. Its middle is blanked before
 * parsing, so neither markdown-it's delimiter matching nor anything after it pays for it; its first
 * and last characters stay, so brackets around it still pair up.
 */
const MAX_RUN_CHARS = 2000;
/** Every maximal run without whitespace, each matched once: linear, unlike `\S{2001,}`, which rescans a 1,990-character run from each of its positions. */
const RUN = /\S+/g;

/**
 * Lines of one table checked: a longer table is data. What follows is blanked before parsing (a
 * table of 100,000 rows is 800,000 markdown-it tokens), and announced.
 */
export const MAX_TABLE_ROWS = 1000;


interface Blanked {
  text: string;
  notices: Notice[];
}

/** What is data, not prose, blanked out before parsing (offsets unchanged), each with its notice. */
function blankData(source: string): Blanked {
  const notices: Notice[] = [];
  let runs = 0;
  let firstRun = -1;
  let text = source.replace(RUN, (run, at: number) => {
    if (run.length <= MAX_RUN_CHARS) return run;
    if (runs++ === 0) firstRun = at;
    return run[0] + ' '.repeat(run.length - 2) + run[run.length - 1];
  });
  if (runs > 0) {
    notices.push({
      severity: 'information',
      message: `${runs} run${runs === 1 ? '' : 's'} of more than ${MAX_RUN_CHARS.toLocaleString('en-US')} characters without a space (data, not prose) ${runs === 1 ? 'was' : 'were'} not checked.`,
      start: firstRun,
    });
  }
  // Runs of consecutive lines that each hold a `|` (a table, or data laid out like one): the header,
  // the delimiter row and MAX_TABLE_ROWS rows stay; a plain scan, no regex that could backtrack.
  const cut: Array<[number, number, number]> = [];
  let runStart = 0;
  let rows = 0;
  let blankFrom = -1;
  // The next `|` at or after the current line: found once and moved along, so the scan stays linear.
  let nextPipe = -1;
  for (let at = 0; at <= text.length; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    if (nextPipe < at) {
      const found = text.indexOf('|', at);
      nextPipe = found < 0 ? Infinity : found;
    }
    if (nextPipe < end) {
      if (rows === 0) runStart = at;
      if (++rows === MAX_TABLE_ROWS + 3) blankFrom = at;
    } else {
      if (blankFrom >= 0) cut.push([runStart, blankFrom, at]);
      rows = 0;
      blankFrom = -1;
    }
    if (newline < 0) {
      if (blankFrom >= 0) cut.push([runStart, blankFrom, text.length]);
      break;
    }
    at = newline + 1;
  }
  for (const [, from, to] of cut) {
    const dropped = (text.slice(from, to).match(/\n/g)?.length ?? 0) + (to === text.length && !text.endsWith('\n') ? 1 : 0);
    notices.push({
      severity: 'information',
      message: `A table of ${(dropped + MAX_TABLE_ROWS).toLocaleString('en-US')} rows: the first ${MAX_TABLE_ROWS.toLocaleString('en-US')} were checked; the other ${dropped.toLocaleString('en-US')} are data and were not read.`,
      start: from,
    });
  }
  if (cut.length > 0) {
    const chars = text.split('');
    for (const [, from, to] of cut) for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
    text = chars.join('');
  }
  return { text, notices };
}

function deepestContainerPrefix(source: string): number {
  let deepest = 0;
  for (const m of source.matchAll(/^[ \t>]{64,}/gm)) deepest = Math.max(deepest, m[0].length);
  return deepest;
}

/**
 * Copies inline content to its source offsets. markdown-it gives line ranges, not character
 * offsets, so each inline child's text is aligned to the source of its block's lines: values drop
 * container prefixes (`> `), indentation, escapes and entity syntax that the source still holds.
 */
class InlineAligner {
  cursor = 0;
  end = 0;

  constructor(
    private readonly source: string,
    private readonly masked: Uint16Array,
  ) {}

  reset(start: number, end: number): void {
    this.cursor = start;
    this.end = end;
  }

  /** Aligns `value` from the cursor; copies it when `copy`; returns the span it covered. */
  align(value: string, copy: boolean): { start: number; end: number } | undefined {
    const { source, masked } = this;
    let i = this.cursor;
    let j = 0;
    let first = -1;
    while (i < this.end && j < value.length) {
      const sc = source.charCodeAt(i);
      const vc = value.charCodeAt(j);
      if (sc === vc || (vc === 10 && sc === 13)) {
        if (first < 0) first = i;
        if (copy) masked[i] = sc;
        if (vc === 10 && sc === 13 && source.charCodeAt(i + 1) === 10) i++;
        i++;
        j++;
        continue;
      }
      if (sc === 38 /* & */) {
        ENTITY.lastIndex = i;
        const entity = ENTITY.exec(source);
        if (entity) {
          if (first < 0) first = i;
          if (copy) masked[i] = vc;
          j++;
          if (vc >= 0xd800 && vc <= 0xdbff && j < value.length) {
            if (copy) masked[i + 1] = value.charCodeAt(j);
            j++;
          }
          i += entity[0].length;
          continue;
        }
      }
      i++;
    }
    if (j < value.length) return undefined;
    const span = { start: first < 0 ? this.cursor : first, end: i };
    this.cursor = i;
    return span;
  }

  /** Moves past the next occurrence of `text` (markup that is not prose, like `](url)`). */
  skipPast(text: string): void {
    const at = this.source.indexOf(text, this.cursor);
    if (at >= 0 && at < this.end) this.cursor = at + text.length;
  }

  /** After a link's text: skips `](destination "title")`, `][label]` or `]`. */
  skipLinkTail(): void {
    const { source } = this;
    if (source[this.cursor] !== ']') this.skipPast(']');
    else this.cursor++;
    if (source[this.cursor] === '(') {
      let depth = 0;
      for (let i = this.cursor; i < this.end; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '(') depth++;
        else if (source[i] === ')' && --depth === 0) {
          this.cursor = i + 1;
          return;
        }
      }
    } else if (source[this.cursor] === '[') {
      this.skipPast(']');
    }
  }
}

/**
 * Turns Markdown into prose blocks with exact source offsets. Only prose is kept: code (fenced,
 * indented, inline), HTML, comments, front matter, math and link destinations are blanked out;
 * link text, table cells, list items, blockquotes and footnotes stay. Headings are not prose.
 */
export function extractProse(original: string): ProseDocument {
  const notices: Notice[] = [];
  const blanked = blankData(original);
  const source = blanked.text;
  notices.push(...blanked.notices);
  // markdown-it stops building structure at 100 nested levels (maxNesting); rather than mis-read
  // what lies deeper, such a file is read as plain text and the writer is told.
  if (deepestContainerPrefix(source) > MAX_CONTAINER_PREFIX) {
    notices.push({
      severity: 'warning',
      message: `Lists or blockquotes are nested more than ${MAX_CONTAINER_PREFIX / 2} levels deep; the file was checked as plain text, so code blocks and markup are not skipped.`,
    });
    return { ...plainTextProse(source, notices), source: original };
  }
  let tokens: Token[];
  try {
    tokens = parser.parse(source, {});
  } catch (error) {
    notices.push({
      severity: 'warning',
      message: `Markdown parser failed (${(error as Error).message}); the file was checked as plain text, so code blocks and markup are not skipped.`,
    });
    return { ...plainTextProse(source, notices), source: original };
  }

  const positions = positionsOf(source);
  const lineOffset = (line: number) => lineStart(positions, line);
  const masked = new Uint16Array(source.length).fill(SPACE);
  const aligner = new InlineAligner(source, masked);
  const blocks: ProseBlock[] = [];
  const directives: Directive[] = [];
  const codeSpans: CodeSpan[] = [];
  const headings: number[] = [];
  let inHeading = false;
  let inCell = false;
  let rowMap: [number, number] | undefined;
  /** The prose of the current table row: its cells, read as one block (one row states one record). */
  let row: { start: number; end: number } | undefined;

  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        inHeading = true;
        if (token.map) headings.push(lineOffset(token.map[0]));
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'tr_open':
        rowMap = token.map ?? undefined;
        row = undefined;
        if (rowMap) aligner.reset(lineOffset(rowMap[0]), lineOffset(rowMap[1]));
        break;
      case 'tr_close':
        if (row) blocks.push({ kind: 'table-row', start: row.start, end: row.end, text: '' });
        row = undefined;
        break;
      case 'th_open':
      case 'td_open':
        inCell = true;
        break;
      case 'th_close':
      case 'td_close':
        inCell = false;
        break;
      case 'html_block':
        if (token.map) {
          // The block's content may carry indentation or sit behind "> "; locate the comment itself.
          const comment = token.content.trim();
          directives.push(...directivesInHtml(comment, source.indexOf(comment, lineOffset(token.map[0]))));
        }
        break;
      case 'inline': {
        if (inHeading) break;
        const map = inCell ? rowMap : token.map;
        if (!map) break;
        // Cells of one row share the row's line, so the aligner continues from the previous cell.
        if (!inCell) aligner.reset(lineOffset(map[0]), lineOffset(map[1]));
        const block = collectInline(token.children ?? [], aligner, directives, codeSpans, source, masked);
        if (block && inCell) row = { start: Math.min(row?.start ?? Infinity, block.start), end: Math.max(row?.end ?? -1, block.end) };
        else if (block) blocks.push({ kind: 'paragraph', start: block.start, end: block.end, text: '' });
        break;
      }
    }
  }

  for (const block of blocks) block.text = utf16.decode(masked.subarray(block.start, block.end));
  // Footnote definitions are emitted after the body; keep everything in source order.
  blocks.sort((a, b) => a.start - b.start);
  codeSpans.sort((a, b) => a.start - b.start);
  directives.sort((a, b) => a.start - b.start);
  for (const d of directives) {
    if (d.unknownTypes.length > 0) {
      notices.push({
        severity: 'warning',
        message: `Unknown claim type${d.unknownTypes.length > 1 ? 's' : ''} in ClaimFloor comment: ${d.unknownTypes.join(', ')}.`,
        start: d.start,
        end: d.end,
      });
    }
  }
  return { source: original, blocks, directives, codeSpans, headings, notices };
}

/** Aligns one inline token's children; returns the span of prose it copied, if any. */
function collectInline(children: Token[], aligner: InlineAligner, directives: Directive[], codeSpans: CodeSpan[], source: string, masked: Uint16Array): { start: number; end: number } | undefined {
  let start = Infinity;
  let end = -1;
  const cover = (span: { start: number; end: number } | undefined) => {
    if (!span || span.end <= span.start) return;
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  };
  for (const child of children) {
    switch (child.type) {
      case 'text': {
        const span = aligner.align(child.content, true);
        cover(span);
        if (span && child.content.includes('{/*')) {
          for (const d of directivesInMdxText(source.slice(span.start, span.end), span.start)) {
            directives.push(d);
            masked.fill(SPACE, d.start, d.end);
          }
        }
        break;
      }
      case 'softbreak':
      case 'hardbreak':
        aligner.align('\n', false);
        break;
      case 'code_inline': {
        aligner.skipPast(child.markup);
        const span = aligner.align(child.content, false);
        if (span) codeSpans.push({ start: span.start, end: span.end, text: child.content });
        aligner.skipPast(child.markup);
        break;
      }
      case 'html_inline': {
        const at = source.indexOf(child.content, aligner.cursor);
        if (at >= 0) {
          directives.push(...directivesInHtml(child.content, at));
          aligner.cursor = at + child.content.length;
        }
        break;
      }
      case 'link_open':
        // Step over the opening bracket so link text starting with "[" aligns inside it.
        aligner.skipPast(child.markup === 'autolink' ? '<' : '[');
        break;
      case 'link_close':
        if (child.markup === 'autolink') aligner.skipPast('>');
        else aligner.skipLinkTail();
        break;
      case 'image':
        aligner.skipPast('![');
        aligner.align(child.content, false);
        aligner.skipLinkTail();
        break;
      case 'footnote_ref':
        aligner.skipPast(']');
        break;
      case 'math_inline':
      case 'math_inline_double':
        aligner.skipPast(child.markup || '$');
        aligner.align(child.content, false);
        aligner.skipPast(child.markup || '$');
        break;
    }
  }
  return end > start ? { start, end } : undefined;
}

/** Fallback when the parser cannot cope: paragraphs are runs of non-blank lines. */
function plainTextProse(source: string, notices: Notice[]): ProseDocument {
  const blocks: ProseBlock[] = [];
  const directives: Directive[] = [];
  for (const m of source.matchAll(/<!--[\s\S]*?-->/g)) directives.push(...directivesInHtml(m[0], m.index ?? 0));
  for (const m of source.matchAll(/[^\r\n]+(?:\r?\n(?![ \t]*\r?\n)[^\r\n]+)*/g)) {
    const start = m.index ?? 0;
    const blank = (c: string) => ' '.repeat(c.length);
    // Container prefixes ("> > ", "  - ") and comments are not prose even in plain text.
    const text = m[0].replace(/<!--[\s\S]*?-->/g, blank).replace(/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/gm, blank);
    blocks.push({ kind: 'paragraph', start, end: start + m[0].length, text });
  }
  return { source, blocks, directives, codeSpans: [], headings: [], notices };
}
