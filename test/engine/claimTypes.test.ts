import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimsOf, slotsOfType, typesOf } from '../helpers/analyze';

describe('each claim type is recognised with its fact-bearing slots', () => {
  it('citation: author–year, numeric and titled references', () => {
    assert.deepEqual(slotsOfType('Prior work (Smith & Jones, 2019) disagrees.', 'citation'), ['author=Smith & Jones', 'year=2019']);
    assert.deepEqual(slotsOfType('Vaswani et al. (2017) introduced transformers.', 'citation'), ['author=Vaswani et al.', 'year=2017']);
    assert.deepEqual(slotsOfType('This was shown before [12].', 'citation'), ['reference=[12]']);
    assert.deepEqual(slotsOfType('See Smith et al. (2019) for details.', 'citation'), ['author=Smith et al.', 'year=2019']);
    assert.deepEqual(slotsOfType('The paper "Deep Residual Learning for Image Recognition" won the award.', 'citation'), ['title=Deep Residual Learning for Image Recognition']);
  });

  it('quotation: a quoted sentence with its speaker', () => {
    assert.deepEqual(slotsOfType('Churchill said, "We shall fight on the beaches."', 'quotation'), ['quote=We shall fight on the beaches.', 'speaker=Churchill']);
    assert.deepEqual(slotsOfType('The sign read "Closed" today.', 'quotation'), [], 'short quotes without attribution are not quotations');
  });

  it('event date and biography attribute', () => {
    assert.deepEqual(slotsOfType('The treaty was signed on 4 July 1776.', 'event-date'), ['date=4 July 1776']);
    assert.deepEqual(slotsOfType('Marie Curie was born in Warsaw on 7 November 1867.', 'biography'), ['date=7 November 1867', 'place=Warsaw']);
  });

  it('numeric statistic with significant digits setting the answer space', () => {
    const [claim] = claimsOf('The city has 3,141,592 residents.');
    assert.equal(claim.type, 'statistic');
    assert.equal(claim.answerSpace.size, 1e7);
    const [rounded] = claimsOf('The city has 3,000,000 residents.');
    assert.equal(rounded.answerSpace.size, 10, 'a round figure has one significant digit');
    // From a prior of the writer's (not a measured rate, which already counts lucky guesses), (1 − 1/|R_c|) applies.
    const own = { types: { statistic: { prior: 0.5 } } };
    const factor = (md: string) => {
      const effect = claimsOf(md, own)[0].trail.find((e) => e.signal === 'answer-space')?.effect;
      return effect?.kind === 'scale' ? effect.factor : undefined;
    };
    assert.equal(factor('The city has 3,000,000 residents.'), 0.9, 'a lucky guess among 10 round figures is right one time in ten');
    assert.ok((factor('The city has 3,141,592 residents.') ?? 0) > 0.999, 'an exact figure is almost never guessed');
  });

  it('named-entity relation', () => {
    assert.deepEqual(slotsOfType('Larry Page co-founded Google with Sergey Brin.', 'entity-relation'), ['object=Google', 'object=Sergey Brin']);
    // A pronoun stands for the person named earlier.
    assert.deepEqual(slotsOfType('He was a student of Kuno Fischer and Franz Brentano.', 'entity-relation'), ['object=Kuno Fischer', 'object=Franz Brentano']);
  });

  it('superlative / first', () => {
    assert.deepEqual(slotsOfType('The Amazon is the largest river by volume.', 'superlative'), ['superlative=the largest river']);
    assert.deepEqual(slotsOfType('She was the first woman to win the prize.', 'superlative'), ['superlative=the first woman']);
    assert.deepEqual(slotsOfType('The bank raised its interest rate.', 'superlative'), [], '"interest" is not a superlative');
  });

  it('identifiers: URL, DOI, ISBN, arXiv', () => {
    assert.deepEqual(slotsOfType('Data: https://example.org/a.csv, doi:10.1000/xyz123, ISBN 978-0-306-40615-7 and arXiv:1706.03762.', 'identifier'), [
      'doi=10.1000/xyz123',
      'arxiv=1706.03762',
      'isbn=978-0-306-40615-7',
      'url=https://example.org/a.csv',
    ]);
  });

  it('version / API fact', () => {
    assert.deepEqual(slotsOfType('Python 3.12 removed the `distutils` module.', 'version'), ['version=Python 3.12', 'api=distutils']);
    assert.deepEqual(slotsOfType('The lodash 4.17.21 release fixed it.', 'version'), ['version=4.17.21']);
  });

  it('definition / common knowledge only when nothing else is claimed', () => {
    assert.deepEqual(typesOf('A monad is a monoid in the category of endofunctors.'), ['definition']);
  });

  it('arithmetic is recomputed', () => {
    const [claim] = claimsOf('Revenue rose from 20 to 30, a 60% increase.');
    assert.equal(claim.type, 'arithmetic');
    assert.equal(claim.severity, 'error');
    assert.equal(claim.checks[0].expected, '50%');
  });

  it('a year inside a citation is not also an event date', () => {
    assert.deepEqual(typesOf('Smith (2019) measured it.'), ['citation']);
  });

  it('a work or a full name with a year in parentheses is a dated fact, not an author–year reference', () => {
    assert.deepEqual(slotsOfType('Her other works include Ring of Swords (1993) and The Sword Smith (1998).', 'event-date'), ['date=1993', 'date=1998']);
    for (const sentence of ['He wrote The Law of Copyright (1865).', 'He also wrote a biography of the poet John Keats (1848).']) {
      assert.ok(typesOf(sentence).includes('event-date') && !typesOf(sentence).includes('citation'), sentence);
    }
  });
});

describe('sentences that assert nothing are not claims', () => {
  for (const [kind, sentence] of [
    ['question', 'Was Einstein born in 1879?'],
    ['instruction', 'Install Node 20 before 1 March 2024.'],
    ['opinion', 'I think the 1998 final was the best game ever.'],
    ['hedged future', 'The company will probably reach 10,000 users in 2030.'],
    ['speculation', 'The bridge may have opened in 1937.'],
  ]) {
    it(kind, () => assert.deepEqual(typesOf(sentence), []));
  }

  it('but a reference inside an instruction is still checked', () => {
    assert.deepEqual(typesOf('See Smith et al. (2019) for details.'), ['citation']);
  });
});
