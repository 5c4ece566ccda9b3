import type { Claim } from '../claims/claim';
import { type BlockCache, extractClaims } from '../claims/extractClaims';
import type { ClaimFloorConfig, Severity } from '../config/config';
import { type ClaimCorpusEvidence, type CorpusContext, corpusEvidenceFor } from '../reference/claimCorpusEvidence';
import { draftReferences } from '../reference/draftReferences';
import { extractProse } from '../markdown/extractProse';
import { claimModelFeatures, type SlotModelFeatures } from '../lmFeatures/slotFeatures';
import { type ScoringWindow, scoringWindow } from '../lmFeatures/scoringWindow';
import type { SurprisalCalibration } from '../lmFeatures/surprisalCalibration';
import type { ModelIdentity, SentenceScores } from '../lmFeatures/tokenScores';
import type { Notice } from '../notice';
import { claimMessage } from './claimMessage';
import { claimFeatures, type ClaimFeatures, type SentencePosition } from '../risk/claimFeatures';
import type { ClaimContext, RiskSignal } from '../risk/evidence';
import type { FittedRiskModel, RiskMode } from '../risk/calibration/fittedRiskModel';
import { lowerBound } from '../text/lowerBound';
import { assessRisk, type RiskAssessment } from '../risk/riskModel';
import { ENGINE_SIGNALS } from '../risk/rulesSignals';
import { applyDirectives } from '../suppressions/applyDirectives';
import { positionsOf, rangeOf } from '../text/positions';
import { isBelowConfidenceTarget } from '../theory/confidenceTarget';
import { type FloorReading, floorFor } from '../theory/typeFloor';

export interface AssessedClaim extends Claim, RiskAssessment {
  /** The one-line message every output shows (claimMessage): computed once, where the claim is assessed. */
  message: string;
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
  /** What the fitted risk model weighs about this claim (risk/claimFeatures.ts). */
  features: ClaimFeatures;
  /** Where its sentence stands in the document and its section. */
  position: SentencePosition;
}

/** Each sentence's place in the document and in its section (the text under one heading). */
function sentencePositions(sentences: ReadonlyArray<{ start: number; claims: readonly unknown[] }>, headings: readonly number[]): SentencePosition[] {
  const claimsInDocument = sentences.reduce((n, s) => n + s.claims.length, 0);
  const sectionOf = (offset: number) => lowerBound(headings, (h) => h <= offset);
  const perSection = new Map<number, number>();
  for (const s of sentences) perSection.set(sectionOf(s.start), (perSection.get(sectionOf(s.start)) ?? 0) + 1);
  const seen = new Map<number, number>();
  return sentences.map((s, index) => {
    const section = sectionOf(s.start);
    const indexInSection = seen.get(section) ?? 0;
    seen.set(section, indexInSection + 1);
    return { index, count: sentences.length, indexInSection, countInSection: perSection.get(section)!, claimsInDocument };
  });
}

