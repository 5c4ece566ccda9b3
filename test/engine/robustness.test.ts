import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../helpers/analyze';

describe('bad input never crashes the engine', () => {
  it('empty and whitespace-only documents', () => {
    assert.deepEqual(analyze('').claims, []);
    assert.deepEqual(analyze('\n\r\n\t  \n').claims, []);
  });

  it('binary-looking and invalid UTF-8 text', () => {
    const garbage = new TextDecoder().decode(Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    const result = analyze(garbage);
    assert.ok(result.notices.some((n) => /invalid UTF-8/.test(n.message)));
  });

  it('a 10 MB file is capped and the cap is announced', () => {
    const paragraph = 'The bridge opened on 12 June 1937 and carried 42,000 cars a day.\n\n';
    const big = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
    const result = analyze(big, { limits: { maxChars: 200_000 } });
    assert.ok(result.notices.some((n) => /Only the first 200,000/.test(n.message)));
    assert.equal(result.stats.analysedCharacters, 200_000);
    assert.ok(result.claims.length > 100);
  });

  it('a 1 MB line without sentence breaks is skipped with a notice', () => {
    const line = 'word '.repeat(200_000);
    const result = analyze(`${line}\n\nThe dam opened in 1936.`);
    assert.ok(result.notices.some((n) => /longer than 2000 characters/.test(n.message)));
    assert.equal(result.claims.length, 1);
  });

  it('deeply nested lists and blockquotes are bounded and announced', () => {
    const quotes = `${'> '.repeat(5000)}The dam opened in 1936.`;
    const quoted = analyze(quotes);
    assert.ok(quoted.notices.some((n) => /nested more than 100 levels/.test(n.message)));
    assert.equal(quoted.claims[0]?.slots[0].text, '1936');
    const lists = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    assert.ok(analyze(lists).notices.some((n) => /plain text/.test(n.message)));
    const ordinary = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    assert.deepEqual(analyze(ordinary).notices, [], '60 levels is parsed as Markdown');
  });

  it('any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = analyze(text);
        for (const c of result.claims) assert.ok(c.risk >= 0 && c.risk <= 1);
      }),
      { numRuns: 300 },
    );
  });

  it('any Markdown-shaped string (property)', () => {
    const token = fc.constantFrom('# ', '> ', '- ', '1. ', '```', '`', '**', '_', '[', '](', ')', '<!--', '-->', '|', '---', '\n', '\r\n', ' ', 'On 3 May 1921', ' (Smith, 2019)', ' 45%', '$', '$$', '\\', '&amp;', '😀', 'doi:10.1000/x', '"', '?', '.');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const result = analyze(text);
        for (const c of result.claims) {
          assert.ok(c.start >= 0 && c.end <= text.length && c.start <= c.end);
          for (const s of c.slots) assert.ok(s.start >= c.start && s.end <= c.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});
