import type { AssessedClaim, ClaimFloorConfig, DocumentAnalysis } from '../engine';

/** One checked file, as every output format sees it. */
export interface FileResult {
  /** Path as given on the command line or relative to the working directory (forward slashes). */
  path: string;
  analysis?: DocumentAnalysis;
  config: ClaimFloorConfig;
  /** Claims that pass --min-risk (or are certain errors), in document order. */
  findings: AssessedClaim[];
  /** Why the file could not be checked (unreadable, binary). */
  error?: string;
  /** True when the file could not be read at all (an I/O error, not a skipped binary). */
  ioError?: boolean;
}
