import * as vscode from 'vscode';
import type { ModelStateParams } from '../../protocol/claimFloorProtocol';

/** "ClaimFloor: N at risk · model" for the active Markdown file; click to audit it. */
export class ClaimStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private model: ModelStateParams = { state: 'loading', text: 'starting' };
  private corpus = 'indexing workspace';

  setModel(model: ModelStateParams): void {
    this.model = model;
    this.update();
  }

  /** The server's `claimfloor/indexState` text ("1,234 files indexed"). */
  setCorpus(text: string): void {
    this.corpus = text;
    this.update();
  }

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
    const mode = this.model.state === 'ready' ? this.model.text : this.model.state === 'loading' ? 'loading model' : 'rules only';
    this.item.text = `$(law) ClaimFloor: ${atRisk} at risk${wrong > 0 ? `, ${wrong} wrong` : ''} · ${mode}`;
    const model = this.model.state === 'ready' ? `Scored with ${this.model.text}.` : `Scored without a model: ${this.model.text}.`;
    this.item.tooltip = `${ours.length} claims in this file; ${wrong} certainly wrong, ${atRisk} below your confidence target. ${model} Workspace index: ${this.corpus}. Click to audit.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
