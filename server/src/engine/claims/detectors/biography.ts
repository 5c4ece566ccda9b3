import type { ClaimDraft, Slot } from '../claim';
import { dateSlots } from './dateSlots';
import type { DetectionContext, Detector } from './detectionContext';

const CUE = /\b(?:born|died|passed away|birth|death|married|wed|graduated|studied|educated|attended|grew up|raised|buried|retired|emigrated|immigrated|naturali[sz]ed)\b/i;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near']);

/** Biographical attributes: birth and death dates and places, education, marriage. */
export const detectBiography: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  if (!CUE.test(sentence.text)) return [];
  const dates = dateSlots(context);
  const places: Slot[] = [];
  const tokens = sentence.tokens;
  for (const run of context.properNounRuns()) {
    const index = tokens.findIndex((t) => t.start === run.start);
    if (index > 0 && PLACE_PREPOSITIONS.has(tokens[index - 1].normal) && context.isFree(run.start, run.end)) places.push(context.slot('place', run.start, run.end));
  }
  if (dates.slots.length === 0 && places.length === 0) return [];
  const answerSpace = dates.answerSpace ?? {
    size: Infinity,
    basis: 'place: the entropy of birthplaces was not measured, so it is treated as a verbatim value (upper bound)',
    provenance: 'assumption' as const,
  };
  return [context.takeAll({ type: 'biography', slots: [...dates.slots, ...places], answerSpace, checks: dates.checks })];
};
