import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, resolveConfig } from '../../server/src/engine';
import { codeActionsFor, resolveAllowListEdit } from '../../server/src/lsp/codeActions';

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

it('the allow-list fix inserts one entry into the config as it is in the editor: unsaved edits, comments and formatting stay', () => {
  const buffer = TextDocument.create('file:///w/.claimfloor.json', 'jsonc', 12, '{\n  // why: reviewed 2024\n  "allow": [\n    "10.1145/3618260.3649777" // a DOI we checked\n  ],\n  "threshold": 0.9 // not saved yet\n}\n');
  const edit = resolveAllowListEdit({ kind: 'claimfloor.allow', target: '/w/.claimfloor.json', entry: 'The dam opened in 1936.' }, buffer);
  const [change] = edit.documentChanges as TextDocumentEdit[];
  assert.equal(change.textDocument.version, 12, 'the edit is for the open buffer, refused if it changed since');
  const after = TextDocument.applyEdits(buffer, change.edits as TextEdit[]);
  assert.match(after, /\/\/ why: reviewed 2024\n {2}"allow": \[/, 'the comment stays above its key');
  assert.match(after, /"10\.1145\/3618260\.3649777", \/\/ a DOI we checked\n {4}"The dam opened in 1936\."\n {2}\],/, 'the comment stays with the entry it was written for');
  assert.match(after, /"threshold": 0\.9 \/\/ not saved yet/);
  assert.ok(change.edits.every((e) => (e as TextEdit).newText.length < 60), 'a minimal insertion, not the whole file');
});

it('a config whose allow-list is not a list: that fix says why; the other fixes are still offered', () => {
  const buffer = TextDocument.create('file:///w/.claimfloor.json', 'jsonc', 1, '{ "allow": "oops" }');
  assert.throws(() => resolveAllowListEdit({ kind: 'claimfloor.allow', target: '/w/.claimfloor.json', entry: 'x' }, buffer), /"allow" in \/w\/\.claimfloor\.json is not a list/);
  const document = TextDocument.create('file:///w/d.md', 'markdown', 1, 'The dam opened in 1936.\n');
  const claim = analyzeDocument(document.getText(), resolveConfig()).claims[0];
  const titles = codeActionsFor({ document, claim, diagnostic: { range: claim.range, message: '' }, configFile: '/w/.claimfloor.json' }).map((a) => a.title);
  assert.equal(titles.length, 4, titles.join('; '));
});

it('offering the fixes does not read the config: a million-entry allow-list costs nothing until the fix is picked', () => {
  const document = TextDocument.create('file:///w/d.md', 'markdown', 1, 'The dam opened in 1936.\n');
  const claim = analyzeDocument(document.getText(), resolveConfig()).claims[0];
  const started = performance.now();
  const actions = codeActionsFor({ document, claim, diagnostic: { range: claim.range, message: '' }, configFile: '/no/such/dir/.claimfloor.json' });
  assert.ok(performance.now() - started < 50);
  assert.deepEqual(actions.at(-1)?.data, { kind: 'claimfloor.allow', target: '/no/such/dir/.claimfloor.json', entry: 'The dam opened in 1936.' });
});

it('the allow-list fix keeps a trailing comma style, and adds the list when there is none', () => {
  const trailing = TextDocument.create('file:///w/.claimfloor.json', 'jsonc', 3, '{\n  "allow": [\n    "a", // checked\n  ]\n}\n');
  const [change] = resolveAllowListEdit({ kind: 'claimfloor.allow', target: '/w/.claimfloor.json', entry: 'b' }, trailing).documentChanges as TextDocumentEdit[];
  assert.equal(TextDocument.applyEdits(trailing, change.edits as TextEdit[]), '{\n  "allow": [\n    "a", // checked\n    "b",\n  ]\n}\n');
  const none = TextDocument.create('file:///w/.claimfloor.json', 'jsonc', 4, '{\n  "threshold": 0.9 // strict\n}\n');
  const [added] = resolveAllowListEdit({ kind: 'claimfloor.allow', target: '/w/.claimfloor.json', entry: 'b' }, none).documentChanges as TextDocumentEdit[];
  const after = TextDocument.applyEdits(none, added.edits as TextEdit[]);
  assert.match(after, /"threshold": 0\.9,? ?\/\/ strict/);
  assert.deepEqual((JSON.parse(after.replace(/\/\/.*$/gm, '')) as { allow: string[] }).allow, ['b']);
});
