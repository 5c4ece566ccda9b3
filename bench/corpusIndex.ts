// Workspace index: build time and memory for 5,000 files / 50 MB of prose, reopening from the
// persisted copy, and the latency of one changed file. Medians of several runs.
// Usage: npx tsx bench/corpusIndex.ts [--files 5000] [--kb 10] [--runs 3]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveConfig } from '../server/src/engine';
import { WorkspaceCorpus } from '../server/src/workspaceIndex/workspaceCorpus';

const { values: args } = parseArgs({ options: { files: { type: 'string', default: '5000' }, kb: { type: 'string', default: '10' }, runs: { type: 'string', default: '3' } } });
const files = Number(args.files);
const bytes = Number(args.kb) * 1000;
const runs = Number(args.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const FIRST = ['Ada', 'Grace', 'Alan', 'Marie', 'Niels', 'Lise', 'Emmy', 'Kurt', 'Rosalind', 'Carl'];
const LAST = ['Hopper', 'Turing', 'Curie', 'Bohr', 'Meitner', 'Noether', 'Gödel', 'Franklin', 'Sagan', 'Lovelace'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** A note of about `bytes` characters of biography-like prose with dates, numbers and names. */
function note(seed: number): string {
  const paragraphs: string[] = [`# Note ${seed}`];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const k = seed * 31 + i * 7;
    const who = `${FIRST[k % 10]} ${LAST[(k >> 3) % 10]}`;
    const p = `${who} was born on ${1 + (k % 28)} ${MONTHS[k % 6]} ${1850 + (k % 120)} in a town of ${(k % 900) + 100},000 people. In ${1900 + (k % 100)} ${who.split(' ')[1]} published a study of ${k % 50} cases, and the results were cited ${k % 1000} times. The committee met again in ${1950 + (k % 60)}.`;
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

const root = mkdtempSync(join(tmpdir(), 'claimfloor-index-bench-'));
let total = 0;
for (let i = 0; i < files; i++) {
  const dir = join(root, `folder-${i % 50}`);
  mkdirSync(dir, { recursive: true });
  const text = note(i);
  total += text.length;
  writeFileSync(join(dir, `note-${i}.md`), text);
}
const config = resolveConfig();
const scope = { roots: [root], sources: [], ignore: [], limits: config.corpus, maxSentenceChars: 2000, maxDocumentChars: 2_000_000 };
console.log(`${files} files, ${(total / 1e6).toFixed(1)} MB of Markdown; ${runs} runs; Node ${process.version}`);

async function main(): Promise<void> {
  const build: number[] = [];
  const reopen: number[] = [];
  const update: number[] = [];
  const heap: number[] = [];
  for (let r = 0; r < runs; r++) {
    const storage = join(root, `.storage-${r}`, 'index.v8');
    const before = process.memoryUsage().heapUsed;
    const corpus = new WorkspaceCorpus(scope, storage);
    const stats = await corpus.build();
    build.push(stats.milliseconds);
    global.gc?.();
    heap.push((process.memoryUsage().heapUsed - before) / 1e6);
    const started = performance.now();
    const reopened = new WorkspaceCorpus(scope, storage);
    const again = await reopened.build();
    reopen.push(performance.now() - started);
    if (again.reused !== files) throw new Error(`expected every file reused, got ${again.reused}`);
    const changed = join(root, 'folder-0', 'note-0.md');
    writeFileSync(changed, `${note(0)}\n\nGrace Hopper was born on 9 December 1906 (run ${r}).`);
    const t = performance.now();
    reopened.update([{ path: changed, deleted: false }]);
    update.push(performance.now() - t);
  }
  console.log(`first build (read, analyse, index, persist): median ${(median(build) / 1000).toFixed(1)} s  [${build.map((x) => (x / 1000).toFixed(1)).join(', ')}]`);
  console.log(`reopen from the persisted index (stat every file, reuse all): median ${(median(reopen) / 1000).toFixed(2)} s  [${reopen.map((x) => (x / 1000).toFixed(2)).join(', ')}]`);
  console.log(`one changed file (re-read, re-analyse, re-index): median ${median(update).toFixed(0)} ms  [${update.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`heap held by one index after build: median ${median(heap).toFixed(0)} MB${global.gc ? '' : ' (run with node --expose-gc for a cleaner figure)'}; peak RSS ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`);
}

void main().finally(() => rmSync(root, { recursive: true, force: true }));
