import type { Claim } from './claims/claim';
import { type BlockCache, extractClaims } from './claims/extractClaims';
import type { ClaimFloorConfig, Severity } from './config/config';
import { type ClaimCorpusEvidence, type CorpusContext, corpusEvidenceFor } from './reference/claimCorpusEvidence';
import { draftReferences } from './reference/draftReferences';
import { extractProse } from './markdown/extractProse';
import { claimModelFeatures, type SlotModelFeatures } from './lmFeatures/slotFeatures';
import { type ScoringWindow, scoringWindow, windowKey } from './lmFeatures/scoringWindow';
import type { SurprisalCalibration } from './lmFeatures/surprisalCalibration';
import type { ModelIdentity, SentenceScores } from './lmFeatures/tokenScores';
import type { Notice } from './notice';
import type { ClaimContext, RiskSignal } from './risk/evidence';
import { assessRisk, type RiskAssessment } from './risk/riskModel';
import { ENGINE_SIGNALS } from './risk/rulesSignals';
import { applyDirectives } from './suppressions/applyDirectives';
import { LineIndex } from './text/lineIndex';
import { isBelowConfidenceTarget } from './theory/confidenceTarget';
import { type FloorReading, floorFor } from './theory/typeFloor';

export interface AssessedClaim extends Claim, RiskAssessment {
  /** `error` for a certain finding, the type's severity below the confidence target, else `hint`. */
  severity: Severity;
  /** Whether P(correct) = 1 − risk is below the type's confidence target t. */
  flagged: boolean;
  floor: FloorReading;
  verified?: { by: 'comment' | 'allow-list'; note?: string };
  /** What the language model measured on the claim's slots, when one scored its sentence. */
  model?: { name: string; features: SlotModelFeatures[] };
  /** Occurrences in the workspace, subject popularity and grounding, when analysed against a corpus. */
  corpus?: ClaimCorpusEvidence;
}

export interface DocumentAnalysis {
  claims: AssessedClaim[];
  notices: Notice[];
  /** The sentences a language model should score, one per sentence with claims; empty unless `AnalyzeOptions.model` is given. */
  scoringWindows: ScoringWindow[];
  stats: {
    characters: number;
    analysedCharacters: number;
    sentences: number;
    /** Sentences that assert nothing (questions, instructions, opinions, hedged statements). */
    nonClaimSentences: number;
    /** Claims hidden by comments or disabled types. */
    suppressedClaims: number;
  };
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

function severityOf(assessment: RiskAssessment, flagged: boolean, configured: Severity): Severity {
  if (assessment.certain && assessment.risk === 1) return 'error';
  return flagged ? configured : 'hint';
}

/**
 * The engine's entry point: Markdown text in, assessed claims out. Pure (no I/O), so the CLI,
 * the language server and tests share it. Never throws on any input string.
 */
export interface AnalyzeOptions {
  signals?: readonly RiskSignal[];
  /** Reuses the claims of unchanged paragraphs between runs on the same document. */
  cache?: BlockCache;
  /**
   * Token scores from a language model for this document's scoring windows, keyed by `windowKey`.
   * The model runs elsewhere (asynchronously, off the editor's thread): a first analysis with an
   * empty map yields the windows to score, a second one uses the scores.
   */
  model?: { identity: ModelIdentity; scores: ReadonlyMap<string, SentenceScores>; calibration?: SurprisalCalibration };
  /** The workspace index and the writer's sources: rarity and grounding evidence. */
  corpus?: CorpusContext;
}

export function analyzeDocument(source: string, config: ClaimFloorConfig, { signals = ENGINE_SIGNALS, cache, model, corpus }: AnalyzeOptions = {}): DocumentAnalysis {
  const notices: Notice[] = [];
  let text = source;
  if (source.length > config.limits.maxChars) {
    text = source.slice(0, config.limits.maxChars);
    notices.push({
      severity: 'warning',
      message: `Only the first ${config.limits.maxChars.toLocaleString('en-US')} of ${source.length.toLocaleString('en-US')} characters were checked (limits.maxChars).`,
      start: config.limits.maxChars,
      end: source.length,
    });
  }
  if (text.includes('\uFFFD')) {
    notices.push({ severity: 'warning', message: 'The file contains invalid UTF-8 (shown as �); those characters were checked as-is.' });
  }
  const lines = new LineIndex(source);
  const prose = extractProse(text);
  notices.push(...prose.notices);
  const { sentences, skippedLongSentences } = extractClaims(prose, lines, config.limits, cache);
  if (skippedLongSentences > 0) {
    notices.push({
      severity: 'information',
      message: `${skippedLongSentences} sentence${skippedLongSentences === 1 ? ' was' : 's were'} longer than ${config.limits.maxSentenceChars} characters and not checked (limits.maxSentenceChars).`,
    });
  }
  const all = sentences.flatMap((s) => s.claims);
  const windows = new Map<number, ScoringWindow>();
  if (model) {
    for (const s of sentences) {
      if (s.claims.length > 0) windows.set(s.start, scoringWindow(prose.blocks[s.block], s.start, s.end, s.claims.flatMap((c) => c.slots)));
    }
  }
  const statuses = applyDirectives(all, prose.directives, text, lines);
  const allowed = new Set(config.allow.map(normalise));
  const claims: AssessedClaim[] = [];
  const corpusEvidence = corpus && corpusEvidenceFor(corpus, draftReferences(text, corpus.documentId));
  let suppressedClaims = 0;
  all.forEach((claim, i) => {
    const settings = config.types[claim.type];
    if (!settings.enabled || statuses[i].disabled) {
      suppressedClaims++;
      return;
    }
    const byComment = statuses[i].verified;
    const byAllowList = allowed.size > 0 && (allowed.has(normalise(claim.text)) || claim.slots.some((s) => allowed.has(normalise(s.text))));
    const verification: ClaimContext['verification'] = byComment ? { by: 'comment', note: byComment.note } : byAllowList ? { by: 'allow-list' } : undefined;
    const window = windows.get(claim.start);
    const scores = model && window ? model.scores.get(windowKey(window)) : undefined;
    const modelContext = model && window && scores ? { identity: model.identity, features: claimModelFeatures(claim, window, scores), calibration: model.calibration } : undefined;
    const found = corpusEvidence?.(claim);
    const assessment = assessRisk(claim, signals, { config, verification, model: modelContext, corpus: found });
    const flagged = isBelowConfidenceTarget(assessment.risk, settings.threshold);
    claims.push({
      ...claim,
      ...assessment,
      flagged,
      severity: severityOf(assessment, flagged, settings.severity),
      floor: floorFor(claim, config, found?.typeRate),
      verified: verification,
      model: modelContext && { name: modelContext.identity.name, features: modelContext.features },
      corpus: found,
    });
  });
  return {
    claims,
    notices,
    scoringWindows: [...windows.values()],
    stats: {
      characters: source.length,
      analysedCharacters: text.length,
      sentences: sentences.length,
      nonClaimSentences: sentences.filter((s) => s.nonClaim).length,
      suppressedClaims,
    },
  };
}
