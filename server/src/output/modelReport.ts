import type { ModelState } from '../service/languageModel';
import { modelStatusText } from '../service/languageModel';

/** What a run says about the language model: in the text summary, the JSON root and SARIF run properties. */
export interface ModelReport {
  used: boolean;
  name?: string;
  key?: string;
  origin?: 'path' | 'downloaded' | 'download';
  calibrated?: boolean;
  /** Why the run was rules-only. */
  reason?: string;
  sentences?: number;
  fromCache?: number;
}

export function modelReport(status: ModelState, counts?: { sentences: number; fromCache: number }): ModelReport {
  if (status.state !== 'ready') return { used: false, reason: modelStatusText(status).replace(/^rules only: /, 'rules-only: ') };
  const { identity, origin, calibration } = status.model;
  return { used: true, name: identity.name, key: identity.key, origin, calibrated: calibration?.modelKey === identity.key, sentences: counts?.sentences, fromCache: counts?.fromCache };
}

export const RULES_ONLY: ModelReport = { used: false, reason: 'rules-only: no model was requested' };

export function describeModel(report: ModelReport): string {
  if (!report.used) return `Scored without a model (${report.reason ?? 'rules-only'}).`;
  const calibration = report.calibrated ? 'calibrated' : 'uncalibrated: shown, not counted';
  return `Model ${report.name} (${calibration}): ${report.sentences ?? 0} sentence${report.sentences === 1 ? '' : 's'} scored, ${report.fromCache ?? 0} from cache.`;
}
