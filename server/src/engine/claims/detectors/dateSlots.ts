import type { CheckResult } from '../../checks/checkResult';
import type { AnswerSpace, Slot } from '../claim';
import { type DateMention, findDates } from '../../text/dates';
import type { DetectionContext } from './detectionContext';

/** Plausible span of years for a date: THEORY.md §8 gives h ≈ 6–7 bits for a year, i.e. ~100 years. */
const PLAUSIBLE_YEARS = 100;

const SIZE: Record<DateMention['granularity'], { size: number; basis: string; provenance: AnswerSpace['provenance'] }> = {
  day: { size: 365 * PLAUSIBLE_YEARS, basis: `day, month and year: 365 × ${PLAUSIBLE_YEARS} plausible years (h ≈ 15 bits)`, provenance: 'assumption' },
  'day-month': { size: 365, basis: 'day and month: 365 values (KNVZ 2025 birthday example, |E_c| = 364)', provenance: 'computed' },
  month: { size: 12 * PLAUSIBLE_YEARS, basis: `month and year: 12 × ${PLAUSIBLE_YEARS} plausible years`, provenance: 'assumption' },
  year: { size: PLAUSIBLE_YEARS, basis: `year only: ${PLAUSIBLE_YEARS} plausible years (h ≈ 6–7 bits)`, provenance: 'assumption' },
  decade: { size: PLAUSIBLE_YEARS / 10, basis: `decade: ${PLAUSIBLE_YEARS / 10} plausible decades`, provenance: 'assumption' },
};

export interface DateSlots {
  slots: Slot[];
  checks: CheckResult[];
  /** Answer space of the most specific date (the one a wrong guess is most likely to miss). */
  answerSpace?: AnswerSpace;
}

/** Free dates in the sentence as slots, with impossible calendar dates as failed checks. */
export function dateSlots(context: DetectionContext): DateSlots {
  const { sentence } = context;
  const mentions = findDates(sentence.text, sentence.start).filter((d) => context.isFree(d.start, d.end));
  const checks: CheckResult[] = mentions
    .filter((d) => d.invalidReason)
    .map((d) => ({ check: 'calendar-date', passed: false, message: `${d.text}: ${d.invalidReason}`, start: d.start, end: d.end }));
  const largest = mentions.map((d) => SIZE[d.granularity]).sort((a, b) => b.size - a.size)[0];
  return { slots: mentions.map((d) => context.slot('date', d.start, d.end)), checks, answerSpace: largest };
}
