// Fault injection for the scoring worker: the real bundled worker, except that the thread exits
// (as a native crash or an out-of-memory kill would end it) on a score request while fewer than
// CLAIMFLOOR_CRASHES crashes are recorded in the CLAIMFLOOR_CRASH_LOG file. The log lives on disk
// because each restart is a new thread.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const log = process.env.CLAIMFLOOR_CRASH_LOG;
const crashes = () => (existsSync(log) ? readFileSync(log, 'utf8').length : 0);
parentPort.on('message', (message) => {
  if (message.kind === 'score' && crashes() < Number(process.env.CLAIMFLOOR_CRASHES)) {
    appendFileSync(log, 'x');
    process.exit(70);
  }
});
// Loaded synchronously so its own message listener is in place before the first message arrives.
createRequire(import.meta.url)(process.env.CLAIMFLOOR_REAL_WORKER);
