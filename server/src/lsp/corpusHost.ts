import { dirname, join, resolve } from 'node:path';
import type { ClaimFloorConfig } from '../engine';
import type { CorpusContext } from '../engine/reference/claimCorpusEvidence';
import type { Gazetteer } from '../engine/reference/popularity';
import { loadGazetteer } from '../workspaceIndex/loadGazetteer';
import { WorkspaceCorpus } from '../workspaceIndex/workspaceCorpus';
import { toDocumentPath } from '../engine/reference/corpusDocument';

export interface CorpusHostEvents {
  /** The index was built or changed: results must be recomputed. */
  onChanged(state: string): void;
  beginProgress(): Promise<{ report(done: number, total: number): void; done(): void }>;
  log(message: string): void;
}

/**
 * Owns the editor's workspace index: builds it in the background (persisted in the extension's
 * storage), applies file events in batches, and hands the engine a corpus only once it is built.
 */
export class CorpusHost {
  /** Set once a build has completed; a rebuild keeps serving the previous index until it finishes. */
  private workspace?: WorkspaceCorpus;
  private building?: AbortController;
  private pending: Array<{ path: string; deleted: boolean }> = [];
  private timer?: NodeJS.Timeout;
  private readonly gazetteer?: Gazetteer;

  constructor(
    private readonly storageDir: string | undefined,
    gazetteerDir: string,
    private readonly events: CorpusHostEvents,
  ) {
    this.gazetteer = loadGazetteer(gazetteerDir, events.log);
  }

  /** The corpus for a document, or undefined while the index is being built. */
  contextFor(path: string | undefined): CorpusContext | undefined {
    if (!this.workspace) return undefined;
    return { index: this.workspace.index, gazetteer: this.gazetteer, documentId: path && toDocumentPath(path) };
  }

  /**
   * (Re)builds the index for these folders, with the root configuration's sources, ignore globs and
   * limits. The configuration's sources must stay inside the workspace; the editor's `sources` (the
   * user's own setting) may lie anywhere.
   */
  async start(roots: string[], config: ClaimFloorConfig, editor: { sources: string[]; maxFileChars: number }): Promise<void> {
    this.building?.abort();
    const controller = new AbortController();
    this.building = controller;
    const base = config.file ? dirname(config.file) : roots[0];
    const workspace = new WorkspaceCorpus(
      {
        roots,
        sources: [...config.sources.map((s) => resolve(base ?? '.', s)), ...editor.sources],
        confineTo: [...roots, ...editor.sources],
        ignore: config.ignore,
        ignoreBase: base,
        limits: config.corpus,
        maxSentenceChars: config.limits.maxSentenceChars,
        // As much of each file as the editor checks: one huge file never holds the server for long.
        maxDocumentChars: Math.min(config.limits.maxChars, editor.maxFileChars),
      },
      this.storageDir ? join(this.storageDir, 'workspace-index.v8') : undefined,
      this.events.log,
    );
    const progress = await this.events.beginProgress();
    try {
      await workspace.build({ signal: controller.signal, onProgress: progress.report });
      if (controller.signal.aborted) return;
      this.workspace = workspace;
      this.events.onChanged(this.describe());
    } finally {
      progress.done();
    }
  }

  /** File events arrive in bursts (a branch switch); they are applied together after a short pause. */
  fileChanged(changes: Array<{ path: string; deleted: boolean }>): void {
    this.pending.push(...changes);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const batch = this.pending;
      this.pending = [];
      if (!this.workspace) return;
      this.workspace.update(batch);
      this.workspace.persist();
      this.events.onChanged(this.describe());
    }, 300);
  }

  private describe(): string {
    const index = this.workspace?.index;
    if (!index) return 'indexing workspace';
    const skipped = index.skipped > 0 ? `, ${index.skipped.toLocaleString('en-US')} over the index limits (corpus.maxFiles / corpus.maxChars)` : '';
    return `${index.size.toLocaleString('en-US')} files indexed${skipped}`;
  }

  dispose(): void {
    this.building?.abort();
    clearTimeout(this.timer);
  }
}
