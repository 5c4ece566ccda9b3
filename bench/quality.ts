// Detection quality on the WikiBio GPT-3 hallucination data, per the SelfCheckGPT protocol.
//
// Each passage is written as a Markdown draft into a temporary workspace and audited by the same
// code path as `claimfloor audit drafts/ [--sources sources/]` (rules, workspace rarity over the
// other drafts, grounding against the sources folder). A sentence's score is the highest risk
// among the claims overlapping it; a sentence with no claim gets the median claim risk of the run
// (the engine has no opinion on it). Prints and writes every number, a table beside the published
// baselines, a precision-recall curve and a reliability diagram, and an ablation of the signals.
//
//   npm run bench:quality -- [--data ../shared/bench/wikibio-dev.jsonl] [--sources] [--model <folder>]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AssessedClaim, analyzeDocument, CLAIM_TYPE_TABLE, type ClaimType, resolveConfig, type RiskSignal } from '../server/src/engine';
import { audit, buildCorpus } from '../server/src/cli/audit';
import type { CorpusContext } from '../server/src/engine/corpus/claimCorpusEvidence';
import { toDocumentPath } from '../server/src/engine/corpus/corpusDocument';
import { answerSpaceSignal } from '../server/src/engine/risk/signals/answerSpace';
import { deterministicChecksSignal } from '../server/src/engine/risk/signals/deterministicChecks';
import { groundingSignal } from '../server/src/engine/risk/signals/grounding';
import { raritySignal } from '../server/src/engine/risk/signals/rarity';
import { typePriorSignal } from '../server/src/engine/risk/signals/typePrior';
import { writerVerificationSignal } from '../server/src/engine/risk/signals/writerVerification';
import { readBaselines } from './lib/baselines';
import { table, writeSection } from './lib/benchmarksDoc';
import { median, precisionRecallCurve, reliability } from './lib/metrics';
import { prCurveSvg, reliabilitySvg } from './lib/svgCharts';
import { isWrong, type ProtocolResult, readWikiBio, type ScoredPassage, selfCheckProtocol, type SentenceSpan, sentenceSpans, type WikiBioRow } from './lib/wikibio';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/bench/wikibio-dev.jsonl' },
    sources: { type: 'boolean', default: false },
    model: { type: 'string' },
  },
});

const OUT = 'docs/benchmarks';
const mode = args.sources ? 'sources' : 'no-reference';
const rows = readWikiBio(args.data!);
const workspace = mkdtempSync(join(tmpdir(), 'claimfloor-quality-'));
mkdirSync(join(workspace, 'drafts'));
if (args.sources) mkdirSync(join(workspace, 'sources'));
const draftPath = (r: WikiBioRow) => join('drafts', `${r.id}.md`);
for (const r of rows) {
  writeFileSync(join(workspace, draftPath(r)), `${r.gpt3_text}\n`);
  if (args.sources) writeFileSync(join(workspace, 'sources', `${r.id}.txt`), `${r.wiki_bio_text}\n`);
}
const sourceFolders = args.sources ? ['sources'] : [];

interface Run {
  claims: Map<number, AssessedClaim[]>;
}

const overlaps = (c: AssessedClaim, s: SentenceSpan) => c.start < s.end && c.end > s.start;

/** Scores sentences by their riskiest claim; sentences without claims get `fallback`. */
function score(run: Run, fallback: number): ScoredPassage[] {
  return rows.map((r) => {
    const claims = run.claims.get(r.id) ?? [];
    const spans = sentenceSpans(r);
    const riskiest = (s: SentenceSpan) => claims.filter((c) => overlaps(c, s)).reduce<number | undefined>((max, c) => Math.max(max ?? 0, c.risk), undefined);
    return { labels: spans.map((s) => s.label), scores: spans.map((s) => riskiest(s) ?? fallback) };
  });
}

const medianRisk = (run: Run) => median([...run.claims.values()].flat().map((c) => c.risk));

