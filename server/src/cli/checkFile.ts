import { resolve } from 'node:path';
import { analyzeDocument, type BlockCache, type ClaimFloorConfig } from '../engine';
import type { FileResult } from '../output/fileResult';
import { readDocument } from '../files/readDocument';
import type { ModelScoring, ScoringStats } from '../modelRuntime/modelScoring';
import type { CorpusContext } from '../engine/reference/claimCorpusEvidence';
import { toDocumentPath } from '../engine/reference/corpusDocument';

export interface CheckFileRequest {
  path: string;
  cwd: string;
  config: ClaimFloorConfig;
  /** List claims with risk ≥ this; undefined lists the claims below their confidence target. */
  minRisk?: number;
  /** The index of the audited files and sources; the file's own entry is excluded from its counts. */
  corpus?: Omit<CorpusContext, 'documentId'>;
  /** Paragraph results shared with the index build. */
  cache?: BlockCache;
}

/** Reads and analyses one file, with the model's evidence when a model is loaded. */
export async function checkFile({ path, cwd, config, minRisk, corpus, cache }: CheckFileRequest, scoring?: ModelScoring): Promise<FileResult & { modelStats?: ScoringStats }> {
  const read = readDocument(resolve(cwd, path));
  if (!read.ok) return { path, config, findings: [], error: read.reason, ioError: read.ioError };
  const options = { cache, corpus: corpus && { ...corpus, documentId: toDocumentPath(resolve(cwd, path)) } };
  const scored = scoring ? await scoring.analyze(read.text, config, options) : undefined;
  const analysis = scored ?? analyzeDocument(read.text, config, options);
  const findings = analysis.claims.filter((c) => c.severity === 'error' || (minRisk === undefined ? c.flagged : c.risk >= minRisk));
  return { path, config, analysis, findings, modelStats: scored?.modelStats };
}
