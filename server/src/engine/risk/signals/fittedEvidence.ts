import { FITTED_CALIBRATION } from '../calibration/fittedCalibration';
import { featureShifts, type FittedRiskModel, riskModelFor } from '../calibration/fittedRiskModel';
import type { ClaimFeature, ClaimFeatures } from '../claimFeatures';
import type { ClaimContext, Evidence } from '../evidence';

/**
 * A shift smaller than this (in log-odds; 0.1 moves a 50% risk by 2.5 points) is not shown and not
 * counted: the fit cannot tell it from no evidence at all.
 */
export const MIN_SHIFT = 0.1;

const round = (x: number) => Number(x.toFixed(2));

/** The line that names where a fitted shift comes from. */
export function fittedSource(context: Pick<ClaimContext, 'corpus' | 'riskModels'>): string {
  const model = riskModelFor(context);
  let source = SOURCES.get(model);
  if (source === undefined) SOURCES.set(model, (source = sourceOf(model)));
  return source;
}

const SOURCES = new WeakMap<FittedRiskModel, string>();

function sourceOf(model: FittedRiskModel): string {
  return `fitted on ${model.claims.toLocaleString('en-US')} labelled claims (${FITTED_CALIBRATION.source}); out of sample: ${model.outOfSample}`;
}

/**
 * The log-odds shift of one group of features under the fitted model for the claim's mode, as one
 * piece of evidence, or nothing when the group did not move the risk (each signal is shown only
 * when it changed the answer).
 */
export function fittedEvidence(
  signal: string,
  context: ClaimContext,
  which: readonly ClaimFeature[],
  /** The reason in a writer's words; with `detail`, the short form goes in messages and the long one in the hover's details. */
  describe: (features: ClaimFeatures) => string | { because: string; detail: string },
  about: Evidence['about'] = 'claim',
): Evidence[] {
  const { features } = context;
  if (!features) return [];
  const model = riskModelFor(context);
  const shift = Object.values(featureShifts(model, features, which)).reduce((s, v) => s + (v ?? 0), 0);
  if (Math.abs(shift) < MIN_SHIFT) return [];
  const described = describe(features);
  const { because, detail } = typeof described === 'string' ? { because: described, detail: described } : described;
  return [
    {
      signal,
      effect: { kind: 'log-odds', shift },
      summary: `${shift >= 0 ? '+' : '−'}${round(Math.abs(shift))} log-odds: ${detail} — claims like this were ${shift >= 0 ? 'more' : 'less'} often wrong in the labelled data`,
      because,
      about,
      provenance: 'measured',
      source: fittedSource(context),
    },
  ];
}
