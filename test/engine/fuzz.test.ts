import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fuzzEngine, fuzzHostile, MAX_MS_PER_KB } from '../helpers/fuzz/engineFuzz';

/** A fixed seed keeps `npm test` repeatable; `npm run fuzz` runs the long, randomly seeded campaign. */
const SEED = 20261201;
const RUNS = 300;

describe('engine under random documents and edits (seeded)', () => {
  it(`${RUNS} cases: never throws, claims and slots inside the text, cached = fresh analysis`, () => {
    const report = fuzzEngine(RUNS, SEED);
    assert.equal(report.cases, RUNS);
  });

  it(`60 hostile inputs (long runs of a., *_, %, (, URLs, tables, nesting): linear, at most ${MAX_MS_PER_KB} ms per 1,000 characters`, () => {
    const report = fuzzHostile(60, SEED);
    assert.equal(report.cases, 60);
  });
});
