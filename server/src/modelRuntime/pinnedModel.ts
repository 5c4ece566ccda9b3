import type { LoadSpec } from './worker/protocol';

export interface PinnedFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** A model the extension may download: every file pinned by size and sha256. */
export interface PinnedModel {
  /** Hugging Face repository id. */
  id: string;
  revision: string;
  files: PinnedFile[];
  load: Omit<LoadSpec, 'folder'>;
  license: string;
}

/**
 * distilgpt2 (Apache-2.0; GPT-2 BPE vocabulary, MIT) as exported to ONNX by Xenova: the int8
 * decoder with merged KV-cache branches, 84.9 MB. transformers.js on Node defaults to fp32 and to
 * the base name `model`, so both `dtype` and `model_file_name` are given. Sizes and hashes: the
 * Hugging Face LFS pointer of the ONNX file and the repository's small JSON files. A file whose
 * bytes differ is rejected, so a moved `main` can never swap the weights under a user.
 */
export const DEFAULT_MODEL: PinnedModel = {
  id: 'Xenova/distilgpt2',
  revision: 'main',
  license: 'Apache-2.0',
  load: { modelFileName: 'decoder_model_merged', dtype: 'q8' },
  files: [
    { path: 'config.json', bytes: 987, sha256: '0e0fb9cdeb3a605afc6ce8f1c9830a2d78c7ad2596e498acc66b4ab2338edf51' },
    { path: 'generation_config.json', bytes: 124, sha256: 'fa12d604e4ab52705c56eb9394c5d6a451cee884607fc25a8cd3388fc775c2be' },
    { path: 'special_tokens_map.json', bytes: 99, sha256: '6f50ab5a5a509a1c309d6171f339b196a900dc9c99ad0408ff23bb615fdae7ad' },
    { path: 'tokenizer.json', bytes: 2107653, sha256: 'cda20b8ca044949aa07ac4078420c80d1a57139d5f9f33700e46fb2d891e7c66' },
    { path: 'tokenizer_config.json', bytes: 234, sha256: '551e26ec611d8d0c8edc3ef72e518a38418cb71f40de1347dd486a595e1557d7' },
    { path: 'onnx/decoder_model_merged_quantized.onnx', bytes: 84911479, sha256: 'dfd02dcbfccb31d289cac235f71cecad357030866fe7019f05a36b1c5692afba' },
  ],
};

export const HUGGING_FACE = 'https://huggingface.co';

export function downloadUrl(model: PinnedModel, file: PinnedFile, base = HUGGING_FACE): string {
  return `${base.replace(/\/+$/, '')}/${model.id}/resolve/${model.revision}/${file.path}`;
}

export function totalBytes(model: PinnedModel): number {
  return model.files.reduce((sum, f) => sum + f.bytes, 0);
}
