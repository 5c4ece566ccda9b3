// How well the product ranks wrong claims, out of sample, on every dev set in ../shared/bench.
//
// Each dataset is audited by the CLI's own path (bench/lib/evalRun.ts) once per mode: its drafts
// alone ("no sources"), and, where it has reference text, with that text as the writer's sources.
// A unit (a labelled sentence, or a whole response) scores its riskiest claim per sentence,
// combined across sentences as P(at least one is wrong); a unit without claims scores 0. Claims are
// reassessed by the engine's own risk path under models fitted on other data: passage-level
// 2-fold (half of this set plus the other sets) and leave one dataset out. The shipped models were
// fitted on all of it (bench/calibrate.ts), so their numbers here are in-sample.
//
//   npm run bench:quality -- [--only wikibio,factcheck,halueval] [--draws 1000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLAIM_FEATURES, type ClaimFeature, FEATURE_GROUPS, FITTED_CALIBRATION, type FeatureGroup, RISK_MODES, type RiskMode } from '../server/src/engine';
import { readBaselines } from './lib/baselines';
import { table, writeSection } from './lib/benchmarksDoc';
import { BENCH_DIR, DATASETS, type DatasetName } from './lib/evalData';
import { precisionRecallCurve, reliability } from './lib/metrics';
import { collectRuns, leaveOneOutRisks, type ModeRun, TITLE, twoFoldAssessments, twoFoldRisks } from './lib/riskExperiment';
import { type DocsNoise, humanDocsNoise, type Noise, noiseOf } from './lib/noise';
import { apWithInterval, aucPrTiesBroken, BASELINES, baselineScores, claimCalibration, type Interval, risksUnder, type UnitScores, unitScores } from './lib/riskFit';
import { prCurveSvg, reliabilitySvg } from './lib/svgCharts';
import { type Label, type ProtocolResult, type ScoredPassage, selfCheckProtocol, type Task } from './lib/wikibio';

const { values: args } = parseArgs({ options: { only: { type: 'string' }, draws: { type: 'string', default: '1000' } } });
const only = args.only?.split(',') as DatasetName[] | undefined;
const draws = Number(args.draws);
const OUT = 'docs/benchmarks';

const pct = (x: number) => (x * 100).toFixed(1);
const interval = (i: Interval) => `${pct(i.ap)} (${pct(i.low)}–${pct(i.high)})`;
const baseRate = (s: UnitScores) => s.wrong.filter(Boolean).length / s.wrong.length;
const MODE_TITLE: Record<RiskMode, string> = { 'no-sources': 'no sources', sources: 'with sources' };
const SOURCE_TITLE: Partial<Record<DatasetName, string>> = { wikibio: "each passage's Wikipedia article", factcheck: 'the retrieved web evidence' };

interface Result {
  target: ModeRun;
  twoFold: { risks: number[]; units: UnitScores; ap: Interval; aucPr: number };
  leaveOneOut?: { units: UnitScores; ap: number };
  shipped: { units: UnitScores; ap: number };
  baselines: Record<(typeof BASELINES)[number], number>;
  /** 2-fold AP without each group of features, and with none (the type alone). */
  ablation: Record<FeatureGroup | 'type only', number>;
  coverage: { unitsWithClaims: number; claims: number };
  /** Warnings and errors under the 2-fold models, against the wrong claims among them. */
  noise: Noise;
}

const ap = (s: UnitScores) => apWithInterval(s, 0).ap;

function evaluate(runs: ModeRun[], target: ModeRun): Result {
  const assessments = twoFoldAssessments(runs, target);
  const risks = assessments.map((a) => a.risk);
  const units = unitScores(target.run, risks);
  const lodo = leaveOneOutRisks(runs, target);
  const shipped = unitScores(target.run, risksUnder(target.run, {}));
  const without = (drop: readonly ClaimFeature[]) => ap(unitScores(target.run, twoFoldRisks(runs, target, { features: CLAIM_FEATURES.filter((f) => !drop.includes(f)) })));
  const groups = Object.keys(FEATURE_GROUPS) as FeatureGroup[];
  const b = baselineScores(target.run);
  return {
    target,
    twoFold: { risks, units, ap: apWithInterval(units, draws), aucPr: aucPrTiesBroken(units) },
    leaveOneOut: lodo && { units: unitScores(target.run, lodo), ap: ap(unitScores(target.run, lodo)) },
    shipped: { units: shipped, ap: ap(shipped) },
    baselines: Object.fromEntries(BASELINES.map((name) => [name, ap(b[name])])) as Result['baselines'],
    ablation: { ...(Object.fromEntries(groups.map((g) => [g, without(FEATURE_GROUPS[g])])) as Record<FeatureGroup, number>), 'type only': without(CLAIM_FEATURES) },
    coverage: { unitsWithClaims: target.run.units.filter((u) => u.claims.length > 0).length, claims: target.run.claims.length },
    noise: noiseOf(target.run, assessments),
  };
}

