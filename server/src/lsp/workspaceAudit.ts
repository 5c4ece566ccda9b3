import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { AuditSummary } from '../../../protocol/claimFloorProtocol';
import type { DocumentInput } from '../service/analysisService';
import type { AnalysisServiceApi } from '../service/serviceApi';
import { toDiagnostics } from './diagnostics';

/**
 * "Audit Claims in Workspace": the service audits the folder exactly as `claimfloor audit
 * <folder>` would (same file list, configs, index and model); open documents use their editor
 * text. Each file's diagnostics are published as it is done, so the Problems panel fills while
 * the user watches; cancelling stops between files.
 */
export async function auditWorkspace(connection: Connection, service: AnalysisServiceApi, folder: string, open: DocumentInput[], token: CancellationToken, docsUri: (type: string) => string): Promise<AuditSummary> {
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('ClaimFloor: auditing claims', 0, 'finding Markdown files', true);
  const controller = new AbortController();
  const cancel = () => controller.abort();
  token.onCancellationRequested(cancel);
  progress.token.onCancellationRequested(cancel);
  const versions = new Map(open.map((d) => [d.uri, d.version]));
  try {
    return await service.auditFolder(
      folder,
      open,
      (file, done, total) => {
        progress.report(Math.round((100 * done) / Math.max(total, 1)), `${done}/${total} ${file.path}`);
        if (!file.view) return;
        const version = versions.get(file.uri);
        void connection.sendDiagnostics({ uri: file.uri, version, diagnostics: toDiagnostics(file.view, version ?? 0, docsUri) });
      },
      controller.signal,
    );
  } finally {
    progress.done();
  }
}
