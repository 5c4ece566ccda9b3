import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import cacache from 'cacache';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';
import { type BlockCache, type CorpusDocument, corpusDocument, CorpusIndex, type CorpusLimits, toDocumentPath as slash } from '../engine';
import { discardEntry } from '../files/cacheStore';
import { readDocument } from '../files/readDocument';

/** Where a writer declares sources outside the workspace (names the user-scope setting or CLI flag). */
export const OUTSIDE_HINT = 'the user setting claimFloor.sources, or --sources on the command line';

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** How long the build works before it lets other requests (an analysis, a cancellation) run. */
const YIELD_EVERY_MS = 20;

/** The prose the index covers: Markdown, plain text and BibTeX. */
export const CORPUS_GLOB = '**/*.{md,markdown,mdx,txt,bib}';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface CorpusScope {
  /** Folders whose prose is the workspace corpus (`.gitignore` and `ignore` globs respected). */
  roots: string[];
  /** Single files that belong to the workspace (the CLI's audited files). */
  files?: string[];
  /** Folders and files the writer declared as sources (indexed as given, even when git-ignored). */
  sources: string[];
  /**
   * When set, a listed file must lie, after symbolic links are followed, under one of these folders
   * (the workspace, and sources the user declared themselves): a `..` in a workspace's config or a
   * link inside it cannot bring other files of the machine into the index. `files` are exempt.
   */
  confineTo?: string[];
  /** Config `ignore` globs, relative to `ignoreBase`. */
  ignore: string[];
  ignoreBase?: string;
  limits: CorpusLimits;
  maxSentenceChars: number;
  /** Characters read from one file (the config's `limits.maxChars`); the rest of a longer file is not indexed, and the log says so. */
  maxDocumentChars: number;
}

export interface BuildStats {
  files: number;
  /** Files read and analysed in this build. */
  indexed: number;
  /** Files unchanged since the persisted index, not read again. */
  reused: number;
  removed: number;
  /** Files over the memory bounds (`corpus.maxFiles`, `corpus.maxChars`), not indexed. */
  skipped: number;
  unreadable: number;
  milliseconds: number;
}

/** The persisted index: one JSON line per document after a header, in the cache store (see `persist`). */
const PERSISTED_FORMAT = 'claimfloor-index-3';


/**
 * The workspace index on disk: lists the files in scope, reads only those that changed since the
 * persisted copy, follows file events, and persists itself. Reading yields to the event loop
 * between files so the language server keeps answering while it builds.
 */
export class WorkspaceCorpus {
  index: CorpusIndex;
  private readonly sourcePaths: string[];
  private readonly explicitFiles: Set<string>;
  private gitignores: Array<{ dir: string; rules: Ignore }> = [];
  private readonly configIgnore?: Ignore;
  /** Files indexed only up to `maxDocumentChars`. */
  private readonly truncated = new Set<string>();
  /** `confineTo` with its symbolic links resolved, once. */
  private allowedDirs?: string[];

  constructor(
    readonly scope: CorpusScope,
    /**
     * The cache store (cacache) the index is persisted in, beside the model's scores: one store,
     * integrity-checked on every read, written atomically; absent: memory only.
     */
    private readonly storageDir?: string,
    private readonly log: (message: string) => void = () => undefined,
    /** Shared with the analyses of the same files (the CLI's audit), so each paragraph's claims are extracted once. */
    private readonly blocks?: BlockCache,
  ) {
    this.sourcePaths = scope.sources.map((s) => slash(resolve(s)));
    this.explicitFiles = new Set((scope.files ?? []).map((f) => slash(resolve(f))));
    this.configIgnore = scope.ignore.length > 0 && scope.ignoreBase ? ignore().add(scope.ignore) : undefined;
    this.index = new CorpusIndex(scope.limits);
  }

  isSource(path: string): boolean {
    const p = slash(path);
    return this.sourcePaths.some((s) => p === s || p.startsWith(`${s}/`));
  }

