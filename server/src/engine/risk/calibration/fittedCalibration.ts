import fitted from './fitted.json';
import type { FittedRiskModel, RiskMode } from './fittedRiskModel';

/** One labelled dataset the shipped models were fitted on. */
export interface FittedDataset {
  name: string;
  /** What the text is, for the hover: "GPT-3 biographies". */
  description: string;
  file: string;
  sha256: string;
  documents: number;
  /** Labelled units (sentences or responses) and how many were wrong. */
  units: number;
  wrongUnits: number;
  claims: number;
}

/**
 * What was measured on labelled data (bench/calibrate.ts over every dev set) and ships with the
 * engine: one risk model per mode, each with its data and its out-of-sample numbers.
 */
export interface FittedCalibration {
  /** The labelled data and the script, in one line (shown as the source of every fitted value). */
  source: string;
  datasets: FittedDataset[];
  models: Record<RiskMode, FittedRiskModel>;
}

export const FITTED_CALIBRATION: FittedCalibration = fitted as FittedCalibration;
