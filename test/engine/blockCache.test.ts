import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyzeDocument, type BlockCache, type BlockClaims, resolveConfig } from '../../server/src/engine';

class CountingCache implements BlockCache {
  readonly map = new Map<string, BlockClaims>();
  misses = 0;
  get(key: string) {
    const hit = this.map.get(key);
    if (!hit) this.misses++;
    return hit;
  }
  set(key: string, value: BlockClaims) {
    this.map.set(key, value);
  }
}

it('an edit re-analyses only the paragraph that changed, with identical results', () => {
  const config = resolveConfig();
  const before = ['Grace Hopper was born on 9 December 1906.', 'The bridge opened in 1937.', 'Use `fetch()` since Node 18 shipped it.'].join('\n\n');
  const after = `Intro line added above.\n\n${before.replace('1937', '1938')}`;
  const cache = new CountingCache();
  analyzeDocument(before, config, { cache });
  assert.equal(cache.misses, 3);
  cache.misses = 0;
  const cached = analyzeDocument(after, config, { cache });
  assert.equal(cache.misses, 2, 'the new intro and the edited paragraph');
  const fresh = analyzeDocument(after, config);
  assert.deepEqual(cached.claims, fresh.claims, 'shifted offsets and ranges match a fresh run');
});
