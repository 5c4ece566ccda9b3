import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { type AuditFileParams, type AuditSummary, Commands, type FileAudit, type IndexStateParams, Methods, type ModelStateParams } from '../../protocol/claimFloorProtocol';
import { ReportPanel } from './auditReport/reportPanel';
import { ServerRestarts } from './serverRestarts';
import { ClaimStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** A crashed server is started again a bounded number of times, then the user is told (ServerRestarts). */
function restartPolicy(restarts: ServerRestarts): NonNullable<LanguageClientOptions['errorHandler']> {
  return {
    // As the library's default: a few write errors are survivable, more mean the connection is gone.
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = restarts.crashed();
      return decision.restart ? { action: CloseAction.Restart, handled: true } : { action: CloseAction.DoNotRestart, message: decision.message };
    },
  };
}

/** Starts the ClaimFloor language server (its own process, over IPC) and the editor commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('ClaimFloor', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // An open .claimfloor.json: its unsaved text governs the analysis, and the allow-list fix edits that buffer.
      { scheme: 'file', pattern: '**/.claimfloor.{json,jsonc}' },
    ],
    // Config files, and the prose the workspace index covers (Markdown, text, BibTeX, .gitignore).
    synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher('**/.claimfloor.{json,jsonc}'), vscode.workspace.createFileSystemWatcher('**/{*.md,*.markdown,*.mdx,*.txt,*.bib,.gitignore}')] },
    outputChannel: output,
    // Downloaded models and cached scores live in the extension's global storage.
    initializationOptions: { storagePath: context.globalStorageUri.fsPath },
    errorHandler: restartPolicy(new ServerRestarts()),
  };
  client = new LanguageClient('claimfloor', 'ClaimFloor', serverOptions, clientOptions);
  const running = client;
  const statusBar = new ClaimStatusBar();

  context.subscriptions.push(
    output,
    statusBar,
    running.onNotification(Methods.modelState, (state: ModelStateParams) => statusBar.setModel(state)),
    running.onNotification(Methods.indexState, ({ text }: IndexStateParams) => statusBar.setCorpus(text)),
    vscode.commands.registerCommand(Commands.auditFile, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') {
        void vscode.window.showWarningMessage('ClaimFloor: open a Markdown file to audit its claims.');
        return undefined;
      }
      const audit = await running.sendRequest<FileAudit>(Methods.auditFile, { uri: editor.document.uri.toString() } satisfies AuditFileParams);
      if (audit.error) {
        void vscode.window.showWarningMessage(`ClaimFloor: ${audit.error}`);
        return audit;
      }
      ReportPanel.show(audit);
      const wrong = audit.claims.filter((c) => c.severity === 'error').length;
      const flagged = audit.claims.filter((c) => c.severity === 'warning').length;
      void vscode.window.showInformationMessage(`ClaimFloor audit: ${audit.claims.length} claims, ${wrong} certainly wrong, ${flagged} below your confidence target.`);
      return audit;
    }),
    vscode.commands.registerCommand(Commands.auditWorkspace, () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'ClaimFloor: auditing the workspace', cancellable: true }, async (_progress, token) => {
        const summary = await running.sendRequest<AuditSummary>(Methods.auditWorkspace, {}, token);
        const text = summary.error ?? `${summary.cancelled ? 'Cancelled after' : 'Checked'} ${summary.files} files, ${summary.claims} claims; see the Problems panel.`;
        void vscode.window.showInformationMessage(`ClaimFloor: ${text}`);
        return summary;
      }),
    ),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
