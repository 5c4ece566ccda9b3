import type { RiskSignal } from '../evidence';
import { FEATURE_GROUPS } from '../claimFeatures';
import { fittedEvidence } from './fittedEvidence';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * THEORY.md §9.1/§9.2: how often the claim's fact occurs in reference material (the workspace's
 * other documents, Kandpal et al.'s co-occurrence count) and how well known its subject is
 * (WordNet, GeoNames). A fact seen once is in the singleton regime of KNVZ Theorem 2. Workspace
 * counts are not training counts (§9), so the fitted model says how much they are worth.
 */
export const raritySignal: RiskSignal = {
  id: 'rarity',
  assess(claim, context) {
    const { corpus } = context;
    if (!corpus) return [];
    const readings: string[] = [];
    const short: string[] = [];
    if (!claim.subject) readings.push('the claim names no subject to look up');
    const o = corpus.occurrences;
    if (o) {
      const what = `“${o.value}”${claim.subject ? ` with ${claim.subject}` : ''}`;
      const reading =
        o.status === 'unseen'
          ? `${what} appears in none of the ${plural(o.documentsIndexed, 'other indexed document')}: unseen`
          : `${what} appears in ${o.count.toLocaleString('en-US')} of the ${plural(o.documentsIndexed, 'other indexed document')}: ${
              o.status === 'singleton' ? 'a singleton — seen once, the regime the singleton bound of KNVZ Thm 2 covers' : 'repeated'
            }`;
      const ambiguity = o.ambiguousName ? ` (name ambiguous: ${o.ambiguousName.join(', ')})` : '';
      readings.push(`${reading}${ambiguity}`);
      short.push(o.status === 'unseen' ? 'stated in no other file of your workspace' : o.status === 'singleton' ? 'stated in just one other file' : `stated in ${o.count.toLocaleString('en-US')} other files`);
    }
    const p = corpus.popularity;
    if (p) {
      const reading =
        p.status === 'unknown' ? `“${p.subject}” is ${p.detail}` : `“${p.subject}” is well known (${p.detail})`;
      readings.push(reading);
      short.push(p.status === 'unknown' ? 'a subject the offline gazetteer does not know' : 'a well-known subject');
    }
    return fittedEvidence(this.id, context, FEATURE_GROUPS.rarity, () => ({ because: short.join(', ') || readings.join('; '), detail: readings.join('; ') }));
  },
};
