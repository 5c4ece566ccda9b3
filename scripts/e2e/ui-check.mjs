#!/usr/bin/env node
// scripts/e2e/ (adapted from the vscode-e2e recipe): ui-check.mjs — use a running code-server the way a person would:
// open a file, see squiggles, hover one, run a command from the Command Palette, read
// the notification. Writes screenshots + result.json to --out; exit 0 = all checks passed.
//
// Selectors (VS Code 1.139 web workbench; all stable class names used by VS Code's own
// smoke tests):
//   workbench ready        .monaco-workbench
//   squiggles              .monaco-editor .squiggly-error | .squiggly-warning | .squiggly-info | .squiggly-hint
//   hover card             .monaco-hover (visible, contains the hover text)
//   command palette        F1 -> .quick-input-widget ; rows .quick-input-list .monaco-list-row
//   notification toast     .notifications-toasts .notification-toast
//   notification center    .notifications-center .notification-list-item (bell: status bar)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, launchBrowser, remoteUri, workbenchUrl, stopwatch } from './common.mjs';

const usage = `usage: ui-check.mjs --url http://127.0.0.1:PORT --workspace ABS_DIR --file REL_PATH --out DIR
  [--squiggle any|error|warning|info|hint] [--hover-text TEXT] [--command "Palette title"]
  [--expect-notification TEXT] [--expect-report TEXT] [--expect-inert TEXT] [--dev-extension ABS_DIR] [--timeout SECONDS]`;
const a = parseArgs(process.argv.slice(2), {
  url: undefined, workspace: undefined, file: undefined, out: undefined,
  squiggle: 'any', 'hover-text': '', command: '', 'expect-notification': '', 'expect-report': '', 'expect-inert': '', 'dev-extension': '', timeout: '60',
}, usage);
const timeout = Number(a.timeout) * 1000;
const squiggleSel = a.squiggle === 'any'
  ? '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info'
  : `.monaco-editor .squiggly-${a.squiggle}`;

const payload = [['openFile', remoteUri(a.url, path.join(a.workspace, a.file))]];
// Dev mode: load the extension from its folder, like F5 (needs the server flag
// --vscode-option enable-smoke-test-driver; see run-demo.sh --dev).
if (a['dev-extension']) payload.push(['extensionDevelopmentPath', remoteUri(a.url, a['dev-extension'])]);

const elapsed = stopwatch();
const result = { checks: [], timings: {} };
const { browser, page } = await launchBrowser(a.out);
const shot = (name) => page.screenshot({ path: path.join(a.out, name) });

async function check(name, fn) {
  const t = Date.now();
  try {
    const detail = await fn();
    result.checks.push({ name, ok: true, seconds: (Date.now() - t) / 1000, detail });
    result.timings[name] = elapsed();
    console.log(`ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)${detail ? ` — ${detail}` : ''}`);
  } catch (err) {
    result.checks.push({ name, ok: false, error: String(err.message || err).split('\n')[0] });
    console.log(`FAIL ${name}: ${String(err.message || err).split('\n')[0]}`);
    await shot('failure.png').catch(() => {});
    throw err;
  }
}

