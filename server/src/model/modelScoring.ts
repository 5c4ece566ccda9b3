import { analyzeDocument, type AnalyzeOptions, type DocumentAnalysis } from '../engine/analyzeDocument';
import type { ClaimFloorConfig } from '../engine/config/config';
import { windowKey } from '../engine/model/scoringWindow';
import type { SentenceScores } from '../engine/model/tokenScores';
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

/** A loaded model with its cache: what the CLI and the language server share. */
export class ModelScoring {
  constructor(
    readonly model: ResolvedModel,
    private readonly scorer: TransformerScorer,
    private readonly cache: ScoreCache,
  ) {}

  /** The scores already in memory, and the windows still to score; synchronous, for the editor's first pass. */
  cachedScores(windows: DocumentAnalysis['scoringWindows']): { scores: Map<string, SentenceScores>; missing: DocumentAnalysis['scoringWindows'] } {
    const scores = new Map<string, SentenceScores>();
    const missing = windows.filter((w) => {
      const hit = this.cache.peek(w);
      if (hit) scores.set(windowKey(w), hit);
      return !hit;
    });
    return { scores, missing };
  }

  /** Scores for each window, from the cache where possible; the rest go to the worker in one request. */
  async scores(windows: DocumentAnalysis['scoringWindows'], signal?: AbortSignal): Promise<{ scores: Map<string, SentenceScores>; stats: ScoringStats }> {
    const scores = new Map<string, SentenceScores>();
    const cached = await Promise.all(windows.map((w) => this.cache.get(w)));
    const missing = windows.filter((w, i) => {
      const hit = cached[i];
      if (hit) scores.set(windowKey(w), hit);
      return !hit;
    });
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
    const identity = this.model.identity;
    const first = analyzeDocument(text, config, { ...options, model: { identity, scores: new Map() } });
    const { scores, stats } = await this.scores(first.scoringWindows, signal);
    const analysis = analyzeDocument(text, config, { ...options, model: { identity, scores, calibration: this.model.calibration } });
    return { ...analysis, modelStats: stats };
  }

  flush(): Promise<void> {
    return this.cache.flush();
  }

  dispose(): Promise<void> {
    return this.scorer.dispose();
  }
}
