import { createHash } from 'node:crypto';
import cacache from 'cacache';
import { LRUCache } from 'lru-cache';
import type { SentenceScores, TokenScore } from '../engine';
import { discardEntry } from '../files/cacheStore';
import type { WindowToScore } from './worker/protocol';

export interface ScoreCacheOptions {
  /** Persistent cache directory; memory only when absent. */
  directory?: string;
  maxEntries?: number;
  /** Told once about the first write that fails (e.g. a full disk); scoring goes on. */
  onWriteError?: (error: Error) => void;
}

const isTokenScore = (t: unknown): t is TokenScore => {
  const x = t as TokenScore;
  return typeof x === 'object' && x !== null && [x.start, x.end, x.surprisal, x.entropy, x.rank].every(Number.isFinite) && typeof x.top === 'string';
};

function parse(data: Buffer): SentenceScores | undefined {
  try {
    const value = JSON.parse(data.toString('utf8')) as SentenceScores;
    return Array.isArray(value?.tokens) && value.tokens.every(isTokenScore) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sentence scores keyed by (model key, slot spans, context, sentence): an LRU in memory in front of a
 * content-addressed cache on disk (cacache, which checks integrity on every read). A corrupt or
 * unreadable entry is removed and counts as a miss.
 */
export class ScoreCache {
  private readonly memory: LRUCache<string, SentenceScores>;
  private readonly writes = new Set<Promise<void>>();
  private reportedWriteError = false;

  constructor(
    private readonly modelKey: string,
    private readonly options: ScoreCacheOptions = {},
  ) {
    this.memory = new LRUCache({ max: options.maxEntries ?? 20_000 });
  }

  key(window: WindowToScore): string {
    const spans = window.spans.map((s) => `${s.start}-${s.end}`).join(',');
    const hash = createHash('sha256').update(`${this.modelKey}\u0000${spans}\u0000${window.text.slice(0, window.scoreFrom)}\u0000${window.text.slice(window.scoreFrom)}`).digest('hex');
    return `scores/${hash}`;
  }

  /** Memory only, synchronous: what the editor can use without waiting. */
  peek(window: WindowToScore): SentenceScores | undefined {
    return this.memory.get(this.key(window));
  }

  async get(window: WindowToScore): Promise<SentenceScores | undefined> {
    const key = this.key(window);
    const hit = this.memory.get(key);
    if (hit || !this.options.directory) return hit;
    try {
      const scores = parse((await cacache.get(this.options.directory, key)).data);
      if (scores) {
        this.memory.set(key, scores);
        return scores;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    }
    await discardEntry(this.options.directory, key);
    return undefined;
  }

  set(window: WindowToScore, scores: SentenceScores): void {
    const key = this.key(window);
    this.memory.set(key, scores);
    const directory = this.options.directory;
    if (!directory) return;
    const write: Promise<void> = cacache
      .put(directory, key, JSON.stringify(scores))
      .then(() => undefined)
      .catch((error: Error) => {
        if (!this.reportedWriteError) this.options.onWriteError?.(error);
        this.reportedWriteError = true;
      })
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }

  /** Waits for pending disk writes (the CLI calls this before exiting). */
  async flush(): Promise<void> {
    await Promise.all([...this.writes]);
  }
}
