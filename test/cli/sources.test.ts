import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Log as SarifLog } from 'sarif';

const CLI = resolve('dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(cwd, '.test-cache') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface ClaimJson {
  text: string;
  occurrences: number | null;
  singletonStatus: string;
  groundingStatus: string;
  severity: string;
  evidenceLocations: Array<{ kind: string; file: string; line: number; excerpt: string }>;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimfloor-cli-sources-'));
  mkdirSync(join(dir, 'docs'));
  mkdirSync(join(dir, 'refs'));
  writeFileSync(join(dir, 'docs', 'draft.md'), '# Draft\n\nMarie Curie was born on 7 November 1868.\n\nGrace Hopper was born on 9 December 1906.\n');
  writeFileSync(join(dir, 'docs', 'notes.md'), 'Grace Hopper was born on December 9, 1906.\n');
  writeFileSync(join(dir, 'refs', 'curie.txt'), 'Intro.\n\nMarie Curie (7 November 1867 – 4 July 1934) was a Polish physicist.\n');
});

describe('claimfloor audit --sources', () => {
  it('JSON: a contradicted claim is an error with the source location; counts and statuses per claim', () => {
    const r = run(['audit', 'docs', '--sources', 'refs', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const draft = (JSON.parse(r.stdout) as { files: Array<{ path: string; claims: ClaimJson[] }> }).files.find((f) => f.path.endsWith('draft.md'))!;
    const curie = draft.claims.find((c) => c.text.startsWith('Marie Curie'))!;
    assert.equal(curie.severity, 'error');
    assert.equal(curie.groundingStatus, 'contradicted');
    assert.deepEqual(curie.evidenceLocations[0], { kind: 'contradicted', file: join(dir, 'refs', 'curie.txt'), line: 3, excerpt: 'Marie Curie (7 November 1867 – 4 July 1934) was a Polish physicist.' });
    const hopper = draft.claims.find((c) => c.text.startsWith('Grace Hopper'))!;
    assert.equal(hopper.occurrences, 1);
    assert.equal(hopper.singletonStatus, 'singleton');
    assert.equal(hopper.groundingStatus, 'no-subject-source', 'no source is about Grace Hopper');
    assert.deepEqual(hopper.evidenceLocations.map((l) => [l.kind, l.file, l.line]), [['occurrence', join(dir, 'docs', 'notes.md'), 1]]);
  });

  it('text: the contradiction is the message; without --sources nothing is grounded', () => {
    assert.match(run(['audit', 'docs/draft.md', '--sources', 'refs'], dir).stdout, /error biography .*Your source \(curie\.txt:3\) says 7 November 1867, not 7 November 1868\./);
    const json = JSON.parse(run(['audit', 'docs', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], dir).stdout) as { files: Array<{ claims: ClaimJson[] }> };
    assert.ok(json.files.flatMap((f) => f.claims).every((c) => c.groundingStatus === 'no-sources'));
    const noCorpus = JSON.parse(run(['audit', 'docs', '--no-corpus', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], dir).stdout) as { files: Array<{ claims: ClaimJson[] }> };
    assert.ok(noCorpus.files.flatMap((f) => f.claims).every((c) => c.singletonStatus === 'unmeasured' && c.occurrences === null));
  });

  it('SARIF: the source passage is a related location and the statuses are result properties', () => {
    const log = JSON.parse(run(['audit', 'docs/draft.md', '--sources', 'refs', '--format', 'sarif', '--fail-on', 'none'], dir).stdout) as SarifLog;
    const result = log.runs[0].results!.find((x) => x.level === 'error')!;
    assert.equal(result.properties?.groundingStatus, 'contradicted');
    assert.equal(result.relatedLocations?.[0].message?.text, 'Source says 7 November 1867');
    assert.equal(result.relatedLocations?.[0].physicalLocation?.artifactLocation?.uri, `file://${join(dir, 'refs', 'curie.txt')}`);
    assert.equal(result.relatedLocations?.[0].physicalLocation?.region?.startLine, 3);
  });

  it('a config file can declare the source folders', () => {
    writeFileSync(join(dir, '.claimfloor.json'), JSON.stringify({ sources: ['refs'] }));
    try {
      assert.match(run(['audit', 'docs/draft.md'], dir).stdout, /Your source \(curie\.txt:\d+\) says 7 November 1867/);
    } finally {
      writeFileSync(join(dir, '.claimfloor.json'), '{}');
    }
  });

  it('files in source folders are reference material: not audited unless named', () => {
    writeFileSync(join(dir, 'refs', 'notes.md'), '# Notes\n\nWalters and Wilder (2023) found that 55% of GPT-3.5 references and 18% of GPT-4 references were fabricated.\n');
    writeFileSync(join(dir, '.claimfloor.json'), JSON.stringify({ sources: ['refs'] }));
    try {
      const all = run(['audit', '.', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], dir);
      const paths = (JSON.parse(all.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path);
      assert.ok(paths.includes('docs/draft.md'));
      assert.ok(!paths.includes('refs/notes.md'), 'the source note is not audited as a draft');
      assert.match(all.stderr, /1 file in your source folders is reference material and was not audited \(name a file to audit it\)/);
      const named = JSON.parse(run(['audit', 'refs/notes.md', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], dir).stdout) as { files: Array<{ path: string; claims: unknown[] }> };
      assert.equal(named.files[0].path, 'refs/notes.md', 'named on the command line, it is audited');
      assert.ok(named.files[0].claims.length > 0);
    } finally {
      writeFileSync(join(dir, '.claimfloor.json'), '{}');
      rmSync(join(dir, 'refs', 'notes.md'));
    }
  });

  it('a repository config cannot point its sources outside its folder; --sources can', () => {
    const outside = mkdtempSync(join(tmpdir(), 'claimfloor-cli-outside-'));
    writeFileSync(join(outside, 'curie.txt'), 'Marie Curie (7 November 1867 – 4 July 1934) was a Polish physicist.\n');
    const repo = mkdtempSync(join(tmpdir(), 'claimfloor-cli-repo-'));
    writeFileSync(join(repo, 'draft.md'), 'Marie Curie was born on 7 November 1868.\n');
    writeFileSync(join(repo, '.claimfloor.json'), JSON.stringify({ sources: [join('..', outside.split('/').pop()!)] }));
    const statusOf = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout) as { files: Array<{ claims: ClaimJson[] }> }).files[0].claims[0].groundingStatus;
    const fromConfig = run(['audit', 'draft.md', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], repo);
    assert.equal(statusOf(fromConfig), 'no-sources');
    assert.match(fromConfig.stderr, /the source ".*" in .*\.claimfloor\.json is outside the folder of that file and is not read/, "refused before anything is listed");
    const fromArgument = run(['audit', 'draft.md', '--sources', outside, '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], repo);
    assert.equal(statusOf(fromArgument), 'contradicted');
  });
});
