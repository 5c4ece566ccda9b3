import type { AssessedClaim } from './analyzeDocument';
import { CLAIM_TYPE_TABLE } from '../theory/claimTypeTable';
import { penaltyForThreshold } from '../theory/confidenceTarget';
import { formatNumber } from '../theory/typeFloor';
import { passagePlace } from '../reference/corpusIndex';

export const percent = (p: number): string => `${Number((p * 100).toFixed(p > 0 && p < 0.01 ? 2 : 0))}%`;

/**
 * A risk no finer than its evidence: the fitted models rank claims, and their out-of-sample
 * calibration error is a few points, so a risk is shown to the nearest 5% ("≈ 70%"), and one that
 * rests on the type alone says so.
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

/**
 * The one-line message for a claim, identical in the editor and in every CLI format:
 * what the claim is, the risk against the confidence target, and the type's floor.
 */
export function claimMessage(claim: Omit<AssessedClaim, 'message'>, threshold: number): string {
  const title = CLAIM_TYPE_TABLE[claim.type].title;
  const failed = claim.checks.filter((c) => !c.passed);
  if (failed.length > 0) return `${title}${quoteSlots(claim)}: ${failed.map((c) => c.message).join(' ')}`;
  const grounding = claim.corpus?.grounding;
  if (grounding?.conflict) {
    const where = grounding.passage ? ` (${passagePlace(grounding.passage)})` : '';
    return `${title}${quoteSlots(claim)}: your source says ${grounding.conflict.stated}, not ${grounding.conflict.claimed}${where}.`;
  }
  if (claim.verified) return `${title}${quoteSlots(claim)}: verified by the writer.`;
  if (claim.certain) return `${title}${quoteSlots(claim)}: ${claim.checks.map((c) => c.message).join(' ')}`;
  const target = `P(correct) ${percent(1 - claim.risk)} ${claim.flagged ? '<' : '≥'} t = ${percent(threshold)} (penalty ${formatNumber(penaltyForThreshold(threshold))})`;
  const floor = claim.floor.status === 'computed' ? `floor ${percent(claim.floor.value!)}` : claim.floor.status === 'zero' ? 'floor ≈ 0' : 'floor unmeasured';
  return `${title}${quoteSlots(claim)}: risk ${riskText(claim)}; ${target}; ${floor}${corpusNote(claim)}.`;
}

const SINGLETON_NOTE = { unseen: 'in no other file', singleton: 'in 1 other file (singleton)', repeated: 'repeated' } as const;
const GROUNDING_NOTE = { supported: 'supported by your sources', unsupported: 'not in your sources', 'no-subject-source': 'no source about this subject' } as const;

/** "; in no other file; not in your sources" — what the workspace and the sources said. */
function corpusNote(claim: Omit<AssessedClaim, 'message'>): string {
  const parts: string[] = [];
  const o = claim.corpus?.occurrences;
  if (o) parts.push(o.status === 'repeated' ? `in ${o.count} other files` : SINGLETON_NOTE[o.status]);
  const g = claim.corpus?.grounding.status;
  if (g === 'supported' || g === 'unsupported' || g === 'no-subject-source') parts.push(GROUNDING_NOTE[g]);
  return parts.map((p) => `; ${p}`).join('');
}
