import { CLAIM_TYPE_TABLE, formatNumber, MIN_OBSERVATIONS, passagePlace, penaltyForThreshold, percent, rateText, riskText, type AssessedClaim, type PassageHit } from '../engine';
import { escapeMarkdown as e } from './escapeMarkdown';

const PROVENANCE_LABEL: Record<string, string> = {
  published: 'published',
  computed: 'computed',
  measured: 'measured',
  assumption: 'assumption',
  writer: 'your setting',
  unmeasured: 'unmeasured',
};

/** The evidence that moved the risk, strongest first, in a writer's words. */
function reasons(claim: AssessedClaim): string[] {
  return claim.trail
    // What the sources said has its own line.
    .filter((ev) => (ev.effect.kind === 'log-odds' || ev.effect.kind === 'certain') && !(ev.signal === 'grounding' && ev.effect.kind === 'certain'))
    .sort((a, b) => magnitude(b) - magnitude(a))
    .map((ev) => {
      const direction = ev.effect.kind === 'log-odds' ? (ev.effect.shift > 0 ? '↑' : '↓') : '';
      return `${direction} ${e(ev.because ?? ev.summary)}`.trim();
    });
}

const magnitude = (ev: AssessedClaim['trail'][number]) => (ev.effect.kind === 'log-odds' ? Math.abs(ev.effect.shift) : ev.effect.kind === 'certain' ? Infinity : 0);

/** What the sources said, in one line, when something was checked against them. */
function sourcesLine(claim: AssessedClaim): string | undefined {
  const g = claim.corpus?.grounding;
  if (!g || g.status === 'no-sources') return undefined;
  if (g.status === 'contradicted') return `**Sources:** your source (${place(g.passage!)}) says ${e(g.conflict!.stated)}, not ${e(g.conflict!.claimed)}.`;
  if (g.status === 'supported') return `**Sources:** supported by ${place(g.passage!)}.`;
  if (g.status === 'no-subject-source') return '**Sources:** none is about this subject, so they neither support nor contradict it.';
  if (g.partial) return `**Sources:** partly supported — they state ${g.partial.stated.map((v) => `“${e(v)}”`).join(', ')}, not ${g.partial.missing.map((v) => `“${e(v)}”`).join(', ')}.`;
  return `**Sources:** nothing in your sources states it (${g.passagesRead} passage${g.passagesRead === 1 ? '' : 's'} read).`;
}

/**
 * The hover card for a claim, as Markdown: at most ten lines by default — the verdict, why, what
 * to do and one line on the floor; formulas, each number's provenance and the model's features
 * follow under "Details" when `claimFloor.hover.details` is on. Every string that comes from the
 * document (or from a check that quotes it) is escaped, and the client renders it untrusted, so
 * a draft can never inject links, HTML or command URIs.
 */
export function hoverMarkdown(claim: AssessedClaim, threshold: number, details = false, modelStatus = 'rules only'): string {
  const info = CLAIM_TYPE_TABLE[claim.type];
  const verdict = claim.certain
    ? claim.risk === 1
      ? '**certainly wrong**'
      : claim.verified
        ? '**verified by you**'
        : '**recomputed: correct**'
    : `risk **${e(riskText(claim))}** · ${claim.flagged ? 'below' : 'meets'} your ${percent(threshold)} confidence target`;
  const quoted = claim.text.length > 160 ? `${claim.text.slice(0, 157)}…` : claim.text;
  const out: string[] = [`**ClaimFloor · ${e(info.name)}** — ${verdict}`, `> ${e(quoted)}`];
  const why = reasons(claim);
  const failed = claim.checks.filter((c) => !c.passed);
  if (failed.length > 0) out.push(`**Why:** ${failed.map((c) => e(c.message)).join(' ')}`);
  else if (why.length > 0) out.push(`**Why:** ${why.slice(0, 3).join('; ')}`);
  else if (!claim.certain) out.push('**Why:** typical for this kind of fact; nothing about this claim moved it');
  const sources = sourcesLine(claim);
  if (sources) out.push(sources);
  out.push(`**What to do:** ${e(info.remedy)}`);
  out.push(`**Floor for ${e(info.name)}s:** ${e(claim.floor.summary)}`);
  const card = out.join('\n\n');
  return details ? `${card}\n\n---\n\n${detailsSection(claim, threshold, modelStatus).join('\n')}` : card;
}

/** Everything behind the short card: each piece of evidence with its provenance, rarity and sources, and the floor's terms. */
function detailsSection(claim: AssessedClaim, threshold: number, modelStatus: string): string[] {
  const info = CLAIM_TYPE_TABLE[claim.type];
  const out: string[] = ['**Details**', ''];
  out.push(`P(correct) ${percent(1 - claim.risk)} ${claim.flagged ? '<' : '≥'} t = ${percent(threshold)} (a wrong answer costs ${formatNumber(penaltyForThreshold(threshold))}× a right one, Kalai et al. 2025 §4)`, '');
  if (claim.slots.length > 0) out.push(`Fact-bearing parts: ${claim.slots.map((s) => `${e(s.role)} “${e(s.text)}”`).join(', ')}`, '');
  for (const ev of claim.trail) out.push(`- ${e(ev.summary)} — *${PROVENANCE_LABEL[ev.provenance] ?? ev.provenance}*${ev.source ? `: ${e(ev.source)}` : ''}`);
  out.push(claim.model ? `- Scored by ${e(claim.model.name)}` : `- Scored without a model (${e(modelStatus)})`, '');
  out.push(...raritySection(claim), '');
  const floor = claim.floor;
  out.push(`**Floor** — ${e(floor.governingBound)}`, '');
  out.push(`\`${info.formula.replace(/`/g, "'")}\``, '');
  for (const t of floor.terms) out.push(`- ${e(t.symbol)} = ${formatNumber(t.value)} — *${PROVENANCE_LABEL[t.provenance] ?? t.provenance}*: ${e(t.note)}`);
  if (floor.capacity) {
    const c = floor.capacity;
    out.push(`- With b = ${formatNumber(c.bitsPerFact)} bits per fact (your setting): false acceptance ≥ ${formatNumber(c.falsePositive)} (2^−b, Guo & Li 2026)${c.fano !== undefined ? `; Fano value error ≥ ${formatNumber(c.fano)}` : ''}`);
  }
  return out;
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
      ? `- In your workspace, ${e(rateText(r))} — *measured*; these are your files, not a model's training data, so the floor does not use it`
      : `- How often facts of this type stand in only one of your files: *unmeasured* — ${r.observations} of the ${MIN_OBSERVATIONS.toLocaleString('en-US')} facts needed`,
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
