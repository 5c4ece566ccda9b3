import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeRandomGpt2 } from '../helpers/randomModel/writeRandomGpt2';

/** The bundled worker, as the extension and the CLI load it (`npm test` builds first). */
export const WORKER_FILE = resolve(__dirname, '../../dist/scoringWorker.js');

let shared: Promise<string> | undefined;

/** One tiny random-weight GPT-2 folder per test process. */
export function tinyModel(): Promise<string> {
  shared ??= mkdtemp(join(tmpdir(), 'claimfloor-model-')).then(async (dir) => {
    const folder = join(dir, 'tiny-gpt2');
    await writeRandomGpt2(folder);
    return folder;
  });
  return shared;
}

export const tempDir = (prefix: string) => mkdtemp(join(tmpdir(), `claimfloor-${prefix}-`));
