import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { CALIBRATED_FEATURES, type ModelIdentity, type SurprisalCalibration } from '../engine';
import { DOWNLOAD_MARKER, type DownloadOptions, downloadModel } from './downloadModel';
import { DEFAULT_MODEL, type PinnedModel, totalBytes } from './pinnedModel';
import type { LoadSpec } from './worker/protocol';

export interface ResolvedModel {
  kind: 'model';
  spec: LoadSpec;
  identity: ModelIdentity;
  /** Where it came from, for the status bar and the CLI: a setting, an earlier download, a new download. */
  origin: 'path' | 'downloaded' | 'download';
  calibration?: SurprisalCalibration;
}

export interface NoModel {
  kind: 'none';
  /** Why scoring is rules-only, in words for the user. */
  reason: string;
}

export interface ResolveOptions {
  /** A transformers.js model folder chosen by the user (claimFloor.model.path / --model). */
  path?: string;
  /** Where downloaded models live (VS Code global storage, or the CLI's cache directory). */
  storageDir: string;
  allowDownload: boolean;
  pinned?: PinnedModel;
  download?: DownloadOptions;
}

export const CALIBRATION_FILE = 'claimfloor-calibration.json';

/** The ONNX files a transformers.js causal-LM folder may hold, best first, with the options that load them. */
const LAYOUTS: Array<Omit<LoadSpec, 'folder'> & { file: string }> = [
  { file: 'onnx/decoder_model_merged_quantized.onnx', modelFileName: 'decoder_model_merged', dtype: 'q8' },
  { file: 'onnx/model_quantized.onnx', modelFileName: 'model', dtype: 'q8' },
  { file: 'onnx/decoder_model_merged.onnx', modelFileName: 'decoder_model_merged', dtype: 'fp32' },
  { file: 'onnx/model.onnx', modelFileName: 'model', dtype: 'fp32' },
];

const exists = (path: string) => stat(path).then((s) => s.isFile(), () => false);

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readCalibration(folder: string): Promise<SurprisalCalibration | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(folder, CALIBRATION_FILE), 'utf8')) as SurprisalCalibration;
    const valid = typeof parsed.modelKey === 'string' && typeof parsed.source === 'string' && CALIBRATED_FEATURES.every((f) => Number.isFinite(parsed.weights?.[f]) && Number.isFinite(parsed.centre?.[f]));
    return valid ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Checks a user-supplied folder: the files transformers.js needs and the ONNX layout it holds. */
export async function inspectModelFolder(folder: string): Promise<ResolvedModel | NoModel> {
  const root = resolve(folder);
  for (const required of ['config.json', 'tokenizer.json']) {
    if (!(await exists(join(root, required)))) return { kind: 'none', reason: `${root} is not a transformers.js model folder: ${required} is missing.` };
  }
  for (const layout of LAYOUTS) {
    if (await exists(join(root, layout.file))) {
      const key = `${basename(root)}@sha256:${await sha256File(join(root, layout.file))}`;
      return { kind: 'model', origin: 'path', spec: { folder: root, modelFileName: layout.modelFileName, dtype: layout.dtype }, identity: { name: basename(root), key }, calibration: await readCalibration(root) };
    }
  }
  return { kind: 'none', reason: `${root} has no ONNX weights (looked for ${LAYOUTS.map((l) => l.file).join(', ')}).` };
}

export function downloadFolder(storageDir: string, pinned: PinnedModel): string {
  return join(storageDir, 'models', ...pinned.id.split('/'), pinned.revision);
}

async function downloadedCopy(folder: string, pinned: PinnedModel): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(join(folder, DOWNLOAD_MARKER), 'utf8')) as { files?: Array<{ path: string; sha256: string }> };
    const pinnedMatch = pinned.files.every((f) => marker.files?.some((m) => m.path === f.path && m.sha256 === f.sha256));
    const sizes = await Promise.all(pinned.files.map((f) => stat(join(folder, f.path)).then((s) => s.size === f.bytes, () => false)));
    return pinnedMatch && sizes.every(Boolean);
  } catch {
    return false;
  }
}

/**
 * Finds the model to use: the user's folder, else an earlier verified download, else a new
 * download when allowed. Anything else is rules-only mode with the reason in words; nothing here
 * touches the network unless `allowDownload` is true and no verified copy exists.
 */
export async function resolveModel({ path, storageDir, allowDownload, pinned = DEFAULT_MODEL, download }: ResolveOptions): Promise<ResolvedModel | NoModel> {
  if (path) return inspectModelFolder(path);
  const folder = downloadFolder(storageDir, pinned);
  const onnx = pinned.files.find((f) => f.path.endsWith('.onnx'));
  const fromPin = (origin: ResolvedModel['origin']): Promise<ResolvedModel> =>
    readCalibration(folder).then((calibration) => ({
      kind: 'model',
      origin,
      spec: { folder, ...pinned.load },
      identity: { name: pinned.id, key: `${pinned.id}@sha256:${onnx?.sha256 ?? pinned.revision}` },
      calibration,
    }));
  if (await downloadedCopy(folder, pinned)) return fromPin('downloaded');
  if (!allowDownload) {
    const megabytes = (totalBytes(pinned) / 1e6).toFixed(0);
    return { kind: 'none', reason: `No model: set a local model folder, or allow ClaimFloor to download ${pinned.id} (${megabytes} MB, once).` };
  }
  await downloadModel(pinned, folder, download);
  return fromPin('download');
}
