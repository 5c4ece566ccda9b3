import { join } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  type Hover,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { FileResult } from '../output/fileResult';
import { claimRecord } from '../output/claimRecord';
import { formatSarif } from '../output/sarif';
import { CLAIM_TYPE_TABLE, CLAIM_TYPES } from '../engine';
import { codeActionsFor, claimIdOf } from './codeActions';
import { squiggleSpan, toDiagnostics } from './diagnostics';
import { type AnalysedDocument, DocumentAnalyzer } from './documentAnalyzer';
import { hoverMarkdown } from './hover';
import { auditWorkspace } from './workspaceAudit';
import { DEFAULT_SETTINGS, type EditorSettings, readSettings } from './settings';
import { ModelHost, type ModelState } from './modelHost';
import { CorpusHost } from './corpusHost';
import { modelReport } from '../output/modelReport';

// Server-side command ids; the client's palette commands ("claimfloor.auditFile", …) call these.
export const AUDIT_FILE_COMMAND = 'claimfloor.server.auditFile';
export const AUDIT_WORKSPACE_COMMAND = 'claimfloor.server.auditWorkspace';
/** Server → client: the language model's state, for the status bar. */
export const MODEL_STATE_NOTIFICATION = 'claimfloor/modelState';
/** Server → client: the workspace index's state ("1,234 files indexed"), for the status bar. */
export const CORPUS_STATE_NOTIFICATION = 'claimfloor/corpusState';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyzer = new DocumentAnalyzer();
const timers = new Map<string, NodeJS.Timeout>();
let settings: EditorSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;
let workspaceFolder: string | undefined;
let models: ModelHost | undefined;
let corpus: CorpusHost | undefined;
let workspaceRoots: string[] = [];
/** Per document: the version whose unscored sentences are being scored, and how to cancel that. */
const scoring = new Map<string, { version: number; controller: AbortController }>();

/** One line for the hover and the report: why there is no model, or which one is loading. */
function modelStatusText(state: ModelState | undefined): string {
  if (!state) return 'rules only';
  switch (state.state) {
    case 'ready':
      return state.model.identity.name;
    case 'loading':
      return `the model is ${state.detail}`;
    default:
      return `rules only: ${state.reason}`;
  }
}

const docsUri = (type: string) => URI.file(join(__dirname, '..', 'docs', 'claim-types', `${type}.md`)).toString();

function publish(result: AnalysedDocument): void {
  // Documents that are not open (workspace audit) carry no version.
  const version = documents.get(result.uri) ? result.version : undefined;
  const thresholdOf = (type: keyof AnalysedDocument['config']['types']) => result.config.types[type].threshold;
  void connection.sendDiagnostics({ uri: result.uri, version, diagnostics: toDiagnostics(result.analysis, result.lines, thresholdOf, docsUri) });
}

function fsPathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

function analyseNow(uri: string): AnalysedDocument | undefined {
  const document = documents.get(uri);
  if (!document || document.languageId !== 'markdown') return undefined;
  try {
    const result = analyzer.analyse(uri, document.version, document.getText(), settings, models?.ready, corpus?.contextFor(fsPathOf(uri)));
    // A newer edit arrived while this ran: its own run will publish.
    if (documents.get(uri)?.version === result.version) publish(result);
    scoreInBackground(result);
    return result;
  } catch (error) {
    connection.console.error(`ClaimFloor could not analyse ${uri}: ${(error as Error).stack ?? error}`);
    return undefined;
  }
}

/**
 * Sends the sentences the model has not seen to the scoring worker, then analyses again with their
 * scores. A newer version cancels the older request, so stale scores are never published.
 */
function scoreInBackground(result: AnalysedDocument): void {
  const model = models?.ready;
  const running = scoring.get(result.uri);
  if (!model || result.unscored.length === 0 || running?.version === result.version) return;
  running?.controller.abort();
  const controller = new AbortController();
  scoring.set(result.uri, { version: result.version, controller });
  model
    .scores(result.unscored, controller.signal)
    .then(() => {
      if (documents.get(result.uri)?.version === result.version) analyseNow(result.uri);
    })
    .catch((error: Error) => {
      if (error.name !== 'AbortError') connection.console.warn(`ClaimFloor: scoring ${result.uri} failed: ${error.message}`);
    });
}