let squiggle;
try {
  await check('workbench loads', async () => {
    const response = await page.goto(workbenchUrl(a.url, a.workspace, payload));
    if (!response.ok()) throw new Error(`workbench page answered HTTP ${response.status()}`);
    await page.locator('.monaco-workbench').waitFor({ timeout });
  });

  await check('squiggle appears', async () => {
    squiggle = page.locator(squiggleSel).first();
    await squiggle.waitFor({ timeout });
    const n = await page.locator(squiggleSel).count();
    const problems = await page.locator('#status\\.problems').getAttribute('aria-label').catch(() => null);
    await shot('squiggles.png');
    return `${n} squiggle(s)${problems ? `; status bar: ${problems}` : ''}`;
  });

  if (a['hover-text']) {
    await check('hover shows text', async () => {
      // The squiggle sits under the text layer, so hover by coordinates rather than
      // locator.hover() (which would complain that another element receives the event).
      const box = await squiggle.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover').filter({ hasText: a['hover-text'] });
      await hover.waitFor({ state: 'visible', timeout });
      await page.waitForTimeout(400); // let the fade-in finish before the screenshot
      await shot('hover.png');
      return (await hover.innerText()).replace(/\s+/g, ' ').slice(0, 120);
    });
    await page.mouse.move(5, 450);
    await page.keyboard.press('Escape');
  }

  if (a.command) {
    await check(`command palette runs "${a.command}"`, async () => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout });
      await page.keyboard.type(a.command);
      const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: a.command }).first();
      await row.waitFor({ state: 'visible', timeout });
      await shot('palette.png');
      await row.click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
    });
  }

  if (a['expect-notification']) {
    await check('notification shows', async () => {
      const text = a['expect-notification'];
      const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });
      try {
        // In dev mode toasts never show (see below): look only briefly.
        await toast.first().waitFor({ state: 'visible', timeout: a['dev-extension'] ? 1000 : Math.min(timeout, 10000) });
        return 'toast';
      } catch {
        // With the smoke-test driver (dev mode) VS Code routes notifications to the
        // Notification Center instead of toasts: open it from the status bar bell.
        await page.locator('#status\\.notifications .statusbar-item-label, #status\\.notifications').first().click();
        await page.locator('.notifications-center .notification-list-item').filter({ hasText: text })
          .first().waitFor({ state: 'visible', timeout });
        return 'notification center';
      }
    });
  }

  if (a['expect-report']) {
    await check('report webview shows', async () => {
      // A webview is an iframe inside an iframe; look through every frame for the text.
      const text = a['expect-report'];
      const deadline = Date.now() + timeout;
      for (;;) {
        // Only webview frames: the workbench itself may show the same words in a notification.
        for (const frame of page.frames().filter((f) => f !== page.mainFrame() && /webview/.test(f.url()))) {
          const body = await frame.locator('body').innerText({ timeout: 500 }).catch(() => '');
          if (body.includes(text)) {
            await page.waitForTimeout(500);
            await shot('report.png');
            return body.replace(/\s+/g, ' ').slice(0, 120);
          }
        }
        if (Date.now() > deadline) throw new Error(`no frame shows "${text}"`);
        await page.waitForTimeout(300);
      }
    });
  }

  if (a['expect-inert']) {
    await check('report shows hostile document text as text and runs none of it', async () => {
      // Run, the payloads would set body[data-pwned], or leave an <img src=x>, a script of theirs or a javascript: link in the DOM.
      for (const frame of page.frames().filter((f) => f !== page.mainFrame() && /webview/.test(f.url()))) {
        const body = await frame.locator('body').innerText({ timeout: 500 }).catch(() => '');
        if (!body.includes(a['expect-inert'])) continue;
        // Runs in the webview frame, where `document` is the report.
        /* global document */
        const found = await frame.evaluate(() => ({
          pwned: document.body.dataset.pwned ?? null,
          images: document.querySelectorAll('img[src="x"]').length,
          payloadScripts: [...document.scripts].filter((s) => s.textContent.includes('pwned')).length,
          javascriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
        }));
        if (found.pwned || found.images || found.payloadScripts || found.javascriptLinks) throw new Error(`hostile text took effect: ${JSON.stringify(found)}`);
        return `shown as text, nothing ran: ${JSON.stringify(found)}`;
      }
      throw new Error(`no report frame shows "${a['expect-inert']}" as text`);
    });
  }

  // One picture with everything at once: squiggles, hover card, notification.
  if (a['hover-text']) {
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.monaco-hover').filter({ hasText: a['hover-text'] }).waitFor({ state: 'visible', timeout }).catch(() => {});
    await page.waitForTimeout(400);
  }
  await shot('final.png');
} catch {
  // already reported by check()
} finally {
  result.seconds = elapsed();
  await browser.close();
}

const failed = result.checks.filter((c) => !c.ok).length;
fs.writeFileSync(path.join(a.out, 'result.json'), JSON.stringify(result, null, 2));
console.log(`ui-check: ${result.seconds}s total, screenshots in ${a.out}`);
console.log(`${result.checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
