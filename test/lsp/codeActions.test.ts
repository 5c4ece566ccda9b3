import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, resolveConfig } from '../../server/src/engine';
import { codeActionsFor } from '../../server/src/lsp/codeActions';

/** The one Markdown edit of a quick fix, checked to be versioned for the document it was made for. */
function markdownEdit(action: CodeAction, document: TextDocument): TextEdit {
  const [change] = (action.edit?.documentChanges ?? []) as TextDocumentEdit[];
  assert.equal(change.textDocument.uri, document.uri);
  assert.equal(change.textDocument.version, document.version, 'edits to Markdown carry the version they were computed for');
  assert.equal(change.edits.length, 1);
  return change.edits[0] as TextEdit;
}

const apply = (document: TextDocument, edit: TextEdit) => TextDocument.applyEdits(document, [edit]);
const claimsAfter = (text: string) => analyzeDocument(text, resolveConfig()).claims;

function actionsFor(text: string, which = 0) {
  const document = TextDocument.create('file:///d.md', 'markdown', 7, text);
  const claim = analyzeDocument(text, resolveConfig()).claims[which];
  const diagnostic: Diagnostic = { range: claim.slots[0].range, message: '' };
  return { document, actions: codeActionsFor({ document, claim, diagnostic }) };
}

it('disabling a claim never splits its paragraph', () => {
  const { document, actions } = actionsFor('Intro.\n\nThe dam opened\nin 1936 to traffic.\n');
  const inside = actions.find((a) => /disable event-date for this line/.test(a.title));
  assert.ok(inside, 'a continuation line gets a same-line comment');
  assert.deepEqual(markdownEdit(inside, document), { range: { start: { line: 3, character: 19 }, end: { line: 3, character: 19 } }, newText: ' <!-- claimfloor-disable-line event-date -->' });
  assert.deepEqual(claimsAfter(apply(document, markdownEdit(inside, document))), [], 'the claim is silenced');
  const list = actionsFor('- The dam opened in 1936.\n');
  const above = list.actions.find((a) => /for the next line/.test(a.title));
  assert.ok(above);
  assert.equal(markdownEdit(above, list.document).newText, '  <!-- claimfloor-disable-next-line event-date -->\n', 'keeps the list indentation');
  assert.deepEqual(claimsAfter(apply(list.document, markdownEdit(above, list.document))), []);
  const plain = actionsFor('The dam opened in 1936.\n');
  for (const a of plain.actions.filter((x) => x.edit)) {
    assert.deepEqual(claimsAfter(apply(plain.document, markdownEdit(a, plain.document))).filter((c) => c.risk > 0), [], a.title);
  }
});

it('a fix lands on its own occurrence of a sentence that stands twice', () => {
  const text = 'The dam opened in 1936.\n\nIntro.\n\nThe dam opened in 1936.\n';
  const { document, actions } = actionsFor(text, 1);
  const verified = actions.find((a) => /verified/.test(a.title))!;
  const edit = markdownEdit(verified, document);
  assert.equal(edit.range.start.line, 4, 'the second sentence, not the first with the same text');
  const after = claimsAfter(apply(document, edit));
  assert.equal(after[0].verified, undefined, 'the first occurrence is untouched');
  assert.equal(after[1].verified?.by, 'comment');
});
