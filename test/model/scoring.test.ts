import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AutoTokenizer, env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { analyzeDocument, resolveConfig } from '../../server/src/engine';
import type { SurprisalCalibration } from '../../server/src/engine/lmFeatures/surprisalCalibration';
import { RULES_SIGNALS } from '../../server/src/engine/risk/rulesSignals';
import { ModelScoring } from '../../server/src/modelRuntime/modelScoring';
import { openModel } from '../../server/src/modelRuntime/openModel';
import { AnalysisService } from '../../server/src/service/analysisService';
import { inspectModelFolder, type ResolvedModel } from '../../server/src/modelRuntime/resolveModel';
import { ScoreCache } from '../../server/src/modelRuntime/scoreCache';
import { AbortedError, TransformerScorer } from '../../server/src/modelRuntime/transformerScorer';
import { tempDir, tinyModel, WORKER_FILE } from './modelHelpers';

/** The analysis service with a model folder, as the CLI runs it (scores kept under `storageDir`). */
async function serviceWith(folder: string, storageDir: string): Promise<AnalysisService> {
  const service = new AnalysisService({ storageDir, gazetteerDir: 'dist', scoringWorkerFile: WORKER_FILE });
  await service.configure({ sources: [], corpus: false, model: { enabled: true, path: folder, allowDownload: false } });
  return service;
}

const document = (text: string) => ({ uri: 'untitled:draft', version: 1, text });
const unscoredWindows = (text: string, identity: ResolvedModel['identity']) => analyzeDocument(text, resolveConfig(), { model: { identity, scoresFor: () => undefined } }).unscoredWindows;

const DRAFT = `# Einstein

Albert Einstein was born in Ulm on 14 March 1879. He moved to Princeton in 1933 and won the Nobel Prize in 1921.

The company reported revenue of $4.2 billion in 2023.
`;

