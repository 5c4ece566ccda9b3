/** Editor settings (`claimFloor.*` in VS Code); everything about claims lives in `.claimfloor.json`. */
export interface EditorSettings {
  /** When to analyse: on every edit (debounced), on save, or only on command. */
  run: 'onType' | 'onSave' | 'manual';
  debounceMs: number;
  /** Characters analysed per document; the rest is announced as skipped. */
  maxFileChars: number;
}

export const DEFAULT_SETTINGS: EditorSettings = { run: 'onType', debounceMs: 300, maxFileChars: 500_000 };

export function readSettings(value: unknown): EditorSettings {
  const v = (value ?? {}) as Partial<EditorSettings>;
  return {
    run: v.run === 'onSave' || v.run === 'manual' ? v.run : 'onType',
    debounceMs: typeof v.debounceMs === 'number' && v.debounceMs >= 0 ? v.debounceMs : DEFAULT_SETTINGS.debounceMs,
    maxFileChars: typeof v.maxFileChars === 'number' && v.maxFileChars >= 1000 ? v.maxFileChars : DEFAULT_SETTINGS.maxFileChars,
  };
}
