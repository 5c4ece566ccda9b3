import { calibratedShift } from '../../lmFeatures/surprisalCalibration';
import type { Evidence, RiskSignal } from '../evidence';

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/**
 * THEORY.md §9.3: a small local model's surprisal at the fact-bearing tokens is a proxy for how
 * rarely the fact was seen — a feature to calibrate, not a frequency. With a calibration fitted for
 * this exact model it shifts the log-odds; without one it is shown but does not change the risk.
 * With no model it says nothing, so rules-only results are unchanged.
 */
export const modelSurprisalSignal: RiskSignal = {
  id: 'model-surprisal',
  assess(_claim, { model }): Evidence[] {
    if (!model) return [];
    const [slot] = model.features;
    if (!slot) {
      return [{ signal: this.id, effect: { kind: 'note' }, summary: `${model.identity.name} saw no tokens of this claim's slots.`, provenance: 'measured' }];
    }
    const expectation =
      slot.rank === 1
        ? `a small language model (${model.identity.name}) expected “${slot.written.trim()}” here itself`
        : `a small language model (${model.identity.name}) expected “${slot.expected.trim()}” here, not “${slot.written.trim()}” (rank ${slot.rank.toLocaleString('en-US')})`;
    const measured = `${round(slot.meanBitsPerChar)} bits/char over ${slot.tokens} token${slot.tokens === 1 ? '' : 's'} of “${slot.text}” (max ${round(slot.maxBitsPerChar)}), entropy ${round(slot.entropyBits, 1)} bits at the slot`;
    const calibration = model.calibration?.modelKey === model.identity.key ? model.calibration : undefined;
    if (!calibration) {
      return [
        {
          signal: this.id,
          effect: { kind: 'note' },
          summary: `${expectation}; ${measured}. Not calibrated for this model, so it does not change the risk.`,
          provenance: 'measured',
          source: 'docs/floor.md, "Rarity is evidence, not sr_T": surprisal is a feature to calibrate, not a frequency',
        },
      ];
    }
    const shift = calibratedShift(calibration, slot);
    return [
      {
        signal: this.id,
        effect: { kind: 'log-odds', shift },
        summary: `${shift >= 0 ? '+' : '−'}${round(Math.abs(shift))} log-odds: ${expectation}; ${measured}.`,
        provenance: 'measured',
        source: calibration.source,
      },
    ];
  },
};
