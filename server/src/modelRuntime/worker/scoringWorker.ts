import { parentPort } from 'node:worker_threads';
import { basename, dirname } from 'node:path';
import type { FromWorker, LoadSpec, ToWorker, WindowToScore, WorkerLimits } from './protocol';
import { Gpt2Scorer } from './gpt2Scorer';

/**
 * The worker thread that owns the model: the language server and the CLI never run a forward pass
 * on their own thread. Messages are handled one at a time, in order.
 */
const port = parentPort;
if (!port) throw new Error('scoringWorker must run in a worker thread');

let scorer: Gpt2Scorer | undefined;
const post = (message: FromWorker) => port.postMessage(message);

async function load(spec: LoadSpec, limits: WorkerLimits): Promise<void> {
  const started = performance.now();
  try {
    const transformers = await import('@huggingface/transformers');
    transformers.env.allowRemoteModels = false;
    transformers.env.localModelPath = dirname(spec.folder);
    const id = basename(spec.folder);
    const tokenizer = await transformers.AutoTokenizer.from_pretrained(id);
    const model = await transformers.AutoModelForCausalLM.from_pretrained(id, { dtype: spec.dtype, model_file_name: spec.modelFileName });
    scorer = new Gpt2Scorer(tokenizer, model, transformers.Tensor, limits);
    post({ kind: 'loaded', vocab: scorer.vocab, loadMs: performance.now() - started });
  } catch (error) {
    post({ kind: 'load-failed', message: error instanceof Error ? error.message : String(error) });
  }
}

async function score(id: number, windows: WindowToScore[]): Promise<void> {
  if (!scorer) return post({ kind: 'score-failed', id, message: 'The model is not loaded.' });
  try {
    const started = performance.now();
    const { scores, tokens } = await scorer.score(windows);
    post({ kind: 'scored', id, scores, tokens, forwardMs: performance.now() - started });
  } catch (error) {
    post({ kind: 'score-failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Ends the thread after the inference in progress: onnxruntime aborts the whole process
 * (`Napi::Error`, SIGABRT) when its thread is terminated while a session runs, so the main thread
 * asks, and this thread releases the session itself and closes its port.
 */
async function dispose(): Promise<void> {
  await scorer?.dispose().catch(() => undefined);
  scorer = undefined;
  post({ kind: 'disposed' });
  port!.close();
}

let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(() => (message.kind === 'load' ? load(message.spec, message.limits) : message.kind === 'score' ? score(message.id, message.windows) : dispose()));
});
