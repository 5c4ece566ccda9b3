import type { AssessedClaim } from './analyzeDocument';
import { CLAIM_TYPE_TABLE } from '../theory/claimTypeTable';
import { passagePlace } from '../reference/corpusIndex';

export const percent = (p: number): string => `${Number((p * 100).toFixed(p > 0 && p < 0.01 ? 2 : 0))}%`;

/**
 * A risk no finer than its evidence: the fitted models rank claims better than they calibrate them
 * (claim-level ECE 0.06–0.26 out of sample, docs/benchmarks.md), so a risk is shown to the nearest
 * 5% ("≈ 70%"), and one that rests on the type alone says so.
 */
export function riskText(claim: Pick<AssessedClaim, 'risk' | 'basis'>): string {
  const r = claim.risk;
  const rounded = r < 0.025 ? '< 5%' : r > 0.975 ? '> 95%' : `≈ ${Math.round(r * 20) * 5}%`;
  return claim.basis === 'type' ? `${rounded}, typical for this kind of fact (no evidence about this claim)` : rounded;
}

function quoteSlots(claim: Omit<AssessedClaim, 'message'>): string {
  const texts = [...new Set(claim.slots.map((s) => s.text.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  const shown = texts.slice(0, 3).map((t) => `"${t.length > 60 ? `${t.slice(0, 57)}…` : t}"`);
  return shown.length > 0 ? ` ${shown.join(', ')}${texts.length > 3 ? ` +${texts.length - 3}` : ''}` : '';
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The reason about the claim itself that raised its risk most, in words: the evidence behind a warning. */
export function strongestReason(claim: Pick<AssessedClaim, 'trail'>): string | undefined {
  let best: { shift: number; because: string } | undefined;
  for (const e of claim.trail) {
    if (e.effect.kind !== 'log-odds' || !e.because || e.effect.shift <= 0 || e.about === 'document') continue;
    if (!best || e.effect.shift > best.shift) best = { shift: e.effect.shift, because: e.because };
  }
  return best?.because;
}

/**
 * The one-line message for a claim, identical in the editor and in every CLI format: the reason
 * and what to do, in a writer's words. Formulas, the target's penalty and the floor are on the
 * hover and in the report.
 */
export function claimMessage(claim: Omit<AssessedClaim, 'message'>, threshold: number): string {
  const name = CLAIM_TYPE_TABLE[claim.type].name;
  const failed = claim.checks.filter((c) => !c.passed);
  if (failed.length > 0) return `${capitalised(name)}${quoteSlots(claim)}: ${failed.map((c) => c.message).join(' ')}`;
  const grounding = claim.corpus?.grounding;
  if (grounding?.conflict) {
    const where = grounding.passage ? ` (${passagePlace(grounding.passage)})` : '';
    return `Your source${where} says ${grounding.conflict.stated}, not ${grounding.conflict.claimed}.`;
  }
  if (claim.verified) return `${capitalised(name)}${quoteSlots(claim)}: verified by you.`;
  if (claim.certain) return `${capitalised(name)}${quoteSlots(claim)}: ${claim.checks.map((c) => c.message).join(' ')}`;
  if (grounding?.status === 'unsupported' && claim.flagged) return `Not in your sources: check the ${name}${quoteSlots(claim)}.`;
  const earned = claim.severity !== 'hint';
  const reason = claim.flagged && claim.basis === 'evidence' ? strongestReason(claim) : undefined;
  const action = !claim.flagged ? 'likely fine' : earned ? `check it against a source (your target: ${percent(threshold)} sure)` : 'worth a check if you are unsure';
  return `${capitalised(name)}${quoteSlots(claim)}: risk ${riskText(claim)}${reason ? ` — ${reason}` : ''}; ${action}${corpusNote(claim)}.`;
}

const GROUNDING_NOTE = { supported: 'supported by your sources', unsupported: 'not in your sources', 'no-subject-source': 'no source about this subject' } as const;

/** "; also in 1 other file; not in your sources" — what the workspace and the sources said. */
function corpusNote(claim: Omit<AssessedClaim, 'message'>): string {
  const parts: string[] = [];
  const o = claim.corpus?.occurrences;
  // Unseen is how most claims stand; only a fact stated elsewhere in the workspace is news.
  if (o && o.status !== 'unseen') parts.push(o.status === 'repeated' ? `also in ${o.count} other files` : 'also in 1 other file');
  const g = claim.corpus?.grounding.status;
  if (g === 'supported' || g === 'unsupported' || g === 'no-subject-source') parts.push(GROUNDING_NOTE[g]);
  return parts.map((p) => `; ${p}`).join('');
}
