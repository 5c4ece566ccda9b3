import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Diagnostic, DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { Methods } from '../../protocol/claimFloorProtocol';
import { URI } from 'vscode-uri';
import { Session, until } from '../helpers/lspSession';

const DRAFT = [
  'Walters and Wilder (2023) found that 55% of GPT-3.5 references and 18% of GPT-4 references were fabricated.',
  '',
  'Grace Hopper was born in New York City on 9 December 1906.',
  '',
  'Sales rose from 20 to 30, a 60% increase.',
  '',
  'Python 3.12 removed the `distutils` module.',
  '',
].join('\n');

describe('editor settings: threshold, per-type enabling and severity, minimum severity; a .claimfloor.json wins', () => {
  let session: Session;
  let root: string;
  let opened = 1;
  const draft = () => URI.file(join(root, 'draft.md')).toString();

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'claimfloor-editor-settings-'));
    session = new Session();
    session.settings = { run: 'onType', debounceMs: 0, model: { enabled: false } };
    await session.start(root);
    // Results change once the workspace index is built; the settings are compared after that.
    await until(() => session.notifications.find((n) => n.method === Methods.indexState));
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draft(), languageId: 'markdown', version: opened, text: DRAFT } });
    await session.diagnosticsFor(draft());
  });
  after(() => session.stop());

  /** Applies settings and waits for the document to be published as `accept` expects. */
  async function withSettings(settings: Record<string, unknown>, accept: (diagnostics: Diagnostic[]) => boolean, uri = draft()) {
    session.diagnostics.clear();
    session.settings = { run: 'onType', debounceMs: 0, model: { enabled: false }, ...settings };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    return (await session.diagnosticsFor(uri, (p) => accept(p.diagnostics))).diagnostics;
  }

  it('minimumSeverity hides what is below it; types.<type>.severity and enabled apply without a config file', async () => {
    const all = await withSettings({}, (ds) => ds.some((d) => d.severity === DiagnosticSeverity.Hint));
    assert.ok(all.some((d) => d.severity === DiagnosticSeverity.Error));
    const loud = await withSettings({ minimumSeverity: 'warning' }, (ds) => ds.every((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning));
    assert.ok(loud.length > 0 && loud.length < all.length, 'errors and warnings only');
    const typed = await withSettings({ types: { citation: { severity: 'error' }, arithmetic: { enabled: false } } }, (ds) => !ds.some((d) => d.code === 'arithmetic'));
    assert.equal(typed.find((d) => d.code === 'citation')?.severity, DiagnosticSeverity.Error, 'the citation its own evidence flagged takes the type\'s severity');
  });

  it('the threshold setting applies where no .claimfloor.json does, and a config file wins', async () => {
    const lenient = await withSettings({ threshold: 0.5 }, (ds) => ds.every((d) => !/your target: 75%/.test(String(d.message))));
    const strict = await withSettings({ threshold: 0.99 }, (ds) => ds.some((d) => /your target: 99%/.test(String(d.message))));
    const version = (ds: Diagnostic[]) => String(ds.find((d) => d.code === 'version')?.message);
    assert.match(version(lenient), /likely fine/, 'at 0.5 the version fact meets the target');
    assert.match(version(strict), /worth a check|check it against a source/, 'at 0.99 it does not');
    writeFileSync(join(root, '.claimfloor.json'), JSON.stringify({ threshold: 0.5 }));
    // The editor announces the new file, as VS Code's watcher does.
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(join(root, '.claimfloor.json')).toString(), type: FileChangeType.Created }] });
    const other = URI.file(join(root, 'other.md')).toString();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: other, languageId: 'markdown', version: ++opened, text: DRAFT } });
    const governed = (await session.diagnosticsFor(other, (p) => !p.diagnostics.some((d) => /your target: 99%/.test(String(d.message))))).diagnostics;
    assert.ok(!governed.some((d) => /your target: 99%/.test(String(d.message))), 'the config file\'s 0.5, not the setting\'s 0.99');
    assert.match(version(governed), /likely fine/);
  });
});
