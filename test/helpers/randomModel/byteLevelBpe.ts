/**
 * Trains a tiny GPT-2-style byte-level BPE tokenizer on a sample text and returns the
 * `tokenizer.json` that transformers.js loads. Real tokenizers cannot reach CI, and a random-weight
 * model only needs a tokenizer of the same kind (byte-level, with multi-character merges such as
 * "Ġthe"), not the real vocabulary.
 */
import { byteToUnicode } from '../../../server/src/modelRuntime/worker/byteLevelAlignment';

// GPT-2's pre-tokenisation regex (words with their leading space, digits, punctuation runs, spaces).
const PRE_TOKENIZE = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

export const END_OF_TEXT = '<|endoftext|>';

export interface TokenizerFiles {
  'tokenizer.json': object;
  'tokenizer_config.json': object;
}

export function trainByteLevelBpe(sample: string, merges: number): TokenizerFiles {
  const bytes = byteToUnicode();
  const encoder = new TextEncoder();
  const words = new Map<string, number>();
  for (const piece of sample.match(PRE_TOKENIZE) ?? []) {
    const symbols = Array.from(encoder.encode(piece), (b) => bytes[b]).join(' ');
    words.set(symbols, (words.get(symbols) ?? 0) + 1);
  }
  let corpus = [...words].map(([w, count]) => ({ symbols: w.split(' '), count }));
  const learned: string[] = [];
  for (let m = 0; m < merges; m++) {
    const pairs = new Map<string, number>();
    for (const { symbols, count } of corpus) {
      for (let i = 0; i + 1 < symbols.length; i++) {
        const pair = `${symbols[i]} ${symbols[i + 1]}`;
        pairs.set(pair, (pairs.get(pair) ?? 0) + count);
      }
    }
    const best = [...pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (!best || best[1] < 2) break;
    learned.push(best[0]);
    const [left, right] = best[0].split(' ');
    corpus = corpus.map(({ symbols, count }) => {
      const merged: string[] = [];
      for (let i = 0; i < symbols.length; i++) {
        if (symbols[i] === left && symbols[i + 1] === right) {
          merged.push(left + right);
          i++;
        } else merged.push(symbols[i]);
      }
      return { symbols: merged, count };
    });
  }
  const vocab: Record<string, number> = {};
  for (const symbol of [...bytes, ...learned.map((m) => m.replace(' ', ''))]) if (!(symbol in vocab)) vocab[symbol] = Object.keys(vocab).length;
  const eos = Object.keys(vocab).length;
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    'tokenizer.json': {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [{ id: eos, content: END_OF_TEXT, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
      normalizer: null,
      pre_tokenizer: byteLevel,
      post_processor: { ...byteLevel, trim_offsets: false },
      decoder: byteLevel,
      model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, vocab: { ...vocab, [END_OF_TEXT]: eos }, merges: learned },
    },
    'tokenizer_config.json': {
      add_prefix_space: false,
      bos_token: END_OF_TEXT,
      eos_token: END_OF_TEXT,
      unk_token: END_OF_TEXT,
      clean_up_tokenization_spaces: true,
      model_max_length: 1024,
      tokenizer_class: 'GPT2Tokenizer',
    },
  };
}
