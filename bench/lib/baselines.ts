// The published SelfCheckGPT baselines, read from the table in ../shared/bench/README.md (with
// its source marks ᴾ primary / ˢ secondary) so the numbers are never retyped here.
import { existsSync, readFileSync } from 'node:fs';

export interface Baseline {
  method: string;
  /** Cells as printed: "92.50 ᴾ", "–". */
  cells: { nonFact: string; nonFactStar: string; factual: string; pearson: string; spearman: string };
}

export function readBaselines(readme: string): Baseline[] {
  if (!existsSync(readme)) return [];
  const text = readFileSync(readme, 'utf8');
  const at = text.indexOf('### Published baselines');
  if (at === -1) return [];
  const rows: Baseline[] = [];
  for (const line of text.slice(at).split('\n').slice(1)) {
    if (rows.length > 0 && !line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 6 || cells[0] === 'Method' || cells[0].startsWith('---')) continue;
    rows.push({ method: cells[0], cells: { nonFact: cells[1], nonFactStar: cells[2], factual: cells[3], pearson: cells[4], spearman: cells[5] } });
  }
  return rows;
}
