import type { ClaimRecord } from '../../../protocol/claimFloorProtocol';
import { penaltyForThreshold, type AssessedClaim } from '../engine';

/**
 * The machine-readable form of a claim, shared by `--format json` and SARIF `properties`, so
 * other tools can consume either. `model` carries the language model's features per slot, or says
 * that no model scored the claim; the corpus fields carry occurrences, singleton and grounding status.
 */
export function claimRecord(claim: AssessedClaim, threshold: number): ClaimRecord {
  return {
    id: claim.id,
    type: claim.type,
    severity: claim.severity,
    message: claim.message,
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
      value: round(claim.floor.value),
      offset: claim.floor.offset === undefined ? null : round(claim.floor.offset),
      summary: claim.floor.summary,
      governingBound: claim.floor.governingBound,
      formula: claim.floor.formula,
      terms: claim.floor.terms.map((t) => ({ ...t })),
      capacity: claim.floor.capacity ?? null,
    },
    evidence: claim.trail.map((e) => ({ signal: e.signal, effect: e.effect, summary: e.summary, provenance: e.provenance, source: e.source ?? null })),
    verified: claim.verified ?? null,
    model: claim.model
      ? {
          used: true,
          name: claim.model.name,
          slots: claim.model.features.map((f) => ({
            role: f.role,
            text: f.text,
            tokens: f.tokens,
            meanBitsPerChar: round(f.meanBitsPerChar),
            maxBitsPerChar: round(f.maxBitsPerChar),
            entropyBits: round(f.entropyBits),
            rank: f.rank,
            expected: f.expected,
            written: f.written,
          })),
        }
      : { used: false },
    ...corpusRecord(claim),
  };
}

/**
 * Rarity and grounding, flat so CI tools can filter on them: `singletonStatus` is `unmeasured`
 * without a corpus or when the claim has nothing to look up; `groundingStatus` is `no-sources`
 * when no source was in scope.
 */
function corpusRecord(claim: AssessedClaim): Pick<ClaimRecord, 'occurrences' | 'singletonStatus' | 'groundingStatus' | 'evidenceLocations' | 'corpus'> {
  const c = claim.corpus;
  const o = c?.occurrences;
  const g = c?.grounding;
  const location = (hit: { document: string; passage: { line: number; text: string } }) => ({ file: hit.document, line: hit.passage.line + 1, excerpt: excerpt(hit.passage.text) });
  return {
    occurrences: o ? o.count : null,
    singletonStatus: o ? o.status : 'unmeasured',
    groundingStatus: g ? g.status : 'no-sources',
    evidenceLocations: [...(g?.passage ? [{ kind: g.status, ...location(g.passage) }] : []), ...(o?.locations ?? []).map((hit) => ({ kind: 'occurrence', ...location(hit) }))],
    corpus: c
      ? {
          countedValue: o?.value ?? null,
          otherDocumentsIndexed: o?.documentsIndexed ?? null,
          ambiguousName: o?.ambiguousName ?? null,
          conflict: g?.conflict ?? null,
          popularity: c.popularity ?? null,
          typeSingletonRate: { ...c.typeRate, halfWidth: Number.isFinite(c.typeRate.halfWidth) ? round(c.typeRate.halfWidth) : null, rate: Number.isFinite(c.typeRate.rate) ? round(c.typeRate.rate) : null },
        }
      : null,
  };
}

function excerpt(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
