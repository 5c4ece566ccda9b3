import fitted from './fitted.json';
import type { GroundingModel } from './groundingModel';

/**
 * What was measured on labelled data (bench/calibrate.ts, WikiBio GPT-3 dev split) and ships with
 * the engine: per-type error rates used as priors where no published rate exists, the grounding
 * model, and likelihood ratios of other corpus findings. Every value carries its counts.
 */
export interface FindingCalibration {
  /** log[P(finding | wrong) / P(finding | right)], add-one smoothed. */
  logLikelihoodRatio: number;
  /** Claims with this finding whose sentence was labelled wrong / right. */
  wrong: number;
  right: number;
}

export interface MeasuredPrior {
  /** The prior π such that π × mean(1 − 1/|R_c|) equals the measured error rate of the type. */
  value: number;
  /** Claims of the type in sentences labelled wrong, and in all. */
  wrong: number;
  claims: number;
}

export interface FittedCalibration {
  source: string;
  typePriors: Partial<Record<string, MeasuredPrior>>;
  evidence: Partial<Record<string, FindingCalibration>>;
  /** Grounding findings combined in one fitted model (absent: they are shown, not counted). */
  grounding?: GroundingModel;
}

export const FITTED_CALIBRATION: FittedCalibration = fitted;

/** The calibrated shift for a finding such as `occurrence:unseen`, if it was measured. */
export function findingShift(finding: string): FindingCalibration | undefined {
  return FITTED_CALIBRATION.evidence[finding];
}
