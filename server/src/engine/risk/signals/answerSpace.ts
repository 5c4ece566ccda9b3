import type { RiskSignal } from '../evidence';

/**
 * THEORY.md §7: an unlearned fact is still right by chance 1/|R_c| of the time, so the risk
 * scales by (1 − 1/|R_c|). It matters for coarse claims (a year, a one-digit figure, a yes/no
 * superlative) and vanishes for verbatim strings.
 */
export const answerSpaceSignal: RiskSignal = {
  id: 'answer-space',
  assess(claim) {
    const { size, basis, provenance } = claim.answerSpace;
    if (!Number.isFinite(size)) return [];
    const factor = 1 - 1 / size;
    return [
      {
        signal: this.id,
        effect: { kind: 'scale', factor },
        summary: `× ${Number(factor.toPrecision(6))} = 1 − 1/|R_c| with |R_c| = ${size.toLocaleString('en-US')} (${basis})`,
        provenance,
        source: 'THEORY.md §7 risk model, factor (1 − 1/|R_c|)',
      },
    ];
  },
};
