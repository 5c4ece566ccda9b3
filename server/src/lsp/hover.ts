import type { AssessedClaim } from '../engine';
import { CLAIM_TYPE_TABLE, penaltyForThreshold } from '../engine';
import { percent } from '../engine/report/claimMessage';
import { formatNumber } from '../engine/theory/typeFloor';
import { escapeMarkdown as e } from './escapeMarkdown';

const PROVENANCE_LABEL: Record<string, string> = {
  published: 'published',
  computed: 'computed',
  measured: 'measured',
  assumption: 'assumption',
  writer: 'your setting',
  unmeasured: 'unmeasured',
};

/**
 * The hover card for a claim, as Markdown. Every string that comes from the document (or from a
 * check that quotes it) is escaped, and the client renders it untrusted, so a draft can never
 * inject links, HTML or command URIs.
 */
export function hoverMarkdown(claim: AssessedClaim, threshold: number, modelStatus = 'rules only'): string {
  const info = CLAIM_TYPE_TABLE[claim.type];
  const out: string[] = [];
  const verdict = claim.certain
    ? claim.risk === 1
      ? '**certainly wrong** (recomputed)'
      : claim.verified
        ? '**verified by you**'
        : '**recomputed: correct**'
    : `risk **${percent(claim.risk)}** · P(correct) ${percent(1 - claim.risk)} ${claim.flagged ? '<' : '≥'} t = ${percent(threshold)} (penalty ${formatNumber(penaltyForThreshold(threshold))})`;
  out.push(`**ClaimFloor · ${e(info.title)}** — ${verdict}`, '');
  out.push(`> ${e(claim.text)}`, '');
  if (claim.slots.length > 0) out.push(`Fact-bearing parts: ${claim.slots.map((s) => `${e(s.role)} “${e(s.text)}”`).join(', ')}`, '');

  out.push('**Why this risk**', '');
  for (const ev of claim.trail) out.push(`- ${e(ev.summary)} — *${PROVENANCE_LABEL[ev.provenance] ?? ev.provenance}*${ev.source ? `: ${e(ev.source)}` : ''}`);
  out.push('- Rarity / singleton status: *not measured* (no workspace index or reference corpus yet)', claim.model ? `- Scored by ${e(claim.model.name)} (see the model-surprisal line above)` : `- Scored without a model (${e(modelStatus)})`, '');

  const floor = claim.floor;
  out.push(`**Theoretical floor for this type** — ${e(floor.governingBound)}`, '');
  out.push(`\`${floor.formula.replace(/`/g, "'")}\``, '');
  for (const t of floor.terms) out.push(`- ${e(t.symbol)} = ${t.value === undefined ? '*unmeasured*' : formatNumber(t.value)} — *${PROVENANCE_LABEL[t.provenance]}*: ${e(t.note)}`);
  if (floor.capacity) {
    const c = floor.capacity;
    out.push(`- With b = ${formatNumber(c.bitsPerFact)} bits per fact (your setting): false acceptance ≥ ${formatNumber(c.falsePositive)} (2^−b, Guo & Li 2026)${c.fano !== undefined ? `; Fano value error ≥ ${formatNumber(c.fano)}` : ''}`);
  }
  out.push('', e(floor.summary), '', `**What lowers the risk:** ${e(info.remedy)}`);
  return out.join('\n');
}