  /** Lists every file in scope, indexes what changed, drops what disappeared, persists. */
  async build(options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<BuildStats> {
    const started = performance.now();
    if (this.index.size === 0) await this.load();
    const files = await this.listFiles();
    const stats: BuildStats = { files: files.length, indexed: 0, reused: 0, removed: 0, skipped: 0, unreadable: 0, milliseconds: 0 };
    const wanted = new Set(files);
    for (const id of this.index.ids()) {
      if (!wanted.has(id)) {
        this.index.remove(id);
        stats.removed++;
      }
    }
    const skippedBefore = this.index.skipped;
    let lastYield = performance.now();
    for (const [i, file] of files.entries()) {
      if (options.signal?.aborted) break;
      const outcome = this.refresh(file);
      if (outcome === 'reused') stats.reused++;
      else if (outcome === 'indexed') stats.indexed++;
      else if (outcome === 'unreadable') stats.unreadable++;
      // By time, not by count: one large file is as much work as hundreds of small ones.
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        options.onProgress?.(i + 1, files.length);
        await new Promise((r) => setImmediate(r));
        lastYield = performance.now();
      }
    }
    stats.skipped = this.index.skipped - skippedBefore;
    if (this.truncated.size > 0) {
      const n = this.truncated.size;
      this.log(`ClaimFloor: ${n} file${n === 1 ? ' is' : 's are'} longer than limits.maxChars (${this.scope.maxDocumentChars.toLocaleString('en-US')} characters); only that much of ${n === 1 ? 'it' : 'each'} is indexed.`);
    }
    await this.persist();
    stats.milliseconds = performance.now() - started;
    return stats;
  }

  /** Applies file events: changed or created files are read again, deleted ones dropped. */
  update(changes: Array<{ path: string; deleted: boolean }>): void {
    for (const { path, deleted } of changes) {
      const id = slash(resolve(path));
      if (/(^|\/)\.gitignore$/.test(id)) continue;
      if (deleted || !this.inScope(id) || !this.confinedHere(id)) this.index.remove(id);
      else this.refresh(id);
    }
  }

  /**
   * Saves the index: one JSON line per document, each encoded on its own (no string ever holds
   * the index), replacing the previous copy only once the new one is complete. A failure (a full
   * disk) is logged; the index in memory goes on.
   */
  async persist(): Promise<void> {
    if (!this.storageDir) return;
    try {
      const lines = [Buffer.from(`${JSON.stringify({ format: PERSISTED_FORMAT, scope: this.scopeKey() })}\n`)];
      for (const id of this.index.ids()) lines.push(Buffer.from(`${JSON.stringify(this.index.get(id))}\n`));
      await cacache.put(this.storageDir, this.storageKey(), Buffer.concat(lines));
    } catch (error) {
      this.log(`ClaimFloor: the workspace index could not be saved (${(error as Error).message}); it will be rebuilt next time.`);
    }
  }

