import { CLAIM_TYPE_TABLE, CLAIM_TYPES, resolveConfig } from '../server/src/engine';
import { floorFor } from '../server/src/engine/theory/typeFloor';
import { defaultPrior } from '../server/src/engine/risk/defaultPrior';

const NATURE = {
  arbitrary: 'facts with no pattern to learn them from: each must have been seen in training',
  systematic: 'facts that follow from rules or appear many times: no statistical floor',
  mixed: 'partly arbitrary, partly systematic',
} as const;

/**
 * The docs page behind each diagnostic code (`codeDescription`), generated from the same table the
 * engine uses so the page and the hover never disagree. `npx tsx scripts/writeClaimTypeDocs.ts`
 * rewrites docs/claim-types/; a test fails when they are stale.
 */
export function claimTypeDoc(type: (typeof CLAIM_TYPES)[number]): string {
  const t = CLAIM_TYPE_TABLE[type];
  const p = defaultPrior(type);
  const floor = floorFor({ type }, resolveConfig({}));
  const prior = `${(p.value * 100).toFixed(1).replace(/\.0$/, '')}% (${p.label}): ${p.source}${p.provenance === 'published' || p.provenance === 'computed' ? '' : `; set \`types.${type}.prior\` to use your own`}`;
  return [
    `# \`${type}\` — ${t.title}`,
    '',
    `**Nature:** ${t.nature} (${NATURE[t.nature]}).`,
    '',
    `**Governing bound:** ${t.governingBound}.`,
    '',
    `**Formula:** \`${t.formula}\``,
    '',
    `**Prior used without other evidence:** ${prior}.`,
    '',
    `**The floor.** ${floor.summary} See [the floor](../floor.md) for what it means and how each input is labelled.`,
    '',
    ...floor.terms.map((term) => `- \`${term.symbol}\` = ${Number.isFinite(term.value) ? Number(term.value.toPrecision(3)) : '∞'} (${term.provenance}): ${term.note}`),
    ...(floor.terms.length > 0 ? [''] : []),
    `**What lowers the risk:** ${t.remedy}`,
    '',
    `**Silence it:** \`<!-- claimfloor-disable-next-line ${type} -->\`, \`<!-- claimfloor-verified -->\` after the sentence, or \`"types": { "${type}": { "enabled": false } }\`.`,
    '',
  ].join('\n');
}
