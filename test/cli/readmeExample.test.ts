import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { currentBlock, exampleBlock, README } from '../../scripts/readmeExample';

it("the README's example output is what the CLI prints today (npx tsx scripts/writeReadmeExample.ts rewrites it)", () => {
  const block = currentBlock(readFileSync(README, 'utf8'));
  assert.ok(block, 'the README has the example markers');
  assert.equal(block, exampleBlock(process.cwd()));
});
