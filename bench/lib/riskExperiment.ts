// The labelled runs the risk models are fitted and judged on: every dev set audited by the product
// in each mode it can be checked in, and the out-of-sample protocols (passage-level 2-fold,
// leave-one-dataset-out) that bench:calibrate and bench:quality share.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FittedDataset, FittedRiskModel, RiskAssessment, RiskMode } from '../../server/src/engine';
import { BENCH_DIR, DATASETS, type DatasetName, DATASET_FILES, readDataset } from './evalData';
import { runProduct, type SourceChoice } from './evalRun';
import { labelled, type ClaimExample, type LabelledRun } from './riskData';
import { assessmentsUnder, fitRiskModel, type FitOptions, risksUnder } from './riskFit';

/** What stands for the writer's sources in each dataset, in `sources` mode (HaluEval has none). */
export const SOURCES_OF: Partial<Record<DatasetName, SourceChoice>> = { wikibio: 'reference', factcheck: 'auto' };

export const DESCRIPTION: Record<DatasetName, string> = {
  wikibio: 'GPT-3 biographies',
  factcheck: 'ChatGPT answers to factual questions',
  halueval: 'ChatGPT answers to general queries',
};

export const TITLE: Record<DatasetName, string> = { wikibio: 'WikiBio GPT-3', factcheck: 'Factcheck-GPT', halueval: 'HaluEval general' };

export interface ModeRun {
  dataset: DatasetName;
  mode: RiskMode;
  run: LabelledRun;
  seconds: number;
}

/** Audits each dev set in each of its modes (`only` keeps some datasets; `model` scores with a language model). */
export async function collectRuns(options: { only?: readonly DatasetName[]; model?: string; log?: (line: string) => void } = {}): Promise<ModeRun[]> {
  const runs: ModeRun[] = [];
  for (const dataset of DATASETS.filter((d) => !options.only || options.only.includes(d))) {
    const documents = readDataset(dataset);
    for (const [mode, choice] of [['no-sources', 'none'], ['sources', SOURCES_OF[dataset]]] as const) {
      if (!choice) continue;
      const product = await runProduct(documents, choice, { model: options.model });
      const run = labelled(product);
      runs.push({ dataset, mode, run, seconds: product.seconds });
      options.log?.(`${dataset} ${mode}: ${documents.length} documents, ${run.units.length} units, ${run.claims.length} claims, ${product.seconds.toFixed(1)} s`);
    }
  }
  return runs;
}

/** The dev sets' records for fitted.json: file, checksum and counts. */
export function datasetRecords(runs: readonly ModeRun[]): FittedDataset[] {
  return runs
    .filter((r) => r.mode === 'no-sources')
    .map((r) => ({
      name: TITLE[r.dataset],
      description: DESCRIPTION[r.dataset],
      file: DATASET_FILES[r.dataset],
      sha256: createHash('sha256').update(readFileSync(join(BENCH_DIR, DATASET_FILES[r.dataset]))).digest('hex'),
      documents: new Set(r.run.units.map((u) => u.document)).size,
      units: r.run.units.length,
      wrongUnits: r.run.units.filter((u) => u.unit.wrong).length,
      claims: r.run.claims.length,
    }));
}

const claimsOf = (runs: readonly ModeRun[], mode: RiskMode, keep: (r: ModeRun, e: ClaimExample) => boolean) =>
  runs.filter((r) => r.mode === mode).flatMap((r) => r.run.claims.filter((e) => keep(r, e)));

/** The model for `mode` fitted on every run of that mode. */
export const fitAll = (runs: readonly ModeRun[], mode: RiskMode, options: FitOptions = {}): FittedRiskModel => fitRiskModel(claimsOf(runs, mode, () => true), options);

/** Which half of its dataset a document falls in (alternating in file order, so both halves span the file). */
function halves(run: LabelledRun): (document: string) => 0 | 1 {
  const order = [...new Set(run.units.map((u) => u.document))];
  const half = new Map(order.map((d, i) => [d, (i % 2) as 0 | 1]));
  return (d) => half.get(d)!;
}

/**
 * Passage-level 2-fold: each half of `target` is scored by a model fitted on the other half and on
 * every other run given. `score` reads each claim of the target's run under a fitted model.
 */
export function twoFold<R extends { run: LabelledRun }, T>(
  runs: readonly R[],
  target: R,
  fit: (train: ClaimExample[]) => FittedRiskModel,
  score: (run: LabelledRun, model: FittedRiskModel) => T[],
): T[] {
  const halfOf = halves(target.run);
  const out = new Array<T>(target.run.claims.length);
  for (const held of [0, 1] as const) {
    const model = fit(runs.flatMap((r) => r.run.claims.filter((e) => r !== target || halfOf(e.document) !== held)));
    const all = score(target.run, model);
    target.run.claims.forEach((e, i) => {
      if (halfOf(e.document) === held) out[i] = all[i];
    });
  }
  return out;
}

/** Each claim's out-of-sample assessment under the passage-level 2-fold, fitted on the runs of the target's mode. */
export const twoFoldAssessments = (runs: readonly ModeRun[], target: ModeRun, options: FitOptions = {}): RiskAssessment[] =>
  twoFold(
    runs.filter((r) => r.mode === target.mode),
    target,
    (train) => fitRiskModel(train, options),
    (run, model) => assessmentsUnder(run, { [target.mode]: model }),
  );

/** Each claim's out-of-sample risk under the passage-level 2-fold. */
export const twoFoldRisks = (runs: readonly ModeRun[], target: ModeRun, options: FitOptions = {}): number[] => twoFoldAssessments(runs, target, options).map((a) => a.risk);

/** Leave one dataset out: `target` scored by a model fitted on the other datasets of its mode only (undefined when there are none). */
export function leaveOneOutRisks(runs: readonly ModeRun[], target: ModeRun, options: FitOptions = {}): number[] | undefined {
  const train = claimsOf(runs, target.mode, (r) => r.dataset !== target.dataset);
  if (train.length === 0) return undefined;
  return risksUnder(target.run, { [target.mode]: fitRiskModel(train, options) });
}
