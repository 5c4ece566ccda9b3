import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LRUCache } from 'lru-cache';
import { analyzeDocument, type BlockClaims, type ClaimFloorConfig, type CorpusContext, type DocumentAnalysis, type ModelInput } from '../engine';
import { removeStaleTemporaryFiles, storeIn } from '../files/cacheStore';
import { collectFiles, isIgnored } from '../files/collectFiles';
import { readDocument } from '../files/readDocument';
import type { ScoringStats } from '../modelRuntime/modelScoring';
import { ConfigResolver } from './configResolver';
import { LanguageModel, type ModelState, modelStatusText } from './languageModel';
import { ReferenceIndex } from './referenceIndex';
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from './serviceSettings';

/** A document to analyse: its text as the adapter has it (an editor buffer, or a file read from disk). */
export interface DocumentInput {
  /** `file://…` or `untitled:…`; results are keyed by it. */
  uri: string;
  /** The file-system path, when the document is a file: config discovery and its own index entry. */
  path?: string;
  version: number;
  text: string;
}

/** One engine pass over a document, with what the adapters need to present it. */
export interface DocumentResult {
  uri: string;
  version: number;
  analysis: DocumentAnalysis;
  config: ClaimFloorConfig;
  /** The `.claimfloor.json` that applied, if any. */
  configFile?: string;
  /** Sentences still waiting for the language model; a `scored` event follows when they are done. */
  pendingScores: number;
  /** The file lies in a declared source folder: reference material, not a draft (the editor shows no findings unless asked). */
  source: boolean;
}

/** A file of an audit: its result, or why it could not be checked. */
export interface AuditedFile {
  /** As listed (relative to the audit's folder, forward slashes). */
  path: string;
  uri: string;
  result?: DocumentResult;
  error?: string;
  /** True when the file could not be read at all (an I/O error, not a skipped binary file). */
  ioError?: boolean;
}

/** What the service reports to its adapter (the language server relays these to the editor). */
export type ServiceEvent =
  | { kind: 'model-state'; state: ModelState['state']; text: string }
  | { kind: 'index-state'; text: string }
  | { kind: 'progress'; id: 'index' | 'download'; phase: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean }
  | { kind: 'scored'; uri: string; version: number }
  /** Results of open documents may differ now (the model, the index or a configuration changed): analyse them again. */
  | { kind: 'invalidated'; reason: string }
  | { kind: 'log'; level: 'info' | 'warning' | 'error'; message: string };

export interface ServiceOptions {
  /** Downloaded models, the score cache and the persisted workspace index; absent: nothing persists. */
  storageDir?: string;
  /** Where dist/gazetteer.json (offline popularity data) lies. */
  gazetteerDir: string;
  /** The bundled scoring worker (dist/scoringWorker.js). */
  scoringWorkerFile: string;
  /** The CLI's --config: one configuration for every file. */
  configFile?: string;
  /** Keep the workspace index on disk between runs (the editor; the CLI reads its files afresh). */
  persistIndex?: boolean;
  /**
   * The paragraph cache's budget (default 256 MB, for the editor's edits). The CLI reads every file
   * twice, indexing then auditing it, in the same order: once the files outgrow the cache the LRU
   * has evicted a file before its audit, so a large budget holds memory without saving work.
   */
  blockCacheBytes?: number;
  onEvent?: (event: ServiceEvent) => void;
}

/** Paragraph results kept for reuse, by size: enough for a large repository, a bounded memory. */
const BLOCK_CACHE_BYTES = 256 * 1024 * 1024;

const sizeOfBlock = (b: BlockClaims) => 256 + b.sentences.reduce((n, s) => n + 64 + s.drafts.length * 512, 0);

/**
 * The one analysis service under the CLI, the workspace audit and the language server: it finds
 * each file's configuration, keeps the paragraph cache, owns the workspace index and the language
 * model, and runs the engine's two-pass flow (scores already known now; the rest once the model has
 * scored them). The adapters only read files, present results and schedule work, so they agree by
 * construction.
 */
export class AnalysisService {
  readonly configs: ConfigResolver;
  private settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS;
  private readonly blocks: LRUCache<string, BlockClaims>;
  private readonly index: ReferenceIndex;
  private readonly model: LanguageModel;
  private roots: string[] = [];
  /** Per document: the version being scored in the background, and how to stop that. */
  private readonly scoring = new Map<string, { version: number; controller: AbortController }>();
  private readonly stats: ScoringStats = { windows: 0, cacheHits: 0, scored: 0 };
  private readonly announcedConfigs = new Set<string>();
  private downloadController?: AbortController;

