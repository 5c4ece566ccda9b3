// Scaling of the built CLI on varied real prose (issue 19): `claimfloor audit` over 1 / 100 /
// 1,000 / 5,000 files of ~4 KB (bench/lib/realProseCorpus.ts, no paragraph used twice), in JSON and
// text, with the workspace index on (the default). Measures wall time, CPU time (user + sys) and
// peak RSS of the CLI process (GNU time when present, else /proc sampling), fits the log-log slope
// of time against files, prints the table and writes it into docs/benchmarks.md (section "scale").
//
//   npm run bench:scale -- [--sizes 1,100,1000,5000] [--formats json,text] [--big-formats json] [--no-doc]
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { table, writeSection } from './lib/benchmarksDoc';
import { peakRssKb } from './lib/peakMemory';
import { buildRealProseCorpus, type RealProseCorpus } from './lib/realProseCorpus';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,100,1000,5000' },
    formats: { type: 'string', default: 'json,text' },
    /** Formats for 5,000 files and more (each such run takes minutes on a shared machine). */
    'big-formats': { type: 'string' },
    'no-doc': { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '20' },
  },
});
const sizes = args.sizes.split(',').map(Number);
const formats = args.formats.split(',');
const CLI = resolve('dist/cli.js');
const GNU_TIME = '/usr/bin/time';
const BUDGET_MB = 600;

interface Measurement {
  files: number;
  format: string;
  wall: number;
  cpu: number;
  peakMb: number;
  code: number | null;
  error?: string;
}

/** The CLI over `folder` with its report sent to /dev/null; GNU time's figures when it is installed. */
function measure(folder: string, format: string, files: number): Promise<Measurement> {
  const timeFile = join(mkdtempSync(join(tmpdir(), 'claimfloor-time-')), 'time');
  const argv = ['audit', '.', '--format', format, '--fail-on', 'none', '--no-model'];
  const gnu = existsSync(GNU_TIME);
  const [command, commandArgs] = gnu ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, CLI, ...argv]] : [process.execPath, [CLI, ...argv]];
  const devNull = openSync('/dev/null', 'w');
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: folder, stdio: ['ignore', devNull, 'pipe'] });
    let stderr = '';
    let peak = 0;
    let cpuTicks = 0;
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = gnu
      ? undefined
      : setInterval(() => {
          const now = peakRssKb(child.pid!);
          if (Number.isFinite(now)) peak = Math.max(peak, now);
          try {
            const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            cpuTicks = Number(fields[11]) + Number(fields[12]);
          } catch {
            // exited
          }
        }, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), Number(args['timeout-min']) * 60_000);
    child.on('exit', (code) => {
      clearInterval(timer);
      clearTimeout(killer);
      closeSync(devNull);
      const wallMs = performance.now() - started;
      let m: Measurement = { files, format, wall: wallMs / 1000, cpu: cpuTicks / 100, peakMb: peak / 1024, code };
      if (gnu && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8').trim();
        const [wall, user, sys, rss] = (report.split('\n').pop() ?? '').split(' ').map(Number);
        if ([wall, user, sys, rss].every(Number.isFinite)) m = { ...m, wall, cpu: user + sys, peakMb: rss / 1024 };
        // GNU time exits 0 itself; the CLI's status is in its report ("exited with non-zero status N", "terminated by signal N").
        const status = /non-zero status (\d+)|terminated by signal (\d+)/.exec(report);
        if (status) m.code = status[1] !== undefined ? Number(status[1]) : 128 + Number(status[2]);
      }
      rmSync(join(timeFile, '..'), { recursive: true, force: true });
      if (m.code !== 0) m.error = stderr.trim().split('\n').slice(-2).join(' ').slice(0, 200) || `exit ${m.code}`;
      done(m);
    });
  });
}

