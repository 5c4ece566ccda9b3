import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { AssessedClaim, DocumentAnalysis, Position, Range } from '../engine';

const SEVERITY: Record<AssessedClaim['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Carried on each diagnostic so a quick fix finds its claim again: the claim, the document version
 * the diagnostic was computed for, and where the claim's sentence stood in that version.
 */
export interface ClaimDiagnosticData {
  claimId: string;
  type: string;
  version: number;
  /** Source offsets of the claim's sentence in `version`. */
  start: number;
  end: number;
}

/** The squiggle covers the claim's fact-bearing slots (the date, the figure), not the whole sentence. */
export function squiggleSpan(claim: AssessedClaim): { start: number; end: number } {
  if (claim.slots.length === 0) return { start: claim.start, end: claim.end };
  return { start: Math.min(...claim.slots.map((s) => s.start)), end: Math.max(...claim.slots.map((s) => s.end)) };
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** The range of the squiggle: from the first slot's start to the last slot's end, as the engine located them. */
function squiggleRange(claim: AssessedClaim): Range {
  if (claim.slots.length === 0) return claim.range;
  return {
    start: claim.slots.map((s) => s.range.start).reduce((a, b) => (before(b, a) ? b : a)),
    end: claim.slots.map((s) => s.range.end).reduce((a, b) => (before(a, b) ? b : a)),
  };
}

/** Diagnostics for an analysis of the document's text at `version`. */
export function toDiagnostics(analysis: DocumentAnalysis, version: number, docsUri: (type: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = analysis.claims.map((claim) => {
    const data: ClaimDiagnosticData = { claimId: claim.id, type: claim.type, version, start: claim.start, end: claim.end };
    return {
      range: squiggleRange(claim),
      severity: SEVERITY[claim.severity],
      code: claim.type,
      codeDescription: { href: docsUri(claim.type) },
      source: 'ClaimFloor',
      message: claim.message,
      data,
    };
  });
  for (const notice of analysis.notices) {
    diagnostics.push({
      range: notice.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: notice.severity === 'error' ? DiagnosticSeverity.Error : notice.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: 'ClaimFloor',
      message: notice.message,
    });
  }
  return diagnostics;
}
