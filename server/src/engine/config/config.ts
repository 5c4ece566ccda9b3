import { CLAIM_TYPES, type ClaimType } from '../claimType';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface TypeSettings {
  enabled: boolean;
  /** Severity of a claim of this type that falls below its confidence target. */
  severity: Severity;
  /** Confidence target t for this type. */
  threshold: number;
  /** The writer's own prior P(wrong), replacing the table's. */
  prior?: number;
}

export interface TheorySettings {
  singletonRate: Partial<Record<ClaimType, number>>;
  trainingFacts: Partial<Record<ClaimType, number>>;
  miscalibration?: number;
  bitsPerFact?: number;
}

/** The resolved configuration: every field present. Mirrors schemas/claimfloor.schema.json. */
export interface ClaimFloorConfig {
  threshold: number;
  types: Record<ClaimType, TypeSettings>;
  ignore: string[];
  allow: string[];
  theory: TheorySettings;
  limits: { maxChars: number; maxSentenceChars: number };
  /** Folders (relative to the config file) whose files are the writer's sources for grounding. */
  sources: string[];
  /** Bounds on the workspace index kept in memory. */
  corpus: { maxFiles: number; maxChars: number };
  /** The file this configuration came from, if any. */
  file?: string;
}

/** The shape of `.claimfloor.json` as written (every field optional). */
export interface ClaimFloorConfigFile {
  threshold?: number;
  types?: Partial<Record<ClaimType, Partial<TypeSettings>>>;
  ignore?: string[];
  allow?: string[];
  theory?: Partial<TheorySettings>;
  limits?: Partial<ClaimFloorConfig['limits']>;
  sources?: string[];
  corpus?: Partial<ClaimFloorConfig['corpus']>;
}

const DEFAULT_THRESHOLD = 0.75;

export function resolveConfig(file: ClaimFloorConfigFile = {}, path?: string): ClaimFloorConfig {
  const threshold = file.threshold ?? DEFAULT_THRESHOLD;
  const types = Object.fromEntries(
    CLAIM_TYPES.map((type) => {
      const own = file.types?.[type] ?? {};
      return [type, { enabled: own.enabled ?? true, severity: own.severity ?? 'warning', threshold: own.threshold ?? threshold, prior: own.prior }];
    }),
  ) as Record<ClaimType, TypeSettings>;
  return {
    threshold,
    types,
    ignore: file.ignore ?? [],
    allow: file.allow ?? [],
    theory: {
      singletonRate: file.theory?.singletonRate ?? {},
      trainingFacts: file.theory?.trainingFacts ?? {},
      miscalibration: file.theory?.miscalibration,
      bitsPerFact: file.theory?.bitsPerFact,
    },
    limits: { maxChars: file.limits?.maxChars ?? 2_000_000, maxSentenceChars: file.limits?.maxSentenceChars ?? 2000 },
    sources: file.sources ?? [],
    corpus: { maxFiles: file.corpus?.maxFiles ?? 20_000, maxChars: file.corpus?.maxChars ?? 64_000_000 },
    file: path,
  };
}