  private refresh(id: string): 'reused' | 'indexed' | 'unreadable' | 'skipped' {
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(id));
    } catch {
      this.index.remove(id);
      return 'unreadable';
    }
    const source = this.isSource(id);
    const known = this.index.get(id);
    if (known && known.size === size && known.mtimeMs === mtimeMs && known.source === source) return 'reused';
    const read = readDocument(id);
    if (!read.ok) {
      this.index.remove(id);
      return 'unreadable';
    }
    const cap = this.scope.maxDocumentChars;
    if (read.text.length > cap) this.truncated.add(id);
    else this.truncated.delete(id);
    const added = this.index.add(corpusDocument(id, read.text.slice(0, cap), { source, size, mtimeMs, maxSentenceChars: this.scope.maxSentenceChars, cache: this.blocks }));
    return added ? 'indexed' : 'skipped';
  }

  private scopeKey(): string {
    return JSON.stringify({ ...this.scope, roots: this.scope.roots.map(slash), sources: this.sourcePaths });
  }

  /** The key of this scope's index in the store: a different scope never reads another's index. */
  private storageKey(): string {
    return `workspace-index/${createHash('sha256').update(this.scopeKey()).digest('hex')}`;
  }

  /** Reads the persisted index of this scope, if any; an unreadable or corrupt copy is discarded with a message. */
  private async load(): Promise<void> {
    if (!this.storageDir) return;
    const documents: CorpusDocument[] = [];
    try {
      // Integrity is checked before any byte is used; lines are decoded one at a time, so no string holds the whole index.
      const { data } = await cacache.get(this.storageDir, this.storageKey());
      let from = 0;
      for (let line = 0; from < data.length; line++) {
        const end = data.indexOf(10, from);
        const text = data.toString('utf8', from, end < 0 ? data.length : end);
        from = end < 0 ? data.length : end + 1;
        if (line === 0) {
          const head = JSON.parse(text) as { format?: string; scope?: string };
          if (head.format !== PERSISTED_FORMAT || head.scope !== this.scopeKey()) return;
        } else if (text) documents.push(JSON.parse(text) as CorpusDocument);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log(`ClaimFloor: discarded an unreadable workspace index (${(error as Error).message}); rebuilding it.`);
        await discardEntry(this.storageDir, this.storageKey());
      }
      return;
    }
    for (const document of documents) this.index.add(document);
  }

  private async listFiles(): Promise<string[]> {
    const files = new Set<string>();
    this.gitignores = [];
    for (const root of this.scope.roots) {
      for (const file of await glob('**/.gitignore', { cwd: root, ignore: ALWAYS_IGNORED, absolute: true, dot: true, followSymbolicLinks: false })) {
        const read = readDocument(file);
        if (read.ok) this.gitignores.push({ dir: slash(dirname(file)), rules: ignore().add(read.text) });
      }
      // Links are not followed while walking: `rootlink -> /` would otherwise walk the whole disk before confinement drops it.
      for (const file of await glob(CORPUS_GLOB, { cwd: root, ignore: ALWAYS_IGNORED, absolute: true, followSymbolicLinks: false })) if (this.inScope(slash(file))) files.add(slash(file));
    }
    for (const file of this.explicitFiles) files.add(file);
    for (const source of this.scope.sources) {
      const stat = statSync(source, { throwIfNoEntry: false });
      if (stat?.isFile()) files.add(slash(resolve(source)));
      else if (stat?.isDirectory()) for (const file of await glob(CORPUS_GLOB, { cwd: source, ignore: ALWAYS_IGNORED, absolute: true, followSymbolicLinks: false })) files.add(slash(file));
    }
    return this.confined([...files].sort());
  }

  /** Whether a file lies under `confineTo` once symbolic links are followed (always, without confinement). */
  private confinedHere(file: string): boolean {
    if (!this.scope.confineTo || this.explicitFiles.has(file)) return true;
    this.allowedDirs ??= this.scope.confineTo.map((dir) => slash(realpathOr(dir)));
    const real = slash(realpathOr(file));
    return this.allowedDirs.some((dir) => real === dir || real.startsWith(`${dir}/`));
  }

  /** Drops files outside `confineTo`, saying how many and why. */
  private confined(files: string[]): string[] {
    const inside = files.filter((file) => this.confinedHere(file));
    const outside = files.length - inside.length;
    if (outside > 0) {
      this.log(
        `ClaimFloor: ${outside} file${outside === 1 ? '' : 's'} outside the workspace (reached through "..", an absolute path or a symbolic link) ${outside === 1 ? 'was' : 'were'} not indexed. Sources outside the workspace can only be declared by you: ${OUTSIDE_HINT}.`,
      );
    }
    return inside;
  }

  /** Sources are always in scope; other files when under a root and not ignored by `.gitignore` or the config. */
  private inScope(id: string): boolean {
    if (this.isSource(id) || this.explicitFiles.has(id)) return true;
    if (!/\.(?:md|markdown|mdx|txt|bib)$/i.test(id)) return false;
    if (!this.scope.roots.some((r) => id.startsWith(`${slash(resolve(r))}/`))) return false;
    const fromConfig = this.configIgnore && slash(relative(this.scope.ignoreBase!, id));
    if (fromConfig && !fromConfig.startsWith('../') && this.configIgnore!.ignores(fromConfig)) return false;
    return !this.gitignores.some(({ dir, rules }) => id.startsWith(`${dir}/`) && rules.ignores(id.slice(dir.length + 1)));
  }
}
