/**
 * arXiv identifier syntax (arxiv.org/help/arxiv_identifier): `YYMM.NNNN` from April 2007 to
 * December 2014, `YYMM.NNNNN` from January 2015, optional `vN`; before April 2007
 * `archive(.SC)/YYMMNNN`.
 */
export interface ArxivVerdict {
  valid: boolean;
  reason: string;
}

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(v\d+)?$/;
const OLD_STYLE = /^([a-z-]+)(\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(v\d+)?$/;

export function validateArxivId(id: string): ArxivVerdict {
  const modern = NEW_STYLE.exec(id);
  if (modern) {
    const year = Number(modern[1]);
    const month = Number(modern[2]);
    if (month < 1 || month > 12) return { valid: false, reason: `Month ${modern[2]} in arXiv id ${id} does not exist.` };
    const yymm = year * 100 + month;
    if (yymm < 704) return { valid: false, reason: `arXiv ids of the form YYMM.NNNN start in April 2007 (0704); ${modern[1]}${modern[2]} is earlier.` };
    const expectedDigits = yymm >= 1501 ? 5 : 4;
    if (modern[3].length !== expectedDigits) {
      return { valid: false, reason: `arXiv ids from ${yymm >= 1501 ? 'January 2015' : 'April 2007 to December 2014'} have ${expectedDigits} digits after the dot; ${id} has ${modern[3].length}.` };
    }
    return { valid: true, reason: 'arXiv id syntax is valid (not resolved: ClaimFloor works offline).' };
  }
  const legacy = OLD_STYLE.exec(id);
  if (legacy) {
    const month = Number(legacy[4]);
    const year = Number(legacy[3]);
    if (month < 1 || month > 12) return { valid: false, reason: `Month ${legacy[4]} in arXiv id ${id} does not exist.` };
    if (year > 7 && year < 91) return { valid: false, reason: `Old-style arXiv ids run from 1991 to March 2007; year ${legacy[3]} is outside that.` };
    return { valid: true, reason: 'Old-style arXiv id syntax is valid (not resolved: ClaimFloor works offline).' };
  }
  return { valid: false, reason: `"${id}" is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN).` };
}
