import type { Grounding } from '../../reference/grounding';

/** What the grounding judge and the source coverage measure about one claim, as model inputs. */
export const GROUNDING_FEATURES = ['supported', 'missingShare', 'missingNames', 'missingNumbers'] as const;
export type GroundingFeature = (typeof GROUNDING_FEATURES)[number];

/**
 * A logistic model of P(wrong | grounding findings), fitted on labelled data with the rules-only
 * risk as its offset: log-odds shift = intercept + Σ weight·feature. It replaces likelihood ratios
 * per finding, which double-count correlated findings (support and coverage move together).
 */
export interface GroundingModel {
  intercept: number;
  weights: Record<GroundingFeature, number>;
  /** Labelled claims it was fitted on (the data: `FittedCalibration.source`). */
  claims: number;
}

/** Missing names and numbers count up to this many, so one long sentence cannot dominate. */
const COUNT_CAP = 3;

/** The model's inputs for a judged claim (with sources, not contradicted). */
export function groundingFeatures(g: Grounding): Record<GroundingFeature, number> {
  const c = g.coverage;
  return {
    supported: g.status === 'supported' ? 1 : 0,
    missingShare: c && c.words > 0 ? c.missing.length / c.words : 0,
    missingNames: Math.min(COUNT_CAP, c?.missingNames ?? 0),
    missingNumbers: Math.min(COUNT_CAP, c?.missingNumbers ?? 0),
  };
}

export function groundingShift(g: Grounding, model: GroundingModel): number {
  const x = groundingFeatures(g);
  return GROUNDING_FEATURES.reduce((z, f) => z + model.weights[f] * x[f], model.intercept);
}
