/**
 * The protocol between ClaimFloor's VS Code client and its language server, imported by both (as
 * vscode-eslint shares its `$shared` folder): command ids, custom request and notification
 * methods, and the types that travel with them. Plain data only: no editor or server imports.
 */

/** Palette commands the client contributes (package.json `contributes.commands`). */
export const Commands = {
  auditFile: 'claimfloor.auditFile',
  auditWorkspace: 'claimfloor.auditWorkspace',
  showOutput: 'claimfloor.showOutput',
} as const;

/** Custom LSP methods. */
export const Methods = {
  /** Client → server request: audit one open document, returns `FileAudit`. */
  auditFile: 'claimfloor/auditFile',
  /** Client → server request: audit the workspace folder (work-done progress, cancellable), returns `AuditSummary`. */
  auditWorkspace: 'claimfloor/auditWorkspace',
  /** Server → client notification: the language model's state, `ModelStateParams`. */
  modelState: 'claimfloor/modelState',
  /** Server → client notification: the workspace index's state, `IndexStateParams`. */
  indexState: 'claimfloor/indexState',
} as const;

export interface AuditFileParams {
  uri: string;
}

export interface ModelStateParams {
  state: 'ready' | 'loading' | 'none' | 'failed' | 'off';
  /** One line: the model's name, or why there is none. */
  text: string;
}

export interface IndexStateParams {
  /** "1,234 files indexed". */
  text: string;
}

export interface AuditSummary {
  files: number;
  claims: number;
  cancelled: boolean;
  error?: string;
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

/** A claim as every output shows it: `--format json`, SARIF `properties`, and the audit report. */
export interface ClaimRecord {
  id: string;
  type: string;
  severity: SeverityName;
  message: string;
  risk: number;
  certain: boolean;
  flagged: boolean;
  threshold: number;
  penalty: number;
  range: ProtocolRange;
  text: string;
  subject: string | null;
  slots: Array<{ role: string; text: string; range: ProtocolRange }>;
  checks: Array<{ check: string; passed: boolean; message: string; expected: string | null }>;
  answerSpace: { size: number | null; basis: string; provenance: string };
  floor: {
    status: 'computed' | 'zero' | 'vacuous';
    value: number;
    /** err ≥ sr_T − offset: the floor as a line in the singleton rate, when it is computed. */
    offset: number | null;
    summary: string;
    governingBound: string;
    formula: string;
    terms: Array<{ symbol: string; value: number; provenance: string; note: string }>;
    capacity: { bitsPerFact: number; fano?: number; falsePositive: number; generativeFalseRate?: number } | null;
  };
  evidence: Array<{ signal: string; effect: { kind: string; [key: string]: unknown }; summary: string; provenance: string; source: string | null }>;
  verified: { by: 'comment' | 'allow-list'; note?: string } | null;
  model: { used: false } | { used: true; name: string; slots: Array<Record<string, unknown>> };
  occurrences: number | null;
  singletonStatus: 'unseen' | 'singleton' | 'repeated' | 'unmeasured';
  groundingStatus: 'supported' | 'contradicted' | 'unsupported' | 'no-subject-source' | 'no-sources';
  evidenceLocations: Array<{ kind: string; file: string; line: number; excerpt: string }>;
  corpus: Record<string, unknown> | null;
}

/** What the `claimfloor/auditFile` request returns: the report the client renders. */
export interface FileAudit {
  uri: string;
  path: string;
  stats: { characters: number; sentences: number; nonClaimSentences: number; suppressedClaims: number };
  notices: Array<{ severity: string; message: string }>;
  claims: ClaimRecord[];
  typeTitles: Record<string, string>;
  /** Which model scored the claims, or why none did. */
  model: string;
  sarif: string;
  error?: string;
}
