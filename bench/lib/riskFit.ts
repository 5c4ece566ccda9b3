// Fitting the risk models (server/src/engine/risk/calibration/fittedRiskModel.ts) on labelled
// claims, reassessing claims with the engine's own risk path under a fit, and scoring units
// (sentences, responses) the way the product ranks them.
import {
  assessRisk,
  CLAIM_FEATURES,
  type ClaimFeature,
  type ClaimType,
  ENGINE_SIGNALS,
  FITTED_CALIBRATION,
  type FittedRiskModel,
  resolveConfig,
  type RiskAssessment,
  type RiskMode,
} from '../../server/src/engine';
import { fitLogistic } from './logistic';
import { averagePrecision, aucPr, normalCdf, normalQuantile, reliability } from './metrics';
import type { ClaimExample, LabelledRun, UnitExample } from './riskData';

/** A type gets its own intercept with at least this many labelled claims; the rest start from their published or assumed prior. */
export const MIN_TYPE_CLAIMS = 30;
/** Ridge penalty: the features are few, the data small, the fit must travel to other text. */
export const L2 = 2;

export interface FitOptions {
  features?: readonly ClaimFeature[];
  l2?: number;
  outOfSample?: string;
}

const unitKey = (e: ClaimExample) => `${e.dataset}\u0000${e.document}\u0000${e.unit}`;

/**
 * Fits intercepts per type and one weight per feature (centred on the training means). Certain
 * claims are left out: checks decide them. A label belongs to a unit (a sentence, a response), so
 * the claims of one unit share a weight of 1: a long response's many claims do not outvote a
 * sentence's one.
 */
export function fitRiskModel(examples: readonly ClaimExample[], { features = CLAIM_FEATURES, l2 = L2, outOfSample = 'not measured' }: FitOptions = {}): FittedRiskModel {
  const train = examples.filter((e) => e.certain === undefined);
  const perUnit = new Map<string, number>();
  for (const e of train) perUnit.set(unitKey(e), (perUnit.get(unitKey(e)) ?? 0) + 1);
  const weight = train.map((e) => 1 / perUnit.get(unitKey(e))!);
  const used = features.filter((f) => new Set(train.map((e) => e.features[f])).size > 1);
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const centres = Object.fromEntries(used.map((f) => [f, train.reduce((s, e, i) => s + weight[i] * e.features[f], 0) / totalWeight])) as Partial<Record<ClaimFeature, number>>;
  const counts = new Map<ClaimType, number>();
  for (const e of train) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  // Every type gets an indicator, so the shared intercept is no type's: types with too few claims are dropped afterwards.
  const types = [...counts.keys()];
  const x = train.map((e) => [...types.map((t) => (e.type === t ? 1 : 0)), ...used.map((f) => e.features[f] - centres[f]!)]);
  const fit = fitLogistic(x, train.map((e) => e.wrong), train.map(() => 0), l2, 50, weight);
  const kept = types.filter((t) => counts.get(t)! >= MIN_TYPE_CLAIMS);
  const round = (v: number) => Number(v.toFixed(4));
  return {
    claims: train.length,
    intercepts: Object.fromEntries(kept.map((t) => [t, round(fit.intercept + fit.weights[types.indexOf(t)])])),
    typeClaims: Object.fromEntries(kept.map((t) => [t, counts.get(t)!])),
    weights: Object.fromEntries(used.map((f, i) => [f, round(fit.weights[types.length + i])])),
    centres: Object.fromEntries(used.map((f) => [f, round(centres[f]!)])),
    outOfSample,
  };
}

const config = resolveConfig();

/** The claim's risk as the engine computes it under `models` (the shipped ones for a mode not given): every signal, the same order, the same thresholds. */
export function productAssessment(e: ClaimExample, models: Partial<Record<RiskMode, FittedRiskModel>> = {}): RiskAssessment {
  const c = e.claim;
  const riskModels = { ...FITTED_CALIBRATION.models, ...models };
  return assessRisk(c, ENGINE_SIGNALS, { config, verification: c.verified, corpus: c.corpus, features: c.features, position: c.position, riskModels });
}

export const productRisk = (e: ClaimExample, models: Partial<Record<RiskMode, FittedRiskModel>> = {}): number => productAssessment(e, models).risk;

/** Assessments of every claim of a run under `models`. */
export const assessmentsUnder = (run: LabelledRun, models: Partial<Record<RiskMode, FittedRiskModel>>): RiskAssessment[] => run.claims.map((e) => productAssessment(e, models));

