import type { Claim } from '../claims/claim';
import type { ClaimFloorConfig } from '../config/config';
import type { ClaimCorpusEvidence } from '../reference/claimCorpusEvidence';
import type { ClaimFeatures, SentencePosition } from './claimFeatures';
import type { FittedRiskModel, RiskMode } from './calibration/fittedRiskModel';
import type { SlotModelFeatures } from '../lmFeatures/slotFeatures';
import type { SurprisalCalibration } from '../lmFeatures/surprisalCalibration';
import type { ModelIdentity } from '../lmFeatures/tokenScores';

/** Where a piece of evidence comes from; every number the product shows carries one. */
export type EvidenceProvenance = 'published' | 'computed' | 'measured' | 'assumption' | 'writer';

/**
 * How evidence moves the risk. Effects are applied in this order: the prior sets the starting
 * probability, scales multiply it (THEORY.md §7 factors such as (1 − 1/|R_c|)), log-odds shifts
 * add calibrated evidence (model, rarity, grounding signals), and a certain outcome (a failed
 * recomputation, a writer's verification) overrides everything.
 */
export type EvidenceEffect =
  | { kind: 'prior'; probability: number }
  | { kind: 'scale'; factor: number }
  | { kind: 'log-odds'; shift: number }
  | { kind: 'certain'; probability: 0 | 1 }
  | { kind: 'note' };

export interface Evidence {
  /** The signal that produced it (e.g. "type-prior"). */
  signal: string;
  effect: EvidenceEffect;
  /** One line for the hover's details and the report. */
  summary: string;
  /**
   * What the evidence is about: this claim (its wording, its sources, its rarity: the default), or
   * the document it stands in (its length, the sentence's position). Document evidence ranks
   * claims but cannot earn a warning on its own.
   */
  about?: 'claim' | 'document';
  /** The reason in a writer's words, without numbers ("a full date and 5 names and numbers in the sentence"). */
  because?: string;
  provenance: EvidenceProvenance;
  source?: string;
}

/** Per-claim facts established outside the sentence: the writer's verification, the model's scores, the corpus. */
export interface ClaimContext {
  config: ClaimFloorConfig;
  /** Set when a `claimfloor-verified` comment or the allow-list covers the claim. */
  verification?: { by: 'comment' | 'allow-list'; note?: string };
  /** Present when a language model scored the claim's sentence. */
  model?: { identity: ModelIdentity; features: SlotModelFeatures[]; calibration?: SurprisalCalibration };
  /** Present when the document was analysed against a workspace index. */
  corpus?: ClaimCorpusEvidence;
  /** The claim's features for the fitted risk model (the analysis always computes them). */
  features?: ClaimFeatures;
  /** Where the claim's sentence stands in its document and section. */
  position?: SentencePosition;
  /** The fitted risk models to weigh the features with (default: the shipped ones). */
  riskModels?: Readonly<Record<RiskMode, FittedRiskModel>>;
}

/**
 * One source of evidence about a claim. Signals are synchronous and pure: anything slow (a
 * transformer forward pass, a corpus lookup) is computed beforehand and handed in through the
 * claim context, so the risk model stays the single place where evidence is combined.
 */
export interface RiskSignal {
  readonly id: string;
  assess(claim: Claim, context: ClaimContext): Evidence[];
}
