import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trainByteLevelBpe } from './byteLevelBpe';
import { buildGpt2Graph, type Gpt2Shape } from './gpt2Graph';

const SAMPLE = `Albert Einstein was born in Ulm on 14 March 1879 and died in Princeton in 1955.
The Eiffel Tower was completed in 1889 and is 330 metres tall. Marie Curie won the Nobel Prize in 1903
and again in 1911. The company reported revenue of $4.2 billion, up 12% from the previous year.
According to Smith et al. (2019), the effect was first described in the journal Nature.
"Imagination is more important than knowledge," he said. Python 3.12 was released in October 2023.
The largest city in the country is the capital, founded in the twelfth century by the king.
In 2020 the population was 1,234,567; by 2021 it had grown to 1,250,000, an increase of 1.3%.`;

export interface RandomModelOptions {
  /** Overrides of the tiny default shape (2 layers, 64 dimensions, the tokenizer's vocabulary). */
  shape?: Partial<Gpt2Shape>;
  /** Where the graph goes inside the folder; the default is the layout of Xenova/distilgpt2's int8 file. */
  onnxFile?: string;
  merges?: number;
}

/**
 * Writes a transformers.js model folder (config, tokenizer, ONNX graph) for a GPT-2 with random
 * weights and our own tiny tokenizer. Its outputs mean nothing; it exercises the real loading,
 * tokenising and inference code with the real architecture.
 */
export async function writeRandomGpt2(folder: string, { shape = {}, onnxFile = 'onnx/decoder_model_merged_quantized.onnx', merges = 300 }: RandomModelOptions = {}): Promise<{ vocab: number; eos: number }> {
  const tokenizer = trainByteLevelBpe(SAMPLE, merges);
  const vocab = Object.keys((tokenizer['tokenizer.json'] as { model: { vocab: object } }).model.vocab).length;
  const eos = vocab - 1;
  const full: Gpt2Shape = { vocab, layers: 2, embedding: 64, heads: 4, positions: 1024, seed: 11, ...shape };
  if (full.vocab < vocab) throw new Error(`The model's vocabulary (${full.vocab}) is smaller than the tokenizer's (${vocab}).`);
  const config = {
    architectures: ['GPT2LMHeadModel'],
    model_type: 'gpt2',
    vocab_size: full.vocab,
    n_embd: full.embedding,
    n_layer: full.layers,
    n_head: full.heads,
    n_positions: full.positions,
    n_ctx: full.positions,
    bos_token_id: eos,
    eos_token_id: eos,
    use_cache: false,
  };
  await mkdir(join(folder, 'onnx'), { recursive: true });
  await writeFile(join(folder, 'config.json'), JSON.stringify(config, null, 2));
  for (const [name, content] of Object.entries(tokenizer)) await writeFile(join(folder, name), JSON.stringify(content));
  await writeFile(join(folder, onnxFile), buildGpt2Graph(full));
  return { vocab, eos };
}
