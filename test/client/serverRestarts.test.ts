import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServerRestarts } from '../../client/src/serverRestarts';

describe('restarting a crashed language server', () => {
  it('restarts it four times within three minutes, then stops and says why', () => {
    const restarts = new ServerRestarts();
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) assert.deepEqual(restarts.crashed(t0 + i * 1000), { restart: true });
    const fifth = restarts.crashed(t0 + 5000);
    assert.equal(fifth.restart, false);
    assert.match(fifth.restart ? '' : fifth.message, /stopped 5 times in 3 minutes and will not be started again\. Its log is in the Output panel \(ClaimFloor\)/);
  });

  it('forgets crashes older than the window, so a server that crashes rarely is always restarted', () => {
    const restarts = new ServerRestarts(4, 3 * 60_000);
    for (let i = 0; i < 20; i++) assert.deepEqual(restarts.crashed(i * 60_000), { restart: true }, `crash ${i}`);
  });
});
