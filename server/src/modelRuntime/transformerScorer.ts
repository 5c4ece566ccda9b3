import { Worker } from 'node:worker_threads';
import type { SentenceScores } from '../engine';
import type { FromWorker, LoadSpec, ToWorker, WindowToScore, WorkerLimits } from './worker/protocol';

export const DEFAULT_WORKER_LIMITS: WorkerLimits = { maxTokens: 256, maxBatchTokens: 1024 };

export interface ScorerOptions {
  /** The bundled worker script (dist/scoringWorker.js). */
  workerFile: string;
  limits?: WorkerLimits;
  /** Windows per message to the worker: the granularity at which a stale request can be dropped. */
  windowsPerMessage?: number;
  /** Waits before restarting a crashed worker; after the last one the scorer gives up. */
  restartDelaysMs?: number[];
  /** How long a disposed worker may take to finish its batch before it is terminated. */
  disposeTimeoutMs?: number;
}

export class AbortedError extends Error {
  constructor() {
    super('The scoring request was cancelled.');
    this.name = 'AbortError';
  }
}

type Pending = { resolve: (message: FromWorker) => void; reject: (error: Error) => void };

/**
 * The main-thread side of the scoring worker: loads the model in a worker thread, sends it
 * sentences in small messages, drops the rest of a request once its AbortSignal fires, and
 * restarts a crashed worker with back-off.
 */
export class TransformerScorer {
  private worker: Worker | undefined;
  private loading: Promise<void> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes = 0;
  private failure: string | undefined;
  loadMs = 0;
  vocab = 0;
  /** Tokens fed to the model so far (with padding excluded), for throughput figures. */
  tokensScored = 0;

  constructor(
    private readonly spec: LoadSpec,
    private readonly options: ScorerOptions,
  ) {}

  /** Starts the worker and loads the model; rejects with the loader's message on failure. */
  load(): Promise<void> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    this.loading ??= this.start().catch((error: Error) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  async score(windows: readonly WindowToScore[], signal?: AbortSignal): Promise<SentenceScores[]> {
    const size = this.options.windowsPerMessage ?? 16;
    const results: SentenceScores[] = [];
    for (let i = 0; i < windows.length; i += size) {
      if (signal?.aborted) throw new AbortedError();
      await this.load();
      const id = this.nextId++;
      const reply = await this.request({ kind: 'score', id, windows: windows.slice(i, i + size) }, id);
      if (reply.kind === 'score-failed') throw new Error(reply.message);
      if (reply.kind === 'scored') {
        results.push(...reply.scores);
        this.tokensScored += reply.tokens;
      }
    }
    return results;
  }

  /**
   * Stops the worker without killing a running inference: the worker finishes its batch, releases
   * the model and ends itself. Only a worker that does not answer within `disposeTimeoutMs` (a
   * wedged thread) is terminated.
   */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.loading = undefined;
    this.failure = 'The scorer was shut down.';
    for (const { reject } of this.pending.values()) reject(new AbortedError());
    this.pending.clear();
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'dispose' } satisfies ToWorker);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.options.disposeTimeoutMs ?? 30_000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') await worker.terminate();
  }

  private async start(): Promise<void> {
    const worker = new Worker(this.options.workerFile);
    this.worker = worker;
    worker.on('message', (message: FromWorker) => {
      const key = message.kind === 'scored' || message.kind === 'score-failed' ? message.id : 0;
      this.pending.get(key)?.resolve(message);
      this.pending.delete(key);
    });
    worker.on('error', (error) => this.crashed(worker, error.message));
    worker.on('exit', (code) => this.crashed(worker, `The scoring worker exited with code ${code}.`));
    const reply = await this.request({ kind: 'load', spec: this.spec, limits: this.options.limits ?? DEFAULT_WORKER_LIMITS }, 0);
    if (reply.kind === 'load-failed') {
      this.failure = `The model in ${this.spec.folder} could not be loaded: ${reply.message}`;
      this.worker = undefined;
      await worker.terminate();
      throw new Error(this.failure);
    }
    if (reply.kind === 'loaded') {
      this.loadMs = reply.loadMs;
      this.vocab = reply.vocab;
    }
  }

  private request(message: ToWorker, id: number): Promise<FromWorker> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('The scoring worker is not running.'));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  /** Fails what was in flight; the next request restarts the worker after a delay, a bounded number of times. */
  private crashed(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const { reject } of this.pending.values()) reject(new Error(reason));
    this.pending.clear();
    const delays = this.options.restartDelaysMs ?? [1000, 5000, 30000];
    if (this.crashes >= delays.length) {
      this.failure = `${reason} It crashed ${this.crashes + 1} times; scoring stays off until the model is reloaded.`;
      this.loading = undefined;
      return;
    }
    const delay = delays[this.crashes++];
    this.loading = new Promise((resolve) => setTimeout(resolve, delay)).then(() => this.start());
    this.loading.catch(() => undefined);
  }
}
