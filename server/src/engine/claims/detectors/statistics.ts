import { checkPercentOfWhole } from '../../checks/percentOfWhole';
import type { ClaimDraft, Slot, SlotRole } from '../claim';
import { parseNumber } from '../../text/numbers';
import type { DetectionContext, Detector } from './detectionContext';

const NUMERIC_ENTITIES: Record<string, SlotRole> = { CARDINAL: 'number', PERCENT: 'percent', MONEY: 'money', MEASURE: 'number', DURATION: 'number' };
const LABEL_BEFORE = /\b(?:no|nos|fig|figs|figure|table|chapter|section|page|pp?|step|item|level|grade|room|route|version|v|§)\.?\s*$/i;
const YEAR_LIKE = /^(1[0-9]{3}|20[0-9]{2})$/;
const NOT_COUNTS = new Set(['one', 'once', 'a']);
const HAS_QUANTITY = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:hundred|thousand|million|billion|trillion|dozen)s?)\b/i;
/** A number glued to a name ("GPT-3.5", "v2", "H2O") is part of that name, not a statistic. */
const GLUED_BEFORE = /[\p{L}\p{N}._/-]$/u;

/** A whole number standing as a list item's marker: "1. Mercury", "2) save it", "3.Earth". */
const MARKER = /(?<![\p{L}\p{N}.,])(\d{1,2})[.)](?=\s|$|\p{Lu})/gu;
/** A bare number or range with its unit glued or after it ("310-320mg", "12 mm") that wink did not read as an entity. */
const BARE_QUANTITY = /^\d[\d,]*(?:\.\d+)?(?:[–-]\d[\d,]*(?:\.\d+)?)?$/;

/**
 * Offsets (in the sentence) of numbers that are list markers: a small whole number followed by
 * "." or ")" at the start of the sentence or a line, after a colon, or continuing a run of
 * markers ("1. Mercury 2. Venus"); a ")" closing a parenthesis opened before it is not one.
 */
function listMarkers(text: string): Set<number> {
  const markers = new Set<number>();
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const value = Number(m[1]);
    const before = text.slice(0, m.index);
    const opensLine = /(?:^|[\n:;])\s*$/.test(before) || /(?:^|\n)\s*[-*+]?\s*$/.test(before);
    const continues = last > 0 && value === last + 1;
    const closesParenthesis = m[0].endsWith(')') && (before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0);
    if ((opensLine || continues) && !closesParenthesis) {
      markers.add(m.index);
      last = value;
    }
  }
  return markers;
}

