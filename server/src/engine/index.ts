/** The ClaimFloor engine: no editor or LSP imports, shared by the CLI and the language server. */
export { analyzeDocument, type AnalyzeOptions, type AssessedClaim, type DocumentAnalysis } from './analyzeDocument';
export type { BlockCache, BlockClaims } from './claims/extractClaims';
export type { Claim, Slot, AnswerSpace } from './claims/claim';
export { CLAIM_TYPES, type ClaimType, isClaimType } from './claimType';
export { type ClaimFloorConfig, type Severity, SEVERITY_ORDER, resolveConfig } from './config/config';
export { ConfigError, parseConfig } from './config/parseConfig';
export { ConfigLoader, findConfigFile } from '../service/configDiscovery';
export type { Notice } from './notice';
export type { Evidence, RiskSignal } from './risk/evidence';
export { CLAIM_TYPE_TABLE } from './theory/claimTypeTable';
export { penaltyForThreshold } from './theory/confidenceTarget';
export type { Range, Position } from './text/lineIndex';
