import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PinnedModel } from '../../server/src/modelRuntime/pinnedModel';
import { downloadFolder, resolveModel } from '../../server/src/modelRuntime/resolveModel';
import { tempDir, tinyModel } from './modelHelpers';

const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/decoder_model_merged_quantized.onnx'];

describe('model download (a local server standing in for huggingface.co)', () => {
  let server: Server;
  let baseUrl: string;
  let pinned: PinnedModel;
  const requests: string[] = [];
  let tamper = false;

  before(async () => {
    const folder = await tinyModel();
    const files = await Promise.all(
      FILES.map(async (path) => {
        const data = await readFile(join(folder, path));
        return { path, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), data };
      }),
    );
    pinned = { id: 'test-org/tiny-gpt2', revision: 'r1', license: 'test', load: { modelFileName: 'decoder_model_merged', dtype: 'q8' }, files: files.map(({ data: _, ...f }) => f) };
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const file = files.find((f) => request.url === `/test-org/tiny-gpt2/resolve/r1/${f.path}`);
      if (!file) return void response.writeHead(404).end();
      const data = tamper && file.path.endsWith('.onnx') ? Buffer.concat([file.data.subarray(0, -1), Buffer.from([file.data.at(-1)! ^ 1])]) : file.data;
      response.writeHead(200, { 'content-length': data.length }).end(data);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('makes no request at all when downloads are not allowed', async () => {
    requests.length = 0;
    const result = await resolveModel({ storageDir: await tempDir('no-download'), allowDownload: false, pinned, download: { baseUrl } });
    assert.equal(result.kind, 'none');
    assert.match(result.kind === 'none' ? result.reason : '', /allow ClaimFloor to download test-org\/tiny-gpt2/);
    assert.deepEqual(requests, []);
  });

  it('downloads once with progress, verifies every file, then reuses the copy without the network', async () => {
    const storageDir = await tempDir('download');
    requests.length = 0;
    const progress: number[] = [];
    const first = await resolveModel({ storageDir, allowDownload: true, pinned, download: { baseUrl, onProgress: (p) => progress.push(p.receivedBytes / p.totalBytes) } });
    assert.equal(first.kind, 'model');
    assert.equal(first.kind === 'model' && first.origin, 'download');
    assert.equal(requests.length, FILES.length);
    assert.equal(progress.at(-1), 1);
    assert.ok(progress.every((p, i) => i === 0 || p >= progress[i - 1]), 'progress only grows');
    requests.length = 0;
    const second = await resolveModel({ storageDir, allowDownload: true, pinned, download: { baseUrl } });
    assert.equal(second.kind === 'model' && second.origin, 'downloaded');
    assert.deepEqual(requests, []);
  });

  it('rejects a file whose sha256 differs and leaves nothing usable behind', async () => {
    const storageDir = await tempDir('tampered');
    tamper = true;
    try {
      await assert.rejects(resolveModel({ storageDir, allowDownload: true, pinned, download: { baseUrl } }), /does not match the pinned file .*sha256/);
    } finally {
      tamper = false;
    }
    const folder = downloadFolder(storageDir, pinned);
    await assert.rejects(stat(join(folder, 'onnx/decoder_model_merged_quantized.onnx')));
    const again = await resolveModel({ storageDir, allowDownload: false, pinned });
    assert.equal(again.kind, 'none');
  });

  it('does not trust a downloaded copy whose files were changed on disk afterwards', async () => {
    const storageDir = await tempDir('changed');
    await resolveModel({ storageDir, allowDownload: true, pinned, download: { baseUrl } });
    await writeFile(join(downloadFolder(storageDir, pinned), 'tokenizer.json'), '{}');
    const result = await resolveModel({ storageDir, allowDownload: false, pinned });
    assert.equal(result.kind, 'none');
  });
});
