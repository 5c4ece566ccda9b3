import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { it } from 'node:test';

const CLI = resolve('dist/cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CACHE_HOME: join(cwd, '.cache') } });

it('auditing a repository never reads Markdown a symbolic link leads out to, however far it leads', () => {
  const secret = mkdtempSync(join(tmpdir(), 'claimfloor-secret-'));
  writeFileSync(join(secret, 'private.md'), 'The runner token was issued on 3 March 2021 to Jane Doe.\n');
  const repo = mkdtempSync(join(tmpdir(), 'claimfloor-repo-'));
  writeFileSync(join(repo, 'README.md'), 'The dam opened in 1936.\n');
  mkdirSync(join(repo, 'docs'));
  symlinkSync(secret, join(repo, 'docs', 'outside'));
  symlinkSync(join(secret, 'private.md'), join(repo, 'docs', 'linked.md'));
  symlinkSync('/', join(repo, 'rootlink'));
  const started = Date.now();
  const r = run(['audit', '.', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], repo);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Date.now() - started < 30_000, 'a link to / is not walked');
  assert.doesNotMatch(r.stdout, /runner token|private\.md/, 'nothing of the outside folder reaches the report');
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string }> };
  assert.deepEqual(report.files.map((f) => f.path), ['README.md']);
});

it('a repository config naming "/" (or anything outside its folder) as a source is refused before anything is listed', () => {
  const repo = mkdtempSync(join(tmpdir(), 'claimfloor-repo-'));
  writeFileSync(join(repo, 'draft.md'), 'Marie Curie was born on 7 November 1868.\n');
  writeFileSync(join(repo, '.claimfloor.json'), JSON.stringify({ sources: ['/', '../elsewhere'] }));
  const started = Date.now();
  const r = run(['audit', 'draft.md', '--fail-on', 'none'], repo);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Date.now() - started < 15_000, 'the file system was not globbed');
  assert.match(r.stderr, /the source "\/" in .*\.claimfloor\.json is outside the folder of that file and is not read/);
  assert.match(r.stderr, /the source "\.\.\/elsewhere"/);
});

it('a file named twice, or as ./x and x, is checked once', () => {
  const repo = mkdtempSync(join(tmpdir(), 'claimfloor-repo-'));
  writeFileSync(join(repo, 'x.md'), 'The dam opened in 1936.\n');
  const r = run(['audit', 'x.md', './x.md', '.', '--format', 'json', '--fail-on', 'none'], repo);
  assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 1);
});

it('UTF-16 files with a byte-order mark (as Windows editors save them) are read, not skipped as binary or misread', () => {
  const repo = mkdtempSync(join(tmpdir(), 'claimfloor-repo-'));
  const text = 'Marie Curie était née le 7 novembre 1867. The dam opened in 1936.\n';
  writeFileSync(join(repo, 'le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const be = Buffer.from(text, 'utf16le');
  be.swap16();
  writeFileSync(join(repo, 'be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  const r = run(['audit', '.', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], repo);
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string; error: string | null; notices: Array<{ message: string }>; claims: Array<{ text: string }> }> };
  for (const file of report.files) {
    assert.equal(file.error, null, file.path);
    assert.ok(file.claims.some((c) => c.text === 'The dam opened in 1936.'), file.path);
    assert.ok(!file.notices.some((n) => /invalid UTF-8/.test(n.message)), file.path);
  }
});
