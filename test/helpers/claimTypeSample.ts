import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_TYPES } from '../../server/src/engine';
import { claimsOf } from './analyze';

export interface TypeScore {
  type: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/**
 * Scores claim-type detection on the hand-labelled sentences in test/fixtures/claim-types.jsonl:
 * per sentence, the set of types found against the set labelled.
 */
export function scoreClaimTypeSample(): { perType: TypeScore[]; micro: { precision: number; recall: number }; sentences: number } {
  const rows = readFileSync(join(__dirname, '..', 'fixtures', 'claim-types.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; types: string[] });
  const counts = new Map(CLAIM_TYPES.map((t) => [t as string, { tp: 0, fp: 0, fn: 0 }]));
  for (const row of rows) {
    const found = new Set(claimsOf(row.text).map((c) => c.type));
    const expected = new Set(row.types);
    for (const t of CLAIM_TYPES) {
      const c = counts.get(t)!;
      if (found.has(t) && expected.has(t)) c.tp++;
      else if (found.has(t)) c.fp++;
      else if (expected.has(t)) c.fn++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
  const perType = [...counts].map(([type, c]) => ({ type, truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) }));
  const tp = perType.reduce((n, s) => n + s.truePositives, 0);
  const fp = perType.reduce((n, s) => n + s.falsePositives, 0);
  const fn = perType.reduce((n, s) => n + s.falseNegatives, 0);
  return { perType, micro: { precision: tp / (tp + fp), recall: tp / (tp + fn) }, sentences: rows.length };
}
