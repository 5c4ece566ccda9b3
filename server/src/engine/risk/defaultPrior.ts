import type { ClaimType } from '../claimType';
import { CLAIM_TYPE_TABLE, INDIFFERENCE_PRIOR } from '../theory/claimTypeTable';
import type { EvidenceProvenance } from './evidence';
import { FITTED_CALIBRATION } from './calibration/fittedCalibration';

export interface PriorReading {
  value: number;
  provenance: EvidenceProvenance;
  source: string;
  /** How the hover names it: "published", "measured", "assumed". */
  label: string;
}

const percent = (p: number) => `${Number((p * 100).toFixed(1))}%`;

/**
 * The starting P(wrong) for a claim type when the writer set none: a published rate, else the
 * rate measured on labelled generated text (bench/calibrate.ts), else the named indifference
 * assumption. The docs pages and the hover read the same value.
 */
export function defaultPrior(type: ClaimType): PriorReading {
  const published = CLAIM_TYPE_TABLE[type].prior;
  if (published) return { ...published, label: published.provenance };
  const measured = FITTED_CALIBRATION.typePriors[type];
  if (measured) {
    return {
      value: measured.value,
      provenance: 'measured',
      label: 'measured',
      source: `${measured.wrong} of ${measured.claims} claims of this type (${percent(measured.wrong / measured.claims)}) sat in sentences labelled wrong; the prior is that rate divided by the type's mean (1 − 1/|R_c|)${
        measured.value === 1 ? ', capped at 100%: the measured rate is above what guessing among |R_c| answers allows' : ''
      }. ${FITTED_CALIBRATION.source}`,
    };
  }
  return { ...INDIFFERENCE_PRIOR, label: 'assumed' };
}
