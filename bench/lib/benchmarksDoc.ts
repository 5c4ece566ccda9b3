// docs/benchmarks.md is assembled from sections that each benchmark script regenerates in place,
// between `<!-- section:NAME -->` and `<!-- /section:NAME -->`, leaving the others untouched.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const BENCHMARKS_DOC = 'docs/benchmarks.md';

export function writeSection(name: string, markdown: string, path = BENCHMARKS_DOC): void {
  const open = `<!-- section:${name} -->`;
  const close = `<!-- /section:${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const at = doc.indexOf(open);
  const end = doc.indexOf(close);
  const next = at !== -1 && end > at ? doc.slice(0, at) + block + doc.slice(end + close.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

/** A Markdown table from a header row and body rows; a `|` inside a cell is escaped. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
