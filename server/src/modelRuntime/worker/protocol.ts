import type { SentenceScores } from '../../engine';

/** How the worker loads a transformers.js model folder. */
export interface LoadSpec {
  /** Absolute path of the model folder (config.json, tokenizer.json, onnx/…). */
  folder: string;
  /** transformers.js `model_file_name` (e.g. "decoder_model_merged"). */
  modelFileName: string;
  /** transformers.js `dtype` (e.g. "q8" → `<name>_quantized.onnx`, "fp32" → `<name>.onnx`). */
  dtype: 'fp32' | 'q8';
}

export interface WorkerLimits {
  /** Longest token sequence fed to the model; context is cut from the left to fit. */
  maxTokens: number;
  /** Upper bound on batch × padded length, which bounds the [batch, length, vocab] logits in memory. */
  maxBatchTokens: number;
}

export interface WindowToScore {
  text: string;
  scoreFrom: number;
  /** Ranges of `text` whose tokens get statistics; the model still reads the whole window. */
  spans: Array<{ start: number; end: number }>;
}

export type ToWorker =
  | { kind: 'load'; spec: LoadSpec; limits: WorkerLimits }
  | { kind: 'score'; id: number; windows: WindowToScore[] }
  /** Finish what is running, release the model, then end the thread (never terminated mid-inference). */
  | { kind: 'dispose' };

export type FromWorker =
  | { kind: 'loaded'; vocab: number; loadMs: number }
  | { kind: 'load-failed'; message: string }
  | { kind: 'scored'; id: number; scores: SentenceScores[]; tokens: number; forwardMs: number }
  | { kind: 'score-failed'; id: number; message: string }
  | { kind: 'disposed' };
