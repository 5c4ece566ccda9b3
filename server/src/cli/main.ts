import { homedir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { version } from '../../../package.json';
import { exitCodeFor, runAudit } from './audit';
import { githubReport } from '../output/githubReport';
import { jsonReport } from '../output/jsonReport';
import type { ReportWriter } from '../output/reportWriter';
import { sarifReport } from '../output/sarif';
import { textReport } from '../output/textReport';
import { downloadProgressPrinter } from './downloadProgress';
import { OutputStream } from './outputStream';

const FORMATS: Record<string, (options: { quiet: boolean }) => ReportWriter> = { text: textReport, json: jsonReport, sarif: sarifReport, github: githubReport };

/** Where the CLI keeps downloaded models and scores: $XDG_CACHE_HOME/claimfloor or ~/.cache/claimfloor. */
const DEFAULT_CACHE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'claimfloor');

const EXIT_USAGE = 2;

function parseProbability(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1.');
  return n;
}

const stdout = new OutputStream(process.stdout);
const stderr = (text: string) => void process.stderr.write(text);

const program = new Command()
  .name('claimfloor')
  .description('Flags likely hallucinated factual claims in Markdown and explains the theoretical floor for each kind of claim.')
  .version(version)
  .exitOverride()
  .configureOutput({ writeOut: (s) => void stdout.write(s), writeErr: stderr });

program
  .command('audit')
  .description('Check Markdown files, directories or globs (default: Markdown files under the current directory).')
  .argument('[paths...]', 'files, directories or globs', ['.'])
  .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATS)).default('text'))
  .option('--min-risk <p>', 'list claims whose risk is at least p (0 lists every claim); default: claims below their confidence target', parseProbability)
  .addOption(new Option('--fail-on <severity>', 'exit 1 when a listed claim is at least this severe (a draft with warnings is not a failed build; --fail-on warning to make it one)').choices(['error', 'warning', 'information', 'hint', 'none']).default('error'))
  .option('-c, --config <file>', 'use this configuration file instead of each file\'s nearest .claimfloor.json')
  .option('-q, --quiet', 'print findings only: no notices, summary or progress', false)
  .option('--model <folder>', 'score claims with this transformers.js model folder (config.json, tokenizer.json, onnx/)')
  .option('--allow-download', 'download the default model (Xenova/distilgpt2, 85 MB, sha256-checked) if no copy is cached; without it the CLI never uses the network', false)
  .option('--no-model', 'rules only, even when a downloaded model is cached')
  .option('--cache-dir <dir>', 'downloaded models and cached scores', DEFAULT_CACHE_DIR)
  .option('--sources <folder>', 'check claims against the files in this folder (repeatable; adds to the config\'s "sources")', (value: string, previous: string[]) => [...previous, value], [] as string[])
  .option('--no-corpus', 'do not count occurrences across the audited files or check sources (rules and model only)')
  .action(async (paths: string[], opts: { format: string; minRisk?: number; failOn: 'error' | 'warning' | 'information' | 'hint' | 'none'; config?: string; quiet: boolean; model: string | boolean; allowDownload: boolean; cacheDir: string; sources: string[]; corpus: boolean }) => {
    const model =
      opts.model === false
        ? undefined
        : {
            path: typeof opts.model === 'string' ? opts.model : undefined,
            allowDownload: opts.allowDownload,
            cacheDir: opts.cacheDir,
            onDownloadProgress: opts.quiet ? undefined : downloadProgressPrinter(process.stderr),
          };
    const corpus = opts.corpus ? { sources: opts.sources } : undefined;
    const writer = FORMATS[opts.format]({ quiet: opts.quiet });
    let unreadable = false;
    await stdout.write(writer.begin());
    const { unmatched, summary } = await runAudit({ paths, cwd: process.cwd(), configFile: opts.config, minRisk: opts.minRisk, progress: !opts.quiet, model, corpus, distDir: __dirname }, async (result) => {
      unreadable ||= result.ioError === true;
      if (result.error && opts.format !== 'text') stderr(`claimfloor: ${result.path}: ${result.error}\n`);
      await stdout.write(writer.file(result));
    });
    await stdout.write(writer.end(summary));
    for (const u of unmatched) stderr(`claimfloor: no files match "${u}"\n`);
    await stdout.flush();
    if (stdout.failed) {
      stderr(`claimfloor: the report could not be written completely (${stdout.failed.message}); it is cut short.\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    // A path that matched nothing or a file that could not be read makes the run incomplete.
    process.exitCode = unmatched.length > 0 || unreadable ? EXIT_USAGE : exitCodeFor(summary.listed, opts.failOn);
  });

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
      process.exitCode = 0;
    } else if (code?.startsWith('commander.')) {
      process.exitCode = EXIT_USAGE;
    } else {
      // An invalid configuration (ConfigError) or any other failure: say why, exit 2.
      stderr(`claimfloor: ${(error as Error).message}\n`);
      process.exitCode = EXIT_USAGE;
    }
  }
}

void main();