  constructor(private readonly options: ServiceOptions) {
    this.configs = new ConfigResolver(options.configFile);
    this.blocks = new LRUCache<string, BlockClaims>({ maxSize: options.blockCacheBytes ?? BLOCK_CACHE_BYTES, sizeCalculation: sizeOfBlock });
    const log = (message: string) => this.log('warning', message);
    if (options.storageDir) void removeStaleTemporaryFiles(storeIn(options.storageDir)).catch(() => undefined);
    this.index = new ReferenceIndex({ storageDir: options.persistIndex ? options.storageDir : undefined, gazetteerDir: options.gazetteerDir, log, blocks: this.blocks });
    this.model = new LanguageModel(options.storageDir, options.scoringWorkerFile, {
      onState: (state) => {
        this.emit({ kind: 'model-state', state: state.state, text: modelStatusText(state) });
        // Results must never show evidence from a model that is no longer loaded, or miss a new one's.
        this.emit({ kind: 'invalidated', reason: `model ${state.state}` });
        if (state.state === 'ready') this.log('info', `ClaimFloor: model ${state.model.identity.name} loaded in ${Math.round(state.loadMs)} ms (${state.model.origin}; ${state.model.calibration ? 'calibrated' : 'no calibration for these weights'}).`);
      },
      beginDownload: async (controller) => {
        this.downloadController = controller;
        this.emit({ kind: 'progress', id: 'download', phase: 'begin', title: 'ClaimFloor: downloading the language model', message: 'starting', cancellable: true });
        return {
          report: ({ receivedBytes, totalBytes }) =>
            this.emit({ kind: 'progress', id: 'download', phase: 'report', percentage: Math.floor((100 * receivedBytes) / totalBytes), message: `${(receivedBytes / 1e6).toFixed(1)} of ${(totalBytes / 1e6).toFixed(1)} MB` }),
          done: () => {
            this.downloadController = undefined;
            this.emit({ kind: 'progress', id: 'download', phase: 'end' });
          },
        };
      },
      log,
    });
  }

  get modelState(): ModelState {
    return this.model.state;
  }

  /** Sentences the model was asked about in this service's lifetime, and how many came from the cache. */
  get scoringStats(): Readonly<ScoringStats> {
    return this.stats;
  }

  /**
   * Applies the adapter's settings: the model is (re)loaded when its settings changed; the
   * workspace index is rebuilt when what it reads changed. Resolves once the model is settled.
   */
  async configure(settings: ServiceSettings): Promise<void> {
    const indexed = JSON.stringify([this.settings.sources, this.settings.maxFileChars, this.settings.corpus]);
    this.settings = settings;
    this.configs.setDefaults(settings.defaults ?? {});
    if (this.roots.length > 0 && JSON.stringify([settings.sources, settings.maxFileChars, settings.corpus]) !== indexed) this.indexWorkspace();
    await this.model.configure(settings.model);
  }

  /** The editor's workspace folders: their prose and the declared sources are indexed in the background. */
  setWorkspace(roots: string[]): void {
    this.roots = roots;
    this.indexWorkspace();
  }

  /**
   * Builds the index the CLI audits against: the audited files (the workspace the counts are over)
   * and every source the user or the files' configurations declare. Resolves when it is built.
   */
  async indexFiles(files: string[]): Promise<void> {
    if (!this.settings.corpus) return;
    const configs = [...new Set(files.map((f) => this.configs.configFor(f).config))];
    await this.index.build({ roots: [], files, userSources: this.settings.sources, configs, maxDocumentChars: this.maxChars(configs[0]) });
  }

  /** File events from the editor: configuration and .gitignore changes re-list the workspace; prose changes update the index. */
  filesChanged(changes: Array<{ path: string; deleted: boolean }>): 'configuration' | 'index' | 'none' {
    if (changes.some((c) => /(^|[\\/])(\.claimfloor\.jsonc?|\.gitignore)$/.test(c.path))) {
      this.configs.reload();
      this.announcedConfigs.clear();
      this.emit({ kind: 'invalidated', reason: 'configuration changed' });
      this.indexWorkspace();
      return 'configuration';
    }
    if (this.index.filesChanged(changes)) {
      this.emit({ kind: 'index-state', text: this.index.describe() });
      this.emit({ kind: 'invalidated', reason: 'workspace files changed' });
      return 'index';
    }
    return 'none';
  }

