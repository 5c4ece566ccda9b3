import type { SlotModelFeatures } from './slotFeatures';

export const CALIBRATED_FEATURES = ['meanBitsPerChar', 'maxBitsPerChar', 'entropyBits', 'log2Rank'] as const;
export type CalibratedFeature = (typeof CALIBRATED_FEATURES)[number];

/**
 * A logistic calibration of the surprisal features for one model (THEORY.md §9 calibration plan):
 * the log-odds shift on top of the rules-only risk is Σ weight_f · (x_f − centre_f). Fitted by
 * `bench/calibrateSurprisal.ts` on labelled sentences; valid only for the weights it was fitted on.
 */
export interface SurprisalCalibration {
  /** The `ModelIdentity.key` of the model the fit used. */
  modelKey: string;
  weights: Record<CalibratedFeature, number>;
  centre: Record<CalibratedFeature, number>;
  /** Data set, number of claims and held-out quality of the fit, shown as the evidence's source. */
  source: string;
}

export function featureVector(features: SlotModelFeatures): Record<CalibratedFeature, number> {
  return {
    meanBitsPerChar: features.meanBitsPerChar,
    maxBitsPerChar: features.maxBitsPerChar,
    entropyBits: features.entropyBits,
    log2Rank: Math.log2(features.rank),
  };
}

export function calibratedShift(calibration: SurprisalCalibration, features: SlotModelFeatures): number {
  const x = featureVector(features);
  return CALIBRATED_FEATURES.reduce((sum, f) => sum + calibration.weights[f] * (x[f] - calibration.centre[f]), 0);
}
