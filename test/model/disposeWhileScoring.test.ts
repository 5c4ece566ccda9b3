import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { it } from 'node:test';

it('changing the model while a document is being scored stops the worker cleanly, never aborting the process', () => {
  // In a process of its own: the failure this guards against is a SIGABRT of the whole process.
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, '../helpers/disposeWhileScoring.ts'), '150'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.signal, null, `${run.stderr}`);
  assert.equal(run.status, 0, `exit ${run.status}: ${run.stderr}`);
  const outcome = JSON.parse(run.stdout.trim().split('\n').pop()!) as { request: string; disposeMs: number };
  assert.equal(outcome.request, 'AbortError', 'the request in flight is told it was cancelled');
});
