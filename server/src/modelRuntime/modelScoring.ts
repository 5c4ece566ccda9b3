import { analyzeDocument, type AnalyzeOptions, type DocumentAnalysis } from '../engine/analyzeDocument';
import type { ClaimFloorConfig } from '../engine/config/config';
import { type ScoringWindow, windowKey } from '../engine/lmFeatures/scoringWindow';
import type { SentenceScores } from '../engine/lmFeatures/tokenScores';
import type { ResolvedModel } from './resolveModel';
import type { ScoreCache } from './scoreCache';
import type { TransformerScorer } from './transformerScorer';

export interface ScoringStats {
  windows: number;
  cacheHits: number;
  scored: number;
}

export interface ModelAnalysis extends DocumentAnalysis {
  modelStats: ScoringStats;
}

/** Splits windows into the scores found for them (keyed for the engine) and the ones with none. */
function partition(windows: ScoringWindow[], found: Array<SentenceScores | undefined>): { scores: Map<string, SentenceScores>; missing: ScoringWindow[] } {
  const scores = new Map<string, SentenceScores>();
  const missing = windows.filter((w, i) => {
    const hit = found[i];
    if (hit) scores.set(windowKey(w), hit);
    return !hit;
  });
  return { scores, missing };
}

/** A loaded model with its cache: what the CLI and the language server share. */
export class ModelScoring {
  constructor(
    readonly model: ResolvedModel,
    private readonly scorer: TransformerScorer,
    private readonly cache: ScoreCache,
  ) {}

  /**
   * Synchronous, for the editor: the analysis with the scores already in memory, and the sentences
   * still to score (off-thread, with `scores`).
   */
  analyzeWithCachedScores(text: string, config: ClaimFloorConfig, options: Omit<AnalyzeOptions, 'model'> = {}): { analysis: DocumentAnalysis; unscored: ScoringWindow[] } {
    const first = this.firstPass(text, config, options);
    const { scores, missing } = partition(first.scoringWindows, first.scoringWindows.map((w) => this.cache.peek(w)));
    return { analysis: scores.size > 0 ? this.withScores(text, config, options, scores) : first, unscored: missing };
  }

  /** Scores for each window, from the cache where possible; the rest go to the worker in one request. */
  async scores(windows: ScoringWindow[], signal?: AbortSignal): Promise<{ scores: Map<string, SentenceScores>; stats: ScoringStats }> {
    const { scores, missing } = partition(windows, await Promise.all(windows.map((w) => this.cache.get(w))));
    if (missing.length > 0) {
      const fresh = await this.scorer.score(missing, signal);
      missing.forEach((w, i) => {
        scores.set(windowKey(w), fresh[i]);
        this.cache.set(w, fresh[i]);
      });
    }
    return { scores, stats: { windows: windows.length, cacheHits: windows.length - missing.length, scored: missing.length } };
  }

  /** The engine's analysis with the model's evidence: one pass to find the sentences, one to use their scores. */
  async analyze(text: string, config: ClaimFloorConfig, options: Omit<AnalyzeOptions, 'model'> = {}, signal?: AbortSignal): Promise<ModelAnalysis> {
    const { scores, stats } = await this.scores(this.firstPass(text, config, options).scoringWindows, signal);
    return { ...this.withScores(text, config, options, scores), modelStats: stats };
  }

  private firstPass(text: string, config: ClaimFloorConfig, options: Omit<AnalyzeOptions, 'model'>): DocumentAnalysis {
    // The first pass only finds the sentences to score; corpus lookups wait for the second.
    return analyzeDocument(text, config, { ...options, corpus: undefined, model: { identity: this.model.identity, scores: new Map() } });
  }

  private withScores(text: string, config: ClaimFloorConfig, options: Omit<AnalyzeOptions, 'model'>, scores: Map<string, SentenceScores>): DocumentAnalysis {
    return analyzeDocument(text, config, { ...options, model: { identity: this.model.identity, scores, calibration: this.model.calibration } });
  }

  flush(): Promise<void> {
    return this.cache.flush();
  }

  dispose(): Promise<void> {
    return this.scorer.dispose();
  }
}
