import type { Claim } from '../claims/claim';
import type { ClaimType } from '../claimType';
import { lineStart, type Positions } from '../text/positions';
import type { Directive } from '../markdown/directives';

export interface ClaimStatus {
  disabled: boolean;
  verified?: { note?: string };
}

function linesOf(claim: Claim): [number, number] {
  return [claim.range.start.line, claim.range.end.line];
}

const lineOf = (positions: Positions, offset: number) => positions.positionAt(offset).line;

function isAloneOnLine(source: string, lines: Positions, d: Directive): boolean {
  const start = lineStart(lines, lineOf(lines, d.start));
  const lineEnd = lineStart(lines, lineOf(lines, d.end) + 1);
  return source.slice(start, d.start).trim() === '' && source.slice(d.end, lineEnd).trim() === '';
}

function nextNonBlankLine(source: string, lines: Positions, after: number): number {
  for (let line = after + 1; line < lines.lineCount; line++) {
    const start = lineStart(lines, line);
    const end = lineStart(lines, line + 1);
    if (source.slice(start, end).trim() !== '') return line;
  }
  return after + 1;
}

/**
 * Resolves in-document comments to a status per claim (index-aligned with `claims`):
 * - `claimfloor-disable [types]` … `claimfloor-enable [types]`: a region;
 * - `claimfloor-disable-next-line [types]`, `claimfloor-disable-line [types]`;
 * - `claimfloor-verified [note]`: after a sentence, that sentence's claims; alone on a line,
 *   the claims on the next non-blank line.
 */
export function applyDirectives(claims: Claim[], directives: Directive[], source: string, lines: Positions): ClaimStatus[] {
  const statuses: ClaimStatus[] = claims.map(() => ({ disabled: false }));
  const regions = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  claims.forEach((claim, i) => {
    const disabled = new Set<ClaimType>();
    for (const d of regions) {
      if (d.end > claim.start) break;
      for (const t of d.types) {
        if (d.kind === 'disable') disabled.add(t);
        else disabled.delete(t);
      }
    }
    if (disabled.has(claim.type)) statuses[i].disabled = true;
  });

  for (const d of directives) {
    if (d.kind === 'disable-next-line' || d.kind === 'disable-line') {
      const line = lineOf(lines, d.end) + (d.kind === 'disable-next-line' ? 1 : 0);
      claims.forEach((claim, i) => {
        const [first, last] = linesOf(claim);
        if (first <= line && line <= last && d.types.includes(claim.type)) statuses[i].disabled = true;
      });
    } else if (d.kind === 'verified') {
      const mark = (i: number) => (statuses[i].verified = { note: d.note });
      if (isAloneOnLine(source, lines, d)) {
        const line = nextNonBlankLine(source, lines, lineOf(lines, d.end));
        claims.forEach((claim, i) => claim.range.start.line === line && mark(i));
      } else {
        const line = lineOf(lines, d.start);
        const before = claims.filter((c) => c.end <= d.start && c.range.end.line === line);
        const lastSentenceEnd = Math.max(...before.map((c) => c.end));
        claims.forEach((claim, i) => claim.end === lastSentenceEnd && claim.end <= d.start && claim.range.end.line === line && mark(i));
      }
    }
  }
  return statuses;
}
