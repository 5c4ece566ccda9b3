import { type ClaimFloorConfigFile, isClaimType, SEVERITY_ORDER, type Severity } from '../engine';
import type { ModelSettings, ServiceSettings } from '../service/serviceSettings';

/** Editor settings (`claimFloor.*` in VS Code); everything about claims lives in `.claimfloor.json`. */
export interface EditorSettings {
  /** When to analyse: on every edit (debounced), on save, or only on command. */
  run: 'onType' | 'onSave' | 'manual';
  debounceMs: number;
  /** Characters analysed per document; the rest is announced as skipped. */
  maxFileChars: number;
  model: ModelSettings;
  /** The confidence target where no `.claimfloor.json` applies (`claimFloor.threshold`). */
  threshold?: number;
  /** Per-type enabling and severity where no `.claimfloor.json` applies (`claimFloor.types`). */
  types: NonNullable<ClaimFloorConfigFile['types']>;
  /** Findings below this severity are not shown (`claimFloor.minimumSeverity`; the audit report still lists them). */
  minimumSeverity: Severity;
  /** Whether hovers add the details section (each number's provenance, the floor's terms) after the short card. */
  hoverDetails: boolean;
  /** Source folders outside the workspace (`claimFloor.sources`, machine scope: only the user can declare them). */
  sources: string[];
}

export const DEFAULT_SETTINGS: EditorSettings = { run: 'onType', debounceMs: 300, maxFileChars: 500_000, model: { enabled: true, allowDownload: false }, types: {}, minimumSeverity: 'hint', hoverDetails: false, sources: [] };

const nonEmpty = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);

export function readSettings(value: unknown): EditorSettings {
  const v = (value ?? {}) as Partial<Omit<EditorSettings, 'model' | 'sources' | 'hoverDetails' | 'types'>> & { model?: Partial<ModelSettings>; sources?: unknown; hover?: { details?: unknown }; types?: unknown };
  const model = v.model ?? {};
  return {
    run: v.run === 'onSave' || v.run === 'manual' ? v.run : 'onType',
    debounceMs: typeof v.debounceMs === 'number' && v.debounceMs >= 0 ? v.debounceMs : DEFAULT_SETTINGS.debounceMs,
    maxFileChars: typeof v.maxFileChars === 'number' && v.maxFileChars >= 1000 ? v.maxFileChars : DEFAULT_SETTINGS.maxFileChars,
    model: { enabled: model.enabled !== false, path: nonEmpty(model.path), allowDownload: model.allowDownload === true, downloadUrl: nonEmpty(model.downloadUrl) },
    threshold: typeof v.threshold === 'number' && v.threshold > 0 && v.threshold < 1 ? v.threshold : undefined,
    types: readTypes(v.types),
    minimumSeverity: typeof v.minimumSeverity === 'string' && v.minimumSeverity in SEVERITY_ORDER ? v.minimumSeverity : 'hint',
    hoverDetails: v.hover?.details === true,
    sources: Array.isArray(v.sources) ? v.sources.flatMap((s) => nonEmpty(s) ?? []) : [],
  };
}

/** `claimFloor.types`: only known types, and only the fields the settings UI offers. */
function readTypes(value: unknown): EditorSettings['types'] {
  if (typeof value !== 'object' || value === null) return {};
  const types: EditorSettings['types'] = {};
  for (const [type, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!isClaimType(type) || typeof raw !== 'object' || raw === null) continue;
    const { enabled, severity } = raw as { enabled?: unknown; severity?: unknown };
    types[type] = {
      ...(typeof enabled === 'boolean' ? { enabled } : {}),
      ...(typeof severity === 'string' && severity in SEVERITY_ORDER ? { severity: severity as Severity } : {}),
    };
  }
  return types;
}

/** Whether a finding of this severity is shown under `claimFloor.minimumSeverity`. */
export const shownAt = (severity: Severity, minimum: Severity) => SEVERITY_ORDER[severity] <= SEVERITY_ORDER[minimum];

/** What of the editor's settings the analysis service needs (path, download and URL are machine-scoped, so a workspace cannot set them). */
export function serviceSettings(settings: EditorSettings): ServiceSettings {
  return {
    maxFileChars: settings.maxFileChars,
    sources: settings.sources,
    model: settings.model,
    corpus: true,
    defaults: { ...(settings.threshold === undefined ? {} : { threshold: settings.threshold }), types: settings.types },
  };
}
