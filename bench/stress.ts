// Huge and hostile inputs (issues 7 and 14): a 10 MB document, a 1 MB single line, 100,000 lines,
// the inputs that once took quadratic time (runs without spaces of `a.`, `*_`, `%`, `(`, long URLs
// and DOIs, tables of 100,000 rows) and a workspace of 20,500 files, through the real language
// server and the CLI. Prints and writes time (and seconds per MB in the CLI), peak memory, the
// slowest hover on another document while the server analyses, and the announced caps
// (docs/benchmarks.md, section "stress").
//
//   npm run bench:stress -- [--files 20500]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Diagnostic, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { Methods } from '../protocol/claimFloorProtocol';
import { IMMEDIATE_RULES_ONLY, Session, until } from '../test/helpers/lspSession';
import { table, writeSection } from './lib/benchmarksDoc';
import { megabytes, peakRssKb } from './lib/peakMemory';

const { values: args } = parseArgs({ options: { files: { type: 'string', default: '20500' } } });
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

/** Runs the CLI, sampling its peak RSS from /proc until it exits. */
function cli(argv: string[], cwd: string): Promise<{ ms: number; code: number | null; stdout: string; stderr: string; peakKb: number }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [resolve('dist/cli.js'), ...argv], { cwd });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setInterval(() => {
      const now = peakRssKb(child.pid!);
      if (Number.isFinite(now)) peak = Math.max(peak, now);
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      done({ ms: performance.now() - started, code, stdout, stderr, peakKb: peak });
    });
  });
}

const paragraph = 'The bridge opened on 12 June 1937 and carried 42,000 cars a day.\n\n';
const MB = 1_000_000;
const run = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const DOCUMENTS: Array<[string, string]> = [
  ['10 MB document', paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))],
  ['1 MB single line', `${'word '.repeat(200_000)}\n\nThe dam opened in 1936.\n`],
  ['100,000 lines', Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 999 ? `The archive moved in ${1900 + (i % 97)}.` : `- item ${i}`)).join('\n')],
  ['a. × 500,000', run('a.')],
  ['*_ × 500,000', run('*_')],
  ['an ISBN, then % × 1,000,000', `ISBN 978-0-13-468599-1 ${run('%')}`],
  ['( × 1,000,000', run('(')],
  ['doi:10.1/ then % × 1,000,000', `doi:10.1/${run('%')}`],
  ['a 1 MB URL', `See https://example.com/${run('a/')} for details.`],
  ['1 MB with runs just under 2,000 characters', (run('a.').match(/[\s\S]{1,1990}/g) ?? []).join(' ')],
  ['a table of 100,000 figures rows', `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(100_000)}`],
  ['a 3.6 MB table of words', `| Name | Role |\n|---|---|\n${'| Ada Lovelace | mathematician |\n'.repeat(110_000)}`],
];

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'claimfloor-stress-'));
  const rows: Array<Array<string | number>> = [];
  const session = new Session({ bundle: true });
  session.settings = IMMEDIATE_RULES_ONLY;
  await session.start(root);
  // A small open document the writer hovers over while the server analyses the big one.
  const small = URI.file(join(root, 'small.md')).toString();
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: small, languageId: 'markdown', version: 1, text: 'The dam opened in 1936.\n' } });
  const [smallClaim] = (await session.diagnosticsFor(small)).diagnostics;
  try {
    for (const [name, text] of DOCUMENTS) {
      const file = `${name.replace(/\W+/g, '-')}.md`;
      writeFileSync(join(root, file), text);
      const uri = URI.file(join(root, file)).toString();
      const started = performance.now();
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const published = session.diagnosticsFor(uri, () => true, 300_000);
      let arrived = false;
      void published.then(() => (arrived = true));
      let slowestHover = 0;
      while (!arrived) {
        const asked = performance.now();
        await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: smallClaim.range.start });
        slowestHover = Math.max(slowestHover, performance.now() - asked);
        await new Promise((r) => setTimeout(r, 20));
      }
      const { diagnostics } = await published;
      const ms = performance.now() - started;
      await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      const notices = diagnostics.filter((d) => !d.code).map(messageOf);
      const audited = await cli(['audit', file, '--format', 'text', '--min-risk', '0', '--fail-on', 'none'], root);
      const cliNotices = audited.stdout.split('\n').filter((l) => /: (information|warning): /.test(l)).map((l) => l.replace(/^\S+: \w+: /, ''));
      const perMb = audited.ms / 1000 / (text.length / MB);
      rows.push([name, `${(text.length / 1e6).toFixed(2)} M chars`, seconds(ms), `${slowestHover.toFixed(0)} ms`, diagnostics.length - notices.length, notices.join(' / ') || '–', `${seconds(audited.ms)} (${perMb.toFixed(2)} s/MB)`, megabytes(audited.peakKb), cliNotices.join(' / ') || '–']);
      console.log(rows.at(-1)!.join(' | '));
    }
    rows.push(['(server after all of them)', '', '', '', '', `peak RSS ${megabytes(peakRssKb(session.child!.pid!))}`, '', '', '']);
  } finally {
    await session.stop();
  }

  const count = Number(args.files);
  const workspace = join(root, 'workspace');
  for (let i = 0; i < count; i++) {
    const folder = join(workspace, `folder-${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `note-${i}.md`), `# Note ${i}\n\nThe archive of note ${i} moved to Lisbon in ${1800 + (i % 200)}.\n`);
  }
  const indexing = new Session({ bundle: true });
  indexing.settings = IMMEDIATE_RULES_ONLY;
  const started = performance.now();
  await indexing.start(workspace, { storagePath: join(root, 'storage') });
  let state = '';
  try {
    const done = await until(() => indexing.notifications.find((n) => n.method === Methods.indexState && /indexed/.test((n.params as { text: string }).text)), 900_000);
    state = (done.params as { text: string }).text;
  } finally {
    rows.push([`workspace of ${count.toLocaleString('en-US')} files (language server index)`, '', seconds(performance.now() - started), '', '', state, '', `server ${megabytes(peakRssKb(indexing.child!.pid!))}`, '']);
    await indexing.stop();
  }
  const audit = await cli(['audit', '.', '--format', 'json', '--min-risk', '0', '--fail-on', 'none'], workspace);
  const checked = (JSON.parse(audit.stdout) as { files: unknown[] }).files.length;
  rows.push([`the same ${count.toLocaleString('en-US')} files (claimfloor audit)`, '', '', '', '', `${checked.toLocaleString('en-US')} files checked`, seconds(audit.ms), megabytes(audit.peakKb), audit.stderr.trim().replace(/\n/g, ' / ') || '–']);
  console.log(rows.slice(-2).map((r) => r.join(' | ')).join('\n'));

  const markdown = [
    '## Huge inputs',
    '',
    `Generated by \`npm run bench:stress\` (one run each; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}). Editor settings are the defaults (\`claimFloor.maxFileChars\` 500,000); the CLI uses \`limits.maxChars\` 2,000,000 and \`corpus.maxFiles\` 20,000.`,
    '',
    table(['Input', 'Size', 'Server: first diagnostics', 'Server: slowest hover meanwhile', 'Claims', 'Server: what it announced', 'CLI time (per MB)', 'CLI peak RSS', 'CLI: what it announced'], rows),
  ].join('\n');
  writeSection('stress', markdown);
  console.log(`\n${markdown}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
