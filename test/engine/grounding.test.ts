import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, type AssessedClaim, resolveConfig } from '../../server/src/engine';
import { corpusDocument } from '../../server/src/engine/reference/corpusDocument';
import { CorpusIndex } from '../../server/src/engine/reference/corpusIndex';

// Small workspaces written for the test: a draft checked against a sources folder, each case
// asserting what a careful reader of the sources would conclude.
const config = resolveConfig();
const DRAFT = '/w/draft.md';

function sources(files: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex(config.corpus);
  for (const [name, text] of Object.entries(files)) index.add(corpusDocument(`/w/sources/${name}`, text, { source: true }));
  return index;
}

function analyse(draft: string, index: CorpusIndex): AssessedClaim[] {
  return analyzeDocument(draft, config, { corpus: { index, documentId: DRAFT } }).claims;
}

/** The claims of the sentence that starts with `start`. */
const claimsOf = (claims: AssessedClaim[], start: string) => claims.filter((c) => c.text.startsWith(start));
const statuses = (claims: AssessedClaim[]) => claims.map((c) => c.corpus?.grounding.status);
const noError = (claims: AssessedClaim[]) => claims.every((c) => c.corpus?.grounding.status !== 'contradicted' && c.severity !== 'error');

describe('grounding: the same attribute', () => {
  const curie = 'Marie Curie (7 November 1867 – 4 July 1934) was a Polish and naturalised-French physicist and chemist. She won the Nobel Prize in Physics in 1903 and the Nobel Prize in Chemistry in 1911.';

  it('a true prize claim is supported by a source that states both prizes, not contradicted by the other one', () => {
    const claims = analyse('Marie Curie won the Nobel Prize in Chemistry in 1911.', sources({ 'curie.txt': curie }));
    assert.ok(claims.length > 0);
    assert.ok(noError(claims));
    assert.equal(claims.find((c) => c.slots.some((s) => s.text === '1911'))?.corpus?.grounding.status, 'supported');
  });

  it('a source that names only the Physics prize says nothing about the Chemistry one; another year for the same prize contradicts', () => {
    const physicsOnly = sources({ 'curie.txt': 'Marie Curie (7 November 1867 – 4 July 1934) was a physicist. She won the Nobel Prize in Physics in 1903.' });
    assert.ok(noError(analyse('Marie Curie won the Nobel Prize in Chemistry in 1911.', physicsOnly)));
    const wrongYear = analyse('Marie Curie won the Nobel Prize in Physics in 1905.', physicsOnly).find((c) => c.corpus?.grounding.status === 'contradicted');
    assert.deepEqual(wrongYear?.corpus?.grounding.conflict, { claimed: '1905', stated: '1903' });
  });

  it('a birth date does not contradict a doctorate year, nor a move a death year; the same attribute does', () => {
    const meitner = sources({ 'meitner.txt': 'Lise Meitner (born 7 November 1878) was an Austrian physicist. In 1960 she moved to Cambridge.' });
    assert.ok(noError(analyse('Lise Meitner received her doctorate in 1921.', meitner)), 'the birth date is not the doctorate');
    assert.ok(noError(analyse('Lise Meitner died in 1972.', meitner)), 'the move is not the death');
    assert.deepEqual(statuses(analyse('Lise Meitner died in 1960.', meitner)), ['unsupported'], 'nor does the year of the move support a death that year');
    const full = sources({ 'meitner.txt': 'Lise Meitner (7 November 1878 – 27 October 1968) was an Austrian physicist. Meitner received her doctorate in 1906. In 1960 she moved to Cambridge.' });
    const doctorate = analyse('Lise Meitner received her doctorate in 1921.', full).find((c) => c.corpus?.grounding.status === 'contradicted');
    assert.deepEqual(doctorate?.corpus?.grounding.conflict, { claimed: '1921', stated: '1906' });
    const death = analyse('Lise Meitner died in 1972.', full).find((c) => c.corpus?.grounding.status === 'contradicted');
    assert.deepEqual(death?.corpus?.grounding.conflict, { claimed: '1972', stated: '27 October 1968' }, 'the death date, not the move in 1960');
    assert.equal(death?.corpus?.grounding.attribute, 'died');
  });

  it('a quantity is compared only with a count of the same noun, and a hedge is read', () => {
    const registry = sources({ 'registry.md': 'The registry hosts 1,200 modules. Its latest release is version 36.0, with a median score of 36.0.' });
    const more = analyse('The registry hosts more than 1,000 modules.', registry);
    assert.ok(noError(more), '"more than 1,000" holds 1,200');
    assert.deepEqual(statuses(more), ['supported']);
    assert.ok(noError(analyse('The registry scores more than 1,000 points.', registry)), 'points are not modules, nor a version');
    const fewer = analyse('The registry hosts fewer than 1,000 modules.', registry);
    assert.deepEqual(fewer[0]?.corpus?.grounding.conflict, { claimed: '1,000', stated: '1,200' });
  });

  it('a source giving several values for the attribute settles none of them; a bound of a range is not a value', () => {
    const versions = sources({ 'llama.md': 'Llama 2 comes in versions of 7 billion parameters, 13 billion parameters and 70 billion parameters.' });
    assert.ok(noError(analyse('The largest Llama 2 model has 4.5 billion parameters.', versions)));
    assert.ok(noError(analyse('Smaller Llama 2 models range from 110 million to 1.5 billion parameters.', sources({ 'llama.md': 'The smallest Llama 2 model has 7 billion parameters.' }))));
  });

  it('another person\'s death in a sentence about the subject is not the subject\'s death', () => {
    const albert = sources({ 'albert.txt': 'Albert I of Meissen (1158 – 24 June 1195) was the Margrave of Meissen. His father died in 1190. Dietrich inherited after Henry\'s death in 1197.' });
    const [claim] = analyse('Albert I of Meissen died in 1195.', albert);
    assert.equal(claim.corpus?.grounding.status, 'supported');
  });
});

