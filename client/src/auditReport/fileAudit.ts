/** What the server's `claimfloor.server.auditFile` command returns (see server/src/lsp/server.ts). */
export interface FileAudit {
  uri: string;
  path: string;
  stats: { characters: number; sentences: number; nonClaimSentences: number; suppressedClaims: number };
  notices: Array<{ severity: string; message: string }>;
  claims: ClaimRow[];
  typeTitles: Record<string, string>;
  sarif: string;
  error?: string;
}

export interface ClaimRow {
  id: string;
  type: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  risk: number;
  certain: boolean;
  flagged: boolean;
  threshold: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  floor: { status: 'computed' | 'zero' | 'unmeasured'; value: number | null; summary: string };
}
