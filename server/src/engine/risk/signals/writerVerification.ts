import type { RiskSignal } from '../evidence';

/** A claim the writer marked verified (comment or allow-list) is settled by the writer. */
export const writerVerificationSignal: RiskSignal = {
  id: 'writer-verification',
  assess(_claim, { verification }) {
    if (!verification) return [];
    const where = verification.by === 'comment' ? 'a claimfloor-verified comment' : 'the allow-list in .claimfloor.json';
    return [
      {
        signal: this.id,
        effect: { kind: 'certain', probability: 0 },
        summary: `Verified by the writer (${where})${verification.note ? `: ${verification.note}` : ''}`,
        provenance: 'writer',
      },
    ];
  },
};
