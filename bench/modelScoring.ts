// The transformer scoring path against raw onnxruntime-node (see bench/lib/modelScoringBench.ts).
//
//   npx tsx bench/modelScoring.ts [runs=5]
import { measureModelScoring, writeBenchModel } from './lib/modelScoringBench';

async function main(): Promise<void> {
  await measureModelScoring(await writeBenchModel(), Number(process.argv[2] ?? 5));
  console.log(`peak RSS of the process (main thread + scoring worker): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
