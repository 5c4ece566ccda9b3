import fitted from './fitted.json';
import type { GroundingModel } from './groundingModel';

/**
 * What was measured on labelled data (bench/calibrate.ts, WikiBio GPT-3 dev split) and ships with
 * the engine: per-type error rates used as priors where no published rate exists, and the
 * grounding model. Every value carries its counts.
 */

export interface MeasuredPrior {
  /** The prior π such that π × mean(1 − 1/|R_c|) equals the measured error rate of the type. */
  value: number;
  /** Claims of the type in sentences labelled wrong, and in all. */
  wrong: number;
  claims: number;
}

export interface FittedCalibration {
  /** The labelled data and the script, shown with every fitted value. */
  source: string;
  typePriors: Partial<Record<string, MeasuredPrior>>;
  /** Grounding findings combined in one fitted model (absent: they are shown, not counted). */
  grounding?: GroundingModel;
}

export const FITTED_CALIBRATION: FittedCalibration = fitted;
