// The ≥ 1 MB Markdown corpus the throughput comparison runs on: WikiBio passages (prose dense in
// claims) when ../shared is present, then the READMEs and changelogs of the pinned dependencies.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readWikiBio } from './wikibio';

const TARGET_BYTES = 1_200_000;

function* markdownFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (/\.md$/i.test(entry.name)) yield path;
  }
}

export interface MarkdownCorpus {
  folder: string;
  files: number;
  bytes: number;
  words: number;
  withWikiBio: boolean;
}

export const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function buildMarkdownCorpus(root: string, wikibioPath: string): MarkdownCorpus {
  const folder = join(root, 'bench', 'corpus');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'packages'), { recursive: true });
  let bytes = 0;
  const withWikiBio = existsSync(wikibioPath);
  if (withWikiBio) {
    mkdirSync(join(folder, 'wikibio'));
    for (const row of readWikiBio(wikibioPath)) {
      const text = `# Passage ${row.id}\n\n${row.gpt3_text}\n\n${row.wiki_bio_text}\n`;
      writeFileSync(join(folder, 'wikibio', `${row.id}.md`), text);
      bytes += Buffer.byteLength(text);
    }
  }
  for (const file of [...markdownFiles(join(root, 'node_modules'))].sort()) {
    if (bytes >= TARGET_BYTES) break;
    const size = statSync(file).size;
    if (size < 500 || size > 200_000) continue;
    cpSync(file, join(folder, 'packages', relative(join(root, 'node_modules'), file).replace(/[\\/]/g, '__')));
    bytes += size;
  }
  let words = 0;
  let files = 0;
  for (const file of markdownFiles(folder)) {
    words += countWords(readFileSync(file, 'utf8'));
    files++;
  }
  return { folder, files, bytes, words, withWikiBio };
}

/** A prose document of about `words` words: WikiBio passages under headings, repeated as needed. */
export function proseDocument(words: number, wikibioPath: string): string {
  const passages = existsSync(wikibioPath)
    ? readWikiBio(wikibioPath).map((r) => r.gpt3_text)
    : ['Albert Einstein was born in Ulm on 14 March 1879. He received the Nobel Prize in Physics in 1921 and moved to Princeton in 1933.'];
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = passages[i % passages.length];
    parts.push(`## Section ${i + 1}\n\n${p}\n`);
    count += countWords(p) + 3;
  }
  return parts.join('\n');
}
