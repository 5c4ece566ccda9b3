import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FileAudit } from '../../../protocol/claimFloorProtocol';
import { reportHtml } from './reportHtml';

/** The "Audit claims" report: one webview panel, reused and refreshed on each audit. */
export class ReportPanel {
  private static current: ReportPanel | undefined;
  private audit: FileAudit;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    audit: FileAudit,
  ) {
    this.audit = audit;
    panel.onDidDispose(() => (ReportPanel.current = undefined));
    panel.webview.onDidReceiveMessage((m: { type: string; line?: number; character?: number; format?: 'json' | 'sarif' }) => {
      if (m.type === 'reveal') void this.reveal(m.line ?? 0, m.character ?? 0);
      if (m.type === 'export' && m.format) void this.export(m.format);
    });
    this.render();
  }

  static show(audit: FileAudit): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.audit = audit;
      ReportPanel.current.render();
      ReportPanel.current.panel.reveal(vscode.ViewColumn.Beside);
    } else {
      const panel = vscode.window.createWebviewPanel('claimfloor.report', 'ClaimFloor audit', vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
      ReportPanel.current = new ReportPanel(panel, audit);
    }
    return ReportPanel.current;
  }

  private render(): void {
    this.panel.title = `ClaimFloor audit: ${vscode.workspace.asRelativePath(this.audit.path)}`;
    this.panel.webview.html = reportHtml(this.audit, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
  }

  private async reveal(line: number, character: number): Promise<void> {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(this.audit.uri), { viewColumn: vscode.ViewColumn.One });
    const position = new vscode.Position(line, character);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  }

  private async export(format: 'json' | 'sarif'): Promise<void> {
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(`${this.audit.path.replace(/\.[^.]+$/, '')}.claimfloor.${format === 'json' ? 'json' : 'sarif'}`),
      filters: format === 'json' ? { JSON: ['json'] } : { SARIF: ['sarif', 'json'] },
    });
    if (!target) return;
    const { sarif, ...report } = this.audit;
    const content = format === 'json' ? JSON.stringify(report, null, 2) : sarif;
    await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
    void vscode.window.showInformationMessage(`ClaimFloor: saved ${vscode.workspace.asRelativePath(target)}`);
  }
}
