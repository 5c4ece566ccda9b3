import { NUMBER_SOURCE, parseNumber } from '../text/numbers';
import type { CheckResult } from './checkResult';

const N = `(${NUMBER_SOURCE})`;
const PCT = String.raw`\s*(?:%|percent\b|per cent\b)`;
const UP = 'increase|rise|gain|growth|jump|surge|climb|boost|improvement|uplift';
const DOWN = 'decrease|decline|drop|fall|reduction|cut|loss|dip|slump|contraction';
/** Up to two unit words after an operand: "84 seconds", "1.2 GB", "$3 million dollars". */
const UNIT = String.raw`(?:\s+[A-Za-z%]+){0,2}?`;
const HEDGE = /\b(?:about|around|roughly|approximately|nearly|almost|over|more than|less than|under|some|~)\s*$/i;

/** "from 20 to 30, a 60% increase" and "from 20 to 30 (an increase of 60%)". */
const CHANGE = new RegExp(
  String.raw`\bfrom\s+\$?${N}${UNIT}\s+to\s+\$?${N}${UNIT}[^.;]{0,40}?` +
    String.raw`(?:(?:an?\s+)?((?:about|around|roughly|approximately|nearly|almost|over|more than|~)\s*)?(?:an?\s+)?${N}${PCT}[\s-]+(${UP}|${DOWN})` +
    String.raw`|(${UP}|${DOWN})\s+of\s+((?:about|around|roughly|approximately|nearly|almost|over|more than|~)\s*)?${N}${PCT})`,
  'gi',
);

/** "doubled from 20 to 45", "halved from 80 to 40". */
const MULTIPLE = new RegExp(String.raw`\b(doubled|tripled|trebled|quadrupled|halved)\s+from\s+\$?${N}${UNIT}\s+to\s+\$?${N}\b`, 'gi');
const FACTORS: Record<string, number> = { doubled: 2, tripled: 3, trebled: 3, quadrupled: 4, halved: 0.5 };

/** "12 of 40 participants (30%)", "12 out of 40 (30 percent)". */
const SHARE = new RegExp(String.raw`\b${N}\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?${N}\b[^().;]{0,40}?\(\s*((?:about|around|roughly|approximately|nearly|~)\s*)?${N}${PCT}\s*\)`, 'gi');

function tolerance(decimals: number, hedged: boolean, expected: number): number {
  const rounding = 0.5 * 10 ** -decimals + 1e-9;
  return hedged ? Math.max(rounding, 1, Math.abs(expected) * 0.05) : rounding;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2).replace(/\.?0+$/, '');
}

/**
 * Recomputes the arithmetic a sentence states about its own numbers. `offset` is added to every
 * reported position (pass the sentence's source offset).
 */
export function checkArithmetic(text: string, offset: number): CheckResult[] {
  const results: CheckResult[] = [];
  for (const m of text.matchAll(CHANGE)) {
    const from = parseNumber(m[1]);
    const to = parseNumber(m[2]);
    const hedged = Boolean(m[3] ?? m[7]) || HEDGE.test(text.slice(0, (m.index ?? 0)));
    const reportedText = m[4] ?? m[8];
    const word = (m[5] ?? m[6]).toLowerCase();
    const reported = parseNumber(reportedText);
    if (!from || !to || !reported || from.value === 0) continue;
    const start = offset + (m.index ?? 0);
    const end = start + m[0].length;
    const actual = ((to.value - from.value) / from.value) * 100;
    const claimedDown = new RegExp(`^(?:${DOWN})$`).test(word);
    const signed = claimedDown ? -reported.value : reported.value;
    if (claimedDown !== actual < 0 && actual !== 0) {
      results.push({
        check: 'arithmetic',
        passed: false,
        message: `A change from ${m[1]} to ${m[2]} is ${actual > 0 ? 'an increase' : 'a decrease'}, not ${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}: it is ${format(actual)}%.`,
        expected: `${format(Math.abs(actual))}% ${actual > 0 ? 'increase' : 'decrease'}`,
        start,
        end,
      });
      continue;
    }
    const ok = Math.abs(signed - actual) <= tolerance(reported.decimals, hedged, actual);
    const at = start + m[0].lastIndexOf(reportedText);
    results.push({
      check: 'arithmetic',
      passed: ok,
      message: ok
        ? `Recomputed: ${m[1]} → ${m[2]} is a ${format(Math.abs(actual))}% ${actual >= 0 ? 'increase' : 'decrease'}, as stated.`
        : `From ${m[1]} to ${m[2]} is a ${format(Math.abs(actual))}% ${actual >= 0 ? 'increase' : 'decrease'}, not ${reportedText}%.`,
      expected: `${format(Math.abs(actual))}%`,
      replacement: ok ? undefined : { start: at, end: at + reportedText.length, text: format(Math.abs(actual)) },
      start,
      end,
    });
  }
  for (const m of text.matchAll(MULTIPLE)) {
    const from = parseNumber(m[2]);
    const to = parseNumber(m[3]);
    if (!from || !to || from.value === 0) continue;
    const factor = FACTORS[m[1].toLowerCase()];
    const actual = to.value / from.value;
    const ok = Math.abs(actual - factor) <= factor * 0.05;
    const start = offset + (m.index ?? 0);
    results.push({
      check: 'arithmetic',
      passed: ok,
      message: ok
        ? `Recomputed: ${m[2]} → ${m[3]} is ×${format(actual)}, consistent with "${m[1]}".`
        : `"${m[1]}" means ×${factor}, but ${m[2]} → ${m[3]} is ×${format(actual)}.`,
      expected: `×${format(actual)}`,
      start,
      end: start + m[0].length,
    });
  }
  for (const m of text.matchAll(SHARE)) {
    const part = parseNumber(m[1]);
    const whole = parseNumber(m[2]);
    const reported = parseNumber(m[4]);
    if (!part || !whole || !reported || whole.value === 0) continue;
    const actual = (part.value / whole.value) * 100;
    const ok = Math.abs(reported.value - actual) <= tolerance(reported.decimals, Boolean(m[3]), actual);
    const start = offset + (m.index ?? 0);
    const at = start + m[0].lastIndexOf(m[4]);
    results.push({
      check: 'arithmetic',
      passed: ok,
      message: ok ? `Recomputed: ${m[1]} of ${m[2]} is ${format(actual)}%, as stated.` : `${m[1]} of ${m[2]} is ${format(actual)}%, not ${m[4]}%.`,
      expected: `${format(actual)}%`,
      replacement: ok ? undefined : { start: at, end: at + m[4].length, text: format(actual) },
      start,
      end: start + m[0].length,
    });
  }
  return results;
}
