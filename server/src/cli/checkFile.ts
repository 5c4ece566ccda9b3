import { resolve } from 'node:path';
import { analyzeDocument, type ClaimFloorConfig } from '../engine';
import type { FileResult } from '../report/fileResult';
import { readDocument } from '../files/readDocument';

export interface CheckFileRequest {
  path: string;
  cwd: string;
  config: ClaimFloorConfig;
  /** List claims with risk ≥ this; undefined lists the claims below their confidence target. */
  minRisk?: number;
}

/** Reads and analyses one file. Used in-process and by the audit worker threads alike. */
export function checkFile({ path, cwd, config, minRisk }: CheckFileRequest): FileResult {
  const read = readDocument(resolve(cwd, path));
  if (!read.ok) return { path, config, findings: [], error: read.reason, ioError: read.ioError };
  const analysis = analyzeDocument(read.text, config);
  const findings = analysis.claims.filter((c) => c.severity === 'error' || (minRisk === undefined ? c.flagged : c.risk >= minRisk));
  return { path, config, analysis, findings };
}
