import { Worker } from 'node:worker_threads';
import type { FileAudit } from '../../../../protocol/claimFloorProtocol';
import type { DocumentInput, ServiceEvent } from '../analysisService';
import type { DocumentView } from '../documentView';
import type { AnalysisServiceApi, AuditedView, AuditSummary } from '../serviceApi';
import type { ServiceSettings } from '../serviceSettings';
import type { AnalysisWorkerData, FromAnalysisWorker, ToAnalysisWorker, WorkerMethod } from './workerMessages';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onFile?: (file: AuditedView, done: number, total: number) => void;
}

export interface WorkerServiceOptions {
  /** The bundled worker (dist/analysisWorker.js). */
  workerFile: string;
  data: AnalysisWorkerData;
  /** Heap limit of the worker: a document that would exhaust memory ends the worker, never the server. */
  maxHeapMb?: number;
  /** Waits before each restart of a crashed worker; after the last one it stays down. */
  restartDelaysMs?: number[];
}

/**
 * The analysis service in a worker thread, behind the same calls as in-process. A worker that
 * crashes (an exception, memory exhausted) fails the calls in flight, is started again after a
 * back-off with the settings, workspace and config buffers it had, and says so; the server itself
 * never goes down with it.
 */
export class WorkerService implements AnalysisServiceApi {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: Array<(event: ServiceEvent) => void> = [];
  private crashes = 0;
  private stopped = false;
  private restarting?: Promise<void>;
  /** The state a restarted worker is given again. */
  private readonly state: { settings?: ServiceSettings; roots?: string[]; buffers: Map<string, string> } = { buffers: new Map() };

  constructor(private readonly options: WorkerServiceOptions) {
    this.start();
  }

  configure(settings: ServiceSettings): Promise<void> {
    this.state.settings = settings;
    return this.call('configure', [settings]) as Promise<void>;
  }

  setWorkspace(roots: string[]): Promise<void> {
    this.state.roots = roots;
    return this.call('setWorkspace', [roots]) as Promise<void>;
  }

  filesChanged(changes: Array<{ path: string; deleted: boolean }>) {
    return this.call('filesChanged', [changes]) as Promise<'configuration' | 'index' | 'none'>;
  }

  setConfigBuffer(file: string, text: string | undefined): Promise<void> {
    if (text === undefined) this.state.buffers.delete(file);
    else this.state.buffers.set(file, text);
    return this.call('setConfigBuffer', [file, text]) as Promise<void>;
  }

  analyze(document: DocumentInput): Promise<DocumentView> {
    return this.call('analyze', [document]) as Promise<DocumentView>;
  }

  auditFile(document: DocumentInput, modelText: string): Promise<FileAudit> {
    return this.call('auditFile', [document, modelText]) as Promise<FileAudit>;
  }

  close(uri: string): Promise<void> {
    return this.call('close', [uri]) as Promise<void>;
  }

  auditFolder(folder: string, openDocuments: DocumentInput[], onFile: (file: AuditedView, done: number, total: number) => void, signal?: AbortSignal): Promise<AuditSummary> {
    const id = this.nextId++;
    signal?.addEventListener('abort', () => this.post({ kind: 'abort', id }), { once: true });
    return this.send(id, 'auditFolder', [folder, openDocuments], onFile) as Promise<AuditSummary>;
  }

  cancelProgress(id: 'index' | 'download'): Promise<void> {
    return this.call('cancelProgress', [id]) as Promise<void>;
  }

  onEvent(listener: (event: ServiceEvent) => void): void {
    this.listeners.push(listener);
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    // The service stops its scoring worker cleanly (after the inference in progress) and the
    // thread then ends by itself; terminating it mid-inference would abort the whole process.
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    await this.call('dispose', []).catch(() => undefined);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 45_000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') await worker.terminate();
    this.worker = undefined;
  }

  private start(): void {
    const worker = new Worker(this.options.workerFile, {
      workerData: this.options.data,
      resourceLimits: this.options.maxHeapMb ? { maxOldGenerationSizeMb: this.options.maxHeapMb } : undefined,
    });
    this.worker = worker;
    worker.on('message', (message: FromAnalysisWorker) => this.receive(message));
    worker.on('error', (error) => this.crashed(worker, error.message));
    worker.on('exit', (code) => this.crashed(worker, `the analysis worker exited with code ${code}`));
  }

  private receive(message: FromAnalysisWorker): void {
    if (message.kind === 'event') {
      for (const listener of this.listeners) listener(message.event);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'audited') {
      pending.onFile?.(message.file, message.done, message.total);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'result') pending.resolve(message.value);
    else pending.reject(new Error(message.message));
  }

  private call(method: WorkerMethod, params: unknown[]): Promise<unknown> {
    return this.send(this.nextId++, method, params);
  }

  private async send(id: number, method: WorkerMethod, params: unknown[], onFile?: Pending['onFile']): Promise<unknown> {
    await this.restarting;
    if (!this.worker) throw new Error(this.stopped ? 'ClaimFloor is shutting down.' : 'ClaimFloor’s analysis worker is not running.');
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onFile });
      this.post({ kind: 'call', id, method, params });
    });
  }

  private post(message: ToAnalysisWorker): void {
    this.worker?.postMessage(message);
  }

  private crashed(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const { reject } of this.pending.values()) reject(new Error(`ClaimFloor’s analysis stopped: ${reason}`));
    this.pending.clear();
    if (this.stopped) return;
    const delays = this.options.restartDelaysMs ?? [500, 2000, 10000];
    const emit = (event: ServiceEvent) => this.listeners.forEach((l) => l(event));
    if (this.crashes >= delays.length) {
      emit({ kind: 'log', level: 'error', message: `ClaimFloor: the analysis worker stopped ${this.crashes + 1} times (${reason}); ClaimFloor stays off until the window is reloaded.` });
      return;
    }
    emit({ kind: 'log', level: 'error', message: `ClaimFloor: the analysis worker stopped (${reason}); starting it again.` });
    const delay = delays[this.crashes++];
    this.restarting = new Promise<void>((r) => setTimeout(r, delay)).then(async () => {
      this.start();
      this.restarting = undefined;
      const { settings, roots, buffers } = this.state;
      for (const [file, text] of buffers) await this.setConfigBuffer(file, text);
      if (settings) await this.configure(settings);
      if (roots) await this.setWorkspace(roots);
      emit({ kind: 'invalidated', reason: 'the analysis worker was restarted' });
    });
    this.restarting.catch(() => undefined);
  }
}
