import { FITTED_CALIBRATION, findingShift } from '../calibration/fittedCalibration';
import type { Evidence } from '../evidence';

const round = (x: number) => Number(x.toFixed(2));

/**
 * Evidence for a corpus finding: a log-odds shift when the finding was calibrated on labelled
 * data, otherwise a note that shows the finding without changing the risk (no unsourced effect).
 */
export function calibratedFinding(signal: string, finding: string, summary: string): Evidence {
  const calibration = findingShift(finding);
  if (!calibration) return { signal, effect: { kind: 'note' }, summary: `${summary} (not calibrated, so it does not change the risk)`, provenance: 'measured' };
  const shift = calibration.logLikelihoodRatio;
  return {
    signal,
    effect: { kind: 'log-odds', shift },
    summary: `${shift >= 0 ? '+' : '−'}${round(Math.abs(shift))} log-odds: ${summary}`,
    provenance: 'measured',
    source: `likelihood ratio from ${calibration.wrong + calibration.right} labelled claims: ${FITTED_CALIBRATION.source}`,
  };
}
