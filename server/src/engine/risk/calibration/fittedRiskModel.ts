import type { ClaimType } from '../../claimType';
import { CLAIM_FEATURES, type ClaimFeature, type ClaimFeatures } from '../claimFeatures';
import type { ClaimContext } from '../evidence';
import { FITTED_CALIBRATION } from './fittedCalibration';

/** The two situations a draft is checked in: against nothing but itself and its workspace, or against sources the writer declared. */
export type RiskMode = 'no-sources' | 'sources';
export const RISK_MODES: readonly RiskMode[] = ['no-sources', 'sources'];

/**
 * A logistic model of P(a claim is wrong | its features), fitted on labelled generated text
 * (bench/calibrate.ts): log-odds = intercept of the claim's type + Σ weight·(feature − centre).
 * At the centres (a typical claim of its type in that data) only the intercept remains, so each
 * feature's term says how far this claim's own evidence moved it.
 */
export interface FittedRiskModel {
  /** Labelled claims it was fitted on. */
  claims: number;
  /** Per claim type with enough labelled claims; other types start from their published or assumed prior. */
  intercepts: Partial<Record<ClaimType, number>>;
  /** Labelled claims per type behind each intercept. */
  typeClaims: Partial<Record<ClaimType, number>>;
  weights: Partial<Record<ClaimFeature, number>>;
  centres: Partial<Record<ClaimFeature, number>>;
  /** How the model did on data it was not fitted on, in words (shown with the evidence it weighs). */
  outOfSample: string;
}

/** Sources were declared and the claim was judged against them. */
export function riskModeOf(context: Pick<ClaimContext, 'corpus'>): RiskMode {
  const g = context.corpus?.grounding;
  return g && g.status !== 'no-sources' ? 'sources' : 'no-sources';
}

/** The model that weighs this claim: the context's (a benchmark's refit) or the shipped one, for the claim's mode. */
export function riskModelFor(context: Pick<ClaimContext, 'corpus' | 'riskModels'>): FittedRiskModel {
  return (context.riskModels ?? FITTED_CALIBRATION.models)[riskModeOf(context)];
}

/** Each feature's shift of the log-odds away from the typical claim, for the features asked about. */
export function featureShifts(model: FittedRiskModel, features: ClaimFeatures, which: readonly ClaimFeature[] = CLAIM_FEATURES): Partial<Record<ClaimFeature, number>> {
  const shifts: Partial<Record<ClaimFeature, number>> = {};
  for (const f of which) {
    const w = model.weights[f];
    if (w) shifts[f] = w * (features[f] - (model.centres[f] ?? 0));
  }
  return shifts;
}
