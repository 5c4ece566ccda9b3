import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { CLAIM_TYPES } from '../../server/src/engine';
import { claimTypeDoc } from '../../scripts/claimTypeDocs';

it('every diagnostic code links to a current docs page (run scripts/writeClaimTypeDocs.ts after changing the table)', () => {
  for (const type of CLAIM_TYPES) assert.equal(readFileSync(`docs/claim-types/${type}.md`, 'utf8'), claimTypeDoc(type), type);
});
