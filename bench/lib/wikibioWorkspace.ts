// The WikiBio passages as a writer's workspace on disk: `drafts/<id>.md` (the GPT-3 passage) and,
// with sources, `sources/<id>.txt` (the passage's Wikipedia text), audited as
// `claimfloor audit drafts/ [--sources sources/]` would audit them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AnalyzeOptions, type AssessedClaim, analyzeDocument, type ClaimFloorConfig } from '../../server/src/engine';
import type { CorpusContext } from '../../server/src/engine/reference/claimCorpusEvidence';
import { toDocumentPath } from '../../server/src/engine/reference/corpusDocument';
import { AnalysisService } from '../../server/src/service/analysisService';
import { type SentenceSpan, sentenceSpans, type WikiBioRow } from './wikibio';

export interface WikiBioWorkspace {
  root: string;
  /** Relative to `root`. */
  draftPath(row: WikiBioRow): string;
  sourceFolders: string[];
  /** The index `claimfloor audit` builds for these drafts and sources. */
  corpus: CorpusContext;
  remove(): void;
}

export async function writeWikiBioWorkspace(rows: readonly WikiBioRow[], sources: boolean): Promise<WikiBioWorkspace> {
  const root = mkdtempSync(join(tmpdir(), 'claimfloor-wikibio-'));
  mkdirSync(join(root, 'drafts'));
  if (sources) mkdirSync(join(root, 'sources'));
  const draftPath = (r: WikiBioRow) => join('drafts', `${r.id}.md`);
  for (const r of rows) {
    writeFileSync(join(root, draftPath(r)), draftText(r));
    if (sources) writeFileSync(join(root, 'sources', `${r.id}.txt`), `${r.wiki_bio_text}\n`);
  }
  const sourceFolders = sources ? ['sources'] : [];
  // The index `claimfloor audit drafts --sources sources` builds, from the same service.
  const service = new AnalysisService({ gazetteerDir: resolve('dist'), scoringWorkerFile: resolve('dist/scoringWorker.js') });
  await service.configure({ sources: sourceFolders.map((s) => join(root, s)), corpus: true, model: { enabled: false, allowDownload: false } });
  await service.indexFiles(rows.map((r) => join(root, draftPath(r))));
  const corpus = service.corpusFor(undefined)!;
  return { root, draftPath, sourceFolders, corpus, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export const draftText = (r: WikiBioRow) => `${r.gpt3_text}\n`;

/** The engine on each draft against the workspace index, as the CLI runs it, with chosen signals or settings. */
export function analyzeDrafts(workspace: WikiBioWorkspace, rows: readonly WikiBioRow[], config: ClaimFloorConfig, options: Pick<AnalyzeOptions, 'signals'> = {}): Map<number, AssessedClaim[]> {
  const claims = new Map<number, AssessedClaim[]>();
  for (const r of rows) {
    const documentId = toDocumentPath(join(workspace.root, workspace.draftPath(r)));
    claims.set(r.id, analyzeDocument(draftText(r), config, { ...options, corpus: { ...workspace.corpus, documentId } }).claims);
  }
  return claims;
}

export const overlaps = (c: AssessedClaim, s: SentenceSpan) => c.start < s.end && c.end > s.start;

/** The labelled sentence a claim sits in. */
export const claimSentence = (r: WikiBioRow, c: AssessedClaim) => sentenceSpans(r).find((s) => overlaps(c, s));