  /**
   * One engine pass with the model scores known so far. When some sentences are still unscored and
   * `background` is set, the model scores them off this thread and a `scored` event follows (a newer
   * version of the document cancels the older request).
   */
  analyze(document: DocumentInput, { background = false }: { background?: boolean } = {}): DocumentResult {
    const governing = this.configs.configFor(document.path);
    if (governing.file && !this.announcedConfigs.has(governing.file)) {
      this.announcedConfigs.add(governing.file);
      this.log('info', `ClaimFloor: ${governing.file} applies to ${document.path ?? document.uri}${governing.problem ? ' (invalid: the defaults apply)' : ''}.`);
    }
    const config = this.withLimits(governing.config);
    const loaded = this.model.ready;
    const model: ModelInput | undefined = loaded && { identity: loaded.model.identity, scoresFor: (w) => loaded.known(w), calibration: loaded.model.calibration };
    const corpus = this.corpusFor(document.path);
    const analysis = analyzeDocument(document.text, config, { cache: this.blocks, model, corpus });
    if (governing.problem) analysis.notices.unshift({ severity: 'error', message: governing.problem });
    const pending = analysis.unscoredWindows;
    if (background && loaded && pending.length > 0) this.scoreInBackground(document, pending);
    return { uri: document.uri, version: document.version, analysis, config, configFile: governing.file, pendingScores: pending.length, source: document.path !== undefined && this.isSourceFile(document.path) };
  }

  /** The corpus a document is analysed against (the benchmarks run the engine with chosen signals on it). */
  corpusFor(path: string | undefined): CorpusContext | undefined {
    return this.settings.corpus ? this.index.contextFor(path) : undefined;
  }

  /** An analysis with every sentence scored: the CLI and the workspace audit wait for the model. */
  async analyzeFully(document: DocumentInput, signal?: AbortSignal): Promise<DocumentResult> {
    const first = this.analyze(document);
    const loaded = this.model.ready;
    if (first.pendingScores === 0 || !loaded) return first;
    this.count(await loaded.score(first.analysis.unscoredWindows, signal));
    return this.analyze(document);
  }

  /**
   * The files an audit of `paths` checks (directories mean their Markdown files, globs are
   * matched), without those the configuration ignores, as `claimfloor audit` lists them.
   */
  /** Whether a file lies in a declared source folder (reference material, not a draft). */
  isSourceFile(path: string): boolean {
    return this.settings.corpus && this.index.isSource(path);
  }

  /**
   * The drafts among listed files (after the index is built): files in source folders are
   * reference material, audited only when named (`named`: the paths the user gave, as given).
   */
  draftsAmong(files: string[], cwd: string, named: readonly string[] = []): { drafts: string[]; sources: number } {
    const asked = new Set(named.map((p) => resolve(cwd, p)));
    const drafts = files.filter((f) => !this.isSourceFile(resolve(cwd, f)) || asked.has(resolve(cwd, f)));
    return { drafts, sources: files.length - drafts.length };
  }

  async auditList(paths: string[], cwd: string): Promise<{ files: string[]; unmatched: string[] }> {
    const { files, unmatched, outside } = await collectFiles(paths, cwd);
    if (outside.length > 0) {
      this.log('warning', `ClaimFloor: ${outside.length} file${outside.length === 1 ? '' : 's'} reached through a symbolic link leading out of the audited folder ${outside.length === 1 ? 'was' : 'were'} not read (${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''}). Name ${outside.length === 1 ? 'it' : 'them'} on the command line to check ${outside.length === 1 ? 'it' : 'them'} on purpose.`);
    }
    return { files: files.filter((f) => !isIgnored(f, this.configs.configFor(resolve(cwd, f)).config, cwd)), unmatched };
  }

  /**
   * Audits files one after another, each as soon as it is ready: the CLI writes it out, the
   * workspace audit publishes it. `openText` gives an editor buffer in place of the file on disk.
   */
  async *audit(files: string[], cwd: string, { openText, signal }: { openText?: (uri: string) => DocumentInput | undefined; signal?: AbortSignal } = {}): AsyncGenerator<AuditedFile> {
    for (const file of files) {
      if (signal?.aborted) return;
      const path = resolve(cwd, file);
      const uri = pathToFileURL(path).href;
      const open = openText?.(uri);
      if (open) {
        yield { path: file, uri, result: await this.analyzeFully({ ...open, path }, signal) };
        continue;
      }
      const read = readDocument(path);
      if (!read.ok) {
        yield { path: file, uri, error: read.reason, ioError: read.ioError };
        continue;
      }
      yield { path: file, uri, result: await this.analyzeFully({ uri, path, version: 0, text: read.text }, signal) };
    }
  }