/** Debounced analysis: every edit restarts the timer, so stale work never starts. */
function schedule(uri: string): void {
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      analyseNow(uri);
    }, settings.debounceMs),
  );
}

function reanalyseOpenDocuments(): void {
  for (const document of documents.all()) if (settings.run !== 'manual') analyseNow(document.uri);
}

/** False until the editor's settings were first read: a document opened before then waits for them, not for the defaults. */
let settingsRead = false;

async function refreshSettings(): Promise<void> {
  const indexed = JSON.stringify([settings.sources, settings.maxFileChars]);
  const first = !settingsRead;
  try {
    if (canPullConfiguration) settings = readSettings(await connection.workspace.getConfiguration('claimFloor'));
  } catch (error) {
    connection.console.warn(`ClaimFloor: could not read settings, using the defaults: ${String(error)}`);
  }
  settingsRead = true;
  // The user's own source folders and the per-file cap decide what the index reads.
  if (first || JSON.stringify([settings.sources, settings.maxFileChars]) !== indexed) indexWorkspace();
  reanalyseOpenDocuments();
  // Loading the model never delays the rules-only diagnostics published above.
  await models?.configure(settings.model);
}

function createModelHost(storageDir: string | undefined): ModelHost {
  return new ModelHost(storageDir, join(__dirname, 'scoringWorker.js'), {
    onState(state) {
      void connection.sendNotification(MODEL_STATE_NOTIFICATION, { state: state.state, text: modelStatusText(state) });
      // Results must never show evidence from a model that is no longer loaded, or miss a new one's.
      reanalyseOpenDocuments();
    },
    async beginDownload(controller) {
      const progress = await connection.window.createWorkDoneProgress();
      progress.token.onCancellationRequested(() => controller.abort());
      progress.begin('ClaimFloor: downloading the language model', 0, 'starting', true);
      return {
        report: ({ receivedBytes, totalBytes }) => progress.report(Math.floor((100 * receivedBytes) / totalBytes), `${(receivedBytes / 1e6).toFixed(1)} of ${(totalBytes / 1e6).toFixed(1)} MB`),
        done: () => progress.done(),
      };
    },
    log: (message) => connection.console.warn(message),
  });
}

function createCorpusHost(storageDir: string | undefined): CorpusHost {
  return new CorpusHost(storageDir, __dirname, {
    onChanged(state) {
      void connection.sendNotification(CORPUS_STATE_NOTIFICATION, { text: state });
      reanalyseOpenDocuments();
    },
    async beginProgress() {
      const progress = await connection.window.createWorkDoneProgress();
      progress.begin('ClaimFloor: indexing the workspace', 0, 'listing files', false);
      return { report: (done, total) => progress.report(Math.floor((100 * done) / total), `${done} of ${total} files`), done: () => progress.done() };
    },
    log: (message) => connection.console.warn(message),
  });
}

/** Builds the workspace index in the background with the first root's configuration (sources, ignore, limits). */
function indexWorkspace(): void {
  if (!corpus || workspaceRoots.length === 0) return;
  const { config } = analyzer.configFor(URI.file(join(workspaceRoots[0], 'index.md')).toString());
  corpus.start(workspaceRoots, config, settings).catch((error: Error) => connection.console.error(`ClaimFloor: the workspace index could not be built: ${error.stack ?? error.message}`));
}

connection.onInitialize((params) => {
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  workspaceFolder = folder ? URI.parse(folder).fsPath : undefined;
  const storage = (params.initializationOptions as { storagePath?: unknown } | undefined)?.storagePath;
  models = createModelHost(typeof storage === 'string' ? storage : undefined);
  workspaceRoots = (params.workspaceFolders?.map((f) => f.uri) ?? (folder ? [folder] : [])).map((u) => URI.parse(u).fsPath);
  corpus = createCorpusHost(typeof storage === 'string' ? storage : undefined);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [AUDIT_FILE_COMMAND, AUDIT_WORKSPACE_COMMAND] },
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
  const configChanged = changes.some((c) => /\.claimfloor\.jsonc?$/.test(c.uri) || /(^|\/)\.gitignore$/.test(c.uri));
  if (configChanged) {
    analyzer.reloadConfig();
    for (const document of documents.all()) analyseNow(document.uri);
    // Sources, ignore globs and limits may have changed: list the files again (unchanged ones are reused).
    indexWorkspace();
    return;
  }
  corpus?.fileChanged(
    changes.flatMap((c) => {
      const path = fsPathOf(c.uri);
      return path ? [{ path, deleted: c.type === FileChangeType.Deleted }] : [];
    }),
  );
});