/** Risks of every claim of a run under `models`. */
export const risksUnder = (run: LabelledRun, models: Partial<Record<RiskMode, FittedRiskModel>>): number[] => assessmentsUnder(run, models).map((a) => a.risk);

export interface UnitScores {
  scores: number[];
  wrong: boolean[];
  units: UnitExample[];
}

/**
 * A sentence scores its riskiest claim (the claim the writer sees flagged first); a unit of several
 * sentences (a whole response) scores the chance that at least one of them is wrong, 1 − Π(1 − s).
 * A sentence without claims scores 0: the product flags nothing there.
 */
export function unitScores(run: LabelledRun, claimRisk: readonly number[]): UnitScores {
  const scores = run.units.map((u) => {
    const bySentence = new Map<number, number>();
    for (const i of u.claims) {
      const s = run.claims[i].claim.position.index;
      bySentence.set(s, Math.max(bySentence.get(s) ?? 0, claimRisk[i]));
    }
    return 1 - [...bySentence.values()].reduce((p, r) => p * (1 - r), 1);
  });
  return { scores, wrong: run.units.map((u) => u.unit.wrong), units: run.units };
}

export interface Interval {
  ap: number;
  low: number;
  high: number;
}

/**
 * `draws` bootstrap samples of the units, resampling whole documents with replacement (units of one
 * document stay together): each sample is the units' indexes. Seeded, so a table is reproducible.
 */
export function documentResamples(units: readonly UnitExample[], draws: number, seed: number): number[][] {
  const byDocument = new Map<string, number[]>();
  units.forEach((u, i) => byDocument.set(u.document, [...(byDocument.get(u.document) ?? []), i]));
  const documents = [...byDocument.values()];
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  return Array.from({ length: draws }, () => Array.from({ length: documents.length }, () => documents[Math.floor(random() * documents.length)]).flat());
}

/**
 * Average precision with a 95% bootstrap interval over documents (resampled with replacement),
 * bias-corrected (Efron's BC): resampling duplicates documents, which moves resampled AP away from
 * the estimate, and a plain percentile interval would carry that bias (it can even miss the
 * estimate itself).
 */
export function apWithInterval(s: UnitScores, draws = 1000, seed = 7): Interval {
  const samples = documentResamples(s.units, draws, seed).map((picked) => averagePrecision(picked.map((i) => s.scores[i]), picked.map((i) => s.wrong[i])));
  samples.sort((a, b) => a - b);
  const ap = averagePrecision(s.scores, s.wrong);
  if (draws === 0) return { ap, low: ap, high: ap };
  const below = samples.filter((x) => x < ap).length + samples.filter((x) => x === ap).length / 2;
  const z0 = normalQuantile(Math.min(1 - 0.5 / draws, Math.max(0.5 / draws, below / draws)));
  const at = (z: number) => samples[Math.min(draws - 1, Math.max(0, Math.floor(normalCdf(2 * z0 + z) * draws)))];
  return { ap, low: at(-1.96), high: at(1.96) };
}

/** The protocol's trapezoidal AUC-PR, with ties broken by the units' order so tied scores earn no area they did not rank. */
export function aucPrTiesBroken(s: UnitScores): number {
  return aucPr(s.scores.map((x, i) => x - i * 1e-12), s.wrong);
}

export const BASELINES = ['constant', 'sentence position', 'length', 'names and numbers'] as const;
export type Baseline = (typeof BASELINES)[number];

/** Scores that need no model: what a claim checker must beat. */
export function baselineScores(run: LabelledRun): Record<Baseline, UnitScores> {
  const wrong = run.units.map((u) => u.unit.wrong);
  const of = (f: (u: UnitExample) => number): UnitScores => ({ scores: run.units.map(f), wrong, units: run.units });
  return {
    constant: of(() => 0.5),
    'sentence position': of((u) => u.index),
    length: of((u) => u.text.length),
    'names and numbers': of((u) => (u.text.match(/(?<=\s)\p{Lu}[\p{L}'’.-]*|\d[\d,.]*/gu) ?? []).length),
  };
}

/** Claim-level calibration: each claim's risk against its unit's label (the number the product shows). */
export function claimCalibration(run: LabelledRun, claimRisk: readonly number[]) {
  return reliability(claimRisk, run.claims.map((c) => c.wrong));
}
