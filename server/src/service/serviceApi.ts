import type { FileAudit } from '../../../protocol/claimFloorProtocol';
import type { DocumentInput, ServiceEvent } from './analysisService';
import type { DocumentView } from './documentView';
import type { ServiceSettings } from './serviceSettings';

/** A file of a folder audit, as the language server publishes it. */
export interface AuditedView {
  path: string;
  uri: string;
  view?: DocumentView;
  error?: string;
}

export interface AuditSummary {
  files: number;
  claims: number;
  cancelled: boolean;
}

/**
 * The analysis service as an adapter that does not own it sees it: every call asynchronous, every
 * value plain data. The language server talks to it in-process (tests) or through a worker thread
 * (the editor), with the same calls.
 */
export interface AnalysisServiceApi {
  configure(settings: ServiceSettings): Promise<void>;
  setWorkspace(roots: string[]): Promise<void>;
  /** File events; says whether configuration (and so every result) changed, or only the index. */
  filesChanged(changes: Array<{ path: string; deleted: boolean }>): Promise<'configuration' | 'index' | 'none'>;
  /** The unsaved text of an open `.claimfloor.json` (undefined once it is saved or closed). */
  setConfigBuffer(file: string, text: string | undefined): Promise<void>;
  /** One engine pass with the scores known so far; a `scored` event follows when the model has scored the rest. */
  analyze(document: DocumentInput): Promise<DocumentView>;
  /** The report of one document ("Audit Claims in Current File"), with its SARIF export. */
  auditFile(document: DocumentInput, modelText: string): Promise<FileAudit>;
  close(uri: string): Promise<void>;
  /** Audits a folder as `claimfloor audit <folder>` would, calling `onFile` as each file is done. */
  auditFolder(folder: string, openDocuments: DocumentInput[], onFile: (file: AuditedView, done: number, total: number) => void, signal?: AbortSignal): Promise<AuditSummary>;
  cancelProgress(id: 'index' | 'download'): Promise<void>;
  onEvent(listener: (event: ServiceEvent) => void): void;
  dispose(): Promise<void>;
}
