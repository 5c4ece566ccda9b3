import { resolve } from 'node:path';
import { URI } from 'vscode-uri';
import { collectFiles, isIgnored } from '../files/collectFiles';
import { readDocument } from '../files/readDocument';
import type { AnalysedDocument, DocumentAnalyzer } from './documentAnalyzer';
import type { EditorSettings } from './settings';

export interface WorkspaceAuditProgress {
  report(done: number, total: number, path: string): void;
  readonly cancelled: boolean;
}

/**
 * Checks the workspace's Markdown files exactly as `claimfloor audit <folder>` would (same file
 * list, `ignore` globs, binary skipping and decoding); open documents use their editor text. Each
 * file's diagnostics are published as it goes, so the Problems panel fills while the user watches.
 * Stops between files when cancelled.
 */
export async function auditWorkspace(folder: string, analyzer: DocumentAnalyzer, settings: EditorSettings, openText: (uri: string) => { version: number; text: string } | undefined, publish: (r: AnalysedDocument) => void, progress: WorkspaceAuditProgress): Promise<{ files: number; claims: number; cancelled: boolean }> {
  const uriOf = (file: string) => URI.file(resolve(folder, file)).toString();
  const files = (await collectFiles(['.'], folder)).files.filter((file) => !isIgnored(file, analyzer.configFor(uriOf(file)).config, folder));
  let claims = 0;
  for (const [i, file] of files.entries()) {
    if (progress.cancelled) return { files: i, claims, cancelled: true };
    progress.report(i, files.length, file);
    const path = resolve(folder, file);
    const uri = uriOf(file);
    const open = openText(uri);
    let text: string;
    if (open) text = open.text;
    else {
      const read = readDocument(path);
      if (!read.ok) continue;
      text = read.text;
    }
    const result = analyzer.analyse(uri, open?.version ?? 0, text, settings);
    claims += result.analysis.claims.length;
    publish(result);
    // Files that are not open keep no cache, so memory stays bounded in a large workspace.
    if (!open) analyzer.forget(uri);
    // Yield so a cancellation request can be read between files.
    await new Promise((r) => setImmediate(r));
  }
  return { files: files.length, claims, cancelled: false };
}
