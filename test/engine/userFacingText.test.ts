import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { hoverMarkdown } from '../../server/src/lsp/hover';
import { claimsOf } from '../helpers/analyze';

// One claim of every type, with a writer's prior so the answer-space line appears too.
const DRAFT = [
  'Smith et al. (2019) measured it, and Churchill said, "We shall fight on the beaches, we shall never surrender."',
  'The treaty was signed on 4 July 1776. Marie Curie was born in Warsaw on 7 November 1867.',
  'The city has 3,141,592 residents. Larry Page co-founded Google with Sergey Brin.',
  'The Amazon is the largest river by volume. See doi:10.1000/xyz123 and ISBN 978-0-306-40615-7.',
  'Python 3.12 removed the `distutils` module. A monad is a monoid in the category of endofunctors.',
  'Sales rose from 20 to 30, a 60% increase.',
].join('\n\n');

it('no message, hover or docs page points to a file writers do not have', () => {
  const claims = claimsOf(DRAFT, { types: { statistic: { prior: 0.5 }, 'event-date': { prior: 0.5 } } });
  assert.ok(new Set(claims.map((c) => c.type)).size >= 10, 'the draft covers the claim types');
  const texts = [
    ...claims.flatMap((c) => [c.message, JSON.stringify(c), hoverMarkdown(c, 0.75, true)]),
    ...readdirSync('docs/claim-types').map((f) => readFileSync(join('docs/claim-types', f), 'utf8')),
    readFileSync('docs/floor.md', 'utf8'),
  ];
  for (const text of texts) assert.doesNotMatch(text, /THEORY\.md|\.\.\/shared/, text.slice(0, 200));
  // The README is for developers too (its benchmark notes name the dev data beside the repository), but the theory it uses is in docs/.
  assert.doesNotMatch(readFileSync('README.md', 'utf8'), /THEORY\.md/);
});
