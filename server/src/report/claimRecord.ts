import type { AssessedClaim } from '../engine';
import { claimMessage } from '../engine/report/claimMessage';
import { penaltyForThreshold } from '../engine';

/**
 * The machine-readable form of a claim, shared by `--format json` and SARIF `properties`, so
 * other tools can consume either. Model, rarity and grounding fields say explicitly that those
 * signals were not used.
 */
export function claimRecord(claim: AssessedClaim, threshold: number) {
  return {
    id: claim.id,
    type: claim.type,
    severity: claim.severity,
    message: claimMessage(claim, threshold),
    risk: round(claim.risk),
    certain: claim.certain,
    flagged: claim.flagged,
    threshold,
    penalty: round(penaltyForThreshold(threshold)),
    range: claim.range,
    text: claim.text,
    subject: claim.subject ?? null,
    slots: claim.slots.map((s) => ({ role: s.role, text: s.text, range: s.range })),
    checks: claim.checks.map((c) => ({ check: c.check, passed: c.passed, message: c.message, expected: c.expected ?? null })),
    answerSpace: { size: Number.isFinite(claim.answerSpace.size) ? claim.answerSpace.size : null, basis: claim.answerSpace.basis, provenance: claim.answerSpace.provenance },
    floor: {
      status: claim.floor.status,
      value: claim.floor.value ?? null,
      summary: claim.floor.summary,
      governingBound: claim.floor.governingBound,
      formula: claim.floor.formula,
      terms: claim.floor.terms.map((t) => ({ ...t, value: t.value ?? null })),
      capacity: claim.floor.capacity ?? null,
    },
    evidence: claim.trail.map((e) => ({ signal: e.signal, effect: e.effect, summary: e.summary, provenance: e.provenance, source: e.source ?? null })),
    verified: claim.verified ?? null,
    model: { used: false },
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
