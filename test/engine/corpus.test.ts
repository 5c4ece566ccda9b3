import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDocument, type FittedRiskModel, resolveConfig } from '../../server/src/engine';
import { claimFact, slotValue } from '../../server/src/engine/reference/claimFacts';
import { corpusDocument } from '../../server/src/engine/reference/corpusDocument';
import { CorpusIndex } from '../../server/src/engine/reference/corpusIndex';
import { Gazetteer, type GazetteerData } from '../../server/src/engine/reference/popularity';
import { numberKey } from '../../server/src/engine/reference/valueKeys';

const config = resolveConfig();
const DRAFT = '/w/draft.md';

function indexOf(files: Record<string, string>, sources: string[] = []): CorpusIndex {
  const index = new CorpusIndex(config.corpus);
  for (const [id, text] of Object.entries(files)) index.add(corpusDocument(id, text, { source: sources.includes(id) }));
  return index;
}

/** A model that weighs the workspace's counts and the subject's fame, so their line shows (the shipped weights are the benchmark's business). */
const RARITY_WEIGHS: FittedRiskModel = { claims: 100, intercepts: {}, typeClaims: {}, weights: { corroborated: -0.5, famousSubject: -0.5 }, centres: { corroborated: 0.5, famousSubject: 0 }, outOfSample: 'a test model' };

function analyse(draft: string, index: CorpusIndex, gazetteer?: Gazetteer) {
  return analyzeDocument(draft, config, { corpus: { index, gazetteer, documentId: DRAFT } }).claims;
}

function analyseWeighingRarity(draft: string, index: CorpusIndex, gazetteer?: Gazetteer) {
  return analyzeDocument(draft, config, { corpus: { index, gazetteer, documentId: DRAFT }, riskModels: { 'no-sources': RARITY_WEIGHS, sources: RARITY_WEIGHS } }).claims;
}

const dateKey = (text: string) => {
  const v = slotValue({ role: 'date', start: 0, end: text.length, text });
  return v?.kind === 'key' ? v.key : undefined;
};

describe('normalisation', () => {
  it('writes one date however it is spelled', () => {
    assert.equal(dateKey('1 March 1879'), 'date:1879-03-01');
    assert.equal(dateKey('March 1, 1879'), 'date:1879-03-01');
    assert.equal(dateKey('1879-03-01'), 'date:1879-03-01');
    assert.equal(dateKey('1st of March 1879'), 'date:1879-03-01');
    assert.notEqual(dateKey('3 January 1879'), dateKey('1 March 1879'));
  });

  it('writes one number however it is spelled', () => {
    assert.equal(numberKey('3,000,000'), numberKey('3 million'));
    assert.equal(numberKey('3.5 billion'), numberKey('3,500,000,000'));
    assert.notEqual(numberKey('3,000,001'), numberKey('3 million'));
  });

  it('counts a fact written differently in another document as the same fact', () => {
    const index = indexOf({ '/w/a.md': 'Ada Lovelace was born on December 10, 1815 in London.' });
    const [claim] = analyse('Ada Lovelace was born on 10 December 1815.', index);
    assert.equal(claim.corpus?.occurrences?.count, 1);
    assert.equal(claim.corpus?.occurrences?.status, 'singleton');
  });

  it('matches a surname to the one full name the workspace knows, and says when it is ambiguous', () => {
    const unambiguous = indexOf({ '/w/a.md': 'Albert Einstein was a physicist.\n\nEinstein was born on 14 March 1879.' });
    assert.equal(analyse('Albert Einstein was born on 14 March 1879.', unambiguous)[0].corpus?.occurrences?.count, 1);
    const ambiguous = indexOf({
      '/w/a.md': 'Albert Einstein was a physicist. Einstein was born on 14 March 1879.',
      '/w/b.md': 'Elsa Einstein was his cousin. Einstein was born in 1876.',
    });
    const [claim] = analyse('Einstein was born on 14 March 1879.', ambiguous);
    assert.deepEqual(claim.corpus?.occurrences?.ambiguousName?.sort(), ['albert einstein', 'elsa einstein']);
    assert.equal(analyse('Albert Einstein was born on 14 March 1879.', ambiguous)[0].corpus?.occurrences?.count, 1, 'the full name needs its own words when the surname is shared');
  });
});