/** Warnings and errors per claim on the dev sets (2-fold) and on human-written docs, against the wrong claims among them. */
function noiseTable(results: Result[], docs: DocsNoise): string {
  const perTen = (n: number, of: number) => ((10 * n) / Math.max(1, of)).toFixed(1);
  const loudDocs = docs.bySeverity.error + docs.bySeverity.warning;
  return table(
    ['Text', 'Claims', 'Wrong claims (base rate)', 'Warnings or errors per 10 claims', 'Precision of warnings and errors', '× base rate', 'Errors', 'Precision of errors'],
    [
      ...results.map((r) => {
        const n = r.noise;
        return [
          `${TITLE[r.target.dataset]}, ${MODE_TITLE[r.target.mode]}`,
          n.claims,
          `${pct(n.wrongShare)}%`,
          perTen(n.loud, n.claims),
          n.loud > 0 ? `${pct(n.loudPrecision)}%` : '–',
          n.loud > 0 ? (n.loudPrecision / n.wrongShare).toFixed(2) : '–',
          n.errors,
          n.errors > 0 ? `${pct(n.errorPrecision)}%` : '–',
        ];
      }),
      [`Human-written docs: ${docs.files} npm READMEs (unlabelled, shipped models)`, docs.claims, '–', perTen(loudDocs, docs.claims), '–', '–', docs.bySeverity.error, '–'],
    ],
  );
}

/** WikiBio's sentences in the SelfCheckGPT protocol's shape, for its published table. */
function protocolOf(scores: UnitScores): ProtocolResult {
  const passages = new Map<string, ScoredPassage>();
  scores.units.forEach((u, i) => {
    const p = passages.get(u.document) ?? { labels: [], scores: [] };
    p.labels.push(u.unit.grade as Label);
    p.scores.push(scores.scores[i]);
    passages.set(u.document, p);
  });
  return selfCheckProtocol([...passages.values()]);
}

function mainTable(results: Result[]): string {
  const beatsAll = (r: Result) => BASELINES.every((b) => r.twoFold.ap.ap > r.baselines[b]);
  return table(
    ['Dev set, mode', 'Units (with claims)', 'Base rate', '**AP, 2-fold** (95% CI)', 'AUC-PR ties broken', 'AP, leave dataset out', 'AP, shipped (in-sample)', ...BASELINES.map((b) => `AP ${b}`), 'Beats every baseline'],
    results.map((r) => [
      `${TITLE[r.target.dataset]}, ${MODE_TITLE[r.target.mode]}`,
      `${r.target.run.units.length} (${r.coverage.unitsWithClaims})`,
      pct(baseRate(r.twoFold.units)),
      `**${interval(r.twoFold.ap)}**`,
      pct(r.twoFold.aucPr),
      r.leaveOneOut ? pct(r.leaveOneOut.ap) : '– (no other set has sources)',
      pct(r.shipped.ap),
      ...BASELINES.map((b) => pct(r.baselines[b])),
      beatsAll(r) ? 'yes' : 'no',
    ]),
  );
}

function calibrationTable(results: Result[]): string {
  return table(
    ['Dev set, mode', 'Claims', 'ECE, claim risk vs its sentence (2-fold)', 'Units with claims', 'ECE, unit score vs its label (2-fold)'],
    results.map((r) => {
      const claims = claimCalibration(r.target.run, r.twoFold.risks);
      const covered = r.twoFold.units.units.map((u) => u.claims.length > 0);
      const units = reliability(r.twoFold.units.scores.filter((_, i) => covered[i]), r.twoFold.units.wrong.filter((_, i) => covered[i]));
      const claimLevel = r.target.run.units.every((u) => u.unit.end - u.unit.start < 2000) && r.target.dataset !== 'halueval';
      return [`${TITLE[r.target.dataset]}, ${MODE_TITLE[r.target.mode]}`, r.coverage.claims, claimLevel ? claims.ece.toFixed(3) : `${claims.ece.toFixed(3)} (labels are per response)`, covered.filter(Boolean).length, units.ece.toFixed(3)];
    }),
  );
}

