import type { Diagnostic, DiagnosticSeverity as Severity } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { AssessedClaim, DocumentAnalysis } from '../engine';
import { claimMessage } from '../engine/messages/claimMessage';
import type { LineIndex } from '../engine/text/lineIndex';

const SEVERITY: Record<AssessedClaim['severity'], Severity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Data carried on each diagnostic so code actions and hovers find their claim again. */
export interface ClaimDiagnosticData {
  claimId: string;
  type: string;
}

/** The squiggle covers the claim's fact-bearing slots (the date, the figure), not the whole sentence. */
export function squiggleSpan(claim: AssessedClaim): { start: number; end: number } {
  if (claim.slots.length === 0) return { start: claim.start, end: claim.end };
  return { start: Math.min(...claim.slots.map((s) => s.start)), end: Math.max(...claim.slots.map((s) => s.end)) };
}

export function toDiagnostics(analysis: DocumentAnalysis, lines: LineIndex, thresholdOf: (type: AssessedClaim['type']) => number, docsUri: (type: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = analysis.claims.map((claim) => {
    const span = squiggleSpan(claim);
    const data: ClaimDiagnosticData = { claimId: claim.id, type: claim.type };
    return {
      range: lines.rangeOf(span.start, span.end),
      severity: SEVERITY[claim.severity],
      code: claim.type,
      codeDescription: { href: docsUri(claim.type) },
      source: 'ClaimFloor',
      message: claimMessage(claim, thresholdOf(claim.type)),
      data,
    };
  });
  for (const notice of analysis.notices) {
    diagnostics.push({
      range: lines.rangeOf(notice.start ?? 0, notice.start ?? 0),
      severity: notice.severity === 'error' ? DiagnosticSeverity.Error : notice.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: 'ClaimFloor',
      message: notice.message,
    });
  }
  return diagnostics;
}
