/** Result of validating an ISBN's check digit (ISO 2108). */
export interface IsbnVerdict {
  valid: boolean;
  reason: string;
  /** The check digit the other digits imply, when the length is right. */
  expectedCheckDigit?: string;
}

export function validateIsbn(raw: string): IsbnVerdict {
  const digits = raw.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += (10 - i) * Number(digits[i]);
    const check = (11 - (sum % 11)) % 11;
    const expected = check === 10 ? 'X' : String(check);
    return expected === digits[9]
      ? { valid: true, reason: 'ISBN-10 check digit is correct.' }
      : { valid: false, reason: `ISBN-10 check digit is ${digits[9]} but the other digits imply ${expected}.`, expectedCheckDigit: expected };
  }
  if (/^\d{13}$/.test(digits)) {
    if (!digits.startsWith('978') && !digits.startsWith('979')) {
      return { valid: false, reason: 'ISBN-13 must start with 978 or 979.' };
    }
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(digits[i]);
    const expected = String((10 - (sum % 10)) % 10);
    return expected === digits[12]
      ? { valid: true, reason: 'ISBN-13 check digit is correct.' }
      : { valid: false, reason: `ISBN-13 check digit is ${digits[12]} but the other digits imply ${expected}.`, expectedCheckDigit: expected };
  }
  return { valid: false, reason: `An ISBN has 10 or 13 digits; this one has ${digits.replace(/X/g, '').length + (digits.includes('X') ? 1 : 0)} characters.` };
}