function ablationTable(results: Result[]): string {
  const groups = [...(Object.keys(FEATURE_GROUPS) as FeatureGroup[]), 'type only'] as const;
  return table(
    ['Dev set, mode', 'All features', ...groups.map((g) => (g === 'type only' ? 'type only (no features)' : `without ${g}`))],
    results.map((r) => [`${TITLE[r.target.dataset]}, ${MODE_TITLE[r.target.mode]}`, pct(r.twoFold.ap.ap), ...groups.map((g) => `${pct(r.ablation[g])} (${r.ablation[g] >= r.twoFold.ap.ap ? '+' : '−'}${pct(Math.abs(r.ablation[g] - r.twoFold.ap.ap))})`)]),
  );
}

function weightsTable(): string {
  const used = CLAIM_FEATURES.filter((f) => RISK_MODES.some((m) => FITTED_CALIBRATION.models[m].weights[f] !== undefined));
  return table(
    ['Feature', ...RISK_MODES.map((m) => `weight, ${MODE_TITLE[m]} (centre)`)],
    used.map((f) => [f, ...RISK_MODES.map((m) => {
      const model = FITTED_CALIBRATION.models[m];
      return model.weights[f] === undefined ? '–' : `${model.weights[f]!.toFixed(3)} (${(model.centres[f] ?? 0).toFixed(2)})`;
    })]),
  );
}

function protocolTable(results: Result[]): string {
  const wikibio = results.filter((r) => r.target.dataset === 'wikibio');
  if (wikibio.length === 0) return '';
  const pair = (t: Task) => `${t.aucPr.toFixed(2)} (${t.averagePrecision.toFixed(2)})`;
  const row = (name: string, p: ProtocolResult) => [name, pair(p.nonFact), pair(p.nonFactStar), pair(p.factual), p.pearson.toFixed(2), p.spearman.toFixed(2)];
  const published = readBaselines(join(BENCH_DIR, 'README.md'));
  const first = protocolOf(wikibio[0].twoFold.units);
  return [
    '### WikiBio GPT-3 in the SelfCheckGPT protocol',
    '',
    table(
      ['Method', 'NonFact', 'NonFact*', 'Factual', 'Pearson', 'Spearman'],
      [
        ...wikibio.map((r) => row(`**ClaimFloor, ${MODE_TITLE[r.target.mode]}, 2-fold**`, protocolOf(r.twoFold.units))),
        ['Random (this split): the positive share', first.nonFact.random.toFixed(2), first.nonFactStar.random.toFixed(2), first.factual.random.toFixed(2), '–', '–'],
        ...published.map((b) => [`${b.method} (published, 238 passages)`, b.cells.nonFact, b.cells.nonFactStar, b.cells.factual, b.cells.pearson, b.cells.spearman]),
      ],
    ),
    '',
    "AUC-PR (the protocol's sklearn `auc(recall, precision)`, which rewards tied scores) with average precision in brackets, ×100. Published rows are for the full 238-passage set (ᴾ primary, ˢ secondary source, see `../shared/bench/README.md`); ours for the dev split, so compare with the split's own random row. SelfCheckGPT needs 20 samples from the generator; ClaimFloor sees only the text.",
  ].join('\n');
}

