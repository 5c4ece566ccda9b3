import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { AssessedClaim } from '../engine';
import type { DocumentView } from '../service/documentView';

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

/** Diagnostics for a result of the document's text at `version`; the squiggle covers the claim's fact-bearing slots (the date, the figure). */
export function toDiagnostics(view: Pick<DocumentView, 'claims' | 'notices' | 'source'>, version: number, docsUri: (type: string) => string): Diagnostic[] {
  if (view.source) {
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'ClaimFloor',
        message: 'This file is one of your sources: ClaimFloor checks your drafts against it and does not flag its claims. Run "ClaimFloor: Audit Claims in Current File" to check it as a draft.',
      },
    ];
  }
  const diagnostics: Diagnostic[] = view.claims.map((claim) => {
    const data: ClaimDiagnosticData = { claimId: claim.id, type: claim.type, version, start: claim.start, end: claim.end };
    return {
      range: claim.squiggle.range,
      severity: SEVERITY[claim.severity],
      code: claim.type,
      codeDescription: { href: docsUri(claim.type) },
      source: 'ClaimFloor',
      message: claim.message,
      data,
    };
  });
  for (const notice of view.notices) {
    diagnostics.push({
      range: notice.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: notice.severity === 'error' ? DiagnosticSeverity.Error : notice.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: 'ClaimFloor',
      message: notice.message,
    });
  }
  return diagnostics;
}