/** The product's own run: the CLI's audit over the workspace (with the model when one is given). */
async function auditRun(withModel: boolean): Promise<Run> {
  const outcome = await audit({
    paths: ['drafts'],
    cwd: workspace,
    progress: false,
    minRisk: 0,
    corpus: { sources: sourceFolders, gazetteerDir: resolve('dist') },
    model: withModel ? { path: resolve(args.model!), allowDownload: false, cacheDir: join(workspace, '.cache'), workerFile: resolve('dist/scoringWorker.js') } : undefined,
  });
  if (withModel && !outcome.model.used) throw new Error(`the model did not load: ${outcome.model.reason}`);
  const claims = new Map<number, AssessedClaim[]>();
  for (const result of outcome.results) {
    if (!result.analysis) throw new Error(`${result.path}: ${result.error}`);
    claims.set(Number(result.path.match(/(\d+)\.md$/)![1]), result.analysis.claims);
  }
  return { claims };
}

const config = resolveConfig();

/** The same analysis with a chosen set of signals (the ablation), on the index the audit builds. */
function signalRun(corpus: CorpusContext, signals: readonly RiskSignal[], settings = config, passages = rows): Run {
  const claims = new Map<number, AssessedClaim[]>();
  for (const r of passages) {
    const documentId = toDocumentPath(join(workspace, draftPath(r)));
    claims.set(r.id, analyzeDocument(`${r.gpt3_text}\n`, settings, { signals, corpus: { ...corpus, documentId } }).claims);
  }
  return { claims };
}

const claimSentence = (r: WikiBioRow, c: AssessedClaim) => sentenceSpans(r).find((s) => overlaps(c, s));

/**
 * An experiment, not the product: each claim type's P(wrong) measured on one half of the passages
 * (a claim counts as wrong when its sentence is), divided by the type's mean (1 − 1/|R_c|) factor so
 * that prior × factor reproduces the measured rate, and set as `types.<type>.prior` (the writer's
 * setting) for the other half; types with fewer than 30 claims keep their prior.
 */
function measuredPriorRun(corpus: CorpusContext, signals: readonly RiskSignal[], run: Run): Run {
  const halves = [rows.filter((r) => r.id < rows.length / 2), rows.filter((r) => r.id >= rows.length / 2)];
  const claims = new Map<number, AssessedClaim[]>();
  halves.forEach((train, i) => {
    const counts = new Map<string, { wrong: number; n: number; factor: number }>();
    for (const r of train) {
      for (const c of run.claims.get(r.id) ?? []) {
        const sentence = claimSentence(r, c);
        if (!sentence) continue;
        const entry = counts.get(c.type) ?? { wrong: 0, n: 0, factor: 0 };
        const scale = c.trail.find((e) => e.effect.kind === 'scale')?.effect;
        entry.n++;
        entry.wrong += isWrong(sentence.label) ? 1 : 0;
        entry.factor += scale?.kind === 'scale' ? scale.factor : 1;
        counts.set(c.type, entry);
      }
    }
    const settings = structuredClone(config);
    for (const [type, { wrong, n, factor }] of counts) {
      if (n >= 30 && CLAIM_TYPE_TABLE[type as ClaimType].prior === undefined) settings.types[type as ClaimType].prior = Math.min(1, (wrong + 1) / (n + 2) / (factor / n));
    }
    for (const [id, found] of signalRun(corpus, signals, settings, halves[1 - i]).claims) claims.set(id, found);
  });
  return { claims };
}

const SIGNALS: Array<[string, RiskSignal]> = [
  ['type prior', typePriorSignal],
  ['specificity (1 − 1/|R_c|)', answerSpaceSignal],
  ['deterministic checks', deterministicChecksSignal],
  ['rarity (workspace counts, popularity)', raritySignal],
  ['grounding (sources)', groundingSignal],
];
const nonFactOf = (run: Run) => selfCheckProtocol(score(run, medianRisk(run))).nonFact.aucPr;

