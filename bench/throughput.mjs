// Extraction throughput (words/s) of `claimfloor audit` against markdownlint-cli2 on the same
// ≥ 1 MB Markdown corpus, in the same run. Prints medians over several interleaved runs and the
// ratio. Usage: node bench/throughput.mjs [runs=5]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'bench', 'corpus');
const runs = Number(process.argv[2] ?? 5);
const TARGET_BYTES = 1_200_000;

function* markdownFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (/\.md$/i.test(entry.name)) yield path;
  }
}

/** Technical Markdown (the READMEs and changelogs of the pinned dependencies) plus prose biographies. */
function buildCorpus() {
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(join(corpus, 'packages'), { recursive: true });
  let bytes = 0;
  const wikibio = join(root, '..', 'shared', 'bench', 'wikibio-dev.jsonl');
  if (existsSync(wikibio)) {
    mkdirSync(join(corpus, 'wikibio'));
    for (const line of readFileSync(wikibio, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line);
      const text = `# Passage ${row.id}\n\n${row.gpt3_text}\n\n${row.wiki_bio_text}\n`;
      writeFileSync(join(corpus, 'wikibio', `${row.id}.md`), text);
      bytes += Buffer.byteLength(text);
    }
  } else {
    console.log('note: ../shared/bench/wikibio-dev.jsonl not found; corpus is package Markdown only');
  }
  const files = [...markdownFiles(join(root, 'node_modules'))].sort();
  for (const file of files) {
    if (bytes >= TARGET_BYTES) break;
    const size = statSync(file).size;
    if (size < 500 || size > 200_000) continue;
    const target = join(corpus, 'packages', relative(join(root, 'node_modules'), file).replace(/[\\/]/g, '__'));
    cpSync(file, target);
    bytes += size;
  }
  return bytes;
}

function countWords() {
  let words = 0;
  let files = 0;
  for (const file of markdownFiles(corpus)) {
    words += readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).length;
    files++;
  }
  return { words, files };
}

function time(command, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return seconds;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const bytes = buildCorpus();
const { words, files } = countWords();
console.log(`corpus: ${files} files, ${(bytes / 1e6).toFixed(2)} MB, ${words.toLocaleString('en-US')} words (bench/corpus)`);

const claimfloor = [join(root, 'dist', 'cli.js'), 'audit', 'bench/corpus', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'];
const markdownlint = [join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'bench/corpus/**/*.md'];
const ours = [];
const theirs = [];
for (let i = 0; i < runs; i++) {
  ours.push(time(process.execPath, claimfloor));
  theirs.push(time(process.execPath, markdownlint));
}
const report = JSON.parse(execFileSync(process.execPath, claimfloor, { cwd: root, maxBuffer: 1 << 30 }).toString());
const claims = report.files.reduce((n, f) => n + f.claims.length, 0);
const m1 = median(ours);
const m2 = median(theirs);
console.log(`claimfloor audit:   median ${m1.toFixed(2)} s over ${runs} runs (${ours.map((s) => s.toFixed(2)).join(', ')}) → ${Math.round(words / m1).toLocaleString('en-US')} words/s, ${claims} claims`);
console.log(`markdownlint-cli2:  median ${m2.toFixed(2)} s over ${runs} runs (${theirs.map((s) => s.toFixed(2)).join(', ')}) → ${Math.round(words / m2).toLocaleString('en-US')} words/s`);
console.log(`ratio (claimfloor words/s ÷ markdownlint-cli2 words/s): ${(m2 / m1).toFixed(2)}×  (goal ≥ 1.0×)`);
console.log(`machine: ${basename(process.execPath)} ${process.version}, ${(await import('node:os')).cpus().length} cores`);
