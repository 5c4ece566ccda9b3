// BibTeX reading on real .bib files: the ones pybtex ships (PyPI, MIT): TUGboat's bibliography
// (1.5 MB, @string macros, accents), xampl.bib (the BibTeX distribution's example) and a Cyrillic
// one. Prints entries read against the entries written, what was skipped, time per MB, and how
// many entries had LaTeX accents decoded.
//
//   npx tsx bench/bibtex.ts
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bibtexEntries } from '../server/src/engine/reference/bibtexEntries';
import { pypiArchive, sha256, unpacked } from './lib/pypiCache';

function bibFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? bibFiles(p) : p.endsWith('.bib') ? [p] : [];
  });
}

let folder: string;
try {
  folder = unpacked(pypiArchive('pybtex', '0.24.0', { source: true }));
} catch (error) {
  console.log(`SKIPPED: ${(error as Error).message}`);
  process.exit(0);
}
console.log('file | bytes | sha256 | entries written | read | skipped | ms | s/MB | with accented letters | with LaTeX left');
console.log('---|---|---|---|---|---|---|---|---|---');
for (const file of bibFiles(folder).sort()) {
  const text = readFileSync(file, 'utf8');
  const written = (text.match(/^[ \t]*@(?!string|comment|preamble)\w+\s*[{(]/gim) ?? []).length;
  const started = performance.now();
  const { entries, skipped } = bibtexEntries(text);
  const ms = performance.now() - started;
  const decoded = entries.filter((e) => Object.values(e.fields).some((v) => /[\u00C0-\u024F]/.test(v))).length;
  const left = entries.filter((e) => Object.values(e.fields).some((v) => /\\[a-zA-Z"'`^~]/.test(v))).length;
  console.log([file.slice(folder.length + 1), text.length, sha256(file).slice(0, 12), written, entries.length, skipped, ms.toFixed(0), ((ms / 1000) / (text.length / 1e6)).toFixed(2), decoded, left].join(' | '));
}
