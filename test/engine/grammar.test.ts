import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { parseDirective } from '../../server/src/engine/markdown/directives';

const grammar = JSON.parse(readFileSync('syntaxes/claimfloor-directives.injection.tmLanguage.json', 'utf8'));
const html = new RegExp(grammar.repository['html-directive'].match);
const mdx = new RegExp(grammar.repository['mdx-directive'].match);

it('the highlighting grammar matches exactly the comments the engine obeys', () => {
  const comments = ['<!-- claimfloor-disable -->', '<!-- claimfloor-disable-next-line citation, statistic -->', '<!-- claimfloor-verified: checked the register -->', '{/* claimfloor-enable */}'];
  for (const c of comments) {
    const m = html.exec(c) ?? mdx.exec(c);
    assert.ok(m, c);
    assert.ok(parseDirective(`${m[2]}${m[3]}`, 0, c.length), `engine accepts ${c}`);
  }
  for (const c of ['<!-- claimfloorx-disable -->', '<!-- eslint-disable -->']) assert.equal(html.exec(c), null, c);
});
