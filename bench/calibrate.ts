// Fits the shipped calibration (server/src/engine/risk/calibration/fitted.json) on every passage
// of the WikiBio GPT-3 data: per-type priors and the grounding model (bench/lib/calibration.ts).
// `npm run bench:quality` reports what it does out of sample (refitted on each half).
//
//   npm run bench:calibrate -- [--data ../shared/bench/wikibio-dev.jsonl] [--write]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { FittedCalibration } from '../server/src/engine/risk/calibration/fittedCalibration';
import { fitCalibration } from './lib/calibration';
import { readWikiBio } from './lib/wikibio';
import { writeWikiBioWorkspace } from './lib/wikibioWorkspace';

const OUT = 'server/src/engine/risk/calibration/fitted.json';
const { values: args } = parseArgs({ options: { data: { type: 'string', default: '../shared/bench/wikibio-dev.jsonl' }, write: { type: 'boolean', default: false } } });

async function main(): Promise<void> {
  const rows = readWikiBio(args.data!);
  const sha = createHash('sha256').update(readFileSync(args.data!)).digest('hex');
  const source = `WikiBio GPT-3 hallucination data (SelfCheckGPT, Manakul et al. 2023; text-davinci-003 biographies), dev split: ${rows.length} passages, sha256 ${sha.slice(0, 12)}…; fitted by bench/calibrate.ts with each passage's Wikipedia text as its source`;
  const workspace = await writeWikiBioWorkspace(rows, true);
  try {
    const fitted = fitCalibration(workspace, rows);
    const calibration: FittedCalibration = { source, typePriors: fitted.typePriors, ...(fitted.grounding ? { grounding: fitted.grounding } : {}) };
    console.log(JSON.stringify(calibration, null, 2));
    if (args.write) {
      writeFileSync(OUT, `${JSON.stringify(calibration, null, 2)}\n`);
      console.log(`wrote ${OUT}; run npx tsx scripts/writeClaimTypeDocs.ts so the docs pages show the new priors`);
    }
  } finally {
    workspace.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
