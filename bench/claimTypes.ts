// Claim-type precision/recall on the hand-labelled sample (test/fixtures/claim-types.jsonl).
// Usage: npx tsx bench/claimTypes.ts
import { scoreClaimTypeSample } from '../test/helpers/claimTypeSample';

const { perType, micro, sentences } = scoreClaimTypeSample();
const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(0).padStart(4)}%`);
console.log(`${sentences} labelled sentences\n${'type'.padEnd(16)} precision  recall   tp  fp  fn`);
for (const s of perType) console.log(`${s.type.padEnd(16)} ${pct(s.precision)}     ${pct(s.recall)}  ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}`);
console.log(`${'micro'.padEnd(16)} ${pct(micro.precision)}     ${pct(micro.recall)}`);
