import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotate } from '../../server/src/engine/nlp/annotate';

const split = (text: string) => annotate(text, 0).map((s) => s.text);

describe('sentence segmentation', () => {
  const cases: Array<[string, string[]]> = [
    ['Dr. Smith moved to the U.S. in 1990. He stayed.', ['Dr. Smith moved to the U.S. in 1990.', 'He stayed.']],
    ['He wrote e.g. three books, cf. Smith et al. (2019) for details. Next.', ['He wrote e.g. three books, cf. Smith et al. (2019) for details.', 'Next.']],
    ['Room No. 5 holds 3.14 liters. Next one.', ['Room No. 5 holds 3.14 liters.', 'Next one.']],
    ['It trailed off... Then it stopped.', ['It trailed off...', 'Then it stopped.']],
    ['"Is it?" she asked. Yes.', ['"Is it?" she asked.', 'Yes.']],
    ['It ended (mostly). Then more.', ['It ended (mostly).', 'Then more.']],
    ['GPT-3.5 was used. GPT-4 too.', ['GPT-3.5 was used.', 'GPT-4 too.']],
    ['Mr. Jones arrived at 5 p.m. on Jan. 3. The end.', ['Mr. Jones arrived at 5 p.m. on Jan. 3.', 'The end.']],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => assert.deepEqual(split(input), expected));
  }

  it('reports absolute offsets', () => {
    const [first, second] = annotate('One two. Three four.', 100);
    assert.equal(first.start, 100);
    assert.equal(second.start, 109);
    assert.equal(second.tokens[0].start, 109);
  });
});
