import type { SlotRole } from '../claims/claim';
import { findDates, type DateMention } from '../text/dates';
import { NUMBER_SOURCE, parseNumber } from '../text/numbers';

/**
 * Normal forms of the values claims are about, so that "1 March 1879", "March 1, 1879" and
 * "1879-03-01" are one key and "3,000,000" equals "3 million". A key names the kind of value
 * (`date:`, `year:`, `num:`, `id:`), so values of different kinds never collide.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Keys a date mention stands for: its own precision, plus the year, which a coarser claim may state. */
export function dateKeys(date: Pick<DateMention, 'granularity' | 'day' | 'month' | 'year'>): string[] {
  const keys: string[] = [];
  if (date.granularity === 'day' && date.year !== undefined) keys.push(`date:${date.year}-${pad(date.month!)}-${pad(date.day!)}`);
  if (date.granularity === 'day-month') keys.push(`date:--${pad(date.month!)}-${pad(date.day!)}`);
  if (date.granularity === 'month') keys.push(`date:${date.year}-${pad(date.month!)}`);
  if (date.granularity === 'decade') keys.push(`decade:${date.year}`);
  else if (date.year !== undefined) keys.push(`year:${date.year}`);
  return keys;
}

/** The most precise key of a date: what a claim states and a source must match. */
export function preciseDateKey(date: Pick<DateMention, 'granularity' | 'day' | 'month' | 'year'>): string | undefined {
  return dateKeys(date)[0];
}

/** "3,000,000", "3 million" and "3m" are one number (12 significant digits absorb floating-point noise from the scale). */
export function numberKey(text: string): string | undefined {
  const parsed = parseNumber(text.replace(/^[$€£¥]\s*/, '').replace(/\s*(?:%|percent|per cent)$/i, ''));
  return parsed ? `num:${Number(parsed.value.toPrecision(12))}` : undefined;
}

/** Identifiers compare case-insensitively, without a resolver prefix or hyphens (ISBN). */
export function identifierKey(role: SlotRole, text: string): string {
  const bare = text.trim().replace(/[.,;:]+$/, '').toLowerCase();
  if (role === 'doi') return `id:doi:${bare.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/, '')}`;
  if (role === 'isbn') return `id:isbn:${bare.replace(/[^0-9x]/g, '')}`;
  if (role === 'arxiv') return `id:arxiv:${bare.replace(/^(?:arxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)/, '').replace(/v\d+$/, '').replace(/\.pdf$/, '')}`;
  return `id:${role}:${bare.replace(/^https?:\/\//, '').replace(/\/$/, '')}`;
}

/** Words compared without case, accents or punctuation: "Gödel’s" → "godels". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a name that identify it: honorifics and initials dropped ("Sir John R. Reynolds" → john, reynolds). */
export function nameTerms(name: string): string[] {
  return foldText(name)
    .split(' ')
    .filter((w) => w.length > 1 && !HONORIFICS.has(w));
}

const HONORIFICS = new Set(['sir', 'dame', 'dr', 'mr', 'mrs', 'ms', 'prof', 'professor', 'lord', 'lady', 'st', 'saint', 'the', 'of', 'jr', 'sr']);

const NUMBER = new RegExp(String.raw`(?<![\w.,])${NUMBER_SOURCE}(?![\w])`, 'gi');
const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/g;
const ISBN = /\bISBN(?:-1[03])?:?\s*([0-9Xx][0-9Xx\s-]{7,20}[0-9Xx])\b/g;
const ARXIV = /\barXiv:\s*([^\s,;)\]]+)/gi;

export interface ValueMention {
  key: string;
  start: number;
  end: number;
  text: string;
  /** Keys with the same kind of value conflict: a second birth date, a different count. */
  kind: 'date' | 'number' | 'identifier';
}

/** Every date, number and identifier in a passage with its normal form, for indexing and for judging sources. */
export function valueMentions(text: string): ValueMention[] {
  const found: ValueMention[] = [];
  const dates = findDates(text, 0);
  for (const d of dates) {
    const key = preciseDateKey(d);
    if (key) found.push({ key, start: d.start, end: d.end, text: d.text, kind: 'date' });
  }
  const insideDate = (start: number) => dates.some((d) => start >= d.start && start < d.end);
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const key = numberKey(m[0]);
    if (key && !insideDate(start)) found.push({ key, start, end: start + m[0].length, text: m[0], kind: 'number' });
  }
  for (const [regex, role] of [[DOI, 'doi'], [ISBN, 'isbn'], [ARXIV, 'arxiv']] as const) {
    for (const m of text.matchAll(regex)) {
      const start = m.index ?? 0;
      found.push({ key: identifierKey(role, m[1] ?? m[0]), start, end: start + m[0].length, text: m[0], kind: 'identifier' });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** All keys a passage can be found by: each value's precise key and, for dates, the coarser ones. */
export function passageKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const d of findDates(text, 0)) for (const k of dateKeys(d)) keys.add(k);
  for (const v of valueMentions(text)) keys.add(v.key);
  return [...keys];
}

/** Whether a value stated at some precision agrees with one a source states ("1879" agrees with "14 March 1879"). */
export function keysAgree(claimed: string, stated: string): boolean {
  if (claimed === stated) return true;
  const claimedYear = /^year:(\d+)$/.exec(claimed);
  const statedDate = /^date:(\d+)-/.exec(stated);
  if (claimedYear && statedDate) return claimedYear[1] === statedDate[1];
  const statedYear = /^year:(\d+)$/.exec(stated);
  const claimedDate = /^date:(\d+)-/.exec(claimed);
  if (statedYear && claimedDate) return statedYear[1] === claimedDate[1];
  return false;
}