async function main(): Promise<void> {
  const runs = await collectRuns({ only, log: (line) => console.error(line) });
  const results = runs.map((r) => evaluate(runs, r));
  const docs = await humanDocsNoise();
  mkdirSync(OUT, { recursive: true });
  for (const mode of RISK_MODES) {
    const ofMode = results.filter((r) => r.target.mode === mode);
    if (ofMode.length === 0) continue;
    const claims = ofMode.filter((r) => r.target.dataset !== 'halueval');
    writeFileSync(
      join(OUT, `reliability-${mode}.svg`),
      reliabilitySvg(`Claim risk against its sentence's label, 2-fold, ${MODE_TITLE[mode]}`, reliability(claims.flatMap((r) => r.twoFold.risks), claims.flatMap((r) => r.target.run.claims.map((c) => c.wrong)))),
    );
    writeFileSync(
      join(OUT, `pr-curve-${mode}.svg`),
      prCurveSvg(
        `Precision-recall, 2-fold, ${MODE_TITLE[mode]}`,
        ofMode.map((r) => ({ name: `${TITLE[r.target.dataset]} (AP ${pct(r.twoFold.ap.ap)}, base ${pct(baseRate(r.twoFold.units))})`, points: precisionRecallCurve(r.twoFold.units.scores, r.twoFold.units.wrong) })),
        baseRate(ofMode[0].twoFold.units),
      ),
    );
  }
  const json = {
    datasets: DATASETS.filter((d) => !only || only.includes(d)),
    results: results.map((r) => ({
      dataset: r.target.dataset,
      mode: r.target.mode,
      units: r.target.run.units.length,
      ...r.coverage,
      baseRate: baseRate(r.twoFold.units),
      twoFold: { ...r.twoFold.ap, aucPrTiesBroken: r.twoFold.aucPr },
      leaveOneOut: r.leaveOneOut?.ap ?? null,
      shipped: r.shipped.ap,
      baselines: r.baselines,
      ablation: r.ablation,
      noise: r.noise,
      seconds: r.target.seconds,
    })),
    humanDocs: docs,
    machine: { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model },
  };
  writeFileSync(join(OUT, 'quality.json'), `${JSON.stringify(json, null, 2)}\n`);
  const markdown = [
    '## Quality: ranking wrong claims, out of sample',
    '',
    `Generated by \`npm run bench:quality\`${only ? ` -- --only ${only.join(',')}` : ''}. Each dev set in \`../shared/bench\` is audited through the CLI's path, without sources and (WikiBio: ${SOURCE_TITLE.wikibio}; Factcheck-GPT: ${SOURCE_TITLE.factcheck}) with them. A unit is a labelled sentence (WikiBio, Factcheck-GPT) or a whole response (HaluEval); it scores its riskiest claim per sentence, combined over sentences as P(at least one wrong), and 0 without claims (nothing is flagged there). Average precision (AP, ×100) gives a constant score exactly the base rate; the 95% interval is a basic bootstrap over documents (${draws} draws). **2-fold**: each half of a set is scored by models fitted on the other half and on the other sets; **leave dataset out**: fitted on the other sets only. The shipped models (\`bench:calibrate\`) saw all of it.`,
    '',
    mainTable(results),
    '',
    '### Calibration',
    '',
    calibrationTable(results),
    '',
    'ECE with 10 equal-width bins. A claim is compared with the label of the sentence it sits in; HaluEval labels whole responses, so its claim-level ECE measures the label, not the claim.',
    '',
    RISK_MODES.map((m) => `![Reliability, ${MODE_TITLE[m]}](benchmarks/reliability-${m}.svg) ![Precision-recall, ${MODE_TITLE[m]}](benchmarks/pr-curve-${m}.svg)`).join('\n'),
    '',
    '### Noise: what a writer sees flagged',
    '',
    noiseTable(results, docs),
    '',
    "At the default confidence target (75%), a claim is a warning only when evidence about the claim itself (its specificity, attribution, rarity, its sources) raised its risk; the type's rate and the document's shape alone make a hint. Errors are certain: a failed recomputation, an impossible date, a source about the same subject stating another value. A claim is counted wrong when its labelled sentence is. The dev sets are generated text in which most claims are wrong, so precision there is bounded by 100% and the ratio to the base rate by 1 / base rate.",
    '',
    '### Ablation: 2-fold AP without each signal',
    '',
    ablationTable(results),
    '',
    'Each column refits the models without one group of features (the hover line that group produces), so a group that earns its place costs AP when removed; "type only" keeps the per-type intercepts and nothing else.',
    '',
    '### The shipped models',
    '',
    weightsTable(),
    '',
    `Weights are log-odds per unit of the feature, centred on the labelled claims' mean (the typical claim sits at the centre, and only its type's rate remains). Data: ${FITTED_CALIBRATION.source}.`,
    '',
    protocolTable(results),
  ].join('\n');
  writeSection('quality', markdown);
  console.log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
