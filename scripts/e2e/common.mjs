// scripts/e2e/ (adapted from the vscode-e2e recipe): common.mjs — helpers shared by ui-check.mjs and ext-tests.mjs.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';

// playwright-core is installed by install.sh under $E2E_TOOLS_DIR (never downloads a browser).
const toolsDir = process.env.E2E_TOOLS_DIR || '/opt/vscode-e2e/tools';
export const { chromium } = createRequire(path.join(toolsDir, 'package.json'))('playwright-core');

// "--key value" / "--flag" parser. spec: { key: default }; a default of true/false marks a flag.
export function parseArgs(argv, spec, usage) {
  const out = { ...spec };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !(key in spec)) fail(`unknown argument ${argv[i]}\n${usage}`);
    out[key] = typeof spec[key] === 'boolean' ? true : argv[++i];
  }
  for (const [k, v] of Object.entries(out)) if (v === undefined) fail(`missing --${k}\n${usage}`);
  return out;
}

export function fail(message) {
  console.error(message);
  process.exit(2);
}

// Folder/file on the code-server machine as the URI the web workbench expects. The
// authority must be the host:port the page was loaded from.
export function remoteUri(serverUrl, absPath) {
  return `vscode-remote://${new URL(serverUrl).host}${encodeURI(absPath)}`;
}

// URL that opens `folder` (or an empty window) and passes a VS Code "payload": the web
// workbench's equivalent of desktop CLI flags such as --extensionDevelopmentPath.
export function workbenchUrl(serverUrl, folder, payload) {
  const u = new URL(serverUrl);
  if (folder) u.searchParams.set('folder', folder); else u.searchParams.set('ew', 'true');
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

// VS Code logs to the browser console as ('%c INFO', 'color: ...', message, ...args) and the
// extension host's console.log arrives the same way; rebuild the plain text line.
function formatConsoleArgs(values) {
  if (typeof values[0] === 'string' && values[0].startsWith('%c')) {
    const n = (values[0].match(/%c/g) || []).length;
    const head = util.format(values[0], ...values.slice(1, 1 + n)).trim();
    const rest = values.slice(1 + n);
    return `${head} ${rest.length ? util.format(...rest) : ''}`.trim();
  }
  return util.format(...values);
}

export async function launchBrowser(outDir, onConsoleLine) {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // No sandbox (root), no GPU, and none of Chromium's own background traffic (the
    // network is closed: without these flags it keeps trying and failing).
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Keep the page on loopback: abort anything that is not the local code-server
  // (code-server's telemetry endpoint, Open VSX, CDN fonts...).
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  const log = fs.createWriteStream(path.join(outDir, 'browser-console.log'));
  let chain = Promise.resolve(); // keep console lines in order
  page.on('console', (msg) => {
    chain = chain.then(async () => {
      let values;
      try { values = await Promise.all(msg.args().map((a) => a.jsonValue())); } catch { values = [msg.text()]; }
      const line = formatConsoleArgs(values);
      log.write(`[${msg.type()}] ${line}\n`);
      onConsoleLine?.(line, msg.type());
    }).catch(() => {});
  });
  page.on('pageerror', (err) => log.write(`[pageerror] ${err.stack || err}\n`));
  return { browser, context, page, flushConsole: () => chain };
}

export function stopwatch() {
  const t0 = Date.now();
  return () => Number(((Date.now() - t0) / 1000).toFixed(1));
}
