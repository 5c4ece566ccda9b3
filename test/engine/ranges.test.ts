import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { claimsOf, textAt } from '../helpers/analyze';

function slotTexts(markdown: string): string[] {
  return claimsOf(markdown).flatMap((c) => c.slots.map((s) => textAt(markdown, s.range)));
}

describe('LSP ranges map back to the exact source characters', () => {
  it('after emoji (surrogate pairs) on the same line', () => {
    const md = '🎉🎉 Party time. The treaty was signed on 4 July 1776 in 🇺🇸 Philadelphia.\n';
    assert.ok(slotTexts(md).includes('4 July 1776'));
  });

  it('after CJK text and in a later line', () => {
    const md = '日本語の文章です。\n\nThe bridge opened in 1937 after 日本 visitors came.\n';
    assert.ok(slotTexts(md).includes('1937'));
  });

  it('with CRLF line endings', () => {
    const md = '# Title\r\n\r\nIntro line.\r\nThe company was founded on 3 March 1998 in Oslo.\r\n';
    const claims = claimsOf(md);
    const slot = claims.flatMap((c) => c.slots).find((s) => s.role === 'date');
    assert.ok(slot);
    assert.equal(textAt(md, slot.range), '3 March 1998');
    assert.equal(slot.range.start.line, 3);
  });

  it('with tabs before the text', () => {
    const md = '- item\n\n\tThe fund grew to 42,000 members.\n';
    // A tab-indented line after a list item continues the item, so it is prose.
    assert.ok(slotTexts(md).some((t) => t.includes('42,000')));
  });

  it('after a long fenced code block', () => {
    const code = Array.from({ length: 500 }, (_, i) => `const x${i} = "On 1 May 1900 nothing happened";`).join('\n');
    const md = `Intro.\n\n\`\`\`js\n${code}\n\`\`\`\n\nThe station closed on 12 June 2001.\n`;
    const claims = claimsOf(md);
    assert.equal(claims.length, 1, 'dates inside the code block are not claims');
    assert.equal(textAt(md, claims[0].slots[0].range), '12 June 2001');
    assert.equal(claims[0].range.start.line, 505);
  });

  it('inside blockquotes, with entities and escapes before the slot', () => {
    const md = '> Fish &amp; chips \\* were sold\n> on 5 May 1860 in London.\n';
    assert.ok(slotTexts(md).includes('5 May 1860'));
  });

  it('after any mix of inline markup on the same line (property)', () => {
    const piece = fc.constantFrom('**bold**', '_em_', '[link](http://u.example/1 "title")', '[[x]](#x)', '`code`', '![img](p.png)', '&amp;', '\\*', '<span>', 'x[^1]', '<http://a.example>', '~~gone~~', '$x^2$', ' ', 'word', '日本', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        // The leading word keeps four spaces from starting an indented code block.
        const md = `Intro ${parts.join(' ')} and the dam was completed on 9 October 1936.\n\n[^1]: Note.\n`;
        assert.ok(slotTexts(md).includes('9 October 1936'), md);
      }),
      { numRuns: 200 },
    );
  });

  it('for any mix of wide characters and line endings before the claim (property)', () => {
    const piece = fc.constantFrom('😀', '日本', 'é', '\t', ' ', 'word', '\r\n', '\n', '👩‍👩‍👧');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom('\n\n', '\r\n\r\n'), (parts, gap) => {
        const prefix = `${parts.join('').replace(/[\r\n]/g, ' ')} filler.`;
        const md = `${prefix}${gap}The dam was completed on 9 October 1936.${gap}`;
        assert.ok(slotTexts(md).includes('9 October 1936'));
      }),
      { numRuns: 150 },
    );
  });
});
