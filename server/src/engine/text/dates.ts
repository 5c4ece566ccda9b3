import { validateCalendarDate } from './calendar';

const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{3,4})`;

export type DateGranularity = 'day' | 'day-month' | 'month' | 'year' | 'decade';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  granularity: DateGranularity;
  day?: number;
  month?: number;
  year?: number;
  /** Set when the calendar date cannot exist (31 February). */
  invalidReason?: string;
}

const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

function monthNumber(name: string): number {
  return MONTH_INDEX[name.slice(0, 3).toLowerCase()];
}

interface DatePattern {
  regex: RegExp;
  read: (m: RegExpMatchArray) => Omit<DateMention, 'start' | 'end' | 'text'>;
  /** Capture group that is the date itself when the pattern also matches a cue word (needs the `d` flag). */
  group?: number;
}

/** Most specific first; a later pattern never matches inside an earlier match. */
const PATTERNS: DatePattern[] = [
  { regex: new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH},?\s+${YEAR}\b`, 'g'), read: (m) => ({ granularity: 'day', day: +m[1], month: monthNumber(m[2]), year: +m[3] }) },
  { regex: new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'g'), read: (m) => ({ granularity: 'day', day: +m[2], month: monthNumber(m[1]), year: +m[3] }) },
  { regex: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => ({ granularity: 'day', year: +m[1], month: +m[2], day: +m[3] }) },
  { regex: new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}(?![\w.])`, 'g'), read: (m) => ({ granularity: 'day-month', day: +m[1], month: monthNumber(m[2]) }) },
  { regex: new RegExp(String.raw`\b${MONTH}\s+${DAY}\b(?!\s*(?:%|percent))`, 'g'), read: (m) => ({ granularity: 'day-month', day: +m[2], month: monthNumber(m[1]) }) },
  { regex: new RegExp(String.raw`\b${MONTH},?\s+${YEAR}\b`, 'g'), read: (m) => ({ granularity: 'month', month: monthNumber(m[1]), year: +m[2] }) },
  { regex: /\b(1[0-9]|20)(\d0)s\b/g, read: (m) => ({ granularity: 'decade', year: +(m[1] + m[2]) }) },
  {
    // A bare year needs a temporal cue, so "1500 employees" is not a date.
    regex: /\b(?:in|since|by|from|until|till|during|of|circa|c\.|ca\.|around|before|after|between|and|to|early|late|mid|year|spring|summer|autumn|fall|winter|–|-)\s+(1[0-9]{3}|20[0-9]{2})\b(?![.,]\d|\s*(?:%|percent|people|persons|employees|members|users|customers|students|copies|units|words|pages|votes|times|items|km|kg|miles|feet|metres|meters|[a-z]+s\s+(?:of|were|are)\b))/dgi,
    read: (m) => ({ granularity: 'year', year: +m[1] }),
    group: 1,
  },
  {
    // A year naming an event: "the 2020 general election", "the 1998 World Cup", "the 2008 financial crisis".
    regex: /\bthe\s+(1[0-9]{3}|20[0-9]{2})(?=\s+(?:[\p{L}-]+\s+){0,2}(?:elections?|season|championships?|cup|olympics|games|census|crisis|war|revolution|earthquake|tournament|finals?|campaign|summit|conference|edition|awards?|draft|series|festival|referendum|tour|prix|film|album|novel)\b)/dgiu,
    read: (m) => ({ granularity: 'year', year: +m[1] }),
    group: 1,
  },
  { regex: /\((1[0-9]{3}|20[0-9]{2})\s*[–-]\s*(1[0-9]{3}|20[0-9]{2})\)/g, read: (m) => ({ granularity: 'year', year: +m[1] }) },
  // A year alone in parentheses dates what precedes it: "Ring of Swords (1993)".
  { regex: /\((1[0-9]{3}|20[0-9]{2})\)/dg, read: (m) => ({ granularity: 'year', year: +m[1] }), group: 1 },
];

const isMonthLike = (g: DateGranularity) => g === 'day' || g === 'day-month';

/** Dates in a sentence, with offsets relative to `offset`. */
export function findDates(text: string, offset: number): DateMention[] {
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const { regex, read, group } of PATTERNS) {
    for (const m of text.matchAll(regex)) {
      const [localStart, localEnd] = group !== undefined && m.indices?.[group] ? m.indices[group] : [m.index ?? 0, (m.index ?? 0) + m[0].length];
      if (taken.some(([s, e]) => localStart < e && localEnd > s)) continue;
      const parts = read(m);
      if (parts.month === undefined && isMonthLike(parts.granularity)) continue;
      const mention: DateMention = { start: offset + localStart, end: offset + localEnd, text: text.slice(localStart, localEnd), ...parts };
      if (parts.day !== undefined && parts.month !== undefined) {
        const verdict = validateCalendarDate(parts.day, parts.month, parts.year);
        if (!verdict.valid) mention.invalidReason = verdict.reason;
      }
      taken.push([localStart, localEnd]);
      found.push(mention);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
