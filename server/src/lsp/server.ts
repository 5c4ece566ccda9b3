import { join } from 'node:path';
import {
  type CodeAction,
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  FileChangeType,
  type Hover,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { type AuditFileParams, type AuditSummary, type FileAudit, type IndexStateParams, Methods, type ModelStateParams } from '../../../protocol/claimFloorProtocol';
import type { ServiceEvent } from '../service/analysisService';
import { claimDetails, type ClaimView, type DocumentView } from '../service/documentView';
import type { AnalysisServiceApi } from '../service/serviceApi';
import { AnalysisScheduler, documentInput, isMarkdown } from './analysisScheduler';
import { type AllowListActionData, codeActionsFor, resolveAllowListEdit } from './codeActions';
import { type ClaimDiagnosticData, toDiagnostics } from './diagnostics';
import { DocumentEdits } from './documentEdits';
import { hoverMarkdown } from './hover';
import { DEFAULT_SETTINGS, type EditorSettings, readSettings, serviceSettings, shownAt } from './settings';
import { auditWorkspace } from './workspaceAudit';

export interface ServerDependencies {
  /** Creates the analysis service once the editor says where extension storage is (`initializationOptions.storagePath`). */
  createService(storageDir: string | undefined): AnalysisServiceApi;
  /** The folder the claim-type pages lie in (diagnostic codes link to them). */
  docsDir: string;
}

const CONFIG_FILE = /(^|\/)\.claimfloor\.jsonc?$/;

/**
 * The ClaimFloor language server over any connection: the real one over stdio or IPC, or an
 * in-memory one in tests. It schedules analyses, publishes diagnostics, and answers hovers and
 * quick fixes from the latest result carried through the edits since, so it never waits for an
 * analysis; all analysis happens in the service.
 */
export function createServer(connection: Connection, { createService, docsDir }: ServerDependencies): { dispose(): Promise<void> } {
  // Assigned in onInitialize, before any other request or notification can arrive.
  let service: AnalysisServiceApi = undefined as unknown as AnalysisServiceApi;
  const edits = new DocumentEdits();
  const documents = new TextDocuments<TextDocument>(edits.documents);
  let settings: EditorSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let workspaceFolder: string | undefined;
  let workspaceRoots: string[] = [];
  /** False until the editor's settings were first read: a document opened before then waits for them, not for the defaults. */
  let settingsRead = false;
  let modelText = 'rules only: starting';
  /** Which configuration each document was last analysed with, so the Output channel says it once per change. */
  const configurationOf = new Map<string, string>();
  function logConfiguration(uri: string, configFile: string | undefined): void {
    const applied = configFile ?? 'your editor settings (claimFloor.*; no .claimfloor.json applies)';
    if (configurationOf.get(uri) === applied) return;
    configurationOf.set(uri, applied);
    connection.console.info(`ClaimFloor: ${uri} is checked with ${applied}`);
  }
  const docsUri = (type: string) => URI.file(join(docsDir, `${type}.md`)).toString();

  const scheduler = new AnalysisScheduler({
    get service() {
      return service;
    },
    document: (uri) => documents.get(uri),
    settings: () => settings,
    publish: (document, view) => {
      logConfiguration(document.uri, view.configFile);
      const shown = { ...view, claims: view.claims.filter((c) => shownAt(c.severity, settings.minimumSeverity)) };
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: toDiagnostics(shown, document.version, docsUri) });
    },
    log: (message) => connection.console.error(message),
  });
  const openMarkdown = () => documents.all().filter(isMarkdown).map((d) => d.uri);

  const progress = new Map<string, Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>>>();
  async function relayProgress(event: Extract<ServiceEvent, { kind: 'progress' }>): Promise<void> {
    if (event.phase === 'begin') {
      const reporter = await connection.window.createWorkDoneProgress();
      progress.set(event.id, reporter);
      if (event.cancellable) reporter.token.onCancellationRequested(() => void service.cancelProgress(event.id));
      reporter.begin(event.title ?? 'ClaimFloor', 0, event.message, event.cancellable);
    } else if (event.phase === 'report') progress.get(event.id)?.report(event.percentage ?? 0, event.message ?? '');
    else {
      progress.get(event.id)?.done();
      progress.delete(event.id);
    }
  }

  const onServiceEvent = (event: ServiceEvent) => {
    switch (event.kind) {
      case 'model-state':
        modelText = event.text;
        void connection.sendNotification(Methods.modelState, { state: event.state, text: event.text } satisfies ModelStateParams);
        break;
      case 'index-state':
        void connection.sendNotification(Methods.indexState, { text: event.text } satisfies IndexStateParams);
        break;
      case 'scored':
        scheduler.scored(event.uri, event.version);
        break;
      case 'invalidated':
        if (settingsRead) scheduler.invalidateAll(openMarkdown());
        break;
      case 'progress':
        void relayProgress(event).catch(() => undefined);
        break;
      case 'log':
        if (event.level === 'error') connection.console.error(event.message);
        else if (event.level === 'warning') connection.console.warn(event.message);
        else connection.console.info(event.message);
        break;
    }
  };

  async function refreshSettings(): Promise<void> {
    try {
      if (canPullConfiguration) settings = readSettings(await connection.workspace.getConfiguration('claimFloor'));
    } catch (error) {
      connection.console.warn(`ClaimFloor: could not read settings, using the defaults: ${String(error)}`);
    }
    const first = !settingsRead;
    settingsRead = true;
    const configured = service.configure(serviceSettings(settings));
    // The workspace is indexed once the settings that decide what it reads are known.
    if (first) await service.setWorkspace(workspaceRoots);
    scheduler.invalidateAll(openMarkdown());
    await configured;
  }

  connection.onInitialize((params) => {
    const storage = (params.initializationOptions as { storagePath?: unknown } | undefined)?.storagePath;
    service = createService(typeof storage === 'string' ? storage : undefined);
    service.onEvent(onServiceEvent);
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceFolder = folder ? URI.parse(folder).fsPath : undefined;
    workspaceRoots = (params.workspaceFolders?.map((f) => f.uri) ?? (folder ? [folder] : [])).map((u) => URI.parse(u).fsPath);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
      },
      serverInfo: { name: 'ClaimFloor' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimFloor' }).catch((error: unknown) => connection.console.warn(`ClaimFloor: settings changes will not be seen: ${String(error)}`));
    }
    void refreshSettings();
  });

  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) settings = readSettings((change.settings as { claimFloor?: unknown } | undefined)?.claimFloor);
    void refreshSettings();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    void service.filesChanged(changes.flatMap((c) => {
      const parsed = URI.parse(c.uri);
      return parsed.scheme === 'file' ? [{ path: parsed.fsPath, deleted: c.type === FileChangeType.Deleted }] : [];
    }));
  });

  /** An open config file's unsaved text governs analyses until it is saved or closed. */
  const configBuffer = (document: TextDocument, text: string | undefined) => {
    const parsed = URI.parse(document.uri);
    if (parsed.scheme === 'file' && CONFIG_FILE.test(parsed.path)) void service.setConfigBuffer(parsed.fsPath, text);
  };

  /** Documents whose open is being handled: the content event that follows an open is not an edit. */
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    configBuffer(e.document, e.document.getText());
    if (settingsRead) scheduler.opened(e.document);
  });
  documents.onDidChangeContent((e) => {
    if (opening.delete(e.document.uri)) return;
    configBuffer(e.document, e.document.getText());
    if (settingsRead) scheduler.changed(e.document);
  });
  documents.onDidSave((e) => scheduler.saved(e.document));
  documents.onDidClose((e) => {
    configBuffer(e.document, undefined);
    scheduler.closed(e.document.uri);
    edits.forget(e.document.uri);
    void service.close(e.document.uri);
    if (isMarkdown(e.document)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** The latest result with the claim under an offset of the current text, carried through the edits since. */
  function claimAt(document: TextDocument, offset: number): { view: DocumentView; claim: ClaimView; span: { start: number; end: number } } | undefined {
    const view = scheduler.latest(document.uri);
    if (!view) return undefined;
    const at = edits.map(document.uri, offset, document.version, view.version);
    if (at === undefined) return undefined;
    const claim = view.claims.find((c) => at >= c.squiggle.start && at <= c.squiggle.end);
    const span = claim && edits.mapSpan(document.uri, claim.squiggle, view.version, document.version);
    return claim && span ? { view, claim, span } : undefined;
  }

  connection.onHover((params): Hover | undefined => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return undefined;
    const found = claimAt(document, document.offsetAt(params.position));
    if (!found) return undefined;
    const { view, claim, span } = found;
    return {
      contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(claimDetails(claim), view.thresholds[claim.type], settings.hoverDetails, modelText) },
      range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
    };
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const view = scheduler.latest(params.textDocument.uri);
    if (!document || !view) return [];
    return params.context.diagnostics.flatMap((diagnostic) => {
      const data = diagnostic.data as ClaimDiagnosticData | undefined;
      if (!data?.claimId) return [];
      // The diagnostic's own version and offsets name the claim: the same sentence can stand twice.
      const inView = edits.mapSpan(document.uri, data, data.version, view.version);
      const claim = inView && view.claims.find((c) => c.id === data.claimId && c.start === inView.start);
      const now = claim && edits.mapSpan(document.uri, claim, view.version, document.version);
      if (!claim || !now) return [];
      const slots = claim.slots.map((s) => ({ ...s, ...(edits.mapSpan(document.uri, s, view.version, document.version) ?? s) }));
      // A fix whose span an edit has touched is dropped rather than misplaced.
      const fixes = claim.fixes.flatMap((f) => {
        const at = edits.mapSpan(document.uri, f, view.version, document.version);
        return at ? [{ ...f, ...at }] : [];
      });
      return codeActionsFor({ document, claim: { ...claim, ...now, slots, fixes }, diagnostic, configFile: view.configFile, workspaceFolder });
    });
  });

  connection.onCodeActionResolve((action: CodeAction): CodeAction => {
    const data = action.data as AllowListActionData | undefined;
    if (data?.kind !== 'claimfloor.allow') return action;
    try {
      const open = documents.get(URI.file(data.target).toString());
      return { ...action, edit: resolveAllowListEdit(data, open) };
    } catch (error) {
      void connection.window.showWarningMessage(`ClaimFloor: ${(error as Error).message}`);
      return action;
    }
  });

  connection.onRequest(Methods.auditFile, async ({ uri }: AuditFileParams): Promise<FileAudit> => {
    const document = documents.get(uri);
    if (!document || !isMarkdown(document)) return { uri, path: '', stats: { characters: 0, sentences: 0, nonClaimSentences: 0, suppressedClaims: 0 }, notices: [], claims: [], typeTitles: {}, model: modelText, sarif: '', error: 'not an open Markdown document' };
    return service.auditFile(documentInput(document), modelText);
  });

  connection.onRequest(Methods.auditWorkspace, async (_params: unknown, token): Promise<AuditSummary> => {
    if (!workspaceFolder) return { files: 0, claims: 0, cancelled: false, error: 'no workspace folder is open' };
    return auditWorkspace(connection, service, workspaceFolder, documents.all().filter(isMarkdown).map(documentInput), token, docsUri);
  });

  connection.onShutdown(async () => {
    scheduler.stop();
    await service.dispose();
  });
  documents.listen(connection);
  return {
    async dispose() {
      await service.dispose();
    },
  };
}
