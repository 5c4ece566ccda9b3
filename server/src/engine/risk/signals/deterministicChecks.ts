import type { Evidence, RiskSignal } from '../evidence';

/**
 * "Recompute, don't judge" (THEORY.md §4, §8): a failed check makes the claim certainly wrong; a
 * passed recomputation settles an arithmetic claim. A valid checksum or syntax only rules out one
 * way of being wrong, so it is recorded without moving the risk.
 */
export const deterministicChecksSignal: RiskSignal = {
  id: 'deterministic-check',
  assess(claim) {
    return claim.checks.map((check): Evidence => {
      if (!check.passed) {
        return { signal: this.id, effect: { kind: 'certain', probability: 1 }, summary: `✗ ${check.message}`, provenance: 'computed', source: `${check.check} check` };
      }
      const settles = check.check === 'arithmetic';
      return { signal: this.id, effect: settles ? { kind: 'certain', probability: 0 } : { kind: 'note' }, summary: `✓ ${check.message}`, provenance: 'computed', source: `${check.check} check` };
    });
  },
};
