import { join } from 'node:path';
import { ModelScoring } from './modelScoring';
import { type ResolvedModel, type ResolveOptions, resolveModel } from './resolveModel';
import { ScoreCache } from './scoreCache';
import { type ScorerOptions, TransformerScorer } from './transformerScorer';

/** What the status bar, the hover and the CLI say about the model. */
export type ModelStatus =
  | { state: 'ready'; model: ResolvedModel; loadMs: number }
  | { state: 'none'; reason: string }
  | { state: 'failed'; reason: string };

export interface OpenModelOptions extends ResolveOptions {
  scorer: ScorerOptions;
  /** Persistent score cache; memory only when absent. */
  cacheDir?: string;
  onCacheWriteError?: (error: Error) => void;
}

/**
 * Resolves, loads and wraps the model. Never throws: a missing, corrupt or unloadable model
 * becomes rules-only mode with the reason.
 */
export async function openModel(options: OpenModelOptions): Promise<{ scoring?: ModelScoring; status: ModelStatus }> {
  let model: Awaited<ReturnType<typeof resolveModel>>;
  try {
    model = await resolveModel(options);
  } catch (error) {
    return { status: { state: 'failed', reason: error instanceof Error ? error.message : String(error) } };
  }
  if (model.kind === 'none') return { status: { state: 'none', reason: model.reason } };
  const scorer = new TransformerScorer(model.spec, options.scorer);
  try {
    await scorer.load();
  } catch (error) {
    return { status: { state: 'failed', reason: error instanceof Error ? error.message : String(error) } };
  }
  const directory = options.cacheDir ? join(options.cacheDir, 'scores') : undefined;
  const cache = new ScoreCache(model.identity.key, { directory, onWriteError: options.onCacheWriteError });
  return { scoring: new ModelScoring(model, scorer, cache), status: { state: 'ready', model, loadMs: scorer.loadMs } };
}
