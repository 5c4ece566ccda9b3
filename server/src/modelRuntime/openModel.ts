import { storeIn } from '../files/cacheStore';
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
  onCacheWriteError?: (error: Error) => void;
}

/**
 * Resolves, loads and wraps the model, with its persistent score cache in the storage folder's cache store.
 * Never throws: a missing, corrupt or unloadable model becomes rules-only mode with the reason.
 */
export async function openModel(options: OpenModelOptions): Promise<{ scoring?: ModelScoring; status: ModelStatus }> {
  try {
    const model = await resolveModel(options);
    if (model.kind === 'none') return { status: { state: 'none', reason: model.reason } };
    const scorer = new TransformerScorer(model.spec, options.scorer);
    await scorer.load();
    const cache = new ScoreCache(model.identity.key, { directory: storeIn(options.storageDir), onWriteError: options.onCacheWriteError });
    return { scoring: new ModelScoring(model, scorer, cache), status: { state: 'ready', model, loadMs: scorer.loadMs } };
  } catch (error) {
    return { status: { state: 'failed', reason: error instanceof Error ? error.message : String(error) } };
  }
}
