import { dirname, resolve } from 'node:path';
import { toDocumentPath, type BlockCache, type ClaimFloorConfig, type CorpusContext, type Gazetteer } from '../engine';
import { loadGazetteer } from '../workspaceIndex/loadGazetteer';
import { storeIn } from '../files/cacheStore';
import { type BuildStats, OUTSIDE_HINT, WorkspaceCorpus } from '../workspaceIndex/workspaceCorpus';

/** What the index covers: the same rules for `claimfloor audit` and the editor. */
export interface IndexScope {
  /** Folders whose prose is the workspace (the editor's workspace folders; none for the CLI). */
  roots: string[];
  /** Single files of the workspace (the CLI's audited files). */
  files: string[];
  /** Sources the user declared (claimFloor.sources, --sources): they may lie anywhere. */
  userSources: string[];
  /** The configurations of the workspace: their `sources` must stay inside their own folder. */
  configs: ClaimFloorConfig[];
  /** Characters read from one file (the editor's cap, or the config's limits.maxChars). */
  maxDocumentChars: number;
}

export interface ReferenceIndexOptions {
  /** Where the index is persisted between runs (the editor's storage); absent: memory only. */
  storageDir?: string;
  gazetteerDir: string;
  log: (message: string) => void;
  /** Paragraph results shared with the analyses of the same files, so each paragraph is read once. */
  blocks?: BlockCache;
}

/**
 * The workspace index and the writer's sources, for every adapter: built in the background (or
 * awaited by the CLI), updated from file events, handed to the engine as a corpus context only
 * once it is built. A rebuild keeps serving the previous index until it finishes.
 */
export class ReferenceIndex {
  private workspace?: WorkspaceCorpus;
  private building?: AbortController;
  private gazetteer?: Gazetteer | null;

  constructor(private readonly options: ReferenceIndexOptions) {}

  get ready(): boolean {
    return this.workspace !== undefined;
  }

  /** (Re)builds the index for a scope; resolves with the build's numbers, or undefined when a newer build replaced it. */
  async build(scope: IndexScope, progress?: (done: number, total: number) => void): Promise<BuildStats | undefined> {
    this.building?.abort();
    const controller = new AbortController();
    this.building = controller;
    const folderOf = (c: ClaimFloorConfig) => (c.file ? dirname(c.file) : (scope.roots[0] ?? process.cwd()));
    // A repository's config names sources inside its own folder; one that points out of it
    // ("sources": ["/"]) is refused here, before anything is listed, not after a walk of the disk.
    const configSources = scope.configs.flatMap((c) =>
      c.sources.flatMap((s) => {
        const folder = resolve(folderOf(c));
        const path = resolve(folder, s);
        if (path === folder || path.startsWith(`${folder}/`)) return [path];
        this.options.log(`ClaimFloor: the source "${s}" in ${c.file ?? 'the configuration'} is outside the folder of that file and is not read. Sources outside a repository can only be declared by you: ${OUTSIDE_HINT}.`);
        return [];
      }),
    );
    const [first] = scope.configs;
    const limits = first?.corpus ?? { maxFiles: 20_000, maxChars: 64_000_000 };
    const workspace = new WorkspaceCorpus(
      {
        roots: scope.roots,
        files: scope.files,
        sources: [...scope.userSources.map((s) => resolve(s)), ...configSources],
        // A repository's config names sources inside its own folder; the user's own sources may be anywhere.
        confineTo: [...scope.roots, ...scope.userSources.map((s) => resolve(s)), ...scope.configs.map(folderOf)],
        ignore: scope.roots.length > 0 && first ? first.ignore : [],
        ignoreBase: first?.file ? dirname(first.file) : scope.roots[0],
        limits,
        maxSentenceChars: first?.limits.maxSentenceChars ?? 2000,
        maxDocumentChars: scope.maxDocumentChars,
      },
      this.options.storageDir ? storeIn(this.options.storageDir) : undefined,
      this.options.log,
      this.options.blocks,
    );
    const stats = await workspace.build({ signal: controller.signal, onProgress: progress });
    if (controller.signal.aborted) return undefined;
    this.workspace = workspace;
    if (stats.skipped > 0) {
      this.options.log(
        `ClaimFloor: ${stats.skipped.toLocaleString('en-US')} file${stats.skipped === 1 ? ' is' : 's are'} over the index limits (corpus.maxFiles ${limits.maxFiles.toLocaleString('en-US')}, corpus.maxChars ${limits.maxChars.toLocaleString('en-US')}): still checked, but not counted as reference material for occurrences and sources.`,
      );
    }
    return stats;
  }

  /** Applies file events (created, changed, deleted); the caller persists and re-analyses. */
  filesChanged(changes: Array<{ path: string; deleted: boolean }>): boolean {
    if (!this.workspace) return false;
    this.workspace.update(changes);
    void this.workspace.persist();
    return true;
  }

  /** Whether a file lies in a declared source folder: reference material, not a draft. */
  isSource(path: string): boolean {
    return this.workspace?.isSource(path) ?? false;
  }

  /** The corpus a document is analysed against, or undefined while no index is built. */
  contextFor(path: string | undefined): CorpusContext | undefined {
    if (!this.workspace) return undefined;
    this.gazetteer ??= loadGazetteer(this.options.gazetteerDir, this.options.log) ?? null;
    return { index: this.workspace.index, gazetteer: this.gazetteer ?? undefined, documentId: path && toDocumentPath(path) };
  }

  /** "1,234 files indexed", for the status bar and the log. */
  describe(): string {
    const index = this.workspace?.index;
    if (!index) return 'indexing workspace';
    const skipped = index.skipped > 0 ? `, ${index.skipped.toLocaleString('en-US')} over the index limits (corpus.maxFiles / corpus.maxChars)` : '';
    return `${index.size.toLocaleString('en-US')} files indexed${skipped}`;
  }

  dispose(): void {
    this.building?.abort();
  }
}
