import type { RiskSignal } from '../evidence';
import { FEATURE_GROUPS, type ClaimFeatures } from '../claimFeatures';
import { fittedEvidence } from './fittedEvidence';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "a full date, 4 significant digits, 5 names and numbers in the sentence". */
function describe(f: ClaimFeatures): string {
  const parts: string[] = [];
  if (f.dateDay) parts.push('a full date (day, month and year)');
  else if (f.dateMonth) parts.push('a month and year');
  else if (f.dateYear) parts.push('a year only');
  if (f.significantDigits > 0) parts.push(count(f.significantDigits, 'significant digit'));
  if (f.range) parts.push('a range rather than one value');
  if (f.approximate) parts.push('an approximate figure');
  const details = Math.round(2 ** f.exactDetails - 1);
  parts.push(`${details === 1 ? '1 name or number' : `${details} names and numbers`} in the sentence`);
  return parts.join(', ');
}

/**
 * How specific the claim is: the precision of its date, the significant digits of its figures, the
 * exact details in its sentence, a range or an approximation (Guo & Li 2026: the bits a fact needs
 * grow with its precision). Weighted by the fitted model.
 */
export const specificitySignal: RiskSignal = {
  id: 'specificity',
  assess(_claim, context) {
    return fittedEvidence(this.id, context, FEATURE_GROUPS.specificity, describe);
  },
};
