// Token scores from a GGUF causal LM through node-llama-cpp (llama.cpp's CPU build), in the shape
// the engine's slot features read (server/src/engine/lmFeatures/tokenScores.ts): per token of a
// scoring window, surprisal, entropy and rank of the written token, and the model's own choice.
// Benchmark-only: the product's worker runs transformers.js; this measures what a real small LM
// would add before anyone wires a second backend into it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ScoringWindow } from '../../server/src/engine';
import type { SentenceScores, TokenScore } from '../../server/src/engine/lmFeatures/tokenScores';

export interface GgufScorerOptions {
  threads?: number;
  contextSize?: number;
}

/** A token range of a window's text whose next-token distributions are wanted (slots, a subject's name). */
export interface Span {
  start: number;
  end: number;
}

export interface GgufScorer {
  name: string;
  /** Scores of the tokens of `window.text` from `scoreFrom` on that overlap `spans` (default: the window's own spans). */
  score(window: Pick<ScoringWindow, 'text' | 'scoreFrom' | 'spans'>, spans?: readonly Span[]): Promise<SentenceScores>;
  /** A forward pass over the window with no distribution read back: the raw speed of the model. */
  forwardOnly(text: string): Promise<{ seconds: number; tokens: number }>;
  stats: { windows: number; tokens: number; distributions: number; seconds: number };
  dispose(): Promise<void>;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const LOG2 = Math.log(2);

/**
 * Loads `modelPath` on the CPU. Each window is read fresh after `<|endoftext|>` (token 0 for
 * SmolLM2; the instruct model's `<|im_start|>` BOS puts plain prose off its distribution), like the
 * product's worker, which scores each window on its own.
 */
export async function loadGgufScorer(modelPath: string, { threads = 2, contextSize = 2048 }: GgufScorerOptions = {}): Promise<GgufScorer> {
  const { getLlama } = await import('node-llama-cpp');
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error' as never });
  const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
  const context = await model.createContext({ contextSize, batchSize: 512, threads, sequences: 1 });
  const sequence = context.getSequence();
  const start = 0 as never;
  const stats = { windows: 0, tokens: 0, distributions: 0, seconds: 0 };

  /** Tokens of `text` with their character offsets (prefix detokenisation, so a token that splits a character still gets a range). */
  function tokensOf(text: string): Array<{ token: number; start: number; end: number }> {
    const tokens = model.tokenize(text, false) as number[];
    const out: Array<{ token: number; start: number; end: number }> = [];
    let previous = 0;
    for (let i = 0; i < tokens.length; i++) {
      const upTo = Math.min(text.length, model.detokenize(tokens.slice(0, i + 1) as never).length);
      out.push({ token: tokens[i], start: previous, end: Math.max(previous, upTo) });
      previous = Math.max(previous, upTo);
    }
    return out;
  }

  return {
    name: model.fileInfo.metadata?.general?.name ?? modelPath,
    stats,
    async score(window, spans = window.spans) {
      const tokens = tokensOf(window.text);
      const wanted = tokens.map((t) => t.end > window.scoreFrom && spans.some((s) => t.start < s.end && t.end > s.start));
      const input = [start, ...tokens.map((t) => t.token)].slice(0, tokens.length).map((token, i) => (wanted[i] ? ([token, { generateNext: { probabilities: true } }] as const) : token));
      const began = performance.now();
      await sequence.clearHistory();
      const outputs = await sequence.controlledEvaluate(input as never);
      const scores: TokenScore[] = [];
      tokens.forEach((t, i) => {
        if (!wanted[i]) return;
        const probabilities = outputs[i]?.next.probabilities;
        if (!probabilities) return;
        const p = probabilities.get(t.token as never) ?? 0;
        let entropy = 0;
        let rank = 1;
        let top = -1;
        for (const [token, q] of probabilities) {
          if (top < 0) top = token as number;
          if (q > 0) entropy -= q * Math.log(q);
          if (q > p) rank++;
        }
        scores.push({ start: t.start, end: t.end, surprisal: -Math.log(Math.max(p, 1e-12)) / LOG2, entropy: entropy / LOG2, rank, top: model.detokenize([top] as never) });
      });
      stats.seconds += (performance.now() - began) / 1000;
      stats.windows++;
      stats.tokens += tokens.length;
      stats.distributions += scores.length;
      return { tokens: scores };
    },
    async forwardOnly(text) {
      const tokens = model.tokenize(text, false) as number[];
      await sequence.clearHistory();
      const began = performance.now();
      await sequence.evaluateWithoutGeneratingNewTokens([start, ...tokens] as never);
      return { seconds: (performance.now() - began) / 1000, tokens: tokens.length + 1 };
    },
    async dispose() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}