/** Documents whose open is being handled: the content event that follows an open is not an edit to analyse again. */
const opening = new Set<string>();

documents.onDidOpen((e) => {
  opening.add(e.document.uri);
  if (settingsRead && settings.run !== 'manual') analyseNow(e.document.uri);
});
documents.onDidChangeContent((e) => {
  if (opening.delete(e.document.uri)) return;
  if (settingsRead && settings.run === 'onType') schedule(e.document.uri);
});
documents.onDidSave((e) => {
  if (settings.run === 'onSave') analyseNow(e.document.uri);
});
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  scoring.get(e.document.uri)?.controller.abort();
  scoring.delete(e.document.uri);
  analyzer.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/**
 * The analysis matching the document as it is now: a hover or quick fix during the debounce window
 * must not use offsets from an older text (the paragraph cache keeps this cheap).
 */
function currentAnalysis(uri: string): AnalysedDocument | undefined {
  const latest = analyzer.latest.get(uri);
  const open = documents.get(uri);
  if (latest && open && latest.version !== open.version) return analyseNow(uri);
  return latest;
}

connection.onHover((params): Hover | undefined => {
  const result = currentAnalysis(params.textDocument.uri);
  if (!result) return undefined;
  const offset = result.lines.offsetAt(params.position);
  const hit = result.analysis.claims.find((c) => {
    const span = squiggleSpan(c);
    return offset >= span.start && offset <= span.end;
  });
  if (!hit) return undefined;
  const span = squiggleSpan(hit);
  return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(hit, result.config.types[hit.type].threshold, modelStatusText(models?.state)) }, range: result.lines.rangeOf(span.start, span.end) };
});

connection.onCodeAction((params) => {
  const result = currentAnalysis(params.textDocument.uri);
  if (!result) return [];
  return params.context.diagnostics.flatMap((diagnostic) => {
    const claim = result.analysis.claims.find((c) => c.id === claimIdOf(diagnostic));
    if (!claim) return [];
    return codeActionsFor({ uri: result.uri, text: result.text, lines: result.lines, claim, diagnostic, configFile: analyzer.configFileFor(result.uri), workspaceFolder });
  });
});

connection.onExecuteCommand(async (params, token) => {
  if (params.command === AUDIT_WORKSPACE_COMMAND) {
    if (!workspaceFolder) return { error: 'no workspace folder is open' };
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('ClaimFloor: auditing claims', 0, 'finding Markdown files', true);
    const summary = await auditWorkspace(
      workspaceFolder,
      analyzer,
      settings,
      (uri) => {
        const open = documents.get(uri);
        return open && { version: open.version, text: open.getText() };
      },
      publish,
      {
        report: (done, total, path) => progress.report(Math.round((100 * done) / Math.max(total, 1)), `${done}/${total} ${path}`),
        get cancelled() {
          return token.isCancellationRequested || progress.token.isCancellationRequested;
        },
      },
    );
    progress.done();
    return summary;
  }
  if (params.command !== AUDIT_FILE_COMMAND) return undefined;
  const uri = String(params.arguments?.[0] ?? '');
  const result = analyseNow(uri);
  if (!result) return { uri, error: 'not an open Markdown document' };
  const path = URI.parse(uri).fsPath;
  const file: FileResult = { path, config: result.config, analysis: result.analysis, findings: result.analysis.claims };
  return {
    uri,
    path,
    stats: result.analysis.stats,
    notices: result.analysis.notices,
    claims: result.analysis.claims.map((c) => claimRecord(c, result.config.types[c.type].threshold)),
    typeTitles: Object.fromEntries(CLAIM_TYPES.map((t) => [t, CLAIM_TYPE_TABLE[t].title])),
    model: modelStatusText(models?.state),
    sarif: formatSarif([file], { model: models?.state.state === 'ready' ? modelReport(models.state) : { used: false, reason: modelStatusText(models?.state) } }),
  };
});

connection.onShutdown(() => {
  corpus?.dispose();
  return models?.dispose();
});

documents.listen(connection);
connection.listen();
