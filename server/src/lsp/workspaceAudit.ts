import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { DocumentAnalyzer, AnalysedDocument } from './documentAnalyzer';
import type { EditorSettings } from './settings';

export interface WorkspaceAuditProgress {
  report(done: number, total: number, path: string): void;
  readonly cancelled: boolean;
}

/**
 * Checks every Markdown file under the workspace folder (open documents use their editor text),
 * publishing each file's diagnostics as it goes so the Problems panel fills while the user watches.
 * Stops between files when cancelled.
 */
export async function auditWorkspace(folder: string, analyzer: DocumentAnalyzer, settings: EditorSettings, openText: (uri: string) => { version: number; text: string } | undefined, publish: (r: AnalysedDocument) => void, progress: WorkspaceAuditProgress): Promise<{ files: number; claims: number; cancelled: boolean }> {
  const files = await glob('**/*.{md,markdown,mdx}', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
  let claims = 0;
  for (const [i, file] of files.entries()) {
    if (progress.cancelled) return { files: i, claims, cancelled: true };
    progress.report(i, files.length, file);
    const uri = URI.file(file).toString();
    const open = openText(uri);
    let text: string;
    try {
      text = open?.text ?? readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const result = analyzer.analyse(uri, open?.version ?? 0, text, settings);
    claims += result.analysis.claims.length;
    publish(result);
    // Yield so a cancellation request can be read between files.
    await new Promise((r) => setImmediate(r));
  }
  return { files: files.length, claims, cancelled: false };
}