describe('transformer scoring on a random-weight GPT-2 (real transformers.js, real worker)', () => {
  let folder: string;
  let model: ResolvedModel;
  let scoring: ModelScoring;
  let service: AnalysisService;
  const config = resolveConfig();
  /** Scores of some windows, straight from the scorer. */
  const scoresOf = async (windows: Parameters<ModelScoring['score']>[0]) => {
    await scoring.score(windows);
    return windows.map((w) => scoring.known(w)!);
  };

  before(async () => {
    folder = await tinyModel();
    const opened = await openModel({ path: folder, storageDir: await tempDir('storage'), allowDownload: false, scorer: { workerFile: WORKER_FILE } });
    assert.equal(opened.status.state, 'ready', JSON.stringify(opened.status));
    assert.ok(opened.scoring);
    scoring = opened.scoring;
    model = scoring.model;
    service = await serviceWith(folder, await tempDir('service'));
  });
  after(async () => {
    await scoring?.dispose();
    await service?.dispose();
  });

  it('resolves a local folder to its ONNX layout and a weights-derived identity', async () => {
    assert.equal(model.spec.modelFileName, 'decoder_model_merged');
    assert.equal(model.spec.dtype, 'q8');
    assert.match(model.identity.key, /^tiny-gpt2@sha256:[0-9a-f]{64}$/);
  });

  it('gives every slot surprisal per character, entropy, rank and the model’s own choice', async () => {
    const before = service.scoringStats.windows;
    const { analysis } = await service.analyzeFully(document(DRAFT));
    const birth = analysis.claims.find((c) => c.slots.some((s) => s.text === '14 March 1879'));
    assert.ok(birth, 'the birth date is a claim');
    const evidence = birth.trail.find((e) => e.signal === 'model-surprisal');
    assert.ok(evidence, 'the model left evidence');
    assert.match(evidence.summary, /a small language model \(tiny-gpt2\) expected “.*” here/);
    assert.match(evidence.summary, /bits\/char over \d+ tokens? of “/);
    assert.equal(evidence.provenance, 'measured');
    assert.equal(service.scoringStats.windows - before, new Set(analysis.claims.map((c) => c.start)).size, 'one window per sentence with claims');
    assert.deepEqual(analysis.unscoredWindows, [], 'every sentence was scored');
  });

  it('without a calibration the model is shown but the risk is exactly the rules-only risk', async () => {
    const { analysis: withModel } = await service.analyzeFully(document(DRAFT));
    const rulesOnly = analyzeDocument(DRAFT, config, { signals: RULES_SIGNALS });
    assert.deepEqual(withModel.claims.map((c) => c.risk), rulesOnly.claims.map((c) => c.risk));
    assert.ok(withModel.claims.every((c) => c.trail.some((e) => e.signal === 'model-surprisal' && e.effect.kind === 'note')));
  });

  it('with no model at all, the engine’s results equal the rules-only signals’ results', () => {
    const engine = analyzeDocument(DRAFT, config);
    const rulesOnly = analyzeDocument(DRAFT, config, { signals: RULES_SIGNALS });
    assert.deepEqual(engine.claims, rulesOnly.claims);
    assert.deepEqual(engine.unscoredWindows, []);
  });

  it('a calibration fitted for this model shifts the log-odds by exactly Σ w·(x − centre)', async () => {
    const calibration: SurprisalCalibration = {
      modelKey: model.identity.key,
      weights: { meanBitsPerChar: 0.5, maxBitsPerChar: 0, entropyBits: 0, log2Rank: 0 },
      centre: { meanBitsPerChar: 1, maxBitsPerChar: 0, entropyBits: 0, log2Rank: 0 },
      source: 'test fit',
    };
    await scoring.score(unscoredWindows(DRAFT, model.identity));
    const scoresFor = (w: Parameters<ModelScoring['known']>[0]) => scoring.known(w);
    const rulesOnly = analyzeDocument(DRAFT, config, { signals: RULES_SIGNALS });
    const calibrated = analyzeDocument(DRAFT, config, { model: { identity: model.identity, scoresFor, calibration } });
    const logit = (p: number) => Math.log(p / (1 - p));
    calibrated.claims.forEach((claim, i) => {
      const evidence = claim.trail.find((e) => e.signal === 'model-surprisal');
      assert.ok(evidence && evidence.effect.kind === 'log-odds');
      const features = /([\d.]+) bits\/char/.exec(evidence.summary);
      assert.ok(features);
      if (rulesOnly.claims[i].certain) return;
      const expected = logit(rulesOnly.claims[i].risk) + evidence.effect.shift;
      assert.ok(Math.abs(logit(claim.risk) - expected) < 1e-9);
      assert.ok(Math.abs(evidence.effect.shift - 0.5 * (Number(features[1]) - 1)) < 0.01);
    });
    const stranger = analyzeDocument(DRAFT, config, { model: { identity: model.identity, scoresFor, calibration: { ...calibration, modelKey: 'another-model' } } });
    assert.deepEqual(stranger.claims.map((c) => c.risk), rulesOnly.claims.map((c) => c.risk), 'a calibration for other weights is ignored');
  });

  it('log-probabilities equal a direct onnxruntime-node run of the same graph on the same ids (1e-4)', async () => {
    const text = 'Albert Einstein was born in Ulm on 14 March 1879.';
    const [scored] = await scoresOf([{ text, scoreFrom: 0, spans: [{ start: 0, end: text.length }], sourceOffsets: [] }]);
    env.allowRemoteModels = false;
    env.localModelPath = join(folder, '..');
    const tokenizer = await AutoTokenizer.from_pretrained('tiny-gpt2');
    const ids = [tokenizer.bos_token_id ?? 0, ...tokenizer.encode(text)];
    const session = await ort.InferenceSession.create(join(folder, 'onnx/decoder_model_merged_quantized.onnx'));
    const tensor = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);
    const { logits } = await session.run({ input_ids: tensor(ids), attention_mask: tensor(ids.map(() => 1)), position_ids: tensor(ids.map((_, i) => i)) });
    const data = logits.data as Float32Array;
    const vocab = logits.dims[2];
    assert.equal(scored.tokens.length, ids.length - 1);
    scored.tokens.forEach((token, i) => {
      const row = Array.from(data.subarray(i * vocab, (i + 1) * vocab));
      const max = Math.max(...row);
      const logZ = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
      const bits = -(row[ids[i + 1]] - logZ) / Math.LN2;
      assert.ok(Math.abs(token.surprisal - bits) < 1e-4, `token ${i}: ${token.surprisal} vs ${bits}`);
    });
    await session.release();
  });

  it('computes statistics only for tokens inside the requested slot spans', async () => {
    const text = 'Albert Einstein was born in Ulm on 14 March 1879.';
    const start = text.indexOf('Ulm');
    const [only] = await scoresOf([{ text, scoreFrom: 0, spans: [{ start, end: start + 3 }], sourceOffsets: [] }]);
    assert.ok(only.tokens.length > 0);
    for (const t of only.tokens) assert.ok(t.start < start + 3 && t.end > start, `token “${text.slice(t.start, t.end)}” overlaps “Ulm”`);
  });

  it('a second run is served from the cache, and a new process reuses the disk cache without the model', async () => {
    const storage = await tempDir('disk-cache');
    const first = await serviceWith(folder, storage);
    const cold = await first.analyzeFully(document(DRAFT));
    assert.equal(first.scoringStats.cacheHits, 0);
    assert.ok(first.scoringStats.scored > 0);
    const warm = await first.analyzeFully(document(DRAFT));
    assert.equal(warm.pendingScores, 0);
    assert.equal(first.scoringStats.scored, first.scoringStats.windows, 'the second run asked the model nothing: its first pass found every score in memory');
    await first.flush();
    await first.dispose();

    const scorer = new TransformerScorer(model.spec, { workerFile: WORKER_FILE });
    const reopened = new ModelScoring(model, scorer, new ScoreCache(model.identity.key, { directory: join(storage, 'cache') }));
    const stats = await reopened.score(cold.analysis.claims.length > 0 ? unscoredWindows(DRAFT, model.identity) : []);
    assert.equal(stats.scored, 0, 'every window came from the disk cache');
    assert.equal(scorer.loadMs, 0, 'the worker was never started');
    await scorer.dispose();
  });

  it('discards a corrupt disk-cache entry for good: scored again, written again, read back from then on', async () => {
    const cacheDir = await tempDir('corrupt-cache');
    const cache = new ScoreCache(model.identity.key, { directory: cacheDir });
    const window = { text: 'Ulm is a city.', scoreFrom: 0, spans: [{ start: 0, end: 3 }] };
    const [scores] = await scoresOf([{ ...window, sourceOffsets: [] }]);
    cache.set(window, scores);
    await cache.flush();
    const contentRoot = join(cacheDir, 'content-v2');
    const files = await readdir(contentRoot, { recursive: true, withFileTypes: true });
    const content = files.find((f) => f.isFile());
    assert.ok(content);
    const path = join(content.parentPath, content.name);
    await writeFile(path, (await readFile(path, 'utf8')).replace(/\d/g, '9'));
    const fresh = new ScoreCache(model.identity.key, { directory: cacheDir });
    assert.equal(await fresh.get(window), undefined);
    // The sentence is scored again and stored again: the next process must read it, not fail again.
    fresh.set(window, scores);
    await fresh.flush();
    assert.deepEqual(await new ScoreCache(model.identity.key, { directory: cacheDir }).get(window), scores, 'repaired');
  });

  it('drops the rest of a request once it is cancelled', async () => {
    const scorer = new TransformerScorer(model.spec, { workerFile: WORKER_FILE, windowsPerMessage: 1 });
    const controller = new AbortController();
    const windows = Array.from({ length: 20 }, (_, i) => ({ text: `Sentence number ${i} was written in ${1900 + i}.`, scoreFrom: 0, spans: [{ start: 0, end: 8 }] }));
    const request = scorer.score(windows, controller.signal);
    setTimeout(() => controller.abort(), 0);
    await assert.rejects(request, AbortedError);
    await assert.rejects(scorer.score(windows, controller.signal), AbortedError);
    await scorer.dispose();
  });

  it('a truncated ONNX file is a clear load failure, and the engine keeps working rules-only', async () => {
    const broken = join(await tempDir('broken'), 'broken-model');
    const { writeRandomGpt2 } = await import('../helpers/randomModel/writeRandomGpt2');
    await writeRandomGpt2(broken);
    const onnx = join(broken, 'onnx/decoder_model_merged_quantized.onnx');
    await writeFile(onnx, (await readFile(onnx)).subarray(0, 5000));
    const opened = await openModel({ path: broken, storageDir: await tempDir('storage'), allowDownload: false, scorer: { workerFile: WORKER_FILE } });
    assert.equal(opened.status.state, 'failed');
    assert.match(opened.status.state === 'failed' ? opened.status.reason : '', /could not be loaded/);
    assert.equal(opened.scoring, undefined);
  });

  it('a corrupt ONNX file or a model of another architecture is a clear load failure, not a crash', async () => {
    const { writeRandomGpt2 } = await import('../helpers/randomModel/writeRandomGpt2');
    for (const [fault, reason] of [
      ['corrupt', /could not be loaded: .*Protobuf parsing failed/],
      ['bert', /could not be loaded: Unsupported model type: bert/],
    ] as const) {
      const folder = join(await tempDir(fault), 'model');
      await writeRandomGpt2(folder);
      if (fault === 'corrupt') {
        const onnx = join(folder, 'onnx/decoder_model_merged_quantized.onnx');
        const bytes = await readFile(onnx);
        for (let i = 0; i < bytes.length; i += 7) bytes[i] = (bytes[i] * 31 + 17) & 255;
        await writeFile(onnx, bytes);
      } else {
        const config = JSON.parse(await readFile(join(folder, 'config.json'), 'utf8')) as Record<string, unknown>;
        await writeFile(join(folder, 'config.json'), JSON.stringify({ ...config, model_type: 'bert', architectures: ['BertModel'] }));
      }
      const opened = await openModel({ path: folder, storageDir: await tempDir('storage'), allowDownload: false, scorer: { workerFile: WORKER_FILE } });
      assert.equal(opened.status.state, 'failed', fault);
      assert.match(opened.status.state === 'failed' ? opened.status.reason : '', reason);
      assert.equal(opened.scoring, undefined);
    }
  });

  it('names what is missing in a folder that is not a model', async () => {
    const empty = await tempDir('empty');
    const result = await inspectModelFolder(empty);
    assert.equal(result.kind, 'none');
    assert.match(result.kind === 'none' ? result.reason : '', /config\.json is missing/);
  });
});
