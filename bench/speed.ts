// Speed and memory: editor latency through the real language server, CLI throughput beside
// markdownlint-cli2 and cspell on the same files, the transformer path against raw onnxruntime,
// and the server's peak RSS with and without a model. Medians over `--runs` (≥ 5) interleaved
// runs; every ratio is computed from timings taken in the same run.
//
//   npm run bench -- [--runs 5] [--skip-model]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { analyzeDocument, resolveConfig } from '../server/src/engine';
import { IMMEDIATE_RULES_ONLY, Session, until } from '../test/helpers/lspSession';
import { table, writeSection } from './lib/benchmarksDoc';
import { buildMarkdownCorpus, countWords, proseDocument } from './lib/markdownCorpus';
import { median } from './lib/metrics';
import { megabytes, peakRssKb } from './lib/peakMemory';
import { measureModelScoring, type ModelScoringResult, writeBenchModel } from './lib/modelScoringBench';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'skip-model': { type: 'boolean', default: false } } });
const runs = Math.max(5, Number(args.runs));
const WIKIBIO = resolve('../shared/bench/wikibio-dev.jsonl');
const SIZES = [1_000, 10_000, 50_000];
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

interface EditorLatency {
  words: number;
  characters: number;
  claims: number;
  openMs: number;
  engineMs: number;
  editMs: number;
  serverPeakKb: number;
}

/** didOpen → first publishDiagnostics, and one-sentence edits → the new version's diagnostics. */
async function editorLatency(): Promise<EditorLatency[]> {
  const root = mkdtempSync(join(tmpdir(), 'claimfloor-speed-'));
  const session = new Session({ bundle: true });
  session.settings = IMMEDIATE_RULES_ONLY;
  await session.start(root);
  const config = resolveConfig();
  const results: EditorLatency[] = [];
  try {
    for (const words of SIZES) {
      const text = proseDocument(words, WIKIBIO);
      const open: number[] = [];
      const engine: number[] = [];
      const edits: number[] = [];
      let claims = 0;
      for (let r = 0; r < runs; r++) {
        engine.push(timed(() => (claims = analyzeDocument(text, config).claims.length)));
        const uri = URI.file(join(root, `doc-${words}-${r}.md`)).toString();
        const t = performance.now();
        await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        await session.diagnosticsFor(uri, () => true, 120_000);
        open.push(performance.now() - t);
        // One sentence added to a paragraph in the middle: only that paragraph is analysed again.
        const lines = text.split('\n');
        const line = lines.findIndex((l, i) => i >= lines.length / 2 && l.length > 40);
        const e = performance.now();
        await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range: { start: { line, character: lines[line].length }, end: { line, character: lines[line].length } }, text: ` In ${1900 + r} she moved to Lisbon.` }],
        });
        await session.diagnosticsFor(uri, (p) => p.version === 2, 120_000);
        edits.push(performance.now() - e);
      }
      results.push({ words: countWords(text), characters: text.length, claims, openMs: median(open), engineMs: median(engine), editMs: median(edits), serverPeakKb: peakRssKb(session.child!.pid!) });
      console.log(`editor ${words} words: open ${ms(median(open))} ms (engine alone ${ms(median(engine))} ms), edit ${ms(median(edits))} ms`);
    }
  } finally {
    session.stop();
  }
  return results;
}

/** Peak RSS of a server that has loaded `modelFolder` and scored a 1,000-word document, against one that runs rules only. */
async function serverMemory(modelFolder: string | undefined): Promise<{ peakKb: number; scoredMs?: number }> {
  const root = mkdtempSync(join(tmpdir(), 'claimfloor-rss-'));
  const session = new Session({ bundle: true });
  session.settings = { ...IMMEDIATE_RULES_ONLY, model: modelFolder ? { enabled: true, path: modelFolder } : { enabled: false } };
  await session.start(root, { storagePath: join(root, 'storage') });
  try {
    if (modelFolder) await until(() => session.notifications.find((n) => (n.params as { state: string }).state === 'ready'), 300_000);
    const uri = URI.file(join(root, 'doc.md')).toString();
    const t = performance.now();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: proseDocument(1_000, WIKIBIO) } });
    const first = await session.diagnosticsFor(uri, (p) => p.diagnostics.length > 0, 120_000);
    // Scored once the hover of the last claim shows what the model expected there.
    const position = first.diagnostics.at(-1)!.range.start;
    if (modelFolder) {
      await until(async () => {
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        return /small language model/.test((hover?.contents as MarkupContent | undefined)?.value ?? '') ? true : undefined;
      }, 300_000);
    }
    return { peakKb: peakRssKb(session.child!.pid!), scoredMs: modelFolder ? performance.now() - t : undefined };
  } finally {
    session.stop();
  }
}

