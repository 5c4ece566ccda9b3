import { dirname } from 'node:path';
import { LRUCache } from 'lru-cache';
import { URI } from 'vscode-uri';
import { analyzeDocument, type BlockClaims, type ClaimFloorConfig, ConfigLoader, type DocumentAnalysis, findConfigFile, resolveConfig } from '../engine';
import { LineIndex } from '../engine/text/lineIndex';
import type { ScoringWindow } from '../engine/lmFeatures/scoringWindow';
import type { ModelScoring } from '../modelRuntime/modelScoring';
import type { CorpusContext } from '../engine/reference/claimCorpusEvidence';
import type { EditorSettings } from './settings';

export interface AnalysedDocument {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  analysis: DocumentAnalysis;
  config: ClaimFloorConfig;
  /** Sentences the model has not scored yet; the server scores them off-thread and analyses again. */
  unscored: ScoringWindow[];
}

/**
 * Runs the engine for editor documents: finds each document's `.claimfloor.json`, applies the
 * editor's size cap, and keeps one LRU of paragraph results per document so an edit re-analyses
 * only the paragraphs that changed.
 */
export class DocumentAnalyzer {
  private readonly loader = new ConfigLoader();
  private readonly blockCaches = new Map<string, LRUCache<string, BlockClaims>>();
  readonly latest = new Map<string, AnalysedDocument>();

  configFileFor(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? findConfigFile(dirname(parsed.fsPath)) : undefined;
  }

  /** Re-reads configuration files (after one changed on disk). */
  reloadConfig(): void {
    this.loader.clear();
  }

  /** The configuration that governs a document; an invalid file falls back to the defaults with a problem to show. */
  configFor(uri: string): { config: ClaimFloorConfig; problem?: string } {
    const file = this.configFileFor(uri);
    try {
      return { config: file ? this.loader.load(file) : resolveConfig() };
    } catch (error) {
      return { config: resolveConfig(), problem: `${(error as Error).message}\nUsing the default configuration until it is fixed.` };
    }
  }

  /** Synchronous: uses the model's scores that are already in memory and lists the sentences still to score. */
  analyse(uri: string, version: number, text: string, settings: EditorSettings, scoring?: ModelScoring, corpus?: CorpusContext): AnalysedDocument {
    const { config: base, problem } = this.configFor(uri);
    const config: ClaimFloorConfig = { ...base, limits: { ...base.limits, maxChars: Math.min(base.limits.maxChars, settings.maxFileChars) } };
    let cache = this.blockCaches.get(uri);
    if (!cache) {
      cache = new LRUCache<string, BlockClaims>({ max: 2000 });
      this.blockCaches.set(uri, cache);
    }
    const { analysis, unscored } = scoring ? scoring.analyzeWithCachedScores(text, config, { cache, corpus }) : { analysis: analyzeDocument(text, config, { cache, corpus }), unscored: [] };
    if (problem) analysis.notices.unshift({ severity: 'error', message: problem });
    const result: AnalysedDocument = { uri, version, text, lines: new LineIndex(text), analysis, config, unscored };
    this.latest.set(uri, result);
    return result;
  }

  forget(uri: string): void {
    this.latest.delete(uri);
    this.blockCaches.delete(uri);
  }
}
