import type { FileAudit } from '../../../protocol/claimFloorProtocol';
import { fileAudit } from '../output/fileAudit';
import { AnalysisService, type DocumentInput, type ServiceEvent, type ServiceOptions } from './analysisService';
import { documentView } from './documentView';
import type { AnalysisServiceApi, AuditedView, AuditSummary } from './serviceApi';
import type { ServiceSettings } from './serviceSettings';

/** The analysis service on the caller's own thread: the worker hosts one of these, and so can tests. */
export class InProcessService implements AnalysisServiceApi {
  private readonly service: AnalysisService;
  private readonly listeners: Array<(event: ServiceEvent) => void> = [];

  constructor(options: Omit<ServiceOptions, 'onEvent'>) {
    this.service = new AnalysisService({ ...options, onEvent: (event) => this.listeners.forEach((l) => l(event)) });
  }

  async configure(settings: ServiceSettings): Promise<void> {
    await this.service.configure(settings);
  }

  async setWorkspace(roots: string[]): Promise<void> {
    this.service.setWorkspace(roots);
  }

  async filesChanged(changes: Array<{ path: string; deleted: boolean }>) {
    return this.service.filesChanged(changes);
  }

  async setConfigBuffer(file: string, text: string | undefined): Promise<void> {
    this.service.setConfigBuffer(file, text);
  }

  async analyze(document: DocumentInput) {
    return documentView(this.service.analyze(document, { background: true }));
  }

  async auditFile(document: DocumentInput, modelText: string): Promise<FileAudit> {
    return fileAudit(document, this.service.analyze(document, { background: true }), modelText);
  }

  async close(uri: string): Promise<void> {
    this.service.close(uri);
  }

  async auditFolder(folder: string, openDocuments: DocumentInput[], onFile: (file: AuditedView, done: number, total: number) => void, signal?: AbortSignal): Promise<AuditSummary> {
    const open = new Map(openDocuments.map((d) => [d.uri, d]));
    const { drafts: files } = this.service.draftsAmong((await this.service.auditList(['.'], folder)).files, folder);
    let done = 0;
    let claims = 0;
    for await (const file of this.service.audit(files, folder, { openText: (uri) => open.get(uri), signal })) {
      done++;
      claims += file.result?.analysis.claims.length ?? 0;
      onFile({ path: file.path, uri: file.uri, view: file.result && documentView(file.result), error: file.error }, done, files.length);
      // Between files, so a cancellation (or any other request) is read.
      await new Promise((r) => setImmediate(r));
    }
    return { files: done, claims, cancelled: signal?.aborted === true };
  }

  async cancelProgress(id: 'index' | 'download'): Promise<void> {
    this.service.cancelProgress(id);
  }

  onEvent(listener: (event: ServiceEvent) => void): void {
    this.listeners.push(listener);
  }

  async dispose(): Promise<void> {
    await this.service.dispose();
  }
}