/** The whitespace-delimited chunk around [start, end) of `text` is a path or a URL ("/2018/05/post", "docs/v2/api.md"). */
function insidePath(text: string, start: number, end: number): boolean {
  const from = text.slice(0, start).search(/\S*$/);
  const to = end + (text.slice(end).match(/^\S*/)?.[0].length ?? 0);
  const chunk = text.slice(from, to).replace(/[.,;:!?)\]]+$/, '');
  if (!/[/\\]/.test(chunk)) return false;
  // A unit per unit ("100km/h", "5 mg/kg") or a fraction ("3/4", "24/7") is still a quantity.
  if (/^\(?\d[\d.,]*\s*\p{L}*\/\p{L}+$/u.test(chunk) || /^\(?\d+\/\d+$/.test(chunk)) return false;
  return true;
}

/** Exact numeric statistics: counts, percentages, money, measurements. */
/** The tail of a reference-list entry: "Journal of Sleep Research, 19(2), 120-131." (volume, issue, pages). */
const BIBLIOGRAPHIC_TAIL = /\b\d+\s*\(\d+\)\s*,\s*(?:pp?\.\s*)?\d+\s*[–-]\s*\d+\.?\s*$/;

export const detectStatistics: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  if (BIBLIOGRAPHIC_TAIL.test(sentence.text)) return [];
  const slots: Slot[] = [];
  let digits = 0;
  // "Apollo 11", "Event 3", "Room 101": a number right after a capitalised noun names something.
  const followsName = (start: number) => {
    const previous = sentence.tokens[sentence.tokens.findIndex((t) => t.start === start) - 1];
    return previous !== undefined && (previous.pos === 'PROPN' || previous.pos === 'NOUN') && /^\p{Lu}/u.test(previous.value) && start - previous.end === 1;
  };
  const markers = listMarkers(sentence.text);
  const tokens = sentence.tokens;
  const nextToken = (end: number) => tokens.find((t) => t.start >= end);
  // In a table row a bare figure is one cell of data; a figure with its unit or noun ("90 ms", "12%") still states something.
  const hasUnit = (role: SlotRole, end: number) => role !== 'number' || nextToken(end)?.pos === 'NOUN';
  for (const entity of sentence.entities) {
    const role = NUMERIC_ENTITIES[entity.type];
    if (!role || NOT_COUNTS.has(entity.value.toLowerCase()) || YEAR_LIKE.test(entity.value) || !HAS_QUANTITY.test(entity.value)) continue;
    if (!context.isFree(entity.start, entity.end)) continue;
    const local = entity.start - sentence.start;
    const before = sentence.text.slice(0, local);
    if (LABEL_BEFORE.test(before) || GLUED_BEFORE.test(before) || followsName(entity.start)) continue;
    if (markers.has(local) || insidePath(sentence.text, local, entity.end - sentence.start)) continue;
    if (context.inTable && entity.type !== 'MEASURE' && !hasUnit(role, entity.end)) continue;
    const numeral = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:thousand|million|billion|trillion|bn|k)\b)?/i.exec(entity.value);
    digits += numeral ? (parseNumber(numeral[0])?.significantDigits ?? 1) : 1;
    slots.push(context.slot(role, entity.start, entity.end));
  }
  // Figures wink read as no entity: "310-320mg", "12 mm" — a number or a range with its unit after it.
  for (const [i, t] of tokens.entries()) {
    if (t.type !== 'number' || !BARE_QUANTITY.test(t.value) || YEAR_LIKE.test(t.value) || tokens[i + 1]?.pos !== 'NOUN') continue;
    if (!context.isFree(t.start, t.end) || slots.some((x) => t.start < x.end && t.end > x.start) || sentence.entities.some((e) => t.start < e.end && t.end > e.start)) continue;
    const local = t.start - sentence.start;
    const before = sentence.text.slice(0, local);
    if (LABEL_BEFORE.test(before) || GLUED_BEFORE.test(before) || markers.has(local) || insidePath(sentence.text, local, t.end - sentence.start)) continue;
    digits += parseNumber(t.value.split(/[–-]/)[0])?.significantDigits ?? 1;
    slots.push(context.slot('number', t.start, t.end));
  }
  slots.sort((a, b) => a.start - b.start);
  mergeRanges(slots, sentence.text, sentence.start);
  const checks = checkPercentOfWhole(sentence);
  if (slots.length === 0 && checks.length === 0) return [];
  return [
    context.takeAll({
      type: 'statistic',
      slots,
      answerSpace: { size: 10 ** Math.max(1, digits), basis: `${digits} significant digit${digits === 1 ? '' : 's'}: 10^${digits} values`, provenance: 'computed' },
      checks,
    }),
  ];
};

/** "310–320 mg", "8,000 to 7,000 years": the two ends of one range are one value, so one slot. */
function mergeRanges(slots: Slot[], text: string, offset: number): void {
  for (let i = slots.length - 2; i >= 0; i--) {
    const [a, b] = [slots[i], slots[i + 1]];
    const gap = text.slice(a.end - offset, b.start - offset);
    // "from 20,000 to 30,000" is a change between two values, not a range.
    if (a.role !== b.role || !/^\s*(?:[–—-]|to)\s*$/.test(gap) || (/to/.test(gap) && /\bfrom\s+(?:about\s+|around\s+)?$/i.test(text.slice(0, a.start - offset)))) continue;
    slots.splice(i, 2, { role: a.role, start: a.start, end: b.end, text: text.slice(a.start - offset, b.end - offset) });
  }
}
