import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeDocument, resolveConfig } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { codeActionsFor } from '../../server/src/lsp/codeActions';

function apply(text: string, edit: { range: { start: { line: number; character: number } }; newText: string }): string {
  const at = new LineIndex(text).offsetAt(edit.range.start);
  return text.slice(0, at) + edit.newText + text.slice(at);
}

const claimsAfter = (text: string) => analyzeDocument(text, resolveConfig()).claims;

function actionsFor(text: string) {
  const lines = new LineIndex(text);
  const [claim] = analyzeDocument(text, resolveConfig()).claims;
  const diagnostic: Diagnostic = { range: claim.slots[0].range, message: '' };
  return codeActionsFor({ uri: 'file:///d.md', text, lines, claim, diagnostic });
}

it('disabling a claim never splits its paragraph', () => {
  const first = actionsFor('Intro.\n\nThe dam opened\nin 1936 to traffic.\n');
  const inside = first.find((a) => /disable event-date for this line/.test(a.title));
  assert.ok(inside, 'a continuation line gets a same-line comment');
  assert.deepEqual(inside.edit?.changes?.['file:///d.md'][0], { range: { start: { line: 3, character: 19 }, end: { line: 3, character: 19 } }, newText: ' <!-- claimfloor-disable-line event-date -->' });
  const continued = 'Intro.\n\nThe dam opened\nin 1936 to traffic.\n';
  assert.deepEqual(claimsAfter(apply(continued, inside.edit!.changes!['file:///d.md'][0])), [], 'the claim is silenced');
  const top = actionsFor('- The dam opened in 1936.\n');
  const above = top.find((a) => /for the next line/.test(a.title));
  assert.equal(above?.edit?.changes?.['file:///d.md'][0].newText, '  <!-- claimfloor-disable-next-line event-date -->\n', 'keeps the list indentation');
  assert.deepEqual(claimsAfter(apply('- The dam opened in 1936.\n', above!.edit!.changes!['file:///d.md'][0])), []);
  for (const a of actionsFor('The dam opened in 1936.\n').filter((x) => x.edit?.changes)) {
    assert.deepEqual(claimsAfter(apply('The dam opened in 1936.\n', a.edit!.changes!['file:///d.md'][0])).filter((c) => c.risk > 0), [], a.title);
  }
});
