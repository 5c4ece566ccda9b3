import type { ClaimType } from '../claimType';
import { CLAIM_TYPE_TABLE, INDIFFERENCE_PRIOR } from '../theory/claimTypeTable';
import type { EvidenceProvenance } from './evidence';
import { FITTED_CALIBRATION } from './calibration/fittedCalibration';
import type { FittedRiskModel } from './calibration/fittedRiskModel';

export interface PriorReading {
  value: number;
  provenance: EvidenceProvenance;
  source: string;
  /** How the hover names it: "published", "measured", "assumed". */
  label: string;
  /** In words, where the rate holds: "labelled generated text (GPT-3 biographies, ChatGPT answers)". */
  population?: string;
}

const percent = (p: number) => `${Number((p * 100).toFixed(1))}%`;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** "GPT-3 biographies and ChatGPT answers": the fitted data, as a writer would name it. */
export function fittedPopulation(): string {
  const names = [...new Set(FITTED_CALIBRATION.datasets.map((d) => d.description))];
  return names.length <= 1 ? (names[0] ?? 'labelled generated text') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The starting P(wrong) for a claim type when the writer set none: the rate the fitted model
 * measured for a typical claim of the type in labelled generated text (when it saw enough of
 * them), else a published rate, else the named indifference assumption. The docs pages and the
 * hover read the same value.
 */
export function defaultPrior(type: ClaimType, model: FittedRiskModel = FITTED_CALIBRATION.models['no-sources']): PriorReading {
  // Read for every claim: one reading per model and type.
  let byType = PRIORS.get(model);
  if (!byType) PRIORS.set(model, (byType = new Map()));
  let prior = byType.get(type);
  if (!prior) byType.set(type, (prior = computePrior(type, model)));
  return prior;
}

const PRIORS = new WeakMap<FittedRiskModel, Map<ClaimType, PriorReading>>();

function computePrior(type: ClaimType, model: FittedRiskModel): PriorReading {
  // A type the sources model saw too rarely keeps the rate measured without sources.
  const intercept = model.intercepts[type] ?? FITTED_CALIBRATION.models['no-sources'].intercepts[type];
  if (intercept !== undefined) {
    const value = sigmoid(intercept);
    const population = fittedPopulation();
    const claims = model.typeClaims[type] ?? FITTED_CALIBRATION.models['no-sources'].typeClaims[type] ?? 0;
    // A normal interval on the share: the intercept is the rate at the typical claim of the type.
    const half = 1.96 * Math.sqrt((value * (1 - value)) / Math.max(1, claims));
    return {
      value,
      provenance: 'measured',
      label: 'measured',
      population,
      source: `typical rate for this type (${percent(value)}, 95% interval ${percent(Math.max(0, value - half))}–${percent(Math.min(1, value + half))}) fitted on ${claims.toLocaleString('en-US')} labelled claims of it in ${population}, a claim counted wrong when its sentence is labelled wrong, minor errors included: ${FITTED_CALIBRATION.source}`,
    };
  }
  const published = CLAIM_TYPE_TABLE[type].prior;
  if (published) return { ...published, label: published.provenance };
  return { ...INDIFFERENCE_PRIOR, label: 'assumed' };
}
