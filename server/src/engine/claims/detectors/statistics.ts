import { checkPercentOfWhole } from '../../checks/percentOfWhole';
import type { ClaimDraft, Slot, SlotRole } from '../claim';
import { parseNumber } from '../../text/numbers';
import type { DetectionContext, Detector } from './detectionContext';

const NUMERIC_ENTITIES: Record<string, SlotRole> = { CARDINAL: 'number', PERCENT: 'percent', MONEY: 'money', MEASURE: 'number', DURATION: 'number' };
const LABEL_BEFORE = /\b(?:no|nos|fig|figs|figure|table|chapter|section|page|pp?|step|item|level|grade|room|route|version|v|§)\.?\s*$/i;
const YEAR_LIKE = /^(1[0-9]{3}|20[0-9]{2})$/;
const NOT_COUNTS = new Set(['one', 'once', 'a']);
const HAS_QUANTITY = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b/i;
/** A number glued to a name ("GPT-3.5", "v2", "H2O") is part of that name, not a statistic. */
const GLUED_BEFORE = /[\p{L}\p{N}._/-]$/u;

/** Exact numeric statistics: counts, percentages, money, measurements. */
export const detectStatistics: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const slots: Slot[] = [];
  let digits = 0;
  // "Apollo 11", "Event 3", "Room 101": a number right after a capitalised noun names something.
  const followsName = (start: number) => {
    const previous = sentence.tokens[sentence.tokens.findIndex((t) => t.start === start) - 1];
    return previous !== undefined && (previous.pos === 'PROPN' || previous.pos === 'NOUN') && /^\p{Lu}/u.test(previous.value) && start - previous.end === 1;
  };
  for (const entity of sentence.entities) {
    const role = NUMERIC_ENTITIES[entity.type];
    if (!role || NOT_COUNTS.has(entity.value.toLowerCase()) || YEAR_LIKE.test(entity.value) || !HAS_QUANTITY.test(entity.value)) continue;
    if (!context.isFree(entity.start, entity.end)) continue;
    const before = sentence.text.slice(0, entity.start - sentence.start);
    if (LABEL_BEFORE.test(before) || GLUED_BEFORE.test(before) || followsName(entity.start)) continue;
    const numeral = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:thousand|million|billion|trillion|bn|k)\b)?/i.exec(entity.value);
    digits += numeral ? (parseNumber(numeral[0])?.significantDigits ?? 1) : 1;
    slots.push(context.slot(role, entity.start, entity.end));
  }
  const checks = checkPercentOfWhole(sentence);
  if (slots.length === 0 && checks.length === 0) return [];
  return [
    context.takeAll({
      type: 'statistic',
      slots,
      answerSpace: { size: 10 ** Math.max(1, digits), basis: `${digits} significant digit${digits === 1 ? '' : 's'}: 10^${digits} values (THEORY.md §8, 1 − 10^−k)`, provenance: 'computed' },
      checks,
    }),
  ];
};
