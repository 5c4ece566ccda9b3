import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { removeStaleTemporaryFiles, storeIn } from '../../server/src/files/cacheStore';

it('temporary files a killed writer left in the store are removed; a write in progress is not', async () => {
  const store = storeIn(mkdtempSync(join(tmpdir(), 'claimfloor-store-')));
  mkdirSync(join(store, 'tmp'), { recursive: true });
  const stale = join(store, 'tmp', 'left-by-a-kill');
  const fresh = join(store, 'tmp', 'being-written');
  writeFileSync(stale, Buffer.alloc(1024));
  writeFileSync(fresh, Buffer.alloc(1024));
  const twoHoursAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
  utimesSync(stale, twoHoursAgo, twoHoursAgo);
  assert.equal(await removeStaleTemporaryFiles(store), 1);
  assert.equal(existsSync(stale), false);
  assert.equal(existsSync(fresh), true);
});
