// The transformer scoring path on a full-size distilgpt2 architecture with random weights (no
// real weights reach these machines; speed and memory do not depend on the values): sentences/s
// and tokens/s of the full path (worker, tokenizer, forward, statistics, alignment) against a raw
// onnxruntime-node forward of the same graph on the same padded batches, in the same run; cold and
// warm latency for a 1,000-word document.
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { median } from './metrics';
import { join, resolve } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { analyzeDocument, resolveConfig, type ScoringWindow } from '../../server/src/engine';
import { ModelScoring } from '../../server/src/modelRuntime/modelScoring';
import { inspectModelFolder } from '../../server/src/modelRuntime/resolveModel';
import { ScoreCache } from '../../server/src/modelRuntime/scoreCache';
import { DEFAULT_WORKER_LIMITS, TransformerScorer } from '../../server/src/modelRuntime/transformerScorer';
import { DISTILGPT2_SHAPE } from '../../test/helpers/randomModel/gpt2Graph';
import { writeRandomGpt2 } from '../../test/helpers/randomModel/writeRandomGpt2';

const WORKER = resolve('dist/scoringWorker.js');
const SHARED_TOKENIZER = resolve('../shared/models/distilgpt2');
const WIKIBIO = resolve('../shared/bench/wikibio-dev.jsonl');

