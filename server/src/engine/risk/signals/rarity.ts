import type { Evidence, RiskSignal } from '../evidence';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Shown, never counted: on held-out WikiBio passages these findings did not help (docs/benchmarks.md, ablation). */
const shown = (signal: string, summary: string): Evidence => ({ signal, effect: { kind: 'note' }, summary: `${summary} (not calibrated, so it does not change the risk)`, provenance: 'measured' });

/**
 * THEORY.md §9.1/§9.2: how often the claim's fact occurs in reference material (the workspace's
 * other documents, Kandpal et al.'s co-occurrence count) and how well known its subject is
 * (WordNet, GeoNames). A fact seen once is in the singleton regime of KNVZ Theorem 2.
 */
export const raritySignal: RiskSignal = {
  id: 'rarity',
  assess(claim, { corpus }): Evidence[] {
    if (!corpus) return [];
    const evidence: Evidence[] = [];
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
      evidence.push(shown(this.id, `${reading}${ambiguity}`));
    }
    const p = corpus.popularity;
    if (p) {
      const reading =
        p.status === 'unknown' ? `“${p.subject}” is ${p.detail}: rare by default` : `“${p.subject}” is well known (${p.detail}): facts about it are rarely singletons`;
      evidence.push(shown(this.id, reading));
    }
    return evidence;
  },
};
