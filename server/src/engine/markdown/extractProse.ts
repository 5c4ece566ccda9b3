import type { Nodes, Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { mathFromMarkdown } from 'mdast-util-math';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { math } from 'micromark-extension-math';
import { type Directive, directivesInHtml, directivesInMdxText } from '../suppressions/directive';
import type { Notice } from '../notice';
import type { CodeSpan, ProseBlock, ProseDocument } from './proseDocument';

const SPACE = 32;
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/** Containers whose children may hold prose blocks. Everything not listed is skipped. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'table', 'tableRow']);
/** Inline nodes whose children are prose (the node's own markup is not). */
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Leading indentation and `>` markers a line may have before the file is treated as plain text (~100 levels). */
const MAX_CONTAINER_PREFIX = 200;

function deepestContainerPrefix(source: string): number {
  let deepest = 0;
  for (const m of source.matchAll(/^[ \t>]{64,}/gm)) deepest = Math.max(deepest, m[0].length);
  return deepest;
}

/**
 * GFM without autolink literals: a bare URL is prose either way (the identifier detector finds
 * it in the text), and that extension is the slowest part of parsing (~20% of the time).
 */
function parseMarkdown(source: string): Root {
  return fromMarkdown(source, {
    extensions: [gfmTable(), gfmFootnote(), gfmStrikethrough(), frontmatter(['yaml', 'toml']), math()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml']), mathFromMarkdown()],
  });
}

const utf16 = new TextDecoder('utf-16le');

function decode(buffer: Uint16Array, start: number, end: number): string {
  return utf16.decode(buffer.subarray(start, end));
}

/**
 * Turns Markdown into prose blocks with exact source offsets. Only prose is kept: code (fenced,
 * indented, inline), HTML, comments, front matter, math and link destinations are blanked out;
 * link text, table cells, list items, blockquotes and footnotes stay.
 */
export function extractProse(source: string): ProseDocument {
  const notices: Notice[] = [];
  // micromark's time grows steeply with container depth (1,000 nested list levels take ~40 s),
  // so documents nested beyond any real use are checked as plain text instead.
  if (deepestContainerPrefix(source) > MAX_CONTAINER_PREFIX) {
    notices.push({
      severity: 'warning',
      message: `Lists or blockquotes are nested more than ${MAX_CONTAINER_PREFIX / 2} levels deep; the file was checked as plain text, so code blocks and markup are not skipped.`,
    });
    return plainTextProse(source, notices);
  }
  let tree: Root;
  try {
    tree = parseMarkdown(source);
  } catch (error) {
    notices.push({
      severity: 'warning',
      message: `Markdown parser failed (${(error as Error).message}); the file was checked as plain text, so code blocks and markup are not skipped.`,
    });
    return plainTextProse(source, notices);
  }

  const masked = new Uint16Array(source.length).fill(SPACE);
  const blocks: ProseBlock[] = [];
  const directives: Directive[] = [];
  const codeSpans: CodeSpan[] = [];

  const copyAligned = (value: string, start: number, end: number): void => {
    // Node values drop container prefixes (`> `), indentation, escapes and entity syntax that the
    // source span still holds; walk both and copy each value character to its source offset.
    let i = start;
    let j = 0;
    while (i < end && j < value.length) {
      const sc = source.charCodeAt(i);
      const vc = value.charCodeAt(j);
      if (sc === vc) {
        masked[i++] = sc;
        j++;
        continue;
      }
      if (sc === 38 /* & */) {
        ENTITY.lastIndex = i;
        const entity = ENTITY.exec(source);
        if (entity) {
          masked[i] = vc;
          j++;
          if (vc >= 0xd800 && vc <= 0xdbff && j < value.length) masked[i + 1] = value.charCodeAt(j++);
          i += entity[0].length;
          continue;
        }
      }
      i++;
    }
    if (j < value.length) {
      // Could not align (should not happen with micromark positions); keep the raw text.
      for (let k = start; k < end; k++) masked[k] = source.charCodeAt(k);
    }
  };

  const collectInline = (parent: Parent): void => {
    const stack: Nodes[] = [...(parent.children as Nodes[])].reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      const pos = node.position;
      if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
      const start = pos.start.offset;
      const end = pos.end.offset;
      if (node.type === 'text') {
        copyAligned(node.value, start, end);
        if (node.value.includes('{/*')) {
          for (const d of directivesInMdxText(source.slice(start, end), start)) {
            directives.push(d);
            masked.fill(SPACE, d.start, d.end);
          }
        }
      } else if (node.type === 'inlineCode') {
        codeSpans.push({ start, end, text: node.value });
      } else if (node.type === 'html') {
        directives.push(...directivesInHtml(node.value, start));
      } else if (INLINE_CONTAINERS.has(node.type)) {
        const children = (node as Parent).children as Nodes[];
        for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
      }
    }
  };

  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const pos = node.position;
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
      collectInline(node);
      blocks.push({ kind: node.type === 'paragraph' ? 'paragraph' : 'table-cell', start: pos.start.offset, end: pos.end.offset, text: '' });
    } else if (node.type === 'html') {
      if (pos?.start.offset !== undefined) directives.push(...directivesInHtml(node.value, pos.start.offset));
    } else if (CONTAINERS.has(node.type)) {
      const children = (node as Parent).children as Nodes[];
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
    }
  }

  for (const block of blocks) block.text = decode(masked, block.start, block.end);
  // The walk visits table cells and nested containers out of source order.
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
  return { source, blocks, directives, codeSpans, notices };
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
  return { source, blocks, directives, codeSpans: [], notices };
}