  /** An open config file's unsaved text governs its files until it is saved or closed. */
  setConfigBuffer(file: string, text: string | undefined): void {
    this.configs.setBuffer(file, text);
    this.announcedConfigs.delete(file);
    this.emit({ kind: 'invalidated', reason: 'configuration edited' });
  }

  /** Stops the background scoring of a closed document. */
  close(uri: string): void {
    this.scoring.get(uri)?.controller.abort();
    this.scoring.delete(uri);
  }

  /** The user cancelled a progress notification (a model download). */
  cancelProgress(id: 'index' | 'download'): void {
    if (id === 'download') this.downloadController?.abort();
  }

  /** Waits for pending score-cache writes (the CLI, before it exits). */
  async flush(): Promise<void> {
    await this.model.ready?.flush();
  }

  async dispose(): Promise<void> {
    for (const { controller } of this.scoring.values()) controller.abort();
    this.index.dispose();
    await this.model.dispose();
  }

  private scoreInBackground(document: DocumentInput, windows: DocumentAnalysis['unscoredWindows']): void {
    const loaded = this.model.ready;
    const running = this.scoring.get(document.uri);
    if (!loaded || running?.version === document.version) return;
    running?.controller.abort();
    const controller = new AbortController();
    this.scoring.set(document.uri, { version: document.version, controller });
    loaded
      .score(windows, controller.signal)
      .then((stats) => {
        this.count(stats);
        if (this.scoring.get(document.uri)?.controller === controller) {
          this.scoring.delete(document.uri);
          this.emit({ kind: 'scored', uri: document.uri, version: document.version });
        }
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') this.log('warning', `ClaimFloor: scoring ${document.uri} failed: ${error.message}`);
        if (this.scoring.get(document.uri)?.controller === controller) this.scoring.delete(document.uri);
      });
  }

  private indexWorkspace(): void {
    if (this.roots.length === 0 || !this.settings.corpus) return;
    const { config } = this.configs.configFor(resolve(this.roots[0], 'index.md'));
    const started = performance.now();
    this.emit({ kind: 'progress', id: 'index', phase: 'begin', title: 'ClaimFloor: indexing the workspace', message: 'listing files' });
    this.index
      .build({ roots: this.roots, files: [], userSources: this.settings.sources, configs: [config], maxDocumentChars: this.maxChars(config) }, (done, total) =>
        this.emit({ kind: 'progress', id: 'index', phase: 'report', percentage: Math.floor((100 * done) / Math.max(1, total)), message: `${done} of ${total} files` }),
      )
      .then((stats) => {
        if (!stats) return;
        const text = this.index.describe();
        this.log('info', `ClaimFloor: ${text} in ${((performance.now() - started) / 1000).toFixed(1)} s (${stats.indexed} read, ${stats.reused} unchanged, ${stats.removed} removed).`);
        this.emit({ kind: 'index-state', text });
        this.emit({ kind: 'invalidated', reason: 'workspace index built' });
      })
      .catch((error: Error) => this.log('error', `ClaimFloor: the workspace index could not be built: ${error.stack ?? error.message}`))
      .finally(() => this.emit({ kind: 'progress', id: 'index', phase: 'end' }));
  }

  /** The editor's per-file cap applies on top of the configuration's. */
  private withLimits(config: ClaimFloorConfig): ClaimFloorConfig {
    const cap = this.settings.maxFileChars;
    return cap === undefined || cap >= config.limits.maxChars ? config : { ...config, limits: { ...config.limits, maxChars: cap } };
  }

  private maxChars(config: ClaimFloorConfig | undefined): number {
    return Math.min(config?.limits.maxChars ?? Infinity, this.settings.maxFileChars ?? Infinity);
  }

  private count(stats: ScoringStats): void {
    this.stats.windows += stats.windows;
    this.stats.cacheHits += stats.cacheHits;
    this.stats.scored += stats.scored;
  }

  private log(level: 'info' | 'warning' | 'error', message: string): void {
    this.emit({ kind: 'log', level, message });
  }

  private emit(event: ServiceEvent): void {
    this.options.onEvent?.(event);
  }
}
