import type { ModelScoring } from '../modelRuntime/modelScoring';
import { type ModelStatus, openModel } from '../modelRuntime/openModel';
import type { DownloadProgress } from '../modelRuntime/downloadModel';
import type { ModelSettings } from './serviceSettings';

/** The model's state as the client shows it (status bar, hover). */
export type ModelState = ModelStatus | { state: 'loading'; detail: string } | { state: 'off'; reason: string };

/** One line for the hover, the report and the log: which model, or why there is none. */
export function modelStatusText(state: ModelState | undefined): string {
  if (!state) return 'rules only';
  switch (state.state) {
    case 'ready':
      return state.model.identity.name;
    case 'loading':
      return `the model is ${state.detail}`;
    default:
      return `rules only: ${state.reason}`;
  }
}

export interface LanguageModelEvents {
  onState(state: ModelState): void;
  /** Called when bytes first arrive; the user's cancel aborts `controller`. */
  beginDownload(controller: AbortController): Promise<{ report: (progress: DownloadProgress) => void; done: () => void }>;
  log(message: string): void;
}

/**
 * Owns the language model: resolves and loads it when the settings change, keeps it while they
 * stay the same, and reports every state change. Loading never blocks an analysis: until the model
 * is ready, results are rules-only.
 */
export class LanguageModel {
  private scoring: ModelScoring | undefined;
  private current = '';
  private generation = 0;
  state: ModelState = { state: 'off', reason: 'starting' };

  constructor(
    private readonly storageDir: string | undefined,
    private readonly workerFile: string,
    private readonly events: LanguageModelEvents,
  ) {}

  get ready(): ModelScoring | undefined {
    return this.scoring;
  }

  /** Applies new settings; reloads only when the model-related ones changed. Resolves when done. */
  async configure(settings: ModelSettings): Promise<void> {
    const signature = JSON.stringify(settings);
    if (signature === this.current) return;
    this.current = signature;
    const generation = ++this.generation;
    const previous = this.scoring;
    this.scoring = undefined;
    await previous?.dispose();
    if (!settings.enabled) return this.set({ state: 'off', reason: 'turned off (claimFloor.model.enabled)' });
    if (!this.storageDir) return this.set({ state: 'none', reason: 'the editor gave the server no storage folder for models' });
    this.set({ state: 'loading', detail: settings.path ? `loading ${settings.path}` : 'looking for a model' });
    // The progress notification appears only when a download really starts, not for a cached copy.
    const controller = new AbortController();
    let progress: ReturnType<LanguageModelEvents['beginDownload']> | undefined;
    const onProgress = (p: DownloadProgress) => {
      progress ??= this.events.beginDownload(controller);
      void progress.then((r) => r.report(p));
    };
    const opened = await openModel({
      path: settings.path,
      storageDir: this.storageDir,
      allowDownload: settings.allowDownload,
      download: { baseUrl: settings.downloadUrl, onProgress, signal: controller.signal },
      scorer: { workerFile: this.workerFile },
      onCacheWriteError: (error) => this.events.log(`ClaimFloor: scores could not be cached on disk (${error.message}); scoring continues in memory.`),
    });
    void progress?.then((r) => r.done());
    if (generation !== this.generation) {
      await opened.scoring?.dispose();
      return;
    }
    this.scoring = opened.scoring;
    this.set(opened.status);
  }

  async dispose(): Promise<void> {
    this.generation++;
    await this.scoring?.dispose();
    this.scoring = undefined;
  }

  private set(state: ModelState): void {
    this.state = state;
    if (state.state === 'failed') this.events.log(`ClaimFloor: the model is not used: ${state.reason}`);
    this.events.onState(state);
  }
}