/** Writes the random-weight distilgpt2-shaped model (with the real tokenizer when ../shared has it) and returns its folder. */
export async function writeBenchModel(): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'claimfloor-bench-')), 'random-distilgpt2');
  const started = performance.now();
  await writeRandomGpt2(folder, { shape: DISTILGPT2_SHAPE, onnxFile: 'onnx/model.onnx' });
  if (existsSync(SHARED_TOKENIZER)) {
    for (const f of ['tokenizer.json', 'tokenizer_config.json', 'config.json']) await copyFile(join(SHARED_TOKENIZER, f), join(folder, f));
    console.log('tokenizer: the real distilgpt2 BPE from ../shared/models/distilgpt2');
  } else console.log('tokenizer: ../shared/models/distilgpt2 missing; using the generated tiny BPE (more tokens per word than the real one)');
  console.log(`graph: distilgpt2 shape (6 layers, 768 wide, 50,257 vocab), random fp32 weights, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return folder;
}

export interface ModelScoringResult {
  sentences: number;
  tokens: number;
  runs: number;
  rawMs: number;
  fullMs: number;
  /** Median over runs of raw time ÷ full time (1 = as fast as a bare forward pass). */
  speedRatio: number;
  ratios: number[];
  document: { words: number; loadMs: number; coldMs: number; warmMs: number; diskMs: number; rulesMs: number };
}

/** Measures the scoring path on the model in `folder`, `runs` times, interleaved with the raw reference. */
export async function measureModelScoring(folder: string, runs: number): Promise<ModelScoringResult> {
  if (!existsSync(WORKER)) throw new Error('Run `npm run build` first (dist/scoringWorker.js).');
  const text = existsSync(WIKIBIO)
    ? (await readFile(WIKIBIO, 'utf8')).split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { gpt3_text: string }).gpt3_text)
    : ['Albert Einstein was born in Ulm on 14 March 1879 and moved to Princeton in 1933.'];
  const words: string[] = [];
  const paragraphs: string[] = [];
  for (const p of text) {
    if (words.length >= 1000) break;
    paragraphs.push(p);
    words.push(...p.split(/\s+/));
  }
  const document = paragraphs.join('\n\n');
  console.log(`document: ${words.length} words in ${paragraphs.length} paragraphs ${existsSync(WIKIBIO) ? '(WikiBio GPT-3 passages)' : '(fallback sentence)'}`);

  const model = await inspectModelFolder(folder);
  if (model.kind !== 'model') throw new Error(model.reason);
  const config = resolveConfig();
  const windows = analyzeDocument(document, config, { model: { identity: model.identity, scoresFor: () => undefined } }).unscoredWindows;

  // The raw reference: the same ids and the same padded batches the scorer builds.
  env.allowRemoteModels = false;
  env.localModelPath = join(folder, '..');
  const tokenizer = await AutoTokenizer.from_pretrained('random-distilgpt2');
  const bos = tokenizer.bos_token_id ?? 0;
  const sequences = windows.map((w) => [bos, ...tokenizer.encode(w.text)].slice(0, DEFAULT_WORKER_LIMITS.maxTokens)).sort((a, b) => a.length - b.length);
  const batches: number[][][] = [];
  for (const s of sequences) {
    const last = batches.at(-1);
    if (last && (last.length + 1) * s.length <= DEFAULT_WORKER_LIMITS.maxBatchTokens) last.push(s);
    else batches.push([s]);
  }
  const session = await ort.InferenceSession.create(join(folder, 'onnx/model.onnx'));
  const rawForward = async () => {
    const t = performance.now();
    for (const batch of batches) {
      const length = Math.max(...batch.map((s) => s.length));
      const ids = new BigInt64Array(batch.length * length).fill(BigInt(bos));
      const mask = new BigInt64Array(batch.length * length);
      const positions = new BigInt64Array(batch.length * length);
      batch.forEach((s, row) => s.forEach((id, i) => ((ids[row * length + i] = BigInt(id)), (mask[row * length + i] = 1n), (positions[row * length + i] = BigInt(i)))));
      const dims = [batch.length, length];
      await session.run({ input_ids: new ort.Tensor('int64', ids, dims), attention_mask: new ort.Tensor('int64', mask, dims), position_ids: new ort.Tensor('int64', positions, dims) });
    }
    return performance.now() - t;
  };

  const started = performance.now();
  const scorer = new TransformerScorer(model.spec, { workerFile: WORKER });
  await scorer.load();
  const loadMs = performance.now() - started;
  const tokens = sequences.reduce((n, s) => n + s.length, 0);
  const full: number[] = [];
  const raw: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    const rawMs = await rawForward();
    const t = performance.now();
    await scorer.score(windows);
    const fullMs = performance.now() - t;
    raw.push(rawMs);
    full.push(fullMs);
    ratios.push(rawMs / fullMs);
  }
  await session.release();
  console.log(`\n${windows.length} sentences, ${tokens} tokens (with context), ${batches.length} batches; ${runs} runs, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
  console.log(`raw onnxruntime-node forward: median ${median(raw).toFixed(0)} ms → ${(windows.length / (median(raw) / 1000)).toFixed(1)} sentences/s, ${(tokens / (median(raw) / 1000)).toFixed(0)} tokens/s`);
  console.log(`full scoring path:            median ${median(full).toFixed(0)} ms → ${(windows.length / (median(full) / 1000)).toFixed(1)} sentences/s, ${(tokens / (median(full) / 1000)).toFixed(0)} tokens/s`);
  console.log(`speed relative to raw (raw time / full time, per run): median ${median(ratios).toFixed(2)}× (runs: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);

  // The service's two passes: the scores known now, then the rest once scored.
  const analyzeWith = async (scoring: ModelScoring) => {
    const input = () => ({ model: { identity: model.identity, scoresFor: (w: ScoringWindow) => scoring.known(w) } });
    const first = analyzeDocument(document, config, input());
    if (first.unscoredWindows.length === 0) return first;
    await scoring.score(first.unscoredWindows);
    return analyzeDocument(document, config, input());
  };
  const cacheDir = await mkdtemp(join(tmpdir(), 'claimfloor-bench-cache-'));
  const cold = new ModelScoring(model, scorer, new ScoreCache(model.identity.key, { directory: cacheDir }));
  let t = performance.now();
  await analyzeWith(cold);
  const coldMs = performance.now() - t;
  t = performance.now();
  await analyzeWith(cold);
  const warmMs = performance.now() - t;
  await cold.flush();
  const reopened = new ModelScoring(model, scorer, new ScoreCache(model.identity.key, { directory: cacheDir }));
  t = performance.now();
  await analyzeWith(reopened);
  const diskMs = performance.now() - t;
  t = performance.now();
  analyzeDocument(document, config);
  const rulesMs = performance.now() - t;
  console.log(`\n1,000-word document: model load ${loadMs.toFixed(0)} ms; cold ${coldMs.toFixed(0)} ms; warm (memory cache) ${warmMs.toFixed(1)} ms; reopened (disk cache) ${diskMs.toFixed(1)} ms; rules only ${rulesMs.toFixed(1)} ms`);
  await scorer.dispose();
  return {
    sentences: windows.length,
    tokens,
    runs,
    rawMs: median(raw),
    fullMs: median(full),
    speedRatio: median(ratios),
    ratios,
    document: { words: words.length, loadMs, coldMs, warmMs, diskMs, rulesMs },
  };
}
