// Detection quality on the WikiBio GPT-3 hallucination data, per the SelfCheckGPT protocol.
//
// Each passage is written as a Markdown draft into a temporary workspace and audited by the same
// code path as `claimfloor audit drafts/ [--sources sources/]` (rules, workspace rarity over the
// other drafts, grounding against the sources folder). A sentence's score is the highest risk
// among the claims overlapping it; a sentence with no claim gets the median claim risk of the run
// (the engine has no opinion on it). The shipped calibration was fitted on the dev split
// (bench/calibrate.ts), so on that split the product's numbers are in-sample; the out-of-sample
// row refits it on each half of the passages and scores the other half.
//
//   npm run bench:quality -- [--data ../shared/bench/wikibio-dev.jsonl] [--sources] [--model <folder>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AssessedClaim, resolveConfig, type RiskSignal } from '../server/src/engine';
import { audit } from '../server/src/cli/audit';
import { answerSpaceSignal } from '../server/src/engine/risk/signals/answerSpace';
import { deterministicChecksSignal } from '../server/src/engine/risk/signals/deterministicChecks';
import { groundingSignal } from '../server/src/engine/risk/signals/grounding';
import { raritySignal } from '../server/src/engine/risk/signals/rarity';
import { typePriorSignal } from '../server/src/engine/risk/signals/typePrior';
import { writerVerificationSignal } from '../server/src/engine/risk/signals/writerVerification';
import { readBaselines } from './lib/baselines';
import { table, writeSection } from './lib/benchmarksDoc';
import { crossFitted } from './lib/calibration';
import { median, precisionRecallCurve, reliability } from './lib/metrics';
import { prCurveSvg, reliabilitySvg } from './lib/svgCharts';
import { isWrong, type ProtocolResult, readWikiBio, type ScoredPassage, selfCheckProtocol, type SentenceSpan, sentenceSpans, type Task } from './lib/wikibio';
import { analyzeDrafts, claimSentence, overlaps, type WikiBioWorkspace, writeWikiBioWorkspace } from './lib/wikibioWorkspace';

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
const config = resolveConfig();

type Claims = Map<number, AssessedClaim[]>;

const medianRisk = (claims: Claims) => median([...claims.values()].flat().map((c) => c.risk));

/** Scores sentences by their riskiest claim; sentences without claims get `fallback` (default: the run's median claim risk). */
function score(claims: Claims, fallback = medianRisk(claims)): ScoredPassage[] {
  return rows.map((r) => {
    const found = claims.get(r.id) ?? [];
    const riskiest = (s: SentenceSpan) => found.filter((c) => overlaps(c, s)).reduce<number | undefined>((max, c) => Math.max(max ?? 0, c.risk), undefined);
    const spans = sentenceSpans(r);
    return { labels: spans.map((s) => s.label), scores: spans.map((s) => riskiest(s) ?? fallback) };
  });
}

/** The product's own run: the CLI's audit over the workspace (with the model when one is given). */
async function auditRun(workspace: WikiBioWorkspace, withModel: boolean): Promise<Claims> {
  const outcome = await audit({
    paths: ['drafts'],
    cwd: workspace.root,
    progress: false,
    minRisk: 0,
    corpus: { sources: workspace.sourceFolders },
    model: withModel ? { path: resolve(args.model!), allowDownload: false, cacheDir: join(workspace.root, '.cache') } : undefined,
    distDir: resolve('dist'),
  });
  if (withModel && !outcome.model.used) throw new Error(`the model did not load: ${outcome.model.reason}`);
  const claims: Claims = new Map();
  for (const result of outcome.results) {
    if (!result.analysis) throw new Error(`${result.path}: ${result.error}`);
    claims.set(Number(result.path.match(/(\d+)\.md$/)![1]), result.analysis.claims);
  }
  return claims;
}

const SIGNALS: Array<[string, RiskSignal]> = [
  ['type prior', typePriorSignal],
  ['specificity (1 − 1/|R_c|)', answerSpaceSignal],
  ['deterministic checks', deterministicChecksSignal],
  ['rarity (workspace counts, popularity)', raritySignal],
  ['grounding (sources)', groundingSignal],
];

const sentenceEce = (passages: ScoredPassage[]) => reliability(passages.flatMap((p) => p.scores), passages.flatMap((p) => p.labels.map(isWrong)));

/** Each claim's risk against its sentence's label: the calibration of the number the product shows. */
function claimEce(claims: Claims) {
  const labelled = rows.flatMap((r) =>
    (claims.get(r.id) ?? []).flatMap((c) => {
      const s = claimSentence(r, c);
      return s ? [{ risk: c.risk, wrong: isWrong(s.label) }] : [];
    }),
  );
  return reliability(labelled.map((l) => l.risk), labelled.map((l) => l.wrong));
}

