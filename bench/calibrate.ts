// Fits the shipped risk models (server/src/engine/risk/calibration/fitted.json) on every dev set in
// ../shared/bench: one model per mode (no sources; sources, where a dataset has reference text),
// intercepts per claim type and one weight per feature (bench/lib/riskFit.ts). It records the
// data (files, checksums, counts) and the models' passage-level 2-fold average precision, which
// the hover shows beside every fitted number; `npm run bench:quality` reports the rest.
//
//   npm run bench:calibrate -- [--write]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type FittedCalibration, type FittedRiskModel, RISK_MODES, type RiskMode } from '../server/src/engine';
import { collectRuns, datasetRecords, fitAll, type ModeRun, TITLE, twoFoldRisks } from './lib/riskExperiment';
import { unitScores } from './lib/riskFit';
import { averagePrecision } from './lib/metrics';

const OUT = 'server/src/engine/risk/calibration/fitted.json';
const { values: args } = parseArgs({ options: { write: { type: 'boolean', default: false } } });

const pct = (x: number) => (x * 100).toFixed(1);

/** "2-fold average precision: WikiBio GPT-3 83.0 (base rate 74.9), …": how the mode's model ranks units it was not fitted on. */
function outOfSample(runs: readonly ModeRun[], mode: RiskMode): string {
  const parts = runs
    .filter((r) => r.mode === mode)
    .map((r) => {
      const s = unitScores(r.run, twoFoldRisks(runs, r));
      return `${TITLE[r.dataset]} ${pct(averagePrecision(s.scores, s.wrong))} (base rate ${pct(s.wrong.filter(Boolean).length / s.wrong.length)})`;
    });
  return `passage-level 2-fold average precision ${parts.join(', ')}`;
}

async function main(): Promise<void> {
  const runs = await collectRuns({ log: (line) => console.error(line) });
  const datasets = datasetRecords(runs);
  const models = Object.fromEntries(RISK_MODES.map((mode) => [mode, fitAll(runs, mode, { outOfSample: outOfSample(runs, mode) })])) as Record<RiskMode, FittedRiskModel>;
  const calibration: FittedCalibration = {
    source: `${datasets.map((d) => `${d.name} dev (${d.documents} documents, sha256 ${d.sha256.slice(0, 12)}…)`).join(', ')}; fitted by bench/calibrate.ts`,
    datasets,
    models,
  };
  console.log(JSON.stringify(calibration, null, 2));
  if (args.write) {
    writeFileSync(OUT, `${JSON.stringify(calibration, null, 2)}\n`);
    console.log(`wrote ${OUT}; run npx tsx scripts/writeClaimTypeDocs.ts so the docs pages show the new priors`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