describe('grounding: values at their precision', () => {
  const curie = sources({ 'curie.txt': 'Marie Curie (7 November 1867 – 4 July 1934) was a Polish physicist. Curie was born in Warsaw.' });

  it('another day of the same month and year contradicts; is never supported nor "a source states every value"', () => {
    const [claim] = analyse('Marie Curie was born on 8 November 1867.', curie);
    assert.equal(claim.corpus?.grounding.status, 'contradicted');
    assert.deepEqual(claim.corpus?.grounding.conflict, { claimed: '8 November 1867', stated: '7 November 1867' });
    assert.ok(claim.trail.every((e) => !/a source states every value/.test(e.summary)));
  });

  it('a year and a month agree with the full date; a life span is a birth and a death', () => {
    assert.deepEqual(statuses(analyse('Marie Curie was born in 1867.', curie)), ['supported']);
    assert.deepEqual(statuses(analyse('Marie Curie was born in November 1867.', curie)), ['supported']);
    const span = claimsOf(analyse('Marie Curie (1867 – 1934) was a Polish physicist.', curie), 'Marie Curie');
    assert.ok(noError(span));
    assert.ok(statuses(span).includes('supported'));
    const wrongSpan = claimsOf(analyse('Marie Curie (1867 – 1935) was a Polish physicist.', curie), 'Marie Curie').find((c) => c.corpus?.grounding.status === 'contradicted');
    assert.deepEqual(wrongSpan?.corpus?.grounding.conflict, { claimed: '1935', stated: '4 July 1934' });
  });

  it('partial support says what is stated and what is missing', () => {
    const [claim] = analyse('Marie Curie was born on 7 November 1867 in Paris.', curie);
    assert.equal(claim.corpus?.grounding.status, 'unsupported');
    assert.deepEqual(claim.corpus?.grounding.partial, { stated: ['7 November 1867'], missing: ['Paris'] });
  });
});

describe('grounding: the subject first', () => {
  const people = {
    'smith.txt': 'John Smith (1 March 1901 – 12 February 1970) was an English cricketer who played for Derbyshire. He died in Derby.',
    'doe.txt': 'Jane Doe (2 April 1905 – 12 February 2010) was an English cricketer who played for Derbyshire. She died in Derby.',
  };

  it('two people with similar facts: each claim is judged by its own person\'s source', () => {
    const index = sources(people);
    const jane = analyse('Jane Doe was an English cricketer. She died in 2010 in Derby.', index);
    assert.ok(noError(jane));
    assert.deepEqual(statuses(claimsOf(jane, 'She died')), ['supported']);
    const john = claimsOf(analyse('John Smith was an English cricketer. He died in 2010 in Derby.', index), 'He died');
    assert.equal(john[0]?.corpus?.grounding.status, 'contradicted');
    assert.equal(john[0]?.corpus?.grounding.passage?.document, '/w/sources/smith.txt');
    assert.deepEqual(john[0]?.corpus?.grounding.conflict, { claimed: '2010', stated: '12 February 1970' });
  });

  it('another person\'s biography never contradicts: a claim no source is about is "no source about this subject"', () => {
    const index = sources(people);
    const tom = analyse('Tom Brown was an English cricketer. He died in 1945 in Derby.', index);
    assert.ok(noError(tom));
    assert.deepEqual(statuses(claimsOf(tom, 'He died')), ['no-subject-source']);
    assert.match(claimsOf(tom, 'He died')[0].message, /no source about this subject/);
    // A title before the surname is not another given name.
    assert.equal(claimsOf(analyse('John Smith died in 1975.', sources({ 'smith.txt': 'Captain Smith (1 March 1901 – 12 February 1970) was an English cricketer.' })), 'John Smith')[0]?.corpus?.grounding.status, 'contradicted');
    // The same surname with another given name is another person.
    const mary = analyse('Mary Smith was an English cricketer. She died in 1945 in Derby.', index);
    assert.ok(noError(mary));
  });

  it('a surname-only mention and pronouns count in a document about the subject', () => {
    const index = sources({ 'doe.md': '# Jane Doe\n\nDoe was an English cricketer.\n\nShe died on 12 February 2010 in Derby.\n' });
    const claims = claimsOf(analyse('Jane Doe died in 2011.', index), 'Jane Doe');
    assert.deepEqual(claims[0]?.corpus?.grounding.conflict, { claimed: '2011', stated: '12 February 2010' });
  });
});
