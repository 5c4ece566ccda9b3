import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { tinyModel } from '../model/modelHelpers';
import Ajv from 'ajv-draft-04';
import type { Log as SarifLog } from 'sarif';

const CLI = resolve('dist/cli.js');
const require = createRequire(import.meta.url);

// The CLI's default cache directory (downloaded models, scores) is kept inside each test's tree.
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(cwd, '.test-cache') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BIO = 'Grace Hopper was born in New York City on 9 December 1906.\n\nSales rose from 20 to 30, a 60% increase.\n';
const CLEAN = 'A monad is a monoid in the category of endofunctors.\n';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimfloor-cli-'));
  mkdirSync(join(dir, 'docs', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'bio.md'), BIO);
  writeFileSync(join(dir, 'docs', 'sub', 'clean.md'), CLEAN);
  writeFileSync(join(dir, 'docs', 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'docs', 'latin1.md'), Buffer.from('Caf\xe9 opened on 3 May 1921.\n', 'latin1'));
});

describe('claimfloor audit', () => {
  it('files over the index limits are still checked, and the CLI says they were not counted as reference material', () => {
    const root = mkdtempSync(join(tmpdir(), 'claimfloor-cli-limits-'));
    writeFileSync(join(root, '.claimfloor.json'), JSON.stringify({ corpus: { maxFiles: 2 } }));
    for (let i = 0; i < 5; i++) writeFileSync(join(root, `note-${i}.md`), `Note ${i}: the archive moved in ${1900 + i}.\n`);
    const r = run(['audit', '.', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], root);
    assert.equal(r.code, 0);
    assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 5);
    assert.match(r.stderr, /3 files are over the index limits \(corpus\.maxFiles 2, corpus\.maxChars [\d,]+\): still checked, but not counted as reference material/);
  });

  it('text output is path:line:col, and exit 1 on findings', () => {
    const r = run(['audit', 'docs/bio.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^docs\/bio\.md:3:1 error arithmetic .*50% increase, not 60%/m);
    assert.match(r.stdout, /^docs\/bio\.md:1:1 hint biography Biographical fact "9 December 1906", "New York City": risk ≈ \d+%/m, 'a typical birth date is a hint');
    assert.match(r.stdout, /1 file checked, 2 claims; 1 error, 0 warnings, 1 other listed/);
  });

  it('exit 0 when nothing reaches the fail level: by default only a certain error fails the run', () => {
    assert.equal(run(['audit', 'docs/sub/clean.md'], dir).code, 0);
    assert.equal(run(['audit', 'docs/bio.md', '--fail-on', 'none'], dir).code, 0);
    assert.equal(run(['audit', 'docs/bio.md'], dir).code, 1);
    const notes = mkdtempSync(join(tmpdir(), 'claimfloor-cli-warnings-'));
    writeFileSync(join(notes, 'cited.md'), '# Notes\n\nWalters and Wilder (2023) found that 55% of GPT-3.5 references and 18% of GPT-4 references were fabricated.\n');
    const warned = run(['audit', 'cited.md'], notes);
    assert.match(warned.stdout, /^cited\.md:3:1 warning citation /m);
    assert.equal(warned.code, 0, 'a draft with warnings is not a failed build');
    assert.equal(run(['audit', 'cited.md', '--fail-on', 'warning'], notes).code, 1, 'unless asked');
  });

  it('exit 2 on usage errors and missing files', () => {
    assert.equal(run(['audit', '--format', 'xml'], dir).code, 2);
    assert.equal(run(['audit', '--min-risk', '2'], dir).code, 2);
    const missing = run(['audit', 'nope.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout + missing.stderr, /nope\.md/);
  });

  it('directories expand to Markdown files; binary files are reported and skipped', () => {
    const r = run(['audit', 'docs', '--min-risk', '0', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    const paths = report.files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, ['docs/bio.md', 'docs/image.md', 'docs/latin1.md', 'docs/sub/clean.md']);
    assert.equal(report.files[1].error, 'binary file, skipped');
    assert.match(r.stderr, /image\.md: binary file/);
    assert.ok(report.files[2].notices.some((n: { message: string }) => /invalid UTF-8/.test(n.message)), 'Latin-1 text is checked with a notice');
    assert.equal(report.files[2].claims[0].slots[0].text, '3 May 1921');
  });

  it('--min-risk 0 lists every claim; the default lists those below the confidence target', () => {
    const all = JSON.parse(run(['audit', 'docs/sub/clean.md', '--min-risk', '0', '--format', 'json'], dir).stdout);
    assert.equal(all.files[0].claims.length, 1);
    assert.equal(all.files[0].claims[0].type, 'definition');
    const flagged = JSON.parse(run(['audit', 'docs/sub/clean.md', '--format', 'json'], dir).stdout);
    assert.equal(flagged.files[0].claims.length, 0);
  });

  it('JSON carries risk, floor, evidence and says no model was used', () => {
    const report = JSON.parse(run(['audit', 'docs/bio.md', '--format', 'json'], dir).stdout);
    const bio = report.files[0].claims.find((c: { type: string }) => c.type === 'biography');
    assert.equal(bio.floor.status, 'computed');
    assert.equal(bio.floor.terms.find((t: { symbol: string }) => t.symbol === 'sr_T').provenance, 'assumption', 'an assumed input says so');
    assert.equal(bio.threshold, 0.75);
    assert.equal(bio.penalty, 3);
    assert.ok(bio.evidence.every((e: { provenance: string }) => e.provenance));
    assert.equal(bio.model.used, false);
    assert.deepEqual(bio.range.start, { line: 0, character: 0 });
  });

  it('SARIF is valid against the official 2.1.0 schema', () => {
    const r = run(['audit', 'docs', '--min-risk', '0', '--format', 'sarif'], dir);
    const log: SarifLog = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    const results = log.runs[0].results ?? [];
    assert.equal(results.length, 4, 'two claims in bio.md, one each in latin1.md and clean.md');
    const arithmetic = results.find((x) => x.ruleId === 'arithmetic');
    assert.equal(arithmetic?.level, 'error');
    assert.equal(arithmetic?.rank, 100);
    assert.equal(arithmetic?.locations?.[0].physicalLocation?.region?.startLine, 3);
    assert.equal(arithmetic?.properties?.type, 'arithmetic');
    const notifications = log.runs[0].invocations?.[0].toolExecutionNotifications ?? [];
    assert.ok(notifications.some((n) => /binary/.test(n.message.text ?? '')));
  });

  it('GitHub format prints workflow commands with escaped properties', () => {
    const r = run(['audit', 'docs/bio.md', '--format', 'github'], dir);
    assert.match(r.stdout, /^::error file=docs\/bio\.md,line=3,col=1,endLine=3,endColumn=42,title=ClaimFloor arithmetic::/m);
    assert.match(r.stdout, /^::notice file=docs\/bio\.md,line=1,col=1,endLine=1,endColumn=59,title=ClaimFloor biography::Biographical fact "9 December 1906", "New York City": risk ≈ \d+%25; /m, 'a hint is a notice; % is escaped');
  });

  it('honours the nearest .claimfloor.json, an explicit --config, and reports an invalid one', () => {
    const project = mkdtempSync(join(tmpdir(), 'claimfloor-cfg-'));
    mkdirSync(join(project, 'drafts'));
    writeFileSync(join(project, 'drafts', 'bio.md'), BIO);
    writeFileSync(join(project, '.claimfloor.json'), '{ "types": { "biography": { "enabled": false } }, "ignore": ["drafts/skip-*.md"] }');
    writeFileSync(join(project, 'drafts', 'skip-me.md'), BIO);
    const r = run(['audit', 'drafts', '--format', 'json'], project);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['drafts/bio.md'], 'ignore globs apply');
    assert.deepEqual(report.files[0].claims.map((c: { type: string }) => c.type), ['arithmetic']);
    writeFileSync(join(project, 'strict.json'), '{ "threshold": 0.99 }');
    const strict = JSON.parse(run(['audit', 'drafts/bio.md', '--config', 'strict.json', '--format', 'json'], project).stdout);
    assert.equal(strict.files[0].claims.length, 2);
    writeFileSync(join(project, 'bad.json'), '{ "treshold": 0.9 }');
    const bad = run(['audit', 'drafts/bio.md', '--config', 'bad.json'], project);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /treshold/);
  });

  it('--quiet prints findings only; no progress bar when stderr is not a terminal', () => {
    const r = run(['audit', 'docs/bio.md', '--quiet'], dir);
    assert.doesNotMatch(r.stdout, /file checked/);
    assert.match(r.stdout, /arithmetic/);
    assert.equal(run(['audit', 'docs'], dir).stderr.includes('\r'), false);
  });

  it('an unreadable file is reported, the run continues, and the exit status says so', () => {
    // A symlink loop cannot be read even by root, unlike a chmod 000 file.
    symlinkSync('loop.md', join(dir, 'loop.md'));
    const r = run(['audit', 'loop.md', 'docs/bio.md'], dir);
    assert.match(r.stdout, /loop\.md: cannot read \(ELOOP\)/);
    assert.match(r.stdout, /bio\.md:3:1 error/);
    assert.equal(r.code, 2);
  });
});

describe('claimfloor audit with a model', () => {
  it('says it ran rules-only, and why, when no model is available', () => {
    const text = run(['audit', 'docs/bio.md'], dir);
    assert.match(text.stdout, /Scored without a model \(rules-only: No model: set a local model folder, or allow ClaimFloor to download Xenova\/distilgpt2 \(87 MB, once\)\.\)/);
    const json = JSON.parse(run(['audit', 'docs/bio.md', '--format', 'json'], dir).stdout);
    assert.equal(json.model.used, false);
    assert.equal(json.files[0].claims[0].model.used, false);
  });

  it('--model scores every claim; JSON and SARIF carry the features; a second run comes from the disk cache', async () => {
    const model = await tinyModel();
    const first = JSON.parse(run(['audit', 'docs/bio.md', '--format', 'json', '--model', model, '--min-risk', '0'], dir).stdout);
    assert.equal(first.model.used, true);
    assert.equal(first.model.name, 'tiny-gpt2');
    assert.equal(first.model.fromCache, 0);
    const biography = first.files[0].claims.find((c: { type: string }) => c.type === 'biography');
    assert.equal(biography.model.used, true);
    const slot = biography.model.slots[0];
    for (const key of ['meanBitsPerChar', 'maxBitsPerChar', 'entropyBits']) assert.ok(Number.isFinite(slot[key]) && slot[key] > 0, key);
    assert.ok(Number.isInteger(slot.rank) && slot.rank >= 1);
    assert.equal(typeof slot.expected, 'string');
    const second = JSON.parse(run(['audit', 'docs/bio.md', '--format', 'json', '--model', model, '--min-risk', '0'], dir).stdout);
    assert.equal(second.model.fromCache, second.model.sentences);
    assert.deepEqual(second.files[0].claims, first.files[0].claims);
    const sarif = JSON.parse(run(['audit', 'docs/bio.md', '--format', 'sarif', '--model', model], dir).stdout) as SarifLog;
    assert.equal((sarif.runs[0].properties?.model as { used: boolean }).used, true);
    const text = run(['audit', 'docs/bio.md', '--model', model], dir);
    assert.match(text.stdout, /Model tiny-gpt2 \(uncalibrated: shown, not counted\): 2 sentences scored, 2 from cache\./);
  });

  it('a folder that is not a model is reported, and the audit still runs rules-only', () => {
    const r = run(['audit', 'docs/bio.md', '--model', 'docs'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Scored without a model \(rules-only: .*docs is not a transformers\.js model folder: config\.json is missing\.\)/);
  });

  it('--no-model (the last of the two flags wins) never loads one', async () => {
    const r = run(['audit', 'docs/bio.md', '--model', await tinyModel(), '--no-model'], dir);
    assert.match(r.stdout, /Scored without a model \(rules-only: no model was requested\)/);
  });
});
