import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fuzzEngine } from '../helpers/fuzz/engineFuzz';

/** A fixed seed keeps `npm test` repeatable; `npm run fuzz` runs the long, randomly seeded campaign. */
const SEED = 20261201;
const RUNS = 300;

describe('engine under random documents and edits (seeded)', () => {
  it(`${RUNS} cases: never throws, claims and slots inside the text, cached = fresh analysis`, () => {
    const report = fuzzEngine(RUNS, SEED);
    assert.equal(report.cases, RUNS);
  });
});
