#!/usr/bin/env node
// scripts/e2e/ (adapted from the vscode-e2e recipe): ext-tests.mjs — run an extension's integration tests (the module you would give
// @vscode/test-electron as extensionTestsPath: it exports run(): Promise<void>) inside
// code-server's extension host, headless, and exit with the tests' exit code.
//
// How: the web workbench accepts the desktop flags extensionDevelopmentPath /
// extensionTestsPath through its URL "payload" (honoured only when the server runs with
// --vscode-option enable-smoke-test-driver). When the test runner settles, the workbench
// calls window.codeAutomationExit(code, logs), which we expose from Playwright.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, launchBrowser, remoteUri, workbenchUrl, stopwatch } from './common.mjs';

const usage = `usage: ext-tests.mjs --url http://127.0.0.1:PORT --ext ABS_DIR --tests ABS_FILE --out DIR
  [--workspace ABS_DIR] [--env JSON] [--timeout SECONDS] [--verbose]`;
const a = parseArgs(process.argv.slice(2), {
  url: undefined, ext: undefined, tests: undefined, out: undefined, workspace: '', env: '', timeout: '600',
  verbose: false,
}, usage);
// Workbench start-up chatter that is not the extension's; hidden unless --verbose (always
// kept in browser-console.log).
const noise = /^INFO (Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions|Ignoring fetching additional builtin extensions|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])|^The web worker extension host is started in a same-origin iframe/;

const payload = [
  ['extensionDevelopmentPath', remoteUri(a.url, a.ext)],
  ['extensionTestsPath', remoteUri(a.url, a.tests)],
];
if (a.env) payload.push(['extensionEnvironment', a.env]); // JSON object of env vars for the extension host

const elapsed = stopwatch();
let passing, failing;
const { browser, page, flushConsole } = await launchBrowser(a.out, (line) => {
  // Extension-host console output (e.g. Mocha's spec reporter) arrives here, mixed with a
  // few workbench log lines; everything also goes to browser-console.log.
  if (line.trim() && (a.verbose || !noise.test(line))) console.log(`  | ${line}`);
  const p = /^(?:INFO |ERR |WARN )?\s*(\d+) passing/.exec(line); if (p) passing = Number(p[1]);
  const f = /^(?:INFO |ERR |WARN )?\s*(\d+) failing/.exec(line); if (f) failing = Number(f[1]);
});

let resolveExit;
const exited = new Promise((r) => (resolveExit = r));
await page.exposeFunction('codeAutomationExit', (code, logs) => {
  for (const { relativePath, contents } of logs || []) {
    const file = path.join(a.out, 'logs', relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
  resolveExit(code);
});

const response = await page.goto(workbenchUrl(a.url, a.workspace || undefined, payload));
if (!response.ok()) resolveExit(`HTTP ${response.status()}`);
// Fail fast when the workbench does not even render (instead of waiting for --timeout).
page.locator('.monaco-workbench').waitFor({ timeout: 60000 }).catch(() => resolveExit('no workbench'));
const code = await Promise.race([
  exited,
  new Promise((r) => setTimeout(() => r('timeout'), Number(a.timeout) * 1000)),
]);
await flushConsole();
if (code !== 0) await page.screenshot({ path: path.join(a.out, 'failure.png') }).catch(() => {});
await browser.close();

console.log(`ext-tests: extension host exit code ${code} after ${elapsed()}s (logs in ${a.out})`);
if (passing !== undefined) console.log(`${passing} passed, ${failing ?? 0} failed`);
process.exit(code === 0 ? 0 : code === 'timeout' ? 124 : 1);
