import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { it } from 'node:test';

const CLI = resolve('dist/cli.js');

/** A consumer that reads its stdin in small sips and keeps what it got, as a slow CI log collector would. */
const SLOW_READER = `const { writeFileSync } = require('fs'); const chunks = [];
process.stdin.on('data', (d) => { chunks.push(d); process.stdin.pause(); setTimeout(() => process.stdin.resume(), 5); });
process.stdin.on('end', () => writeFileSync(process.argv[1], Buffer.concat(chunks)));`;

/**
 * `claimfloor … | slow-reader` through a shell: the CLI's stdout is then a real pipe whose other end
 * reads slowly, the setting in which a synchronous write failed with EAGAIN after 64 KB.
 */
function runIntoSlowReader(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const received = join(cwd, 'received.out');
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const pipeline = `${quote(process.execPath)} ${quote(CLI)} ${args.map(quote).join(' ')}; echo $? > exit.code`;
  return new Promise((done) => {
    const shell = spawn('sh', ['-c', `(${pipeline}) | ${quote(process.execPath)} -e ${quote(SLOW_READER)} ${quote(received)}`], { cwd, env: { ...process.env, XDG_CACHE_HOME: join(cwd, '.cache') } });
    let stderr = '';
    shell.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    shell.on('close', () => done({ code: Number(readFileSync(join(cwd, 'exit.code'), 'utf8')), stdout: readFileSync(received, 'utf8'), stderr }));
  });
}

it('a report larger than the pipe reaches a slow reader whole: valid JSON ending in "complete": true', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimfloor-output-'));
  const sentence = (i: number) => `Reactor ${i} was commissioned on ${1 + (i % 28)} March ${1950 + (i % 60)} and produced ${1000 + i} megawatts.`;
  for (let f = 0; f < 4; f++) writeFileSync(join(dir, `plant-${f}.md`), Array.from({ length: 150 }, (_, i) => sentence(f * 150 + i)).join('\n\n'));
  const { code, stdout, stderr } = await runIntoSlowReader(['audit', '.', '--format', 'json', '--min-risk', '0', '--fail-on', 'none', '--no-corpus'], dir);
  assert.equal(code, 0, stderr);
  assert.ok(stdout.length > 512 * 1024, `the report is larger than a pipe buffer (${stdout.length} bytes)`);
  const report = JSON.parse(stdout) as { complete: boolean; files: Array<{ claims: unknown[] }> };
  assert.equal(report.complete, true);
  assert.equal(report.files.length, 4);
  assert.ok(report.files.every((f) => f.claims.length >= 150));
});

it('a reader that goes away mid-report makes the run say its report is cut short, with exit code 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimfloor-output-'));
  writeFileSync(join(dir, 'big.md'), Array.from({ length: 2000 }, (_, i) => `The dam opened on ${1 + (i % 28)} June ${1900 + (i % 99)}.`).join('\n\n'));
  const outcome = await new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [CLI, 'audit', '.', '--format', 'json', '--min-risk', '0', '--fail-on', 'none', '--no-corpus'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => done({ code, stderr }));
  });
  assert.equal(outcome.code, 2);
  assert.match(outcome.stderr, /could not be written completely .*cut short/);
});
