import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  type CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { type AuditSummary, type FileAudit, Methods } from '../../protocol/claimFloorProtocol';
import { Session, until } from '../helpers/lspSession';

const DRAFT = [
  '# Grace Hopper',
  '',
  'Grace Hopper was born in New York City on 9 December 1906.',
  '',
  'Sales rose from 20 to 30, a 60% increase.',
  '',
  'Hopper wrote, "Stars * and a_b_c [x] <b>belong</b> in every careful hover card."',
  '',
].join('\n');

let session: Session;
let root: string;
let uri: string;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'claimfloor-lsp-'));
  const file = join(root, 'draft.md');
  writeFileSync(file, DRAFT);
  uri = URI.file(file).toString();
  session = new Session();
  const init = await session.start(root);
  assert.equal(init.serverInfo?.name, 'ClaimFloor');
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
});

after(() => session.stop());

/** What VS Code's file watcher tells the server when .claimfloor.json is written. */
async function configFileCreated() {
  await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(join(root, '.claimfloor.json')).toString(), type: FileChangeType.Changed }] });
}

describe('language server (in-process, over JSON-RPC)', () => {
  it('publishes diagnostics with codes, doc links, severities and exact ranges on open', async () => {
    const { diagnostics, version } = await session.diagnosticsFor(uri);
    assert.equal(version, 1);
    const arithmetic = diagnostics.find((d) => d.code === 'arithmetic');
    assert.ok(arithmetic);
    assert.equal(arithmetic.severity, 1);
    assert.equal(arithmetic.source, 'ClaimFloor');
    assert.match(String(arithmetic.message), /50% increase, not 60%/);
    assert.match(arithmetic.codeDescription?.href ?? '', /docs\/claim-types\/arithmetic\.md$/);
    const bio = diagnostics.find((d) => d.code === 'biography');
    assert.ok(bio);
    assert.deepEqual(bio.range, { start: { line: 2, character: 25 }, end: { line: 2, character: 57 } }, 'the squiggle covers "New York City on 9 December 1906"');
    assert.ok(!diagnostics.some((d) => d.range.start.line === 0), 'the heading is not a claim');
  });

  it('a hover is a short card — verdict, why, what to do, the floor — with details on request, and escapes document text', async () => {
    const hoverValue = async (line: number, character: number) =>
      ((await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }))?.contents as MarkupContent | undefined)?.value ?? '';
    const card = await hoverValue(2, 45);
    assert.ok(card.split('\n').filter((l) => l.trim()).length <= 10, `at most ten lines:\n${card}`);
    assert.match(card, /^\*\*ClaimFloor · biographical fact\*\* — /);
    assert.match(card, /\*\*What to do:\*\* /);
    assert.match(card, /\*\*Floor for biographical facts:\*\* Every 10% of biographical facts seen only once in training forces at least 9\\\.5% wrong answers/, 'the hover escapes its own text too');
    assert.doesNotMatch(card, /Scored without a model|35 \\\+ 6 ln N|log\\-odds/, 'no model notice, formulas or log-odds on the short card');
    const quoteValue = await hoverValue(6, 30);
    assert.match(quoteValue, /quotation/);
    assert.match(quoteValue, /Stars \\\* and a\\_b\\_c \\\[x\\\]/, 'markup characters from the draft are escaped');
    assert.doesNotMatch(quoteValue, /<b>/, 'inline HTML from the draft never reaches the hover');

    session.settings = { ...session.settings, hover: { details: true } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const detailed = await until(async () => {
      const value = await hoverValue(2, 45);
      return value.includes('**Details**') ? value : undefined;
    });
    assert.ok(detailed.startsWith(card), 'the details follow the same card');
    assert.match(detailed, /Theorem 2/);
    assert.match(detailed, /sr\\_T = 0\.2 — \*assumption\*/, 'each input of the floor with its provenance');
    assert.match(detailed, /Scored without a model/);
    session.settings = { ...session.settings, hover: { details: false } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it('offers quick fixes written as ClaimFloor comments and config', async () => {
    const { diagnostics } = await session.diagnosticsFor(uri);
    const bio = diagnostics.find((d) => d.code === 'biography')!;
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: bio.range, context: { diagnostics: [bio] } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, [
      'ClaimFloor: mark this claim as verified',
      'ClaimFloor: disable biography for the next line',
      'ClaimFloor: disable biography in this file',
      'ClaimFloor: allow "Grace Hopper: 9 December 1906" in this workspace',
    ]);
    const edit = (action: CodeAction) => {
      const [change] = action.edit!.documentChanges! as Array<{ textDocument: { uri: string; version: number | null }; edits: Array<{ newText: string; range: { start: object } }> }>;
      assert.equal(change.textDocument.uri, uri);
      assert.equal(change.textDocument.version, 1, 'versioned: refused if the document changed since');
      return change.edits[0];
    };
    assert.equal(edit(actions[0]).newText, ' <!-- claimfloor-verified -->');
    assert.deepEqual(edit(actions[0]).range.start, { line: 2, character: 58 });
    assert.equal(edit(actions[1]).newText, '<!-- claimfloor-disable-next-line biography -->\n');
    assert.equal(actions[3].edit, undefined, 'the allow-list edit is computed only when picked');
    const resolved = await session.connection.sendRequest(CodeActionResolveRequest.type, actions[3]);
    const allow = JSON.stringify(resolved.edit);
    assert.match(allow, /\.claimfloor\.json/);
    assert.match(allow, /Grace Hopper: 9 December 1906/, 'keyed by the subject and the value, not the sentence');
  });

  it('a recomputed figure is the first, preferred quick fix, and applying it gives the right value', async () => {
    const { diagnostics } = await session.diagnosticsFor(uri);
    const arithmetic = diagnostics.find((d) => d.code === 'arithmetic')!;
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: arithmetic.range, context: { diagnostics: [arithmetic] } })) as CodeAction[];
    assert.equal(actions[0].title, 'ClaimFloor: change "60" to "50"');
    assert.equal(actions[0].isPreferred, true);
    assert.ok(actions.slice(1).every((a) => !a.isPreferred), 'one preferred fix');
    const [change] = actions[0].edit!.documentChanges! as Array<{ edits: Array<{ newText: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> }>;
    const line = DRAFT.split('\n')[4];
    const { start, end } = change.edits[0].range;
    assert.equal(start.line, 4);
    assert.equal(`${line.slice(0, start.character)}${change.edits[0].newText}${line.slice(end.character)}`, 'Sales rose from 20 to 30, a 50% increase.');
  });

  it('re-analyses after edits (debounced) and publishes only the latest version', async () => {
    const edits = ['Sales rose from 20 to 30, a 50% increase.', 'Sales rose from 20 to 30, a 70% increase.', 'Sales rose from 20 to 30, a 50% increase.'];
    for (const [i, text] of edits.entries()) {
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 + i },
        contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 41 } }, text }],
      });
    }
    const latest = await session.diagnosticsFor(uri, (p) => p.version === 4);
    assert.ok(!latest.diagnostics.some((d) => d.code === 'arithmetic' && d.severity === 1), 'the fixed arithmetic is no longer an error');
    assert.ok(!(session.diagnostics.get(uri) ?? []).some((p) => p.version === 2 || p.version === 3), 'stale versions were never published');
  });

  it('runs the audit command and honours configuration changes', async () => {
    const report = await session.connection.sendRequest<FileAudit>(Methods.auditFile, { uri });
    assert.ok(report.claims.some((c) => c.type === 'biography' && c.floor.status === 'computed' && Math.abs(c.floor.value - (0.2 - 2 / 364)) < 1e-3), 'the floor at the theorem\'s own illustration, never "unmeasured"');
    assert.equal(JSON.parse(report.sarif).version, '2.1.0', 'the report can be exported as SARIF');
    session.settings = { run: 'manual', debounceMs: 50 };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    // The server pulls the new settings with a request of its own; give it that round trip.
    await new Promise((r) => setTimeout(r, 300));
    const before = (session.diagnostics.get(uri) ?? []).length;
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 5 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'X ' }],
    });
    await new Promise((r) => setTimeout(r, 400));
    assert.equal((session.diagnostics.get(uri) ?? []).length, before, 'manual mode does not analyse on edits');
  });

  it('reports an invalid .claimfloor.json as a diagnostic instead of failing', async () => {
    writeFileSync(join(root, '.claimfloor.json'), '{ "treshold": 0.9 }');
    await configFileCreated();
    const badUri = URI.file(join(root, 'other.md')).toString();
    session.settings = { run: 'onType', debounceMs: 50 };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: badUri, languageId: 'markdown', version: 1, text: 'The dam opened in 1936.\n' } });
    const { diagnostics } = await session.diagnosticsFor(badUri);
    assert.ok(diagnostics.some((d) => /treshold/.test(String(d.message)) && d.severity === 1));
    assert.ok(diagnostics.some((d) => d.code === 'event-date'), 'the document is still checked with defaults');
    assert.equal(readFileSync(join(root, '.claimfloor.json'), 'utf8'), '{ "treshold": 0.9 }');
  });

  it('audits the whole workspace into the Problems panel, with progress', async () => {
    mkdirSync(join(root, 'notes'), { recursive: true });
    writeFileSync(join(root, 'notes', 'closed.md'), 'The meeting was held on 31 February 2020.\n');
    writeFileSync(join(root, 'notes', 'skipped.md'), 'The meeting was held on 31 February 2020.\n');
    writeFileSync(join(root, '.claimfloor.json'), '{ "ignore": ["notes/skipped.md"] }');
    await configFileCreated();
    const summary = await session.connection.sendRequest<AuditSummary>(Methods.auditWorkspace, {});
    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, 2, 'draft.md and notes/closed.md are on disk');
    const closedUri = URI.file(join(root, 'notes', 'closed.md')).toString();
    const { diagnostics } = await session.diagnosticsFor(closedUri);
    assert.ok(diagnostics.some((d) => d.code === 'event-date' && d.severity === 1), 'a file that is not open gets diagnostics');
    const skipped = URI.file(join(root, 'notes', 'skipped.md')).toString();
    assert.equal(session.diagnostics.get(skipped), undefined, 'ignore globs in .claimfloor.json apply, as in the CLI');
    assert.deepEqual([session.progress[0], session.progress.at(-1)], ['begin', 'end']);
  });

  it('a cancelled workspace audit stops between files', async () => {
    mkdirSync(join(root, 'many'), { recursive: true });
    const paragraph = 'The bridge opened on 12 June 1937 and carried 42,000 cars a day. '.repeat(40);
    for (let i = 0; i < 40; i++) writeFileSync(join(root, 'many', `f${i}.md`), `${paragraph}\n\n${paragraph}\n`);
    const source = new CancellationTokenSource();
    const pending = session.connection.sendRequest<AuditSummary>(Methods.auditWorkspace, {}, source.token);
    setTimeout(() => source.cancel(), 100);
    const summary = await pending;
    assert.equal(summary.cancelled, true);
    assert.ok(summary.files < 42, `stopped after ${summary.files} files`);
  });

  it('a hover during the debounce window answers from the latest analysis, carried through the edits since', async () => {
    session.settings = { run: 'onType', debounceMs: 5000 };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await new Promise((r) => setTimeout(r, 300));
    const hoverUri = URI.file(join(root, 'hover.md')).toString();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: hoverUri, languageId: 'markdown', version: 1, text: 'The dam opened in 1936.\n' } });
    await session.diagnosticsFor(hoverUri);
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: hoverUri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Smith (2019) says so. ' }],
    });
    const started = Date.now();
    const unanalysed = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: hoverUri }, position: { line: 0, character: 2 } });
    assert.equal(unanalysed, null, 'text typed since the analysis has no claim yet: not the stale event-date claim that used to start there');
    const moved = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: hoverUri }, position: { line: 0, character: 42 } });
    assert.match((moved?.contents as MarkupContent).value, /event date/, 'the year, moved along by the edit, still has its claim');
    assert.deepEqual(moved?.range, { start: { line: 0, character: 40 }, end: { line: 0, character: 44 } });
    assert.ok(Date.now() - started < 1000, 'neither hover waited for an analysis');
  });

  it('a quick fix from a diagnostic older than the text lands at its claim as it is now, with the current version', async () => {
    session.settings = { run: 'onType', debounceMs: 5000 };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await new Promise((r) => setTimeout(r, 300));
    const fixUri = URI.file(join(root, 'fix.md')).toString();
    const text = 'Intro.\n\nThe dam opened in 1936.\n\nThe bridge opened in 1937.\n';
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fixUri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await session.diagnosticsFor(fixUri);
    const bridge = diagnostics.find((d) => d.range.start.line === 4)!;
    // Three lines typed above; the debounce has not let a new analysis run.
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: fixUri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'One.\n\nTwo.\n\nThree.\n\n' }],
    });
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: fixUri }, range: bridge.range, context: { diagnostics: [bridge] } })) as CodeAction[];
    const next = actions.find((a) => /for the next line/.test(a.title))!;
    const [change] = next.edit!.documentChanges! as Array<{ textDocument: { version: number }; edits: Array<{ range: { start: { line: number } }; newText: string }> }>;
    assert.equal(change.textDocument.version, 2);
    assert.equal(change.edits[0].range.start.line, 10, 'before "The bridge opened in 1937." where it is now, not before a different claim');
  });
});