/** Sentences that overlap a claim only: the ones the product scores. */
const scoredOnly = (passages: ScoredPassage[], claims: Claims): ScoredPassage[] =>
  passages.map((p, i) => {
    const keep = sentenceSpans(rows[i]).map((s) => (claims.get(rows[i].id) ?? []).some((c) => overlaps(c, s)));
    return { labels: p.labels.filter((_, j) => keep[j]), scores: p.scores.filter((_, j) => keep[j]) };
  });

async function main(): Promise<void> {
  const workspace = await writeWikiBioWorkspace(rows, args.sources!);
  const fitOn = args.sources ? workspace : await writeWikiBioWorkspace(rows, true);
  try {
    const started = performance.now();
    const product = await auditRun(workspace, false);
    const seconds = (performance.now() - started) / 1000;
    const passages = score(product);
    const result = selfCheckProtocol(passages);
    const allClaims = [...product.values()].flat();
    const sentenceScores = passages.flatMap((p) => p.scores);
    const sentenceWrong = passages.flatMap((p) => p.labels.map(isWrong));
    const sentenceCalibration = sentenceEce(passages);
    const claimCalibration = claimEce(product);
    const sentencesWithClaims = rows.reduce((n, r) => n + sentenceSpans(r).filter((s) => (product.get(r.id) ?? []).some((c) => overlaps(c, s))).length, 0);
    const unflagged = selfCheckProtocol(score(product, 0));
    const constant = selfCheckProtocol(passages.map((p) => ({ labels: p.labels, scores: p.scores.map(() => 0.5) })));

    const full = SIGNALS.map(([, s]) => s);
    const sameAsProduct = [...analyzeDrafts(workspace, rows, config, { signals: [...full, writerVerificationSignal] })].every(
      ([id, claims]) => claims.map((c) => c.risk).join() === (product.get(id) ?? []).map((c) => c.risk).join(),
    );
    if (!sameAsProduct) throw new Error('the ablation path disagrees with the audit path on the full signal set');
    const nonFactOf = (signals: readonly RiskSignal[]) => selfCheckProtocol(score(analyzeDrafts(workspace, rows, config, { signals }))).nonFact;
    const ablation = SIGNALS.map(([name], i) => ({ signal: name, cumulative: nonFactOf(full.slice(0, i + 1)), withoutIt: nonFactOf(full.filter((_, j) => j !== i)) }));
    const outOfSampleClaims = crossFitted(fitOn, workspace, rows);
    const outOfSamplePassages = score(outOfSampleClaims);
    const outOfSample = {
      protocol: selfCheckProtocol(outOfSamplePassages),
      calibration: sentenceEce(outOfSamplePassages),
      scoredSentenceCalibration: sentenceEce(scoredOnly(outOfSamplePassages, outOfSampleClaims)),
      claimCalibration: claimEce(outOfSampleClaims),
    };
    const modelClaims = args.model ? await auditRun(workspace, true) : undefined;
    const withModel = modelClaims && selfCheckProtocol(score(modelClaims));

    const output = {
      mode,
      data: { path: args.data, passages: rows.length, sentences: result.sentences },
      engine: { claims: allClaims.length, sentencesWithClaims, sentencesWithoutClaimsScoredAs: 'median claim risk of the run', medianClaimRisk: medianRisk(product), seconds: Number(seconds.toFixed(2)) },
      protocol: result,
      protocolWithUnclaimedSentencesAtZero: unflagged,
      protocolOfConstantScore: constant,
      calibration: { sentence: sentenceCalibration, claim: claimCalibration },
      outOfSample,
      ablation,
      model: withModel ?? { measured: false, reason: args.model ? undefined : 'no --model folder given (no real weights on this machine)' },
      machine: { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model },
    };
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `quality-${mode}.json`), `${JSON.stringify(output, null, 2)}\n`);
    writeFileSync(
      join(OUT, `pr-curve-${mode}.svg`),
      prCurveSvg(
        `NonFact precision-recall, ${mode}`,
        [
          { name: `shipped, in-sample (AUC-PR ${result.nonFact.aucPr})`, points: precisionRecallCurve(sentenceScores, sentenceWrong) },
          { name: `2-fold out of sample (AUC-PR ${outOfSample.protocol.nonFact.aucPr})`, points: precisionRecallCurve(outOfSamplePassages.flatMap((p) => p.scores), sentenceWrong) },
        ],
        result.nonFact.random / 100,
      ),
    );
    writeFileSync(join(OUT, `reliability-${mode}.svg`), reliabilitySvg(`Claim risk, 2-fold out of sample, ${mode}`, outOfSample.claimCalibration));

    const baselines = readBaselines(resolve(args.data!, '..', 'README.md'));
    const pair = (t: Task) => `${t.aucPr.toFixed(2)} (${t.averagePrecision.toFixed(2)})`;
    const row = (name: string, r: ProtocolResult) => [name, pair(r.nonFact), pair(r.nonFactStar), pair(r.factual), r.pearson.toFixed(2), r.spearman.toFixed(2)];
    const heading = args.sources ? 'With sources: each passage’s `wiki_bio_text` in a `sources/` folder' : 'No reference: the drafts alone';
    const markdown = [
      `## Quality — ${heading}`,
      '',
      `Generated by \`npm run bench:quality -- --data ${args.data}${args.sources ? ' --sources' : ''}\`. ${rows.length} passages, ${result.sentences} sentences, ${allClaims.length} claims; ${sentencesWithClaims} sentences overlap a claim, the other ${result.sentences - sentencesWithClaims} score the run's median claim risk (${medianRisk(product).toFixed(3)}). Audit time ${seconds.toFixed(1)} s.`,
      '',
      table(
        ['Method', 'NonFact', 'NonFact*', 'Factual', 'Pearson', 'Spearman'],
        [
          row(`**ClaimFloor, ${mode}, 2-fold out of sample**`, outOfSample.protocol),
          row(`ClaimFloor, ${mode}, shipped calibration (fitted on this split: in-sample)`, result),
          row('ClaimFloor, shipped, sentences without claims scored 0', unflagged),
          ['Random (this split): the positive share', result.nonFact.random.toFixed(2), result.nonFactStar.random.toFixed(2), result.factual.random.toFixed(2), '–', '–'],
          ['One constant score for every sentence (this split)', pair(constant.nonFact), pair(constant.nonFactStar), pair(constant.factual), '–', '–'],
          ...baselines.map((b) => [`${b.method} (published, 238 passages)`, b.cells.nonFact, b.cells.nonFactStar, b.cells.factual, b.cells.pearson, b.cells.spearman]),
        ],
      ),
      '',
      'AUC-PR (the protocol’s sklearn `auc(recall, precision)`) with average precision in brackets, and correlations, ×100. Out of sample: the shipped calibration (per-type priors and the grounding model, `bench/calibrate.ts`) is refitted on passages of one half and scores the other half; this is the estimate for unseen passages. Published rows are for the full 238-passage set (ᴾ primary, ˢ secondary source, see `../shared/bench/README.md`); ours are for the split given, so compare against the split’s own rows. The trapezoidal AUC-PR rewards tied scores: one constant score gets (1 + share) / 2, far above the positive share, so a detector with many tied risks must be read with its average precision, which gives a constant score exactly the share.',
      '',
      `Calibration (ECE, 10 equal-width bins), out of sample / shipped in-sample: **claim risk against its sentence's label ${outOfSample.claimCalibration.ece.toFixed(3)}** / ${claimCalibration.ece.toFixed(3)} (${claimCalibration.bins.reduce((n, b) => n + b.count, 0)} claims: the number the product shows); sentences the product scores (riskiest claim) ${outOfSample.scoredSentenceCalibration.ece.toFixed(3)}; all sentences, the unscored ones at the median ${outOfSample.calibration.ece.toFixed(3)} / ${sentenceCalibration.ece.toFixed(3)}. The reliability diagram is the claim-level one, out of sample.`,
      '',
      `![NonFact precision-recall curve, ${mode}](benchmarks/pr-curve-${mode}.svg) ![Reliability diagram, ${mode}](benchmarks/reliability-${mode}.svg)`,
      '',
      'Ablation with the shipped calibration (NonFact AUC-PR, average precision in brackets, ×100): signals added in order, and the full set without each one.',
      '',
      table(['Signal', 'Cumulative', 'Full set without it'], [...ablation.map((a) => [a.signal, pair(a.cumulative), pair(a.withoutIt)]), ['transformer (model surprisal)', withModel ? pair(withModel.nonFact) : 'not measured: no real weights here (`--model <folder>`)', '–']]),
    ].join('\n');
    writeSection(`quality-${mode}`, markdown);
    console.log(markdown);
    console.log(`\nwrote ${join(OUT, `quality-${mode}.json`)}, the two SVGs beside it, and the section in docs/benchmarks.md`);
  } finally {
    workspace.remove();
    if (fitOn !== workspace) fitOn.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
