import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CodeActionRequest,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Session } from '../lspSession';
import { editRange, editSequence, markdownDocument } from './markdownArbitrary';

/** The longest any one document may wait for its diagnostics (issue 7's bound). */
export const MAX_REQUEST_MS = 2000;

export interface FuzzReport {
  cases: number;
  edits: number;
  /** The slowest wait: for a version's diagnostics after an open or the last edit, or for a hover and its quick fixes. */
  worstMs: number;
}

/** Documents opened by this process so far: every case gets URIs never used before, across runs. */
let opened = 0;

const comparable = (d: Diagnostic) => JSON.stringify({ range: d.range, message: d.message, code: d.code, severity: d.severity, source: d.source });

/** Every range lies inside the document: lines that exist, characters within their line (UTF-16). */
function assertInside(diagnostics: Diagnostic[], document: TextDocument): void {
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < document.lineCount, `line ${p.line} of ${document.lineCount}`);
      const lineText = document.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).replace(/\r?\n$/, '');
      assert.ok(p.character >= 0 && p.character <= lineText.length, `character ${p.character} of ${lineText.length} on line ${p.line}`);
    }
    assert.ok(document.offsetAt(d.range.start) <= document.offsetAt(d.range.end), 'a range ends after it starts');
  }
}

/**
 * Random Markdown opened in the real server, then random incremental edits sent as didChange with
 * no debounce. Invariants: the server stays up, the last version's diagnostics arrive within
 * MAX_REQUEST_MS and stay the last ones published, every range lies inside the document, and they
 * equal what a fresh open of the final text gets (the paragraph cache never leaves stale claims).
 */
export async function fuzzLanguageServer(session: Session, root: string, runs: number, seed: number): Promise<FuzzReport> {
  const report: FuzzReport = { cases: 0, edits: 0, worstMs: 0 };
  const waitFor = async (uri: string, version: number): Promise<PublishDiagnosticsParams> => {
    const started = performance.now();
    const published = await session.diagnosticsFor(uri, (p) => p.version === version, MAX_REQUEST_MS + 1000);
    const ms = performance.now() - started;
    report.worstMs = Math.max(report.worstMs, ms);
    assert.ok(ms < MAX_REQUEST_MS, `diagnostics for version ${version} took ${ms.toFixed(0)} ms`);
    return published;
  };
  await fc.assert(
    fc.asyncProperty(markdownDocument, editSequence, async (text, edits) => {
      report.cases++;
      const n = opened++;
      const uri = `file://${root}/fuzz-${n}.md`;
      const fresh = `file://${root}/fuzz-${n}-fresh.md`;
      let document = TextDocument.create(uri, 'markdown', 1, text);
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await waitFor(uri, 1);
      for (const edit of edits) {
        const { start, end } = editRange(edit, document.getText().length);
        const range = { start: document.positionAt(start), end: document.positionAt(end) };
        const version = document.version + 1;
        document = TextDocument.update(document, [{ range, text: edit.text }], version);
        await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: edit.text }] });
        report.edits++;
      }
      const edited = await waitFor(uri, document.version);
      assert.ok(session.child!.exitCode === null, 'the server is still running');
      assertInside(edited.diagnostics, document);
      // Hover and quick fixes answer in time on whatever the document became.
      const position = edited.diagnostics[0]?.range.start ?? document.positionAt(Math.floor(document.getText().length / 2));
      const asked = performance.now();
      await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: edited.diagnostics.slice(0, 1) } });
      const answered = performance.now() - asked;
      report.worstMs = Math.max(report.worstMs, answered);
      assert.ok(answered < MAX_REQUEST_MS, `hover and code actions took ${answered.toFixed(0)} ms`);
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text: document.getText() } });
      const reference = await waitFor(fresh, 1);
      assert.deepEqual(edited.diagnostics.map(comparable), reference.diagnostics.map(comparable), 'edited and fresh documents get the same diagnostics');
      assert.equal(session.diagnostics.get(uri)!.at(-1)!.version, document.version, 'no older version was published after the newest');
      for (const closed of [uri, fresh]) {
        await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closed } });
        session.diagnostics.delete(closed);
      }
    }),
    { numRuns: runs, seed },
  );
  return report;
}
