import assert from 'node:assert/strict';
import { it } from 'node:test';
import { escapeMarkdown } from '../../server/src/lsp/escapeMarkdown';

it('document text cannot become a link, an image, HTML or emphasis in a hover', () => {
  assert.equal(escapeMarkdown('[x](command:evil)'), '\\[x\\]\\(command\\:evil\\)');
  assert.equal(escapeMarkdown('![i](http://t/x.png) <img src=x> **b** `c`'), '\\!\\[i\\]\\(http\\://t/x\\.png\\) \\<img src=x\\> \\*\\*b\\*\\* \\`c\\`');
  assert.equal(escapeMarkdown('see https://example.org or ada@example.org'), 'see https\\://example\\.org or ada\\@example\\.org', 'bare URLs and e-mail addresses cannot be autolinked');
  assert.equal(escapeMarkdown('a\nb'), 'a b', 'a line break cannot start a new block');
});
