import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { type FileAudit, Methods } from '../../protocol/claimFloorProtocol';
import { Session, until } from '../helpers/lspSession';

const DRAFT = 'Marie Curie was born on 7 November 1868.\n\nGrace Hopper was born on 9 December 1906.\n';

describe('language server with a workspace index and sources', () => {
  let session: Session;
  let root: string;
  let uri: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'claimfloor-lsp-corpus-'));
    mkdirSync(join(root, 'sources'));
    writeFileSync(join(root, '.claimfloor.json'), JSON.stringify({ sources: ['sources'] }));
    writeFileSync(join(root, 'sources', 'curie.txt'), 'Marie Curie (7 November 1867 – 4 July 1934) was a Polish physicist.\n');
    writeFileSync(join(root, 'draft.md'), DRAFT);
    uri = URI.file(join(root, 'draft.md')).toString();
    session = new Session();
    session.settings = { ...session.settings, hover: { details: true } };
    await session.start(root, { storagePath: join(root, '.storage') });
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
  });
  after(() => session.stop());

  const hoverAt = async (line: number) => {
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 30 } });
    return ((hover?.contents as MarkupContent | undefined)?.value ?? '').replace(/\\(.)/g, '$1');
  };

  it('builds the index in the background, says so, and then shows the contradiction as an error with the source passage', async () => {
    const state = await until(() => session.notifications.find((n) => n.method === Methods.indexState)?.params as { text: string } | undefined);
    assert.match(state.text, /^2 files indexed$/);
    const published = await session.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.severity === 1));
    const error = published.diagnostics.find((d) => d.severity === 1)!;
    assert.match(String(error.message), /^Your source \(curie\.txt:1\) says 7 November 1867, not 7 November 1868\.$/);
    const hover = await hoverAt(0);
    assert.match(hover, /certainly wrong/);
    assert.match(hover, /Sources:\*\* your source \(curie\.txt:1\) says 7 November 1867, not 7 November 1868/);
    assert.match(hover, /curie\.txt:1: “Marie Curie \(7 November 1867/, 'the details quote the source passage');
  });

  it('a new note stating the same fact, announced by a file event, makes the claim a singleton on the hover', async () => {
    assert.match(await hoverAt(2), /“9 December 1906” with Grace Hopper appears in none of the 1 other indexed document:/);
    writeFileSync(join(root, 'notes.md'), 'Grace Hopper was born on December 9, 1906.\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(join(root, 'notes.md')).toString(), type: FileChangeType.Created }] });
    const hover = await until(async () => {
      const text = await hoverAt(2);
      return /seen once in your workspace/.test(text) ? text : undefined;
    });
    assert.match(hover, /“9 December 1906” in 1 of 2 other documents: notes\.md:1 — seen once in your workspace → falls under the singleton bound of KNVZ Thm 2/);
    assert.match(hover, /How often facts of this type stand in only one of your files: \*?unmeasured/);
  });
  it('a note in a source folder is reference material: one notice, none of its claims flagged', async () => {
    const note = URI.file(join(root, 'sources', 'hopper.md')).toString();
    const text = 'Grace Hopper was born on 9 December 1906 in New York City. She died in 1992.\n';
    writeFileSync(join(root, 'sources', 'hopper.md'), text);
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await session.diagnosticsFor(note);
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /^This file is one of your sources: ClaimFloor checks your drafts against it and does not flag its claims/);
    const audit = await session.connection.sendRequest<FileAudit>(Methods.auditFile, { uri: note });
    assert.ok(audit.claims.length > 0, 'asked for, it is audited');
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
    rmSync(join(root, 'sources', 'hopper.md'));
  });
});

describe('language server: sources outside the workspace', () => {
  it('a workspace config naming a folder outside is not read; the same folder in the user setting claimFloor.sources is', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'claimfloor-lsp-outside-'));
    writeFileSync(join(outside, 'curie.txt'), 'Marie Curie (7 November 1867 – 4 July 1934) was a Polish physicist.\n');
    const root = mkdtempSync(join(tmpdir(), 'claimfloor-lsp-confined-'));
    writeFileSync(join(root, '.claimfloor.json'), JSON.stringify({ sources: [join('..', outside.split('/').pop()!)] }));
    const uri = URI.file(join(root, 'draft.md')).toString();
    const session = new Session();
    try {
      await session.start(root, { storagePath: join(root, '.storage') });
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
      const state = await until(() => session.notifications.find((n) => n.method === Methods.indexState && /indexed/.test((n.params as { text: string }).text)));
      assert.match((state.params as { text: string }).text, /^0 files indexed$/);
      const before = await session.diagnosticsFor(uri);
      assert.ok(!before.diagnostics.some((d) => d.severity === 1), 'the outside source was not used');
      session.settings = { ...session.settings, sources: [outside] };
      await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
      const published = await session.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.severity === 1));
      assert.match(String(published.diagnostics.find((d) => d.severity === 1)!.message), /Your source \(curie\.txt:1\) says 7 November 1867/);
    } finally {
      await session.stop();
    }
  });
});
