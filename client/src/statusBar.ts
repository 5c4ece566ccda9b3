import * as vscode from 'vscode';

/** "ClaimFloor: N at risk" for the active Markdown file; click to audit it. */
export class ClaimStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.command = 'claimfloor.auditFile';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      this.item.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'ClaimFloor' && d.code !== undefined);
    const wrong = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const atRisk = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = `$(law) ClaimFloor: ${atRisk} at risk${wrong > 0 ? `, ${wrong} wrong` : ''}`;
    this.item.tooltip = `${ours.length} claims in this file; ${wrong} certainly wrong, ${atRisk} below your confidence target. Rules only (no model). Click to audit.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
