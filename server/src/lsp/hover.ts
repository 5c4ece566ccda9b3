import { CLAIM_TYPE_TABLE, formatNumber, MIN_OBSERVATIONS, passagePlace, penaltyForThreshold, percent, rateText, type AssessedClaim, type PassageHit } from '../engine';
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
  out.push(claim.model ? `- Scored by ${e(claim.model.name)} (see the model-surprisal line above)` : `- Scored without a model (${e(modelStatus)})`, '');
  out.push(...raritySection(claim), '');

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

const place = (hit: PassageHit) => e(passagePlace(hit));

/** Occurrences in the workspace, the type's measured singleton rate, and what the sources say. */
function raritySection(claim: AssessedClaim): string[] {
  const c = claim.corpus;
  if (!c) return ['**Rarity and sources** — *not measured*: no workspace index yet'];
  const out = ['**Rarity and sources**', ''];
  const o = c.occurrences;
  if (!o) out.push('- Occurrences: *unmeasured* — no subject or verbatim value to look up');
  else {
    const where = o.locations.length > 0 ? `: ${o.locations.slice(0, 3).map(place).join(', ')}${o.count > 3 ? ', …' : ''}` : '';
    const reading =
      o.status === 'singleton'
        ? 'seen once in your workspace → falls under the singleton bound of KNVZ Thm 2'
        : o.status === 'unseen'
          ? 'unseen in your workspace'
          : 'repeated in your workspace';
    out.push(`- “${e(o.value)}” in ${o.count} of ${o.documentsIndexed} other document${o.documentsIndexed === 1 ? '' : 's'}${where} — ${reading}`);
  }
  const r = c.typeRate;
  out.push(
    r.measured
      ? `- sr_T for ${e(claim.type)} in your workspace: ${e(rateText(r))} — *measured*; the floor below uses it`
      : `- sr_T for ${e(claim.type)}: *unmeasured* — ${r.observations} of the ${MIN_OBSERVATIONS.toLocaleString('en-US')} observations needed (THEORY.md §9.4)`,
  );
  const g = c.grounding;
  if (g.status === 'contradicted') out.push(`- **Source says ${e(g.conflict!.stated)}**, not ${e(g.conflict!.claimed)} — ${place(g.passage!)}: “${e(g.passage!.passage.text.slice(0, 160))}”`);
  else if (g.status === 'supported') out.push(`- Supported by ${place(g.passage!)}: “${e(g.passage!.passage.text.slice(0, 160))}”`);
  else if (g.status === 'unsupported' && g.partial) out.push(`- Partly supported: your sources state ${g.partial.stated.map((v) => `“${e(v)}”`).join(', ')}, not ${g.partial.missing.map((v) => `“${e(v)}”`).join(', ')}`);
  else if (g.status === 'unsupported') out.push(`- Nothing in your sources mentions it (${g.passagesRead} passage${g.passagesRead === 1 ? '' : 's'} read)`);
  else if (g.status === 'no-subject-source') out.push('- No source is about this subject: your sources neither support nor contradict it');
  else out.push('- No sources to check against: add folders to `sources` in .claimfloor.json, link files, or cite .bib entries');
  return out;
}
