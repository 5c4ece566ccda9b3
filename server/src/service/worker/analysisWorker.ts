import { parentPort, workerData } from 'node:worker_threads';
import { InProcessService } from '../inProcessService';
import type { AnalysisServiceApi } from '../serviceApi';
import { type AnalysisWorkerData, type FromAnalysisWorker, type ToAnalysisWorker, WORKER_METHODS } from './workerMessages';

/**
 * The analysis worker: the language server's engine, index and model live here, so nothing they
 * do (a huge document, a long index build) can keep the server's thread from answering hovers,
 * quick fixes and cancellations.
 */
const port = parentPort;
if (!port) throw new Error('analysisWorker must run in a worker thread');

const service = new InProcessService(workerData as AnalysisWorkerData);
const post = (message: FromAnalysisWorker) => port.postMessage(message);
const aborts = new Map<number, AbortController>();

service.onEvent((event) => post({ kind: 'event', event }));

async function call(id: number, method: (typeof WORKER_METHODS)[number], params: unknown[]): Promise<unknown> {
  if (method === 'auditFolder') {
    const [folder, open] = params as Parameters<AnalysisServiceApi['auditFolder']>;
    const controller = new AbortController();
    aborts.set(id, controller);
    try {
      return await service.auditFolder(folder, open, (file, done, total) => post({ kind: 'audited', id, file, done, total }), controller.signal);
    } finally {
      aborts.delete(id);
    }
  }
  const target = service[method] as (...args: unknown[]) => Promise<unknown>;
  return target.apply(service, params);
}

port.on('message', (message: ToAnalysisWorker) => {
  if (message.kind === 'abort') {
    aborts.get(message.id)?.abort();
    return;
  }
  if (!WORKER_METHODS.includes(message.method)) {
    post({ kind: 'error', id: message.id, message: `unknown method ${String(message.method)}` });
    return;
  }
  call(message.id, message.method, message.params).then(
    (value) => {
      post({ kind: 'result', id: message.id, value });
      // Disposed: nothing is left to do, so the thread ends by itself.
      if (message.method === 'dispose') port.close();
    },
    (error: unknown) => post({ kind: 'error', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
