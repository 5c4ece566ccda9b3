import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { WorkerService } from '../service/worker/workerService';
import { createServer } from './server';

/**
 * The language server process VS Code starts (dist/server.js): this thread speaks LSP, the
 * analysis runs in a worker thread (dist/analysisWorker.js) whose memory is bounded, so no document
 * can take the server down or keep it from answering.
 */
const connection = createConnection(ProposedFeatures.all);
createServer(connection, {
  createService: (storageDir) =>
    new WorkerService({
      workerFile: join(__dirname, 'analysisWorker.js'),
      data: { storageDir, gazetteerDir: __dirname, scoringWorkerFile: join(__dirname, 'scoringWorker.js'), persistIndex: true },
      maxHeapMb: 3072,
    }),
  docsDir: join(__dirname, '..', 'docs', 'claim-types'),
});
connection.listen();
