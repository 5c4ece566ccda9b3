import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Diagnostic, DiagnosticSeverity, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { IMMEDIATE_RULES_ONLY, Session } from '../helpers/lspSession';

/** A hang detector, generous for CI's shared cores; the measured times are in docs/benchmarks.md (npm run bench:stress). */
const BOUND_MS = 30_000;
const MAX_FILE_CHARS = 2_000_000;
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

describe('huge documents in the language server: bounded, and every cap announced', () => {
  let session: Session;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'claimfloor-huge-'));
    session = new Session({ bundle: true });
    // A writer who raised the cap: 1 MB lines and 100,000-line files fit under it, 10 MB does not.
    session.settings = { ...IMMEDIATE_RULES_ONLY, maxFileChars: MAX_FILE_CHARS };
    await session.start(root);
  });
  after(() => session.stop());

  async function open(name: string, text: string) {
    const uri = URI.file(join(root, name)).toString();
    const started = Date.now();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await session.diagnosticsFor(uri, () => true, BOUND_MS);
    const ms = Date.now() - started;
    assert.ok(ms < BOUND_MS, `${name}: ${ms} ms`);
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostics[0]?.range.start ?? { line: 0, character: 0 } });
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return { diagnostics, hover };
  }

  it('a 10 MB document is checked up to claimFloor.maxFileChars and the rest is announced where it starts', async () => {
    const paragraph = 'The bridge opened on 12 June 1937 and carried 42,000 cars a day.\n\n';
    const { diagnostics } = await open('ten-mb.md', paragraph.repeat(Math.ceil(10_000_000 / paragraph.length)));
    const notice = diagnostics.find((d) => /Only the first 2,000,000 of 10,0\d\d,\d{3} characters were checked/.test(messageOf(d)));
    assert.ok(notice, 'the cap is a diagnostic');
    assert.equal(notice.severity, DiagnosticSeverity.Warning);
    assert.equal(notice.range.start.line, Math.floor(MAX_FILE_CHARS / paragraph.length) * 2, 'it sits where checking stopped');
    assert.ok(diagnostics.length > 1000, 'the checked part still has its claims');
  });

  it('a 1 MB line is skipped with a notice; the sentences after it are checked', async () => {
    const { diagnostics } = await open('long-line.md', `${'word '.repeat(200_000)}\n\nThe dam opened in 1936.\n`);
    assert.ok(diagnostics.some((d) => /1 sentence was longer than 2000 characters and not checked/.test(messageOf(d))));
    assert.ok(diagnostics.some((d) => d.range.start.line === 2 && d.code === 'event-date'));
  });

  it('100,000 short lines are all checked', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 999 ? `The archive moved in ${1900 + (i % 97)}.` : `- item ${i}`));
    const { diagnostics, hover } = await open('many-lines.md', lines.join('\n'));
    assert.equal(diagnostics.filter((d) => d.code === 'event-date').length, 100);
    assert.equal(diagnostics.at(-1)?.range.start.line, 99_999);
    assert.ok(hover, 'hover answers on such a document');
  });

  it('while the worker analyses a huge hostile document, hovers on another document answer within 200 ms', async () => {
    const small = URI.file(join(root, 'small.md')).toString();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: small, languageId: 'markdown', version: 1, text: 'The dam opened in 1936.\n' } });
    const { diagnostics } = await session.diagnosticsFor(small);
    const big = URI.file(join(root, 'hostile.md')).toString();
    const hostile = `${'| Name | Role |\n|---|---|\n'}${'| Ada Lovelace | mathematician |\n'.repeat(40_000)}${'a.'.repeat(200_000)}\n\n${'word '.repeat(150_000)}`;
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: big, languageId: 'markdown', version: 1, text: hostile } });
    const latencies: number[] = [];
    const published = session.diagnosticsFor(big, () => true, BOUND_MS);
    let done = false;
    void published.then(() => (done = true));
    while (!done && latencies.length < 200) {
      const started = Date.now();
      const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: diagnostics[0].range.start });
      latencies.push(Date.now() - started);
      assert.ok(hover, 'the hover has its answer');
      await new Promise((r) => setTimeout(r, 20));
    }
    await published;
    assert.ok(latencies.length >= 3, `hovers were asked while the analysis ran (${latencies.length})`);
    assert.ok(Math.max(...latencies) < 200, `slowest hover ${Math.max(...latencies)} ms`);
  });
});
