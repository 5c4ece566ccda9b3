import { writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { version } from '../../../package.json';
import { audit, exitCodeFor } from './audit';
import type { FileResult } from '../output/fileResult';
import { formatGithub } from '../output/githubFormat';
import { formatJson } from '../output/jsonFormat';
import { formatSarif } from '../output/sarif';
import { formatText } from '../output/textFormat';
import type { ModelReport } from '../output/modelReport';
import { downloadProgressPrinter } from './downloadProgress';

const FORMATTERS: Record<string, (results: FileResult[], options: { quiet: boolean; model: ModelReport }) => string> = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub };

/** Where the CLI keeps downloaded models and scores: $XDG_CACHE_HOME/claimfloor or ~/.cache/claimfloor. */
const DEFAULT_CACHE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'claimfloor');

const EXIT_USAGE = 2;

function parseProbability(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1.');
  return n;
}

/** Writes synchronously so large reports are complete before the process exits. */
function write(fd: 1 | 2, text: string): void {
  const buffer = Buffer.from(text);
  for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
}

const program = new Command()
  .name('claimfloor')
  .description('Flags likely hallucinated factual claims in Markdown and explains the theoretical floor for each kind of claim.')
  .version(version)
  .exitOverride()
  .configureOutput({ writeOut: (s) => write(1, s), writeErr: (s) => write(2, s) });

program
  .command('audit')
  .description('Check Markdown files, directories or globs (default: Markdown files under the current directory).')
  .argument('[paths...]', 'files, directories or globs', ['.'])
  .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATTERS)).default('text'))
  .option('--min-risk <p>', 'list claims whose risk is at least p (0 lists every claim); default: claims below their confidence target', parseProbability)
  .addOption(new Option('--fail-on <severity>', 'exit 1 when a listed claim is at least this severe').choices(['error', 'warning', 'information', 'hint', 'none']).default('warning'))
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
    const { results, unmatched, model: report } = await audit({ paths, cwd: process.cwd(), configFile: opts.config, minRisk: opts.minRisk, progress: !opts.quiet, model, corpus, distDir: __dirname });
    for (const u of unmatched) write(2, `claimfloor: no files match "${u}"\n`);
    write(1, FORMATTERS[opts.format](results, { quiet: opts.quiet, model: report }));
    for (const r of results.filter((x) => x.error)) if (opts.format !== 'text') write(2, `claimfloor: ${r.path}: ${r.error}\n`);
    // A path that matched nothing or a file that could not be read makes the run incomplete.
    const incomplete = unmatched.length > 0 || results.some((r) => r.ioError);
    process.exitCode = incomplete ? EXIT_USAGE : exitCodeFor(results, opts.failOn);
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
      write(2, `claimfloor: ${(error as Error).message}\n`);
      process.exitCode = EXIT_USAGE;
    }
  }
}

void main();
