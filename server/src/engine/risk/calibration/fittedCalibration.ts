import fitted from './corpusEvidence.json';

/**
 * How much a corpus finding moves the risk, measured on labelled data by
 * bench/wikibioCorpus.ts: the log likelihood ratio log[P(finding | wrong) / P(finding | right)]
 * with add-one smoothing, kept only when enough claims of each label showed the finding.
 */
export interface FindingCalibration {
  logLikelihoodRatio: number;
  /** Claims with this finding whose sentence was labelled wrong / right. */
  wrong: number;
  right: number;
}

export interface CorpusEvidenceCalibration {
  source: string;
  evidence: Partial<Record<string, FindingCalibration>>;
}

export const CORPUS_EVIDENCE_CALIBRATION: CorpusEvidenceCalibration = fitted;

/** The calibrated shift for a finding such as `grounding:supported`, if it was measured. */
export function findingShift(finding: string): FindingCalibration | undefined {
  return CORPUS_EVIDENCE_CALIBRATION.evidence[finding];
}