describe('occurrences and singleton status', () => {
  const fact = 'Grace Hopper was born on 9 December 1906 in New York City.';
  const other = 'Katherine Johnson was born on 26 August 1918.';

  for (const [copies, status] of [
    [0, 'unseen'],
    [1, 'singleton'],
    [3, 'repeated'],
  ] as const) {
    it(`a fact stated in ${copies} other document(s) is ${status}, with where it was found`, () => {
      const files: Record<string, string> = { '/w/unrelated.md': other };
      for (let i = 0; i < copies; i++) files[`/w/notes-${i}.md`] = `Some notes.\n\n${fact}`;
      files[DRAFT] = fact;
      const [claim] = analyseWeighingRarity(fact, indexOf(files));
      assert.equal(claim.corpus?.occurrences?.count, copies);
      assert.equal(claim.corpus?.occurrences?.status, status);
      assert.equal(claim.corpus?.occurrences?.documentsIndexed, copies + 1);
      assert.deepEqual(claim.corpus?.occurrences?.locations.map((l) => [l.document, l.passage.line]).sort(), Array.from({ length: copies }, (_, i) => [`/w/notes-${i}.md`, 2]));
      const rarity = claim.trail.find((e) => e.signal === 'rarity');
      assert.match(rarity!.summary, status === 'singleton' ? /singleton bound of KNVZ Thm 2/ : new RegExp(status));
    });
  }

  it('a claim with two values is as rare as its rarest value', () => {
    const index = indexOf({ '/w/a.md': 'Grace Hopper was born on 9 December 1906.', '/w/b.md': 'Grace Hopper was born on 9 December 1906 in Boston.' });
    const [claim] = analyse('Grace Hopper was born on 9 December 1906 in New York City.', index);
    assert.equal(claim.corpus?.occurrences?.count, 0);
    assert.equal(claim.corpus?.occurrences?.value, 'New York City');
  });

  it('a document removed from the index no longer counts', () => {
    const index = indexOf({ '/w/a.md': 'Grace Hopper was born on 9 December 1906.' });
    const draft = 'Grace Hopper was born on 9 December 1906.';
    assert.equal(analyse(draft, index)[0].corpus?.occurrences?.count, 1);
    index.remove('/w/a.md');
    assert.equal(analyse(draft, index)[0].corpus?.occurrences?.count, 0);
  });
});

