/**
 * The ClaimFloor engine's one door: Markdown text and a configuration in, assessed claims out. Pure
 * (no file system, editor or LSP), so the analysis service, the CLI, the language server and the
 * tests share it; nothing outside the engine imports its folders directly (eslint enforces it).
 */
export { allowEntry, analyzeDocument, severityOf, type AnalyzeOptions, type AssessedClaim, type DocumentAnalysis, type ModelInput } from './analysis/analyzeDocument';
export type { BlockCache, BlockClaims } from './claims/extractClaims';
export type { Claim, Slot, AnswerSpace } from './claims/claim';
export { CLAIM_TYPES, type ClaimType, isClaimType } from './claimType';
export { type ClaimFloorConfig, type ClaimFloorConfigFile, type Severity, SEVERITY_ORDER, resolveConfig } from './config/config';
export { ConfigError, parseConfig } from './config/parseConfig';
export type { Notice } from './notice';
export type { Evidence, RiskSignal } from './risk/evidence';
export { CLAIM_TYPE_TABLE } from './theory/claimTypeTable';
export { isBelowConfidenceTarget, penaltyForThreshold } from './theory/confidenceTarget';
export type { Range, Position } from './text/positions';
export { percent } from './analysis/claimMessage';
export { formatNumber, rateText, type FloorReading } from './theory/typeFloor';
export { MIN_OBSERVATIONS, type TypeSingletonRate } from './theory/typeSingletonRate';
export { passagePlace, CorpusIndex, type PassageHit, type CorpusLimits } from './reference/corpusIndex';
export { type CorpusContext, type ClaimCorpusEvidence } from './reference/claimCorpusEvidence';
export { corpusDocument, toDocumentPath, type CorpusDocument } from './reference/corpusDocument';
export { Gazetteer, type GazetteerData } from './reference/popularity';
export type { ScoringWindow } from './lmFeatures/scoringWindow';
export type { SentenceScores, TokenScore, ModelIdentity } from './lmFeatures/tokenScores';
export { CALIBRATED_FEATURES, type SurprisalCalibration } from './lmFeatures/surprisalCalibration';
export { CLAIM_FEATURES, FEATURE_GROUPS, type ClaimFeature, type ClaimFeatures, type FeatureGroup, type SentencePosition } from './risk/claimFeatures';
export { featureShifts, type FittedRiskModel, RISK_MODES, riskModeOf, type RiskMode } from './risk/calibration/fittedRiskModel';
export { FITTED_CALIBRATION, type FittedCalibration, type FittedDataset } from './risk/calibration/fittedCalibration';
export { assessRisk, type RiskAssessment, type RiskBasis } from './risk/riskModel';
export { ENGINE_SIGNALS, RULES_SIGNALS } from './risk/rulesSignals';
export { defaultPrior, type PriorReading } from './risk/defaultPrior';
export { riskText } from './analysis/claimMessage';
