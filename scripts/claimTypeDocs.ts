import { CLAIM_TYPE_TABLE, CLAIM_TYPES } from '../server/src/engine';
import { defaultPrior } from '../server/src/engine/risk/defaultPrior';

/**
 * The docs page behind each diagnostic code (`codeDescription`), generated from the same table the
 * engine uses so the page and the hover never disagree. `npx tsx scripts/writeClaimTypeDocs.ts`
 * rewrites docs/claim-types/; a test fails when they are stale.
 */
export function claimTypeDoc(type: (typeof CLAIM_TYPES)[number]): string {
  const t = CLAIM_TYPE_TABLE[type];
  const p = defaultPrior(type);
  const prior = `${(p.value * 100).toFixed(1).replace(/\.0$/, '')}% (${p.label}): ${p.source}${p.provenance === 'published' || p.provenance === 'computed' ? '' : `; set \`types.${type}.prior\` to use your own`}`;
  return [
    `# \`${type}\` — ${t.title}`,
    '',
    `**Nature** (THEORY.md §8): ${t.nature}.`,
    '',
    `**Governing bound:** ${t.governingBound}.`,
    '',
    `**Formula:** \`${t.formula}\``,
    '',
    `**Prior used without other evidence:** ${prior}.`,
    '',
    '**The floor.** For arbitrary facts, Theorem 2 of Kalai, Nachum, Vempala & Zhang (2025) bounds a calibrated',
    'base model\'s error rate on this family of facts from below by `sr − 2/min|E_c| − (35 + 6 ln N)/√N − δ`, where',
    '`sr` is the share of such facts seen exactly once in training. No published measurement of `sr` exists for',
    'any claim type, so ClaimFloor shows the floor as *unmeasured* unless you set `theory.singletonRate` in',
    '`.claimfloor.json`. The floor is about the type, not about your sentence: the hover shows both separately.',
    '',
    `**What lowers the risk:** ${t.remedy}`,
    '',
    `**Silence it:** \`<!-- claimfloor-disable-next-line ${type} -->\`, \`<!-- claimfloor-verified -->\` after the sentence, or \`"types": { "${type}": { "enabled": false } }\`.`,
    '',
  ].join('\n');
}
