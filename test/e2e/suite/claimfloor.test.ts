import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

async function waitFor<T>(probe: () => T | undefined, what: string, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ClaimFloor');

suite('ClaimFloor in a real VS Code', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'draft.md'));
    await vscode.window.showTextDocument(doc);
  });

  test('squiggles: the language server publishes typed diagnostics with doc links', async () => {
    const diagnostics = await waitFor(() => (ours(doc.uri).length > 0 ? ours(doc.uri) : undefined), 'diagnostics');
    const arithmetic = diagnostics.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'arithmetic' && /45%/.test(d.message));
    assert.ok(arithmetic, 'the wrong percentage is reported');
    assert.strictEqual(arithmetic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(arithmetic.message, /38\.7% decrease, not 45%/);
    assert.ok(typeof arithmetic.code === 'object' && /claim-types\/arithmetic\.md$/.test(arithmetic.code.target.path));
    assert.ok(diagnostics.some((d) => /31 April 2024/.test(d.message) && d.severity === vscode.DiagnosticSeverity.Error));
  });

  test('the hover is a short card: verdict, why, what to do, and the floor for the claim type', async () => {
    const date = ours(doc.uri).find((d) => /March 2024/.test(d.message))!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, date.range.start.translate(0, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Floor for event dates:\*\* Every 10% of event dates seen only once in training forces at least/);
    assert.match(text, /\*\*What to do:\*\*/);
    assert.ok(text.split('\n').filter((l) => l.trim()).length <= 10, `a short card:\n${text}`);
  });

  test('quick fix "mark as verified" clears the squiggle', async () => {
    const target = ours(doc.uri).find((d) => /March 2024/.test(d.message))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range);
    const verify = actions.find((a) => a.title === 'ClaimFloor: mark this claim as verified');
    assert.ok(verify?.edit, 'the quick fix is offered');
    assert.ok(await vscode.workspace.applyEdit(verify.edit));
    assert.match(doc.getText(), /March 2024\. <!-- claimfloor-verified -->/);
    await waitFor(() => (ours(doc.uri).some((d) => /March 2024.*verified by you/.test(d.message) && d.severity === vscode.DiagnosticSeverity.Hint) ? true : undefined), 'the verified claim to be a hint saying so');
  });

  test('"Audit Claims in Current File" returns the report and opens the report panel', async () => {
    const audit = await vscode.commands.executeCommand<{ claims: Array<{ severity: string }> }>('claimfloor.auditFile');
    assert.ok(audit.claims.filter((c) => c.severity === 'error').length >= 3);
    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.startsWith('ClaimFloor audit')), 'the report tab');
    assert.ok(tab);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a killed language server is started again and the squiggles come back', async () => {
    // The extension's own server: a dist/server.js process descended from this extension host.
    const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
    const descends = (pid: number): boolean => pid > 1 && (pid === process.pid || descends(parentOf(pid)));
    const listed = () => {
      try {
        return execFileSync('pgrep', ['-f', 'dist/server.js'], { encoding: 'utf8' }).trim().split('\n').map(Number);
      } catch {
        return []; // pgrep exits 1 when nothing matches (between the kill and the restart)
      }
    };
    const serverPid = () => {
      const mine = listed().filter((pid) => pid !== process.pid && descends(pid));
      return mine.length === 1 ? mine[0] : undefined;
    };
    const before = await waitFor(serverPid, 'the language server process');
    process.kill(before, 'SIGKILL');
    const after = await waitFor(() => {
      const pid = serverPid();
      return pid !== undefined && pid !== before ? pid : undefined;
    }, 'a new language server process');
    assert.notStrictEqual(after, before);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '\nSales rose from 20 to 30, a 60% increase.\n');
    await vscode.workspace.applyEdit(edit);
    await waitFor(() => (ours(doc.uri).some((d) => /50% increase, not 60%/.test(d.message)) ? true : undefined), 'diagnostics from the restarted server');
  });

  test('the preferred quick fix writes the recomputed value, and the error goes', async () => {
    const wrong = await waitFor(() => ours(doc.uri).find((d) => /38\.7% decrease, not 45%/.test(d.message)), 'the wrong percentage');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, wrong.range);
    const mine = actions.filter((a) => a.title.startsWith('ClaimFloor:'));
    assert.strictEqual(mine[0].title, 'ClaimFloor: change "45" to "38.7"');
    assert.strictEqual(mine[0].isPreferred, true);
    assert.ok(mine[0].edit && (await vscode.workspace.applyEdit(mine[0].edit)));
    assert.match(doc.getText(), /from 31 seconds\s+to 19 seconds, a 38\.7% decrease/);
    await waitFor(() => (ours(doc.uri).some((d) => /not 45%/.test(d.message)) ? undefined : true), 'the error to go');
  });
});
