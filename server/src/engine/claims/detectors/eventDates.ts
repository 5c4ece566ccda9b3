import type { ClaimDraft } from '../claim';
import { dateSlots } from './dateSlots';
import type { DetectionContext, Detector } from './detectionContext';

/** Dates of specific events ("the treaty was signed on 4 July 1776"). */
export const detectEventDates: Detector = (context: DetectionContext): ClaimDraft[] => {
  const dates = dateSlots(context);
  if (dates.slots.length === 0 || !dates.answerSpace) return [];
  return [context.takeAll({ type: 'event-date', slots: dates.slots, answerSpace: dates.answerSpace, checks: dates.checks })];
};