function seconds(command: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, command, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/** An untimed first run (it also warms the file cache) whose output must show the tool read every file. */
function checkRuns(tool: string, command: string[], files: number, proof: (stdout: string, stderr: string) => boolean): void {
  const r = spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (!proof(r.stdout, r.stderr)) throw new Error(`${tool} did not check the ${files} files (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
}

interface ThroughputRow {
  tool: string;
  medianS: number;
  runsS: number[];
  wordsPerS: number;
  /** Median over runs of (the tool's time ÷ claimfloor's time) in the same run: > 1 means ClaimFloor is faster. */
  claimfloorSpeedup: number;
}

function throughput(): { corpus: ReturnType<typeof buildMarkdownCorpus>; rows: ThroughputRow[] } {
  const corpus = buildMarkdownCorpus(resolve('.'), WIKIBIO);
  const n = corpus.files;
  const tools: Array<[string, string[], (stdout: string, stderr: string) => boolean]> = [
    ['claimfloor audit', [resolve('dist/cli.js'), 'audit', 'bench/corpus', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], (o) => (JSON.parse(o) as { files: unknown[] }).files.length === n],
    ['markdownlint-cli2', [resolve('node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'bench/corpus/**/*.md'], (o, e) => `${o}${e}`.includes(`Linting: ${n} file(s)`)],
    ['cspell', [resolve('node_modules/cspell/bin.mjs'), 'lint', '--no-progress', 'bench/corpus/**/*.md'], (o, e) => `${o}${e}`.includes(`Files checked: ${n},`)],
  ];
  for (const [tool, command, proof] of tools) checkRuns(tool, command, n, proof);
  const times = tools.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) tools.forEach(([, command], i) => times[i].push(seconds(command)));
  const rows = tools.map(([tool], i) => ({
    tool,
    medianS: median(times[i]),
    runsS: times[i],
    wordsPerS: corpus.words / median(times[i]),
    claimfloorSpeedup: median(times[i].map((t, r) => t / times[0][r])),
  }));
  for (const row of rows) console.log(`${row.tool}: median ${row.medianS.toFixed(2)} s → ${Math.round(row.wordsPerS).toLocaleString('en-US')} words/s`);
  return { corpus, rows };
}

async function main(): Promise<void> {
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}-${process.arch}`;
  console.log(`machine: ${machine}; ${runs} runs`);

  const editor = await editorLatency();
  const { corpus, rows } = throughput();
  let model: ModelScoringResult | undefined;
  let memory: { rulesKb: number; modelKb?: number; scoredMs?: number } = { rulesKb: (await serverMemory(undefined)).peakKb };
  if (!args['skip-model']) {
    const folder = await writeBenchModel();
    model = await measureModelScoring(folder, runs);
    const withModel = await serverMemory(folder);
    memory = { ...memory, modelKb: withModel.peakKb, scoredMs: withModel.scoredMs };
  }

  const markdown = [
    '## Speed and memory',
    '',
    `Generated by \`npm run bench\` (${runs} runs each, medians; ratios from timings of the same run). Machine: ${machine}.`,
    '',
    '### In the editor (real language server over stdio, rules only, debounce 0)',
    '',
    table(
      ['Document', 'Claims', 'First diagnostics', 'Engine alone (same text, in-process)', 'After a one-sentence edit', 'Server peak RSS so far'],
      editor.map((e) => [`${e.words.toLocaleString('en-US')} words (${(e.characters / 1000).toFixed(0)}k chars)`, e.claims, `${ms(e.openMs)} ms`, `${ms(e.engineMs)} ms`, `${ms(e.editMs)} ms`, megabytes(e.serverPeakKb)]),
    ),
    '',
    `First diagnostics = didOpen to publishDiagnostics; the documents are WikiBio GPT-3 passages under headings (prose dense in claims)${corpus.withWikiBio ? '' : ' — ../shared was missing, so a fallback sentence repeated'}. The edit appends a sentence to a paragraph in the middle and waits for that version's diagnostics.`,
    '',
    `### CLI throughput (${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(2)} MB, ${corpus.words.toLocaleString('en-US')} words)`,
    '',
    table(
      ['Tool', 'Median time', 'Words/s', 'ClaimFloor speed relative to it'],
      rows.map((r) => [r.tool, `${r.medianS.toFixed(2)} s`, Math.round(r.wordsPerS).toLocaleString('en-US'), r.tool === 'claimfloor audit' ? '1' : `${r.claimfloorSpeedup.toFixed(2)}×`]),
    ),
    '',
    'Each tool is started as a fresh process on the same files (`claimfloor audit --format json --min-risk 0`, with its workspace index; `markdownlint-cli2` default rules; `cspell lint` with its bundled English dictionaries). The ratio is the median over runs of the other tool’s time ÷ ClaimFloor’s time in the same run (> 1: ClaimFloor is faster).',
    '',
    '### Transformer path and memory',
    '',
    model
      ? table(
          ['Measure', 'Value'],
          [
            ['Scoring path (worker, tokenizer, forward, statistics, alignment)', `${(model.sentences / (model.fullMs / 1000)).toFixed(1)} sentences/s, ${Math.round(model.tokens / (model.fullMs / 1000))} tokens/s`],
            ['Raw onnxruntime-node forward, same batches', `${(model.sentences / (model.rawMs / 1000)).toFixed(1)} sentences/s, ${Math.round(model.tokens / (model.rawMs / 1000))} tokens/s`],
            ['Speed relative to raw (median of per-run ratios)', `${model.speedRatio.toFixed(2)}× (runs ${model.ratios.map((x) => x.toFixed(2)).join(', ')})`],
            [`${model.document.words.toLocaleString('en-US')}-word document`, `load ${ms(model.document.loadMs)} ms, cold ${ms(model.document.coldMs)} ms, warm ${ms(model.document.warmMs)} ms, disk cache ${ms(model.document.diskMs)} ms, rules only ${ms(model.document.rulesMs)} ms`],
            ['Server peak RSS, 1,000-word document, rules only', megabytes(memory.rulesKb)],
            ['Server peak RSS, same document scored by the model', `${megabytes(memory.modelKb!)} (scored diagnostics after ${ms(memory.scoredMs!)} ms)`],
          ],
        )
      : `Model skipped (--skip-model). Server peak RSS, 1,000-word document, rules only: ${megabytes(memory.rulesKb)}.`,
    '',
    model
      ? 'The model is the full distilgpt2 architecture (6 layers, 768 wide, 50,257 vocabulary) with random fp32 weights, written by the test generator: no real weights reach these machines, and speed and memory do not depend on the values (the real int8 file is smaller, so its RSS is lower).'
      : '',
  ].join('\n');
  writeSection('speed', markdown);
  console.log(`\n${markdown}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
