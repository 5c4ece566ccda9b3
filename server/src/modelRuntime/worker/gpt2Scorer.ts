import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import type { SentenceScores, TokenScore } from '../../engine';
import { alignByteLevelTokens } from './byteLevelAlignment';
import { nextTokenStats } from './nextTokenStats';
import type { WindowToScore, WorkerLimits } from './protocol';

interface Prepared {
  index: number;
  /** Token ids fed to the model, BOS first when the tokenizer has one. */
  ids: number[];
  ranges: Array<{ start: number; end: number }>;
  /** Position in `ids` of the first sentence token. */
  firstScored: number;
  spans: WindowToScore['spans'];
}

type TensorConstructor = new (type: 'int64', data: BigInt64Array, dims: number[]) => Tensor;

/**
 * Scores sentences with a causal LM: every sentence token inside a requested span gets its
 * surprisal, the entropy of the distribution it was drawn from, its rank and the model's own first
 * choice. Runs inside the
 * worker; the forward pass is transformers.js, the statistics are computed here from the logits.
 */
export class Gpt2Scorer {
  readonly vocab: number;
  private readonly bos: number | undefined;
  private readonly decoded = new Map<number, string>();

  constructor(
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly model: PreTrainedModel,
    private readonly TensorClass: TensorConstructor,
    private readonly limits: WorkerLimits,
  ) {
    const config = model.config as { vocab_size?: number; bos_token_id?: number };
    this.vocab = config.vocab_size ?? tokenizer.get_vocab().size;
    this.bos = tokenizer.bos_token_id ?? config.bos_token_id;
  }

  async score(windows: WindowToScore[]): Promise<{ scores: SentenceScores[]; tokens: number }> {
    const prepared = windows.map((w, index) => this.prepare(w, index));
    const scores: SentenceScores[] = new Array(windows.length);
    let tokens = 0;
    for (const batch of this.batches(prepared)) {
      const length = Math.max(...batch.map((p) => p.ids.length));
      const ids = new BigInt64Array(batch.length * length).fill(BigInt(this.bos ?? 0));
      const mask = new BigInt64Array(batch.length * length);
      batch.forEach((p, row) => p.ids.forEach((id, i) => ((ids[row * length + i] = BigInt(id)), (mask[row * length + i] = 1n))));
      const dims = [batch.length, length];
      const output = (await this.model({ input_ids: new this.TensorClass('int64', ids, dims), attention_mask: new this.TensorClass('int64', mask, dims) })) as { logits: Tensor };
      const logits = output.logits.data as Float32Array;
      const vocab = output.logits.dims[2];
      batch.forEach((p, row) => {
        const scored: TokenScore[] = [];
        for (let i = Math.max(1, p.firstScored); i < p.ids.length; i++) {
          const { start, end } = p.ranges[i];
          if (!p.spans.some((s) => s.start < end && s.end > start)) continue;
          const stats = nextTokenStats(logits, (row * length + i - 1) * vocab, vocab, p.ids[i]);
          scored.push({ ...p.ranges[i], surprisal: stats.surprisal, entropy: stats.entropy, rank: stats.rank, top: this.decode(stats.top) });
        }
        scores[p.index] = { tokens: scored };
        tokens += p.ids.length;
      });
    }
    return { scores, tokens };
  }

  private prepare(window: WindowToScore, index: number): Prepared {
    const pieces = this.tokenizer.tokenize(window.text);
    const ranges = alignByteLevelTokens(window.text, pieces);
    if (!ranges) throw new Error('The tokenizer does not spell its input byte for byte; only byte-level BPE tokenizers (the GPT-2 family) are supported.');
    const ids = this.tokenizer.convert_tokens_to_ids(pieces);
    const budget = this.limits.maxTokens - (this.bos === undefined ? 0 : 1);
    let first = ranges.findIndex((r) => r.end > window.scoreFrom);
    if (first < 0) first = ranges.length;
    // Context is cut from the left; a sentence longer than the budget loses its end.
    const from = Math.max(0, Math.min(first, ranges.length - budget));
    const to = Math.min(ranges.length, from + budget);
    const lead = this.bos === undefined ? [] : [this.bos];
    const leadRange = this.bos === undefined ? [] : [{ start: 0, end: 0 }];
    return {
      index,
      ids: [...lead, ...ids.slice(from, to)],
      ranges: [...leadRange, ...ranges.slice(from, to)],
      firstScored: first - from + lead.length,
      spans: window.spans,
    };
  }

  /** Similar lengths together, so padding wastes little; each batch stays under maxBatchTokens. */
  private *batches(prepared: Prepared[]): Generator<Prepared[]> {
    const sorted = [...prepared].sort((a, b) => a.ids.length - b.ids.length);
    let batch: Prepared[] = [];
    for (const p of sorted) {
      if (batch.length > 0 && (batch.length + 1) * p.ids.length > this.limits.maxBatchTokens) {
        yield batch;
        batch = [];
      }
      batch.push(p);
    }
    if (batch.length > 0) yield batch;
  }

  /** Releases the model's inference session. */
  async dispose(): Promise<void> {
    await this.model.dispose();
  }

  private decode(id: number): string {
    let text = this.decoded.get(id);
    if (text === undefined) {
      text = this.tokenizer.decode([id], { clean_up_tokenization_spaces: false });
      this.decoded.set(id, text);
    }
    return text;
  }
}