async function main(): Promise<void> {
  const corpus = await buildCorpus(rows.map((r) => join(workspace, draftPath(r))), { sources: sourceFolders.map((s) => join(workspace, s)), gazetteerDir: resolve('dist') }, workspace, () => config);
  const started = performance.now();
  const product = await auditRun(false);
  const seconds = (performance.now() - started) / 1000;
  const passages = score(product, medianRisk(product));
  const result = selfCheckProtocol(passages);
  const allClaims = [...product.claims.values()].flat();
  const sentenceScores = passages.flatMap((p) => p.scores);
  const sentenceWrong = passages.flatMap((p) => p.labels.map(isWrong));
  const sentenceCalibration = reliability(sentenceScores, sentenceWrong);
  const claimLabels = rows.flatMap((r) => (product.claims.get(r.id) ?? []).map((c) => claimSentence(r, c)));
  const claimCalibration = reliability(
    allClaims.filter((_, i) => claimLabels[i]).map((c) => c.risk),
    claimLabels.filter((s) => s !== undefined).map((s) => isWrong(s.label)),
  );
  const sentencesWithClaims = rows.reduce((n, r) => n + sentenceSpans(r).filter((s) => (product.claims.get(r.id) ?? []).some((c) => overlaps(c, s))).length, 0);
  const unflagged = selfCheckProtocol(score(product, 0));

  const full = SIGNALS.map(([, s]) => s);
  const fullRun = signalRun(corpus, [...full, writerVerificationSignal]);
  const sameAsProduct = [...fullRun.claims].every(([id, claims]) => claims.map((c) => c.risk).join() === (product.claims.get(id) ?? []).map((c) => c.risk).join());
  if (!sameAsProduct) throw new Error('the ablation path disagrees with the audit path on the full signal set');
  const ablation = SIGNALS.map(([name], i) => ({
    signal: name,
    cumulative: nonFactOf(signalRun(corpus, full.slice(0, i + 1))),
    withoutIt: nonFactOf(signalRun(corpus, full.filter((_, j) => j !== i))),
  }));
  const measured = measuredPriorRun(corpus, [...full, writerVerificationSignal], product);
  const measuredPassages = score(measured, medianRisk(measured));
  const measuredPriors = { protocol: selfCheckProtocol(measuredPassages), sentenceEce: reliability(measuredPassages.flatMap((p) => p.scores), measuredPassages.flatMap((p) => p.labels.map(isWrong))).ece };
  const modelRun = args.model ? await auditRun(true) : undefined;
  const withModel = modelRun && selfCheckProtocol(score(modelRun, medianRisk(modelRun)));

  const output = {
    mode,
    data: { path: args.data, passages: rows.length, sentences: result.sentences },
    engine: { claims: allClaims.length, sentencesWithClaims, sentencesWithoutClaimsScoredAs: 'median claim risk of the run', medianClaimRisk: medianRisk(product), seconds: Number(seconds.toFixed(2)) },
    protocol: result,
    protocolWithUnclaimedSentencesAtZero: unflagged,
    calibration: { sentence: sentenceCalibration, claim: claimCalibration },
    ablation,
    experimentMeasuredTypePriors: measuredPriors,
    model: withModel ?? { measured: false, reason: args.model ? undefined : 'no --model folder given (no real weights on this machine)' },
    machine: { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model },
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `quality-${mode}.json`), `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(join(OUT, `pr-curve-${mode}.svg`), prCurveSvg(`NonFact precision-recall, ${mode}`, [{ name: `ClaimFloor (AUC-PR ${result.nonFact.aucPr})`, points: precisionRecallCurve(sentenceScores, sentenceWrong) }], result.nonFact.random / 100));
  writeFileSync(join(OUT, `reliability-${mode}.svg`), reliabilitySvg(`Sentence risk calibration, ${mode}`, sentenceCalibration));
  rmSync(workspace, { recursive: true, force: true });

  const baselines = readBaselines(resolve(args.data!, '..', 'README.md'));
  const row = (name: string, r: ProtocolResult) => [name, r.nonFact.aucPr.toFixed(2), r.nonFactStar.aucPr.toFixed(2), r.factual.aucPr.toFixed(2), r.pearson.toFixed(2), r.spearman.toFixed(2)];
  const heading = args.sources ? 'With sources: each passage’s `wiki_bio_text` in a `sources/` folder' : 'No reference: the drafts alone';
  const markdown = [
    `## Quality — ${heading}`,
    '',
    `Generated by \`npm run bench:quality -- --data ${args.data}${args.sources ? ' --sources' : ''}\`. ${rows.length} passages, ${result.sentences} sentences, ${allClaims.length} claims; ${sentencesWithClaims} sentences overlap a claim, the other ${result.sentences - sentencesWithClaims} score the run's median claim risk (${medianRisk(product).toFixed(3)}). Audit time ${seconds.toFixed(1)} s.`,
    '',
    table(
      ['Method', 'NonFact', 'NonFact*', 'Factual', 'Pearson', 'Spearman'],
      [
        row(`**ClaimFloor, ${mode}** (this split: ${rows.length} passages)`, result),
        row('ClaimFloor, sentences without claims scored 0', unflagged),
        ['Random (this split)', result.nonFact.random.toFixed(2), result.nonFactStar.random.toFixed(2), result.factual.random.toFixed(2), '–', '–'],
        ...baselines.map((b) => [`${b.method} (published, 238 passages)`, b.cells.nonFact, b.cells.nonFactStar, b.cells.factual, b.cells.pearson, b.cells.spearman]),
      ],
    ),
    '',
    'AUC-PR and correlations ×100. Published rows are for the full 238-passage set (ᴾ primary, ˢ secondary source, see `../shared/bench/README.md`); ours are for the split given, so compare against the split’s own random row.',
    '',
    `Calibration of the risk as P(sentence wrong): sentence ECE **${sentenceCalibration.ece.toFixed(3)}** (10 equal-width bins, sentence score = its riskiest claim); claim ECE ${claimCalibration.ece.toFixed(3)} (each claim against its sentence's label, ${claimCalibration.bins.reduce((n, b) => n + b.count, 0)} claims).`,
    '',
    `![NonFact precision-recall curve, ${mode}](benchmarks/pr-curve-${mode}.svg) ![Reliability diagram, ${mode}](benchmarks/reliability-${mode}.svg)`,
    '',
    'Ablation (NonFact AUC-PR ×100): signals added in order, and the full set without each one.',
    '',
    table(['Signal', 'Cumulative', 'Full set without it'], [...ablation.map((a) => [a.signal, a.cumulative.toFixed(2), a.withoutIt.toFixed(2)]), ['transformer (model surprisal)', withModel ? withModel.nonFact.aucPr.toFixed(2) : 'not measured: no real weights here (`--model <folder>`)', '–']]),
    '',
    `Experiment (not shipped): each type's P(wrong) measured on the other half of the passages and used as its prior (2-fold by passage, \`bench/quality.ts\` measuredPriorRun): NonFact ${measuredPriors.protocol.nonFact.aucPr.toFixed(2)}, NonFact* ${measuredPriors.protocol.nonFactStar.aucPr.toFixed(2)}, Factual ${measuredPriors.protocol.factual.aucPr.toFixed(2)}, Pearson ${measuredPriors.protocol.pearson.toFixed(2)}; sentence ECE ${measuredPriors.sentenceEce.toFixed(3)}.`,
  ].join('\n');
  writeSection(`quality-${mode}`, markdown);
  console.log(markdown);
  console.log(`\nwrote ${join(OUT, `quality-${mode}.json`)}, the two SVGs beside it, and the section in docs/benchmarks.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
