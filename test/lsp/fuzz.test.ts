import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fuzzLanguageServer } from '../helpers/fuzz/lspFuzz';
import { IMMEDIATE_RULES_ONLY, Session } from '../helpers/lspSession';

/** A fixed seed keeps `npm test` repeatable; `npm run fuzz` runs the long, randomly seeded campaign. */
const SEED = 20261201;
const RUNS = 200;

describe('language server under random documents and edit sequences (seeded)', () => {
  let session: Session;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'claimfloor-fuzz-'));
    session = new Session({ bundle: true });
    session.settings = IMMEDIATE_RULES_ONLY;
    await session.start(root);
  });
  after(() => session.stop());

  it(`${RUNS} cases: stays up, answers in time, ranges inside, edited = fresh`, async () => {
    const report = await fuzzLanguageServer(session, root, RUNS, SEED);
    assert.equal(report.cases, RUNS);
    assert.ok(report.edits >= RUNS);
  });
});
