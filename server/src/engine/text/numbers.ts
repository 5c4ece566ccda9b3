/** A numeric literal in prose: digits with separators, optional decimals and a scale word. */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:thousand|million|billion|trillion|bn|m|k)\b)?`;

const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

export interface ParsedNumber {
  value: number;
  /** Significant digits as written: "3,000,000" → 1, "3.0 million" → 2, "3,141,592" → 7. */
  significantDigits: number;
  /** Digits after the decimal point as written (for rounding tolerance). */
  decimals: number;
}

export function parseNumber(text: string): ParsedNumber | undefined {
  const match = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([a-z]+)?$/i.exec(text.trim());
  if (!match) return undefined;
  const literal = match[1].replace(/,/g, '');
  const scale = match[2] ? SCALES[match[2].toLowerCase()] : 1;
  if (scale === undefined) return undefined;
  const value = Number(literal) * scale;
  if (!Number.isFinite(value)) return undefined;
  const [integer, fraction = ''] = literal.split('.');
  const decimals = fraction.length;
  const digits = (integer + fraction).replace(/^0+/, '');
  const significantDigits = Math.max(1, fraction.length > 0 ? digits.length : digits.replace(/0+$/, '').length);
  return { value, significantDigits, decimals };
}