export interface DocumentAnalysis {
  claims: AssessedClaim[];
  notices: Notice[];
  /**
   * The sentences a language model should still score: one per sentence with claims whose scores
   * `AnalyzeOptions.model` did not have; empty without a model.
   */
  unscoredWindows: ScoringWindow[];
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

/**
 * An allow-list entry for one value of one subject ("Grace Hopper: 9 December 1906"): it verifies
 * that value wherever the subject's claims state it, and nothing else. A bare value or a whole
 * sentence is allowed too.
 */
export const allowEntry = (subject: string, value: string) => `${subject}: ${value}`;

/** The allow-list, normalised once per configuration (a list of a million entries is read once, not per keystroke). */
const allowSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function allowSet(allow: readonly string[]): ReadonlySet<string> {
  let set = allowSets.get(allow);
  if (!set) {
    set = new Set(allow.map(normalise));
    allowSets.set(allow, set);
  }
  return set;
}

/** A risk that rests on nothing but the claim's type is never more than a hint: a warning is earned by evidence about the claim. */
/**
 * How much evidence about the claim itself must raise its log-odds of being wrong (0.5: the odds
 * × 1.65) before a claim below its target is shown as a warning. Chosen on the dev sets' 2-fold
 * runs (docs/benchmarks.md, "Noise"): at 0.1 warnings were 1.0–1.35× as often wrong as the base
 * rate, at 0.5 1.08–1.86× with half as many.
 */
export const WARNING_SHIFT = 0.5;

/**
 * Certain errors are errors; a claim below its target is a warning (or the type's configured
 * severity) only when evidence about the claim itself raised its risk clearly; everything else is
 * a hint, ranked in the report.
 */
export function severityOf(assessment: Pick<RiskAssessment, 'certain' | 'risk' | 'claimShift'>, flagged: boolean, configured: Severity): Severity {
  if (assessment.certain && assessment.risk === 1) return 'error';
  return flagged && assessment.claimShift >= WARNING_SHIFT ? configured : 'hint';
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
   * A language model's token scores for this document's sentences, looked up per scoring window.
   * The model runs elsewhere (asynchronously, off the editor's thread): one pass uses the scores
   * already known and lists the windows still to score; the pass after scoring uses them all.
   */
  model?: ModelInput;
  /** The workspace index and the writer's sources: rarity and grounding evidence. */
  corpus?: CorpusContext;
  /** Risk models in place of the shipped ones (a benchmark's refit, a test's model). */
  riskModels?: Readonly<Record<RiskMode, FittedRiskModel>>;
}

/** What the engine needs from a language model: who it is, the scores known so far, and its calibration. */
export interface ModelInput {
  identity: ModelIdentity;
  scoresFor(window: ScoringWindow): SentenceScores | undefined;
  calibration?: SurprisalCalibration;
}

export function analyzeDocument(source: string, config: ClaimFloorConfig, { signals = ENGINE_SIGNALS, cache, model, corpus, riskModels }: AnalyzeOptions = {}): DocumentAnalysis {
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
  const lines = positionsOf(source);
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
  const positions = sentencePositions(sentences, prose.headings);
  const positionOf = sentences.flatMap((s, i) => s.claims.map(() => positions[i]));
  // Per sentence with claims: its scoring window and the scores the model input already has.
  const scored = new Map<number, { window: ScoringWindow; scores?: SentenceScores }>();
  if (model) {
    for (const s of sentences) {
      if (s.claims.length === 0) continue;
      const window = scoringWindow(prose.blocks[s.block], s.start, s.end, s.claims.flatMap((c) => c.slots));
      scored.set(s.start, { window, scores: model.scoresFor(window) });
    }
  }
  const statuses = applyDirectives(all, prose.directives, text, lines);
  const allowed = allowSet(config.allow);
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
    const byAllowList = allowed.size > 0 && (allowed.has(normalise(claim.text)) || claim.slots.some((s) => allowed.has(normalise(s.text)) || (claim.subject !== undefined && allowed.has(normalise(allowEntry(claim.subject, s.text))))));
    const verification: ClaimContext['verification'] = byComment ? { by: 'comment', note: byComment.note } : byAllowList ? { by: 'allow-list' } : undefined;
    const sentence = scored.get(claim.start);
    const modelContext = model && sentence?.scores ? { identity: model.identity, features: claimModelFeatures(claim, sentence.window, sentence.scores), calibration: model.calibration } : undefined;
    const found = corpusEvidence?.(claim);
    const position = positionOf[i];
    const features = claimFeatures(claim, text.slice(claim.start, claim.end), position, found);
    const assessment = assessRisk(claim, signals, { config, verification, model: modelContext, corpus: found, features, position, riskModels });
    const flagged = isBelowConfidenceTarget(assessment.risk, settings.threshold);
    const assessed: Omit<AssessedClaim, 'message'> = {
      ...claim,
      ...assessment,
      flagged,
      severity: severityOf(assessment, flagged, settings.severity),
      floor: floorFor(claim, config),
      verified: verification,
      model: modelContext && { name: modelContext.identity.name, features: modelContext.features },
      corpus: found,
      features,
      position,
    };
    claims.push({ ...assessed, message: claimMessage(assessed, settings.threshold) });
  });
  return {
    claims,
    notices: notices.map((n) => ({ ...n, range: rangeOf(lines, n.start ?? 0, n.start ?? 0) })),
    unscoredWindows: [...scored.values()].filter((s) => !s.scores).map((s) => s.window),
    stats: {
      characters: source.length,
      analysedCharacters: text.length,
      sentences: sentences.length,
      nonClaimSentences: sentences.filter((s) => s.nonClaim).length,
      suppressedClaims,
    },
  };
}
