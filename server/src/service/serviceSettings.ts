import type { ClaimFloorConfigFile } from '../engine';

/** `claimFloor.model.*` in the editor, `--model`/`--allow-download`/`--no-model` on the command line. */
export interface ModelSettings {
  enabled: boolean;
  /** A model folder chosen by the user (machine-scoped: a workspace cannot set it). */
  path?: string;
  allowDownload: boolean;
  /** A mirror in place of https://huggingface.co. */
  downloadUrl?: string;
}

/** What the analysis service is told by its adapter: the same fields for the CLI and the editor. */
export interface ServiceSettings {
  /** Characters analysed per file; the editor caps what the config allows (`claimFloor.maxFileChars`). */
  maxFileChars?: number;
  /** Source folders the user declared (machine scope in the editor, `--sources` in the CLI): they may lie outside the workspace. */
  sources: string[];
  model: ModelSettings;
  /** Occurrence counts and grounding (the CLI's `--no-corpus` turns them off). */
  corpus: boolean;
  /** Claim settings where no `.claimfloor.json` applies (the editor's `claimFloor.threshold` and `claimFloor.types`). */
  defaults?: ClaimFloorConfigFile;
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = { sources: [], model: { enabled: false, allowDownload: false }, corpus: true };
