import type { Range } from './text/positions';

/** Something the writer should know about the analysis itself (a cap hit, a parse fallback, a bad directive). */
export interface Notice {
  severity: 'error' | 'warning' | 'information';
  message: string;
  start?: number;
  end?: number;
  /** Where `start` is, as an LSP range of zero length (set by the analysis). */
  range?: Range;
}