/** Least-squares slope of log(y) on log(x). */
function logLogSlope(points: Array<[number, number]>): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run build first');
  const root = join(tmpdir(), 'claimfloor-scale');
  const corpora: RealProseCorpus[] = [];
  const results: Measurement[] = [];
  for (const files of sizes) {
    const corpus = buildRealProseCorpus(join(root, String(files)), files);
    corpora.push(corpus);
    console.log(`${files} files: ${(corpus.bytes / 1e6).toFixed(3)} MB, ${corpus.paragraphs} paragraphs, distinct share ${corpus.distinctShare.toFixed(3)}${corpus.reused ? ' (pool exhausted: paragraphs reused)' : ''}`);
    for (const format of files >= 5000 && args['big-formats'] ? args['big-formats'].split(',') : formats) {
      const m = await measure(corpus.folder, format, files);
      results.push(m);
      console.log(`  ${format}: wall ${m.wall.toFixed(2)} s, CPU ${m.cpu.toFixed(2)} s, peak ${m.peakMb.toFixed(0)} MB${m.error ? `, FAILED: ${m.error}` : ''}`);
    }
    rmSync(corpus.folder, { recursive: true, force: true });
  }
  const slopes = formats.map((format) => {
    const ok = results.filter((r) => r.format === format && !r.error && r.files >= 100);
    const fit = (key: 'wall' | 'cpu') => (ok.length >= 2 ? logLogSlope(ok.map((r) => [r.files, r[key]])).toFixed(2) : 'n/a');
    const last = ok.slice(-2);
    const marginal = last.length === 2 ? (Math.log(last[1].cpu / last[0].cpu) / Math.log(last[1].files / last[0].files)).toFixed(2) : 'n/a';
    return { format, wall: fit('wall'), cpu: fit('cpu'), marginal, span: last.map((r) => r.files.toLocaleString('en-US')).join('→') };
  });
  const rows = results.map((r) => {
    const corpus = corpora.find((c) => c.files === r.files)!;
    return [r.files.toLocaleString('en-US'), (corpus.bytes / 1e6).toFixed(3), corpus.distinctShare.toFixed(3), r.format, r.error ? `failed: ${r.error}` : r.wall.toFixed(2), r.error ? '' : r.cpu.toFixed(2), r.peakMb.toFixed(0), r.peakMb <= BUDGET_MB ? 'yes' : 'no'];
  });
  const body = table(['files', 'MB', 'distinct paragraphs', 'format', 'wall s', 'CPU s', 'peak RSS MB', `≤ ${BUDGET_MB} MB`], rows);
  const slopeTable = table(
    ['format', 'slope, wall (≥ 100 files)', 'slope, CPU (≥ 100 files)', 'slope, CPU, last step'],
    slopes.map((s) => [s.format, s.wall, s.cpu, `${s.marginal} (${s.span})`]),
  );
  const last = corpora[corpora.length - 1];
  const share = Object.entries(last.sources)
    .sort((a, b) => b[1] - a[1])
    .map(([group, bytes]) => `${group} ${((100 * bytes) / last.bytes).toFixed(0)}%`)
    .join(', ');
  const markdown = [
    '## Scale: files of ~4 KB of real prose',
    '',
    `Generated by \`npm run bench:scale\` (${new Date().toISOString().slice(0, 10)}, one run per cell on a shared 2-core machine). \`claimfloor audit . --format F --fail-on none --no-model\` through \`dist/cli.js\`, report to /dev/null, workspace index on (the default); wall, CPU (user + sys) and peak RSS of the CLI process from GNU time. The corpus (\`bench/lib/realProseCorpus.ts\`) cuts real text into files without reusing a paragraph; at ${last.files.toLocaleString('en-US')} files: ${share}. Goal (issue 19): ${(5000).toLocaleString('en-US')} files ≤ ${BUDGET_MB} MB, slope ≈ 1.`,
    '',
    body,
    '',
    slopeTable,
  ].join('\n');
  console.log(`\n${body}\n\n${slopeTable}`);
  if (!args['no-doc']) writeSection('scale', markdown);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
