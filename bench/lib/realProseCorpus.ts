// A benchmark corpus of varied real prose: N Markdown files of ~4 KB cut from human-written text
// available offline, no paragraph used twice (so no cache can skip repeated work). Sources, in
// order of preference: the Markdown docs under node_modules (the project's and the global ones),
// the dev-set texts in ../shared/bench (WikiBio, Factcheck-GPT, HaluEval), then, when more text is
// needed for thousands of files, the system's own documentation (Vim's help, CMake's reference,
// the READMEs and NEWS files under /usr/share/doc). Paragraphs are blocks between blank lines; a
// fenced code block is kept whole. Each document is cut into runs of consecutive paragraphs of
// about a file's size, and the runs are shuffled with a fixed seed, so every prefix of the corpus
// (1 file or 5,000) mixes the sources in about the same shares.
import { gunzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './evalData';

export const FILE_BYTES = 4096;

export interface RealProseCorpus {
  folder: string;
  files: number;
  bytes: number;
  paragraphs: number;
  /** Distinct paragraphs / paragraphs, over the files written (1 = nothing repeated). */
  distinctShare: number;
  /** Bytes per source group. */
  sources: Record<string, number>;
  /** True when the pool ran out and paragraphs had to be reused. */
  reused: boolean;
}

interface SourceDocument {
  group: string;
  paragraphs: string[];
}

function* filesUnder(dir: string, pattern: RegExp, seen = new Set<string>()): Generator<string> {
  if (!existsSync(dir)) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path, pattern, seen);
    else if (entry.isFile() && pattern.test(entry.name) && !seen.has(path)) {
      seen.add(path);
      yield path;
    }
  }
}

/** Blocks between blank lines; a fenced code block stays one block whatever blank lines it holds. */
export function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  let fence: string | undefined;
  const close = () => {
    const p = block.join('\n').trim();
    if (p.length > 0) out.push(p);
    block = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      block.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) {
        fence = undefined;
        close();
      }
    } else if (marker) {
      close();
      fence = marker;
      block.push(line);
    } else if (line.trim() === '') close();
    else block.push(line);
  }
  if (fence !== undefined) block.push(fence);
  close();
  return out;
}

function jsonl(path: string): Array<Record<string, unknown>> {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function sourceDocuments(root: string, sharedBench: string): SourceDocument[] {
  const docs: SourceDocument[] = [];
  const add = (group: string, body: string) => {
    const paragraphs = paragraphsOf(body);
    if (paragraphs.length > 0) docs.push({ group, paragraphs });
  };
  for (const path of filesUnder(join(root, 'node_modules'), /\.(md|markdown)$/i)) add('node_modules docs', readFileSync(path, 'utf8'));
  for (const path of filesUnder('/usr/lib/node_modules', /\.(md|markdown)$/i)) add('node_modules docs', readFileSync(path, 'utf8'));
  for (const row of jsonl(join(sharedBench, 'wikibio-dev.jsonl'))) {
    add('WikiBio', text(row.gpt3_text));
    add('WikiBio', text(row.wiki_bio_text));
  }
  for (const row of jsonl(join(sharedBench, 'factcheck-gpt-dev.jsonl'))) add('Factcheck-GPT', [row.prompt, row.response, row.revised_response].map(text).join('\n\n'));
  for (const row of jsonl(join(sharedBench, 'halueval-general-dev.jsonl'))) add('HaluEval', [row.user_query, row.chatgpt_response].map(text).join('\n\n'));
  for (const path of filesUnder('/usr/share/vim', /\.txt$/i)) add('system docs', readFileSync(path, 'utf8'));
  for (const path of filesUnder('/usr/share/cmake-3.25/Help', /\.rst$/i)) add('system docs', readFileSync(path, 'utf8'));
  for (const path of filesUnder('/usr/share/doc', /(\.(md|txt|rst)|^README[^.]*)$/i)) add('system docs', readFileSync(path, 'utf8'));
  for (const path of filesUnder('/usr/share/doc', /^(NEWS|README)[^/]*\.gz$/i)) add('system docs', gunzipSync(readFileSync(path)).toString('utf8'));
  return docs;
}

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const normalise = (p: string) => p.replace(/\s+/g, ' ').trim();

let pool: Array<{ group: string; text: string }> | undefined;

/** Every distinct paragraph, in shuffled document order, each tagged with its source group. */
function paragraphPool(root: string, sharedBench: string): Array<{ group: string; text: string }> {
  if (pool) return pool;
  const docs: SourceDocument[] = [];
  for (const doc of sourceDocuments(root, sharedBench)) {
    let run: string[] = [];
    let size = 0;
    for (const p of doc.paragraphs) {
      run.push(p);
      size += p.length + 2;
      if (size >= FILE_BYTES) {
        docs.push({ group: doc.group, paragraphs: run });
        run = [];
        size = 0;
      }
    }
    if (run.length > 0) docs.push({ group: doc.group, paragraphs: run });
  }
  const random = seeded(19);
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [docs[i], docs[j]] = [docs[j], docs[i]];
  }
  const seen = new Set<string>();
  pool = [];
  for (const doc of docs) {
    for (const p of doc.paragraphs) {
      // A paragraph far longer than a file (a whole license, a code dump) would make one file of it.
      if (p.length > FILE_BYTES * 2) continue;
      const key = normalise(p);
      if (seen.has(key)) continue;
      seen.add(key);
      pool.push({ group: doc.group, text: p });
    }
  }
  return pool;
}

/** Writes `files` Markdown files of ~4 KB into `folder` (emptied first). */
export function buildRealProseCorpus(folder: string, files: number, options: { root?: string; sharedBench?: string } = {}): RealProseCorpus {
  const root = options.root ?? process.cwd();
  const paragraphs = paragraphPool(root, options.sharedBench ?? BENCH_DIR);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const seen = new Set<string>();
  const sources: Record<string, number> = {};
  let next = 0;
  let used = 0;
  let bytes = 0;
  let reused = false;
  for (let f = 0; f < files; f++) {
    const parts: string[] = [];
    let size = 0;
    while (size < FILE_BYTES) {
      if (next >= paragraphs.length) {
        next = 0;
        reused = true;
      }
      const p = paragraphs[next++];
      parts.push(p.text);
      size += Buffer.byteLength(p.text) + 2;
      sources[p.group] = (sources[p.group] ?? 0) + Buffer.byteLength(p.text);
      seen.add(normalise(p.text));
      used++;
    }
    const body = `${parts.join('\n\n')}\n`;
    // Spread over folders of 100, as a docs tree would be.
    const dir = join(folder, `d${String(Math.floor(f / 100)).padStart(3, '0')}`);
    if (f % 100 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${String(f).padStart(5, '0')}.md`), body);
    bytes += Buffer.byteLength(body);
  }
  return { folder, files, bytes, paragraphs: used, distinctShare: used === 0 ? 1 : seen.size / used, sources, reused };
}

/** How many ~4 KB files the pool fills without reusing a paragraph. */
export function realProseCapacity(options: { root?: string; sharedBench?: string } = {}): number {
  const root = options.root ?? process.cwd();
  const paragraphs = paragraphPool(root, options.sharedBench ?? BENCH_DIR);
  const total = paragraphs.reduce((n, p) => n + Buffer.byteLength(p.text) + 2, 0);
  return Math.floor(total / FILE_BYTES);
}
