/**
 * DOI syntax (DOI Handbook §2.2): `10.` + registrant code of digits (sub-divisions separated by
 * dots) + `/` + a non-empty suffix of printable characters. Registrant codes are at least four
 * digits in practice (Crossref, DataCite), so shorter ones are reported.
 */
export interface DoiVerdict {
  valid: boolean;
  reason: string;
}

const DOI = /^10\.(\d+)(?:\.\d+)*\/(\S+)$/;

export function validateDoi(doi: string): DoiVerdict {
  const match = DOI.exec(doi);
  if (!match) {
    if (!doi.includes('/')) return { valid: false, reason: 'A DOI needs a "/" between the prefix and the suffix.' };
    return { valid: false, reason: 'A DOI prefix is "10." followed by digits (e.g. 10.1038).' };
  }
  if (match[1].length < 4) return { valid: false, reason: `Registrant code "${match[1]}" is shorter than the four digits every DOI registration agency issues.` };
  if (/[<>"{}|\\^`]/.test(match[2])) return { valid: false, reason: 'The DOI suffix contains characters that cannot appear in a DOI.' };
  return { valid: true, reason: 'DOI syntax is valid (it was not resolved: ClaimFloor works offline).' };
}
