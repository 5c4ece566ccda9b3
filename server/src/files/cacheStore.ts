import cacache from 'cacache';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where ClaimFloor persists what it computed, under a storage folder: one cacache store (npm's own
 * cache format: content-addressed, integrity-checked on every read, written atomically) holds both
 * the model's sentence scores and the workspace index, under their own keys. One format, so one
 * way to be corrupted, repaired and cleaned up.
 */
export function storeIn(storageDir: string): string {
  return join(storageDir, 'cache');
}

/**
 * Forgets a corrupt entry for good: its key and its content. Removing the key alone would leave
 * the damaged bytes under the content's address, so the same value written again would be taken
 * as already stored, and every later read would fail again.
 */
export async function discardEntry(store: string, key: string): Promise<void> {
  const info = await cacache.get.info(store, key).catch(() => null);
  if (info) await cacache.rm.content(store, info.integrity).catch(() => undefined);
  await cacache.rm.entry(store, key).catch(() => undefined);
}

/** Older than any write in progress: a temporary file this old was left by a process that was killed mid-write. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Removes the temporary files killed writers left in the store (cacache writes there, then renames). */
export async function removeStaleTemporaryFiles(store: string, now = Date.now()): Promise<number> {
  const dir = join(store, 'tmp');
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > STALE_TEMPORARY_MS) {
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
