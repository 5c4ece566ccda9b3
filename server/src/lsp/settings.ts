import type { ModelSettings, ServiceSettings } from '../service/serviceSettings';

/** Editor settings (`claimFloor.*` in VS Code); everything about claims lives in `.claimfloor.json`. */
export interface EditorSettings {
  /** When to analyse: on every edit (debounced), on save, or only on command. */
  run: 'onType' | 'onSave' | 'manual';
  debounceMs: number;
  /** Characters analysed per document; the rest is announced as skipped. */
  maxFileChars: number;
  model: ModelSettings;
  /** Whether hovers add the details section (each number's provenance, the floor's terms) after the short card. */
  hoverDetails: boolean;
  /** Source folders outside the workspace (`claimFloor.sources`, machine scope: only the user can declare them). */
  sources: string[];
}

export const DEFAULT_SETTINGS: EditorSettings = { run: 'onType', debounceMs: 300, maxFileChars: 500_000, model: { enabled: true, allowDownload: false }, hoverDetails: false, sources: [] };

const nonEmpty = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);

export function readSettings(value: unknown): EditorSettings {
  const v = (value ?? {}) as Partial<Omit<EditorSettings, 'model' | 'sources' | 'hoverDetails'>> & { model?: Partial<ModelSettings>; sources?: unknown; hover?: { details?: unknown } };
  const model = v.model ?? {};
  return {
    run: v.run === 'onSave' || v.run === 'manual' ? v.run : 'onType',
    debounceMs: typeof v.debounceMs === 'number' && v.debounceMs >= 0 ? v.debounceMs : DEFAULT_SETTINGS.debounceMs,
    maxFileChars: typeof v.maxFileChars === 'number' && v.maxFileChars >= 1000 ? v.maxFileChars : DEFAULT_SETTINGS.maxFileChars,
    model: { enabled: model.enabled !== false, path: nonEmpty(model.path), allowDownload: model.allowDownload === true, downloadUrl: nonEmpty(model.downloadUrl) },
    hoverDetails: v.hover?.details === true,
    sources: Array.isArray(v.sources) ? v.sources.flatMap((s) => nonEmpty(s) ?? []) : [],
  };
}

/** What of the editor's settings the analysis service needs (path, download and URL are machine-scoped, so a workspace cannot set them). */
export function serviceSettings(settings: EditorSettings): ServiceSettings {
  return { maxFileChars: settings.maxFileChars, sources: settings.sources, model: settings.model, corpus: true };
}
