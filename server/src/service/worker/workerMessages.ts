import type { ServiceEvent, ServiceOptions } from '../analysisService';
import type { AuditedView } from '../serviceApi';

/** What the language server's thread tells the analysis worker. */
export type ToAnalysisWorker = { kind: 'call'; id: number; method: WorkerMethod; params: unknown[] } | { kind: 'abort'; id: number };

/** What the analysis worker answers, and what it reports unasked. */
export type FromAnalysisWorker =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'event'; event: ServiceEvent }
  | { kind: 'audited'; id: number; file: AuditedView; done: number; total: number };

/** The service calls that cross the thread boundary (everything of AnalysisServiceApi but the listener and the audit's callback). */
export const WORKER_METHODS = ['configure', 'setWorkspace', 'filesChanged', 'setConfigBuffer', 'analyze', 'auditFile', 'close', 'auditFolder', 'cancelProgress', 'dispose'] as const;
export type WorkerMethod = (typeof WORKER_METHODS)[number];

/** `workerData` of the analysis worker. */
export type AnalysisWorkerData = Omit<ServiceOptions, 'onEvent'>;
