import type { Severity } from '../engine';
import type { FileResult } from './fileResult';
import type { ModelReport } from './modelReport';

/** What a run adds up to, known once every file is done. */
export interface RunSummary {
  model: ModelReport;
  /** Files checked (read and analysed). */
  checked: number;
  claims: number;
  /** Listed findings per severity. */
  listed: Record<Severity, number>;
}

/**
 * A report written while the audit runs: each file's part as soon as the file is done, so memory
 * does not grow with the number of results and no single string holds the report. `end` closes it
 * with the totals; a report without its end (a broken pipe, a killed run) is recognisably cut short.
 */
export interface ReportWriter {
  begin(): string;
  file(result: FileResult): string;
  end(summary: RunSummary): string;
}

export const emptyCounts = (): Record<Severity, number> => ({ error: 0, warning: 0, information: 0, hint: 0 });
