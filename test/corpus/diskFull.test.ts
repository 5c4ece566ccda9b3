import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { Methods } from '../../protocol/claimFloorProtocol';
import { resolveConfig } from '../../server/src/engine';
import { WorkspaceCorpus } from '../../server/src/workspaceIndex/workspaceCorpus';
import { ScoreCache } from '../../server/src/modelRuntime/scoreCache';
import { Session, until } from '../helpers/lspSession';

/** A 64 KiB tmpfs filled to the last byte: every write into it fails with ENOSPC, as on a full disk. */
function fullDisk(): string | undefined {
  const mountPoint = mkdtempSync(join(tmpdir(), 'claimfloor-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  try {
    writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(1 << 20));
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
  }
  return mountPoint;
}

const mountPoint = fullDisk();
const skip = mountPoint ? false : 'mounting a small tmpfs needs root (CI runs as root)';

describe('a full disk under the caches', { skip }, () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'claimfloor-full-ws-'));
    writeFileSync(join(workspace, 'curie.md'), 'Marie Curie was born in Warsaw on 7 November 1867.\n');
  });
  after(() => {
    if (mountPoint) execFileSync('umount', [mountPoint]);
  });

  it('the workspace index still builds and answers; saving it fails with a message, not an exception', async () => {
    const messages: string[] = [];
    const corpus = new WorkspaceCorpus(
      { roots: [workspace], sources: [], ignore: [], limits: resolveConfig().corpus, maxSentenceChars: 2000, maxDocumentChars: 2_000_000 },
      join(mountPoint!, 'storage', 'cache'),
      (m) => messages.push(m),
    );
    const stats = await corpus.build();
    assert.equal(stats.indexed, 1);
    assert.equal(corpus.index.size, 1);
    assert.match(messages.join('\n'), /the workspace index could not be saved \(.*(ENOSPC|no space)/i);
  });

  it('the score cache keeps serving from memory and reports the first failed write once', async () => {
    const errors: Error[] = [];
    const cache = new ScoreCache('model-key', { directory: join(mountPoint!, 'scores'), onWriteError: (e) => errors.push(e) });
    const window = { text: 'Ulm is a city.', scoreFrom: 0, spans: [{ start: 0, end: 3 }] };
    const scores = { tokens: [{ start: 0, end: 3, surprisal: 9.5, entropy: 4.2, rank: 12, top: ' The' }] };
    cache.set(window, scores);
    cache.set({ ...window, text: 'Bern is a city.' }, scores);
    await cache.flush();
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /ENOSPC|no space/i);
    assert.deepEqual(await cache.get(window), scores);
  });

  it('the language server with its storage on the full disk still indexes, publishes and stays up', async () => {
    const storage = join(mountPoint!, 'server-storage');
    mkdirSync(storage, { recursive: true });
    const session = new Session({ bundle: true });
    try {
      await session.start(workspace, { storagePath: storage });
      const uri = URI.file(join(workspace, 'draft.md')).toString();
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Marie Curie was born in Paris on 7 November 1867.\n' } });
      await session.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
      await until(() => session.notifications.find((n) => n.method === Methods.indexState && /1 files? indexed/.test((n.params as { text: string }).text)));
      assert.equal(session.child!.exitCode, null);
    } finally {
      await session.stop();
    }
  });

  it('the CLI with its cache on the full disk audits all the same and says once that scores were not cached', async () => {
    const { spawnSync } = await import('node:child_process');
    const { tinyModel } = await import('../model/modelHelpers');
    const r = spawnSync(process.execPath, [resolve('dist/cli.js'), 'audit', 'curie.md', '--model', await tinyModel(), '--cache-dir', join(mountPoint!, 'cli-cache'), '--fail-on', 'none'], { cwd: workspace, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 file checked/);
    assert.match(r.stderr, /could not be cached on disk \(.*(ENOSPC|no space)/i);
    assert.equal(r.stderr.match(/could not be cached on disk/g)?.length, 1);
  });
});
