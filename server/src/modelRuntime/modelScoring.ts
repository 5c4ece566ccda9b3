import type { ScoringWindow, SentenceScores } from '../engine';
import type { ResolvedModel } from './resolveModel';
import type { ScoreCache } from './scoreCache';
import type { TransformerScorer } from './transformerScorer';

export interface ScoringStats {
  windows: number;
  cacheHits: number;
  scored: number;
}

/** A loaded model with its score cache: what the analysis service scores sentences with. */
export class ModelScoring {
  constructor(
    readonly model: ResolvedModel,
    private readonly scorer: TransformerScorer,
    private readonly cache: ScoreCache,
  ) {}

  /** Scores already in memory, synchronously: what an analysis can use without waiting. */
  known(window: ScoringWindow): SentenceScores | undefined {
    return this.cache.peek(window);
  }

  /**
   * Makes every window's scores known: from the disk cache where possible, the rest from the
   * worker in one request. Afterwards `known` answers for each of them.
   */
  async score(windows: readonly ScoringWindow[], signal?: AbortSignal): Promise<ScoringStats> {
    const found = await Promise.all(windows.map((w) => this.cache.get(w)));
    const missing = windows.filter((_, i) => !found[i]);
    if (missing.length > 0) {
      const fresh = await this.scorer.score(missing, signal);
      missing.forEach((w, i) => this.cache.set(w, fresh[i]));
    }
    return { windows: windows.length, cacheHits: windows.length - missing.length, scored: missing.length };
  }

  flush(): Promise<void> {
    return this.cache.flush();
  }

  dispose(): Promise<void> {
    return this.scorer.dispose();
  }
}
