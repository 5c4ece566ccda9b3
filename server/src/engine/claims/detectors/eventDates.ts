import type { ClaimDraft, Slot } from '../claim';
import { dateSlots } from './dateSlots';
import type { DetectionContext, Detector } from './detectionContext';

/** A date counted back from now: "around 10,000 years ago", "some 2.5 million years ago". */
const YEARS_AGO = /\b(?:(?:about|around|roughly|approximately|some|nearly|almost|over|more than)\s+)?\d[\d,.]*(?:\s*(?:to|–|-)\s*\d[\d,.]*)?(?:\s+(?:thousand|million|billion))?\s+(?:years|centuries|millennia)\s+ago\b/dgi;

/** Dates of specific events ("the treaty was signed on 4 July 1776", "farming began around 10,000 years ago"). */
export const detectEventDates: Detector = (context: DetectionContext): ClaimDraft[] => {
  const dates = dateSlots(context);
  const ago: Slot[] = [];
  for (const m of context.sentence.text.matchAll(YEARS_AGO)) {
    const slot = context.localSlot('date', m.index, m.index + m[0].length);
    if (context.isFree(slot.start, slot.end) && !dates.slots.some((d) => d.start < slot.end && d.end > slot.start)) ago.push(slot);
  }
  if (ago.length > 0) {
    // A rounded span back in time: the leading figure is what a wrong guess misses, about 10 values of it.
    const answerSpace = dates.answerSpace ?? { size: 10, basis: 'a rounded time before now: about 10 plausible leading figures', provenance: 'assumption' as const };
    return [context.takeAll({ type: 'event-date', slots: [...dates.slots, ...ago].sort((a, b) => a.start - b.start), answerSpace, checks: dates.checks })];
  }
  if (dates.slots.length === 0 || !dates.answerSpace) return [];
  return [context.takeAll({ type: 'event-date', slots: dates.slots, answerSpace: dates.answerSpace, checks: dates.checks })];
};
