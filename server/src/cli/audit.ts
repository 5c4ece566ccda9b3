import { dirname, resolve } from 'node:path';
import { LRUCache } from 'lru-cache';
import { type BlockCache, type BlockClaims, type ClaimFloorConfig, ConfigLoader, findConfigFile, resolveConfig, SEVERITY_ORDER, type Severity } from '../engine';
import { checkFile } from './checkFile';
import { collectFiles, isIgnored } from '../files/collectFiles';
import type { FileResult } from '../output/fileResult';
import { Progress } from './progress';
import { openModel } from '../modelRuntime/openModel';
import type { DownloadProgress } from '../modelRuntime/downloadModel';
import { type ModelReport, modelReport, RULES_ONLY } from '../output/modelReport';
import type { CorpusContext } from '../engine/reference/claimCorpusEvidence';
import { WorkspaceCorpus } from '../workspaceIndex/workspaceCorpus';
import { loadGazetteer } from '../workspaceIndex/loadGazetteer';

/** Paragraph results kept between indexing and auditing: more than a large repository's paragraphs, a bounded memory. */
const BLOCK_CACHE_ENTRIES = 100_000;

export interface AuditOptions {
  paths: string[];
  cwd: string;
  /** Explicit config file; otherwise each file's nearest `.claimfloor.json`. */
  configFile?: string;
  /** List claims with risk ≥ this; undefined lists the claims below their confidence target. */
  minRisk?: number;
  /** Show the progress line (it appears only on a terminal in any case). */
  progress: boolean;
  /** Score claims with a language model; absent means rules-only. */
  model?: {
    /** A transformers.js model folder (--model). */
    path?: string;
    allowDownload: boolean;
    /** Downloaded models and the persistent score cache live here. */
    cacheDir: string;
    workerFile: string;
    onDownloadProgress?: (progress: DownloadProgress) => void;
  };
  /**
   * Count occurrences across the audited files and check claims against sources (--sources and
   * each config's `sources`); absent means no corpus evidence.
   */
  corpus?: { sources: string[]; gazetteerDir: string };
}

export interface AuditOutcome {
  results: FileResult[];
  unmatched: string[];
  model: ModelReport;
}

/** Checks every file the arguments name; a file that cannot be read is reported and skipped. */
export async function audit(options: AuditOptions): Promise<AuditOutcome> {
  const loader = new ConfigLoader();
  const explicit = options.configFile ? loader.load(resolve(options.cwd, options.configFile)) : undefined;
  const defaults = resolveConfig();
  const configFor = (file: string): ClaimFloorConfig => {
    if (explicit) return explicit;
    const found = findConfigFile(dirname(resolve(options.cwd, file)));
    return found ? loader.load(found) : defaults;
  };

  const { files, unmatched } = await collectFiles(options.paths, options.cwd);
  const opened = options.model
    ? await openModel({
        path: options.model.path,
        storageDir: options.model.cacheDir,
        allowDownload: options.model.allowDownload,
        download: { onProgress: options.model.onDownloadProgress },
        scorer: { workerFile: options.model.workerFile },
      })
    : undefined;
  const checked = files.filter((f) => !isIgnored(f, configFor(f), options.cwd));
  // The index extracts each file's claims; the audit then reuses them paragraph by paragraph.
  const blocks = new LRUCache<string, BlockClaims>({ max: BLOCK_CACHE_ENTRIES });
  const corpus = options.corpus ? await buildCorpus(checked.map((f) => resolve(options.cwd, f)), options.corpus, options.cwd, configFor, blocks) : undefined;
  const progress = new Progress(options.progress ? checked.length : 0);
  const results: FileResult[] = [];
  const counts = { sentences: 0, fromCache: 0 };
  try {
    for (const [i, path] of checked.entries()) {
      progress.update(i + 1, path);
      const { modelStats, ...result } = await checkFile({ path, cwd: options.cwd, config: configFor(path), minRisk: options.minRisk, corpus, cache: blocks }, opened?.scoring);
      counts.sentences += modelStats?.windows ?? 0;
      counts.fromCache += modelStats?.cacheHits ?? 0;
      results.push(result);
    }
  } finally {
    progress.finish();
    await opened?.scoring?.flush();
    await opened?.scoring?.dispose();
  }
  return { results, unmatched, model: opened ? modelReport(opened.status, counts) : RULES_ONLY };
}

/** One index over the audited files (the workspace the counts are over) and every declared source. */
export async function buildCorpus(
  files: string[],
  options: NonNullable<AuditOptions['corpus']>,
  cwd: string,
  configFor: (file: string) => ClaimFloorConfig,
  blocks?: BlockCache,
): Promise<CorpusContext> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const configs = new Set(files.map(configFor));
  const folderOf = (c: ClaimFloorConfig) => (c.file ? dirname(c.file) : cwd);
  const fromConfigs = [...configs].flatMap((c) => c.sources.map((s) => resolve(folderOf(c), s)));
  const fromArguments = options.sources.map((s) => resolve(cwd, s));
  const [first = resolveConfig()] = configs;
  const workspace = new WorkspaceCorpus({
    roots: [],
    files,
    sources: [...fromArguments, ...fromConfigs],
    // A repository's config names sources inside its own folder; --sources may point anywhere.
    confineTo: [...fromArguments, ...[...configs].map(folderOf)],
    ignore: [],
    limits: first.corpus,
    maxSentenceChars: first.limits.maxSentenceChars,
    maxDocumentChars: first.limits.maxChars,
  }, undefined, log, blocks);
  await workspace.build();
  const { skipped } = workspace.index;
  if (skipped > 0) {
    log(
      `ClaimFloor: ${skipped.toLocaleString('en-US')} file${skipped === 1 ? ' is' : 's are'} over the index limits (corpus.maxFiles ${first.corpus.maxFiles.toLocaleString('en-US')}, corpus.maxChars ${first.corpus.maxChars.toLocaleString('en-US')}): still checked, but not counted as reference material for occurrences and sources.`,
    );
  }
  return { index: workspace.index, gazetteer: loadGazetteer(options.gazetteerDir, log) };
}

/** Exit status: 1 when any listed finding is at least as severe as `failOn`. */
export function exitCodeFor(results: FileResult[], failOn: Severity | 'none'): 0 | 1 {
  if (failOn === 'none') return 0;
  const limit = SEVERITY_ORDER[failOn];
  return results.some((r) => r.findings.some((c) => SEVERITY_ORDER[c.severity] <= limit)) ? 1 : 0;
}
