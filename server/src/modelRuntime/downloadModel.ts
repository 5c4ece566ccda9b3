import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { downloadUrl, type PinnedModel, totalBytes } from './pinnedModel';

export interface DownloadProgress {
  file: string;
  receivedBytes: number;
  totalBytes: number;
}

export interface DownloadOptions {
  /** Mirror or test server in place of https://huggingface.co. */
  baseUrl?: string;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

export const DOWNLOAD_MARKER = 'claimfloor-download.json';

/**
 * Downloads every pinned file into `folder`, checking each file's size and sha256 before it is
 * moved into place. The marker file is written last, so a folder without it is never used.
 */
export async function downloadModel(model: PinnedModel, folder: string, { baseUrl, onProgress, signal }: DownloadOptions = {}): Promise<void> {
  const partial = join(folder, '.partial');
  await rm(partial, { recursive: true, force: true });
  const total = totalBytes(model);
  let received = 0;
  try {
    for (const file of model.files) {
      const url = downloadUrl(model, file, baseUrl);
      const response = await fetch(url, { signal, redirect: 'follow' });
      if (!response.ok || !response.body) throw new Error(`Downloading ${url} failed: HTTP ${response.status}.`);
      const target = join(partial, file.path);
      await mkdir(dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let bytes = 0;
      const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
      body.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
        received += chunk.length;
        onProgress?.({ file: file.path, receivedBytes: received, totalBytes: total });
      });
      await pipeline(body, createWriteStream(target), { signal });
      const sha256 = hash.digest('hex');
      if (bytes !== file.bytes || sha256 !== file.sha256) {
        throw new Error(`${file.path} from ${url} does not match the pinned file (got ${bytes} bytes, sha256 ${sha256}; expected ${file.bytes} bytes, sha256 ${file.sha256}).`);
      }
    }
    for (const file of model.files) {
      await mkdir(dirname(join(folder, file.path)), { recursive: true });
      await rename(join(partial, file.path), join(folder, file.path));
    }
    await writeFile(join(folder, DOWNLOAD_MARKER), JSON.stringify({ id: model.id, revision: model.revision, files: model.files }, null, 2));
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}
