import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractProse } from '../../server/src/engine/markdown/extractProse';
import { claimsOf, textAt } from '../helpers/analyze';

const proseOf = (md: string) =>
  extractProse(md)
    .blocks.map((b) => b.text.replace(/\s+/g, ' ').trim())
    .join(' | ');

describe('only prose is checked', () => {
  it('skips fenced, indented and inline code, HTML, comments, front matter and math', () => {
    const md = [
      '---',
      'title: Born on 1 January 1900',
      '---',
      '',
      '```',
      'released on 2 February 1902',
      '```',
      '',
      '    indented: 3 March 1903',
      '',
      '<div>HTML on 4 April 1904</div>',
      '',
      '<!-- comment 5 May 1905 -->',
      '',
      '$$',
      'x = 1906',
      '$$',
      '',
      'Use `6 June 1906` and $7.7$ here.',
    ].join('\n');
    assert.equal(proseOf(md), 'Use and here.');
    assert.deepEqual(claimsOf(md), []);
  });

  it('keeps link text but not link destinations', () => {
    const md = 'See [the 1969 landing](https://example.com/1969-05-05) for more.';
    const prose = proseOf(md);
    assert.match(prose, /the 1969 landing/);
    assert.doesNotMatch(prose, /example\.com/);
  });

  it('keeps table cells, list items, blockquotes and footnotes', () => {
    const md = ['| Event | Year |', '|---|---|', '| Moon landing | 1969 |', '', '- The wall fell in 1989.', '', '> Quoted text here.', '', 'Claim.[^1]', '', '[^1]: Footnote text.'].join('\n');
    const prose = proseOf(md);
    for (const expected of ['Moon landing', '1969', 'The wall fell in 1989.', 'Quoted text here.', 'Footnote text.']) assert.ok(prose.includes(expected), expected);
  });

  it('dollar amounts are prose, not math', () => {
    assert.equal(proseOf('The purse was $256.8 million, up from $56.4 million.'), 'The purse was $256.8 million, up from $56.4 million.');
  });

  it('link text that starts with a bracket keeps its exact offsets', () => {
    const md = 'See [[options]](#options) and [Smith (2019)](https://x.example) now.';
    const claim = claimsOf(md).find((c) => c.type === 'citation');
    assert.ok(claim);
    assert.equal(textAt(md, claim.slots[0].range), 'Smith');
  });

  it('does not treat headings as claims', () => {
    assert.deepEqual(claimsOf('# Einstein was born on 14 March 1879\n'), []);
  });

  it('keeps bare URLs (autolinks) so identifiers are checked', () => {
    const md = 'The dataset is at https://example.org/data.csv today.';
    const claim = claimsOf(md).find((c) => c.type === 'identifier');
    assert.ok(claim);
    assert.equal(textAt(md, claim.slots[0].range), 'https://example.org/data.csv');
  });
});
