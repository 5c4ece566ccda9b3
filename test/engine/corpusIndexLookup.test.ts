import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type MiniSearch from 'minisearch';
import { resolveConfig } from '../../server/src/engine';
import { claimFact } from '../../server/src/engine/reference/claimFacts';
import { corpusDocument } from '../../server/src/engine/reference/corpusDocument';
import { CorpusIndex } from '../../server/src/engine/reference/corpusIndex';
import { claimsOf } from '../helpers/analyze';

const config = resolveConfig();

/** The index's private pieces the test compares: its own AND lookup and MiniSearch's search. */
interface Private {
  allTerms(query: string): string[] | undefined;
  search: MiniSearch;
}

function exampleIndex(): CorpusIndex {
  const index = new CorpusIndex(config.corpus);
  const dir = 'examples';
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) index.add(corpusDocument(`/w/${name}`, readFileSync(join(dir, name), 'utf8')));
  // Passages of equal length and term counts score alike: the order of ties counts too.
  for (let i = 0; i < 12; i++) index.add(corpusDocument(`/w/tie${i}.md`, `Marie Curie won the prize in Paris.\n\nThe prize went to Paris again, ${i}.\n`));
  // Removed and re-added documents get new places in the postings.
  for (const i of [3, 7]) {
    index.remove(`/w/tie${i}.md`);
    index.add(corpusDocument(`/w/tie${i}.md`, `Marie Curie won the prize in Paris.\n\nThe prize went to Paris again, ${i}.\n`));
  }
  return index;
}

describe('corpus index AND lookup', () => {
  it('finds the passages MiniSearch finds for every term, in the same order', () => {
    const index = exampleIndex();
    const priv = index as unknown as Private;
    const words = new Set<string>();
    for (const id of index.ids()) for (const p of index.get(id)!.passages) for (const w of p.text.split(/\s+/).slice(0, 12)) words.add(w);
    const list = [...words];
    const queries = ['marie curie', 'paris', 'the prize', 'prize prize', 'the the paris', 'nonexistentword', 'paris nonexistentword', '', '...', 'Curie, Marie!'];
    for (let i = 0; i < list.length; i++) queries.push(list[i], `${list[i]} ${list[(i * 7) % list.length]}`, `${list[i]} the`);
    let compared = 0;
    for (const q of queries) {
      const fast = priv.allTerms(q);
      assert.ok(fast, 'the MiniSearch internals are as expected');
      const slow = priv.search.search(q, { combineWith: 'AND' }).map((r) => r.id as string);
      assert.deepEqual(fast, slow, q);
      if (slow.length > 1) compared++;
    }
    assert.ok(compared > 50, `${compared} queries with several results`);
  });

  it('lists the first documents in path order, each with its first passage holding the value', () => {
    const index = new CorpusIndex(config.corpus);
    // Added in reverse path order: the locations follow the paths, not the order of indexing.
    for (let i = 9; i >= 0; i--) index.add(corpusDocument(`/w/n${i}.md`, `An aside.\n\nMarie Curie was born on 7 November 1867.\n\nMarie Curie was born on 7 November 1867, in Warsaw.\n`));
    const [claim] = claimsOf('Marie Curie was born on 7 November 1867.').filter((c) => c.type === 'biography');
    const found = index.occurrences(claimFact(claim), '/w/n0.md')!;
    assert.equal(found.count, 9);
    assert.deepEqual(
      found.locations.map((l) => `${l.document}:${l.passage.line}`),
      ['/w/n1.md:2', '/w/n2.md:2', '/w/n3.md:2', '/w/n4.md:2', '/w/n5.md:2'],
    );
  });
});
