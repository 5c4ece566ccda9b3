import assert from 'node:assert/strict';
import { it } from 'node:test';
import { scoreClaimTypeSample } from '../helpers/claimTypeSample';

it('claim types on the hand-labelled sample stay accurate (regression guard)', () => {
  const { micro, perType } = scoreClaimTypeSample();
  assert.ok(micro.precision >= 0.9, `micro precision ${micro.precision}`);
  assert.ok(micro.recall >= 0.9, `micro recall ${micro.recall}`);
  for (const s of perType) assert.ok(s.truePositives > 0, `${s.type} is found at least once`);
});