describe('grounding against sources', () => {
  const source = 'Marie Curie (7 November 1867 – 4 July 1934) was a Polish and naturalised-French physicist. Curie was born in Warsaw.';

  it('a source stating another date for the same subject and relation makes the claim an error, with the passage', () => {
    const [claim] = analyse('Marie Curie was born on 7 November 1868.', indexOf({ '/w/sources/curie.txt': source }, ['/w/sources/curie.txt']));
    assert.equal(claim.corpus?.grounding.status, 'contradicted');
    assert.deepEqual(claim.corpus?.grounding.conflict, { claimed: '7 November 1868', stated: '7 November 1867' });
    assert.equal(claim.corpus?.grounding.passage?.document, '/w/sources/curie.txt');
    assert.equal(claim.severity, 'error');
    assert.equal(claim.risk, 1);
    assert.match(claim.trail.find((e) => e.signal === 'grounding')!.summary, /Your source says 7 November 1867, not 7 November 1868/);
  });

  it('a source holding the values supports the claim; one that does not leaves it unsupported', () => {
    const index = indexOf({ '/w/sources/curie.txt': source }, ['/w/sources/curie.txt']);
    const [supported] = analyse('Marie Curie was born on 7 November 1867.', index);
    assert.equal(supported.corpus?.grounding.status, 'supported');
    assert.notEqual(supported.severity, 'error');
    const [unsupported] = analyse('Marie Curie was born in Paris.', index);
    assert.equal(unsupported.corpus?.grounding.status, 'unsupported');
  });

  it('coverage: the sentence\'s content words that no source about the subject contains, with names and numbers counted', () => {
    const index = indexOf({ '/w/sources/curie.txt': source }, ['/w/sources/curie.txt']);
    const [covered] = analyse('Marie Curie was a Polish physicist, born in Warsaw.', index);
    assert.deepEqual(covered.corpus?.grounding.coverage?.missing, []);
    assert.deepEqual(covered.corpus?.grounding.coverage?.documents, ['/w/sources/curie.txt']);
    const [invented] = analyse('Marie Curie studied chemistry in Lisbon from 1891.', index);
    const coverage = invented.corpus!.grounding.coverage!;
    assert.deepEqual(coverage.missing, ['studied', 'chemistry', 'lisbon', '1891']);
    assert.equal(coverage.words, 4, 'the subject\'s own name and function words are not counted');
    assert.equal(coverage.missingNames, 1);
    assert.equal(coverage.missingNumbers, 1);
    assert.match(invented.trail.find((e) => e.signal === 'grounding')!.summary, /4 of 4 content words appear in no source about the subject: “studied”, “chemistry”, “lisbon”, “1891”/);
    // Without a passage that names the subject, nothing covers the sentence.
    const [stranger] = analyse('Lise Meitner studied physics in Vienna.', index);
    assert.deepEqual(stranger.corpus?.grounding.coverage?.documents, []);
  });

  it('with sources, the sources model weighs coverage: an invented sentence is riskier than a covered one, and its grounding line lists what no source states', () => {
    const index = indexOf({ '/w/sources/curie.txt': source }, ['/w/sources/curie.txt']);
    const weighs: FittedRiskModel = { claims: 100, intercepts: {}, typeClaims: {}, weights: { missingShare: 2 }, centres: { missingShare: 0.5 }, outOfSample: 'a test model' };
    const none: FittedRiskModel = { ...weighs, weights: {} };
    const analyseWith = (sentence: string) => analyzeDocument(sentence, config, { corpus: { index, documentId: DRAFT }, riskModels: { 'no-sources': none, sources: weighs } }).claims[0];
    const covered = analyseWith('Marie Curie was a Polish physicist, born in Warsaw.');
    const invented = analyseWith('Marie Curie studied chemistry in Lisbon from 1891.');
    assert.ok(invented.risk > covered.risk);
    assert.match(invented.trail.find((e) => e.signal === 'grounding')!.summary, /^\+1 log-odds: no source states this claim's values/);
    assert.match(covered.trail.find((e) => e.signal === 'grounding')!.summary, /^−1 log-odds: .*every content word of the sentence is in a source about the subject/);
    // Without sources declared the no-sources model applies, and it does not weigh coverage.
    const withoutSources = analyzeDocument('Marie Curie studied chemistry in Lisbon from 1891.', config, { corpus: { index: indexOf({ '/w/notes.md': source }), documentId: DRAFT }, riskModels: { 'no-sources': none, sources: weighs } }).claims[0];
    assert.equal(withoutSources.trail.find((e) => e.signal === 'grounding'), undefined);
  });

  it('a year agrees with a full date in the source; workspace notes that are not sources are not used', () => {
    const index = indexOf({ '/w/sources/curie.txt': source, '/w/notes.md': 'Marie Curie was born on 8 November 1867.' }, ['/w/sources/curie.txt']);
    assert.equal(analyse('Marie Curie was born in 1867.', index)[0].corpus?.grounding.status, 'supported');
    assert.equal(analyzeDocument('Marie Curie was born in 1867.', config, { corpus: { index: indexOf({ '/w/notes.md': source }), documentId: DRAFT } }).claims[0].corpus?.grounding.status, 'no-sources');
  });

  it('linked local files and cited BibTeX entries are sources for the draft that points at them', () => {
    const index = indexOf({
      '/w/notes/curie.md': source,
      '/w/refs.bib': '@article{vaswani2017,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish and others},\n  year = {2017}\n}\n',
    });
    assert.equal(analyse('Marie Curie was born on 7 November 1868, see [notes](notes/curie.md).', index)[0].corpus?.grounding.status, 'contradicted');
    const citation = analyse('Vaswani et al. (2017), “Attention Is All You Need”, NeurIPS [@vaswani2017].', index).find((c) => c.type === 'citation');
    assert.equal(citation?.corpus?.grounding.status, 'supported');
    assert.equal(citation?.corpus?.grounding.passage?.passage.bibKey, 'vaswani2017');
  });
});

describe('Good–Turing singleton rate per type', () => {
  it('is unmeasured below 1,000 observations and measured, with its interval, above; it describes the workspace and never enters the floor', () => {
    const files: Record<string, string> = {};
    // 1,200 biography facts: 300 stated in two documents each, 600 stated once.
    for (let i = 0; i < 600; i++) files[`/w/once-${i}.md`] = `Person${toWord(i)} Quill was born in ${1000 + i}.`;
    for (let i = 0; i < 300; i++) {
      files[`/w/twice-a-${i}.md`] = `Person${toWord(i)} Brook was born in ${1000 + i}.`;
      files[`/w/twice-b-${i}.md`] = `Person${toWord(i)} Brook was born in ${1000 + i}.`;
    }
    const small = indexOf(Object.fromEntries(Object.entries(files).slice(0, 50)));
    const [unmeasured] = analyse('Ada Lovelace was born in 1815.', small);
    assert.equal(unmeasured.corpus?.typeRate.measured, false);

    const [claim] = analyse('Ada Lovelace was born in 1815.', indexOf(files));
    const rate = claim.corpus!.typeRate;
    assert.equal(rate.observations, 1200);
    assert.equal(rate.singletons, 600);
    assert.equal(rate.rate, 0.5);
    assert.ok(rate.halfWidth > 0.14 && rate.halfWidth < 0.16, `half-width ${rate.halfWidth}`);
    assert.deepEqual(claim.floor, unmeasured.floor, 'workspace counts are not training counts: the floor is the same');
  });
});

describe('popularity (offline)', () => {
  const gazetteer = new Gazetteer(JSON.parse(readFileSync('dist/gazetteer.json', 'utf8')) as GazetteerData);

  it('famous subjects are found in WordNet, cities in GeoNames with their population, others are rare by default', () => {
    assert.equal(gazetteer.lookup('Albert Einstein').status, 'famous');
    assert.match(gazetteer.lookup('Albert Einstein').detail, /physicist/);
    const paris = gazetteer.lookup('Paris');
    assert.ok(paris.status === 'famous' || (paris.status === 'known-place' && paris.population! > 1e6));
    const romsey = gazetteer.lookup('Romsey');
    assert.equal(romsey.status, 'known-place');
    assert.ok(romsey.population! > 1000);
    assert.equal(gazetteer.lookup('Zyglowen Prattlebury').status, 'unknown');
  });

  it('shows on the claim as rarity evidence', () => {
    const [claim] = analyseWeighingRarity('Zyglowen Prattlebury was born in 1950.', indexOf({}), gazetteer);
    assert.equal(claim.corpus?.popularity?.status, 'unknown');
    assert.match(claim.trail.find((e) => e.signal === 'rarity')!.summary, /“Zyglowen Prattlebury” is in neither WordNet’s named instances nor GeoNames’ cities/);
  });
});

describe('without a corpus', () => {
  it('the result is the rules-only result', () => {
    const draft = 'Grace Hopper was born on 9 December 1906. The Eiffel Tower is 330 metres tall.';
    const plain = analyzeDocument(draft, config).claims;
    assert.ok(plain.length > 0);
    assert.ok(plain.every((c) => c.corpus === undefined && c.trail.every((e) => e.signal !== 'rarity' && e.signal !== 'grounding')));
    assert.deepEqual(
      claimFact(plain[0]).keys,
      ['biography|hopper|date:1906-12-09'],
    );
  });
});

function toWord(n: number): string {
  return n
    .toString(26)
    .split('')
    .map((d) => String.fromCharCode(97 + parseInt(d, 26)))
    .join('');
}
