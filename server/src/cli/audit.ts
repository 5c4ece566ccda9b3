import { resolve } from 'node:path';
import { SEVERITY_ORDER, type Severity } from '../engine';
import type { FileResult } from '../output/fileResult';
import { type ModelReport, modelReport, RULES_ONLY } from '../output/modelReport';
import { emptyCounts, type RunSummary } from '../output/reportWriter';
import { AnalysisService, type ServiceEvent } from '../service/analysisService';
import { Progress } from './progress';

const CLI_BLOCK_CACHE_BYTES = 16 * 1024 * 1024;

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
    /** Told how far a model download got (percentage, "12.0 of 85.0 MB"). */
    onDownloadProgress?: (percentage: number, message: string) => void;
  };
  /**
   * Count occurrences across the audited files and check claims against sources (--sources and
   * each config's `sources`); absent means no corpus evidence.
   */
  corpus?: { sources: string[] };
  /** Where the bundles lie: the scoring worker and the offline popularity data. */
  distDir: string;
  /** Messages about the run itself (index limits, cache write failures), one line each. */
  log?: (message: string) => void;
}

export interface AuditOutcome {
  results: FileResult[];
  unmatched: string[];
  model: ModelReport;
}

/**
 * `claimfloor audit`: the analysis service over the files the arguments name, each file handed to
 * `onFile` as soon as it is done (and then let go, so memory does not grow with the results); a
 * file that cannot be read is reported and skipped.
 */
export async function runAudit(options: AuditOptions, onFile: (result: FileResult) => Promise<void> | void): Promise<{ unmatched: string[]; model: ModelReport; summary: RunSummary }> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const onEvent = (event: ServiceEvent) => {
    if (event.kind === 'log' && event.level !== 'info') log(event.message);
    if (event.kind === 'progress' && event.id === 'download' && event.phase === 'report') options.model?.onDownloadProgress?.(event.percentage ?? 0, event.message ?? '');
  };
  // A small paragraph cache: a file's paragraphs are read when it is indexed and again when it is
  // audited, and the same results come from either (1,000 files: the same CPU time, 95 MB less).
  const service = new AnalysisService({ storageDir: options.model?.cacheDir, gazetteerDir: options.distDir, scoringWorkerFile: `${options.distDir}/scoringWorker.js`, configFile: options.configFile, onEvent, blockCacheBytes: CLI_BLOCK_CACHE_BYTES });
  try {
    // A broken --config stops the run before anything is read.
    service.configs.explicitConfig();
    await service.configure({
      // --sources are given relative to where the command runs.
      sources: (options.corpus?.sources ?? []).map((s) => resolve(options.cwd, s)),
      corpus: options.corpus !== undefined,
      model: options.model ? { enabled: true, path: options.model.path, allowDownload: options.model.allowDownload } : { enabled: false, allowDownload: false },
    });
    const { files: listed, unmatched } = await service.auditList(options.paths, options.cwd);
    await service.indexFiles(listed.map((f) => `${options.cwd}/${f}`));
    const { drafts: files, sources: skipped } = service.draftsAmong(listed, options.cwd, options.paths);
    if (skipped > 0) log(`claimfloor: ${skipped} file${skipped === 1 ? '' : 's'} in your source folders ${skipped === 1 ? 'is' : 'are'} reference material and ${skipped === 1 ? 'was' : 'were'} not audited (name a file to audit it).`);
    const progress = new Progress(options.progress ? files.length : 0);
    const summary: RunSummary = { model: RULES_ONLY, checked: 0, claims: 0, listed: emptyCounts() };
    try {
      let done = 0;
      for await (const file of service.audit(files, options.cwd)) {
        progress.update(++done, file.path);
        const result = file.result;
        const config = result?.config ?? service.configs.configFor(`${options.cwd}/${file.path}`).config;
        const findings = result ? result.analysis.claims.filter((c) => c.severity === 'error' || (options.minRisk === undefined ? c.flagged : c.risk >= options.minRisk)) : [];
        if (result) {
          summary.checked++;
          summary.claims += result.analysis.claims.length;
        }
        for (const c of findings) summary.listed[c.severity]++;
        await onFile({ path: file.path, config, analysis: result?.analysis, findings, error: file.error, ioError: file.ioError });
      }
    } finally {
      progress.finish();
    }
    await service.flush();
    const stats = service.scoringStats;
    summary.model = options.model ? modelReport(service.modelState, { sentences: stats.windows, fromCache: stats.cacheHits }) : RULES_ONLY;
    return { unmatched, model: summary.model, summary };
  } finally {
    await service.dispose();
  }
}

/** The whole audit's results at once (benchmarks and tests; the CLI writes them as they come). */
export async function audit(options: AuditOptions): Promise<AuditOutcome> {
  const results: FileResult[] = [];
  const { unmatched, model } = await runAudit(options, (result) => void results.push(result));
  return { results, unmatched, model };
}

/** Exit status: 1 when any listed finding is at least as severe as `failOn`. */
export function exitCodeFor(listed: Record<Severity, number>, failOn: Severity | 'none'): 0 | 1 {
  if (failOn === 'none') return 0;
  const limit = SEVERITY_ORDER[failOn];
  return (Object.keys(listed) as Severity[]).some((s) => listed[s] > 0 && SEVERITY_ORDER[s] <= limit) ? 1 : 0;
}
