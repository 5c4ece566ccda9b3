import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { DocumentInput } from '../service/analysisService';
import type { DocumentView } from '../service/documentView';
import type { AnalysisServiceApi } from '../service/serviceApi';
import type { EditorSettings } from './settings';

export interface SchedulerHost {
  service: AnalysisServiceApi;
  document(uri: string): TextDocument | undefined;
  settings(): EditorSettings;
  /** Called with each result whose version is the document's current one. */
  publish(document: TextDocument, result: DocumentView): void;
  log(message: string): void;
}

interface DocumentState {
  timer?: NodeJS.Timeout;
  /** The version being analysed now, if any. */
  inFlight?: number;
  /** Set when the document changed (or was invalidated) while an analysis was in flight. */
  again: boolean;
  /** The newest result, whatever its version: hovers and quick fixes read it through the edits since. */
  latest?: DocumentView;
}

/** Markdown documents are analysed; other synced files (an open `.claimfloor.json`) are not. */
export const isMarkdown = (document: TextDocument) => document.languageId === 'markdown' || document.languageId === 'mdx';

export function documentInput(document: TextDocument): DocumentInput {
  const uri = URI.parse(document.uri);
  return { uri: document.uri, path: uri.scheme === 'file' ? uri.fsPath : undefined, version: document.version, text: document.getText() };
}

/**
 * The one place that decides when a document is analysed: debounce after edits, at most one
 * analysis in flight per document (a change meanwhile runs one more, for the newest text), one more
 * when the model has scored a version's sentences, and results published only for the version the
 * editor still has. Nothing here waits for an analysis: hovers and quick fixes use `latest`.
 */
export class AnalysisScheduler {
  private readonly states = new Map<string, DocumentState>();
  private stopped = false;

  constructor(private readonly host: SchedulerHost) {}

  latest(uri: string): DocumentView | undefined {
    return this.states.get(uri)?.latest;
  }

  opened(document: TextDocument): void {
    if (this.host.settings().run !== 'manual') void this.run(document.uri, true);
  }

  changed(document: TextDocument): void {
    const settings = this.host.settings();
    if (settings.run !== 'onType') return;
    const state = this.state(document.uri);
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(document.uri, false);
    }, settings.debounceMs);
  }

  saved(document: TextDocument): void {
    if (this.host.settings().run === 'onSave') void this.run(document.uri, false);
  }

  /** The server is shutting down: no timer fires and no result is published any more. */
  stop(): void {
    this.stopped = true;
    for (const state of this.states.values()) clearTimeout(state.timer);
  }

  closed(uri: string): void {
    clearTimeout(this.states.get(uri)?.timer);
    this.states.delete(uri);
  }

  /** The model scored this version's sentences: one more pass uses them. */
  scored(uri: string, version: number): void {
    if (this.host.document(uri)?.version === version) void this.run(uri, true);
  }

  /** Every open document again (the model, the index or a configuration changed). */
  invalidateAll(uris: string[]): void {
    if (this.host.settings().run === 'manual') return;
    for (const uri of uris) void this.run(uri, true);
  }

  /** Analyses now (a command asked for it) and resolves with the result for the current version. */
  async now(uri: string): Promise<DocumentView | undefined> {
    await this.run(uri, false);
    const latest = this.latest(uri);
    return latest && latest.version === this.host.document(uri)?.version ? latest : undefined;
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { again: false };
      this.states.set(uri, state);
    }
    return state;
  }

  /** `force`: analyse even when the latest result is for the current version (something else than the text changed). */
  private async run(uri: string, force: boolean): Promise<void> {
    const document = this.host.document(uri);
    if (this.stopped || !document || !isMarkdown(document)) return;
    const state = this.state(uri);
    if (state.inFlight !== undefined) {
      state.again = true;
      return;
    }
    if (!force && state.latest?.version === document.version) return;
    state.inFlight = document.version;
    state.again = false;
    try {
      const result = await this.host.service.analyze(documentInput(document));
      if (this.stopped || this.states.get(uri) !== state) return;
      state.latest = result;
      const current = this.host.document(uri);
      if (current && current.version === result.version) this.host.publish(current, result);
    } catch (error) {
      this.host.log(`ClaimFloor could not analyse ${uri}: ${(error as Error).message}`);
    } finally {
      state.inFlight = undefined;
    }
    // Something changed while this ran: one more pass, unless a debounce timer will start it.
    if (state.again && !state.timer) await this.run(uri, true);
  }
}
