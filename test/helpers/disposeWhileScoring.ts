// Run as its own process by test/model/disposeWhileScoring.test.ts: starts a long scoring request,
// disposes the scorer while the worker is inside onnxruntime, and says whether it got out alive.
// (Terminating a worker mid-inference aborts the whole process with SIGABRT, exit code 134.)
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inspectModelFolder } from '../../server/src/modelRuntime/resolveModel';
import { TransformerScorer } from '../../server/src/modelRuntime/transformerScorer';
import { writeRandomGpt2 } from './randomModel/writeRandomGpt2';

async function main(): Promise<void> {
  const folder = join(await mkdtemp(join(tmpdir(), 'claimfloor-dispose-')), 'busy-gpt2');
  // Wide enough that one batch keeps onnxruntime busy for a while.
  await writeRandomGpt2(folder, { shape: { layers: 4, embedding: 256, heads: 4 } });
  const model = await inspectModelFolder(folder);
  if (model.kind !== 'model') throw new Error(model.reason);
  const scorer = new TransformerScorer(model.spec, { workerFile: resolve(__dirname, '../../dist/scoringWorker.js'), windowsPerMessage: 64, limits: { maxTokens: 256, maxBatchTokens: 16384 } });
  await scorer.load();
  const sentence = 'Albert Einstein was born in Ulm on 14 March 1879 and moved to Princeton in 1933, where he worked until his death. ';
  const windows = Array.from({ length: 64 }, (_, i) => ({ text: sentence.repeat(4) + String(i), scoreFrom: 0, spans: [{ start: 0, end: 40 }] }));
  const request = scorer.score(windows).then(() => 'finished', (error: Error) => error.name);
  await new Promise((r) => setTimeout(r, Number(process.argv[2] ?? 200)));
  const started = Date.now();
  await scorer.dispose();
  console.log(JSON.stringify({ request: await request, disposeMs: Date.now() - started }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
