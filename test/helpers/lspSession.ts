import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection as createServerConnection } from 'vscode-languageserver/node';
import {
  ConfigurationRequest,
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { Methods } from '../../protocol/claimFloorProtocol';
import { createServer } from '../../server/src/lsp/server';
import { InProcessService } from '../../server/src/service/inProcessService';

/** Polls `probe` every 100 ms until it returns a value (server state that arrives asynchronously). */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Settings for measuring and fuzzing: every change analysed at once, no model. */
export const IMMEDIATE_RULES_ONLY: Readonly<Record<string, unknown>> = Object.freeze({ run: 'onType', debounceMs: 0, model: { enabled: false } });

/**
 * A real language-server session driven by the protocol library VS Code uses: by default the
 * server constructed in this process over in-memory streams (`createServer` with the analysis
 * service on this thread); `{ bundle: true }` spawns the built dist/server.js over stdio, with its
 * analysis worker, as VS Code runs it.
 */
export class Session {
  readonly child?: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly stopServer?: () => void;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  settings: Record<string, unknown> = { run: 'onType', debounceMs: 50 };
  readonly progress: string[] = [];
  private waiters: Array<() => void> = [];

  constructor({ bundle = false }: { bundle?: boolean } = {}) {
    if (bundle) {
      this.child = spawn(process.execPath, [resolve('dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    } else {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      const server = createServerConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      createServer(server, {
        createService: (storageDir) => new InProcessService({ storageDir, gazetteerDir: resolve('dist'), scoringWorkerFile: resolve('dist/scoringWorker.js'), persistIndex: true }),
        docsDir: resolve('docs/claim-types'),
      });
      server.listen();
      this.connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
      this.stopServer = () => server.dispose();
    }
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, [...(this.diagnostics.get(p.uri) ?? []), p]);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.method, () => null);
    this.connection.onRequest(WorkDoneProgressCreateRequest.method, () => null);
    this.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      this.progress.push(p.value.kind);
    });
    for (const method of [Methods.modelState, Methods.indexState]) {
      this.connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
      });
    }
    this.connection.listen();
  }

  readonly notifications: Array<{ method: string; params: unknown }> = [];

  /** `initializationOptions` as the VS Code client sends them (the model storage folder). */
  async start(rootPath: string, initializationOptions?: object) {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      // In-process, no parent-process watchdog: it would keep the test process alive (and exit it).
      processId: this.child ? process.pid : null,
      rootUri: URI.file(rootPath).toString(),
      workspaceFolders: [{ uri: URI.file(rootPath).toString(), name: 'ws' }],
      initializationOptions,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Resolves with the first diagnostics for `uri` that satisfy `accept`. */
  async diagnosticsFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (this.diagnostics.get(uri) ?? []).find(accept);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(this.diagnostics.get(uri))}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  /** Shuts the server down as VS Code does (shutdown, exit), so its service and workers end; then closes the streams. */
  async stop() {
    await Promise.race([this.connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    this.connection.dispose();
    this.stopServer?.();
    this.child?.kill();
  }
}

