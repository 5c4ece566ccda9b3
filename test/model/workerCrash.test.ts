import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument, resolveConfig } from '../../server/src/engine';
import { inspectModelFolder } from '../../server/src/modelRuntime/resolveModel';
import { TransformerScorer } from '../../server/src/modelRuntime/transformerScorer';
import { tempDir, tinyModel, WORKER_FILE } from './modelHelpers';

const CRASHING_WORKER = resolve(__dirname, '../helpers/crashingWorker.mjs');

async function scorerThatCrashes(times: number, restartDelaysMs: number[]) {
  const folder = await tinyModel();
  const model = await inspectModelFolder(folder);
  assert.equal(model.kind, 'model');
  const log = join(await tempDir('crashes'), 'crashes.log');
  Object.assign(process.env, { CLAIMFLOOR_CRASH_LOG: log, CLAIMFLOOR_CRASHES: String(times), CLAIMFLOOR_REAL_WORKER: WORKER_FILE });
  const windows = analyzeDocument('Albert Einstein was born in Ulm on 14 March 1879.', resolveConfig(), { model: { identity: model.identity, scoresFor: () => undefined } }).unscoredWindows;
  return { scorer: new TransformerScorer(model.spec, { workerFile: CRASHING_WORKER, restartDelaysMs }), windows, log };
}

describe('a crashing scoring worker', () => {
  it('fails the request in flight with the reason, then is restarted after the back-off and scores', async () => {
    const { scorer, windows, log } = await scorerThatCrashes(1, [50, 50]);
    try {
      await assert.rejects(scorer.score(windows), /The scoring worker exited with code 70/);
      const started = Date.now();
      const [scores] = await scorer.score(windows);
      assert.ok(Date.now() - started >= 50, 'the restart waited for its back-off');
      assert.ok(scores.tokens.length > 0, 'the restarted worker scores');
      assert.equal(await readFile(log, 'utf8'), 'x', 'it crashed once');
    } finally {
      await scorer.dispose();
    }
  });

  it('after the last restart it stays off with a message that says so', async () => {
    const { scorer, windows } = await scorerThatCrashes(10, [20, 20]);
    try {
      for (let attempt = 0; attempt < 3; attempt++) await assert.rejects(scorer.score(windows), /exited with code 70/);
      await assert.rejects(scorer.score(windows), /crashed 3 times; scoring stays off until the model is reloaded/);
    } finally {
      await scorer.dispose();
    }
  });
});
