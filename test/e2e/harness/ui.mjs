// UI stage: drive the real workbench (with the packaged .vsix installed) from Chromium.
//
// Each test/e2e/ui/*.ui.mjs module exports `default async function (ctx)` and throws on failure.
// ctx = { page, baseUrl, workspace, screenshotsDir, log }. The harness opens the workbench on the
// workspace and waits until the explorer shows it before calling the test, so tests start from a
// loaded window. Tests share one code-server (and its user data) and run in file-name order.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newPage, safeScreenshot } from './browser.mjs';
import { dumpServerLogs } from './inhost.mjs';
import { notificationsText, waitForWorkbench } from './workbench.mjs';

export function listUiTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ui.mjs')).sort().map((f) => path.join(dir, f));
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} did not finish within ${ms / 1000} s`), { timedOut: true })), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

/** Runs every UI test; returns [{ name, ok, ms, error, aborted? }]. */
export async function runUiTests({ browser, server, files, workspace, screenshotsDir, extensionId, perTestTimeoutMs = 180_000, log }) {
  const results = [];
  for (const file of files) {
    const name = path.basename(file, '.ui.mjs');
    const t0 = Date.now();
    const page = await newPage(browser);
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    let error = null;
    try {
      const mod = await import(pathToFileURL(file).href);
      if (typeof mod.default !== 'function') throw new Error(`${file} must export a default async function (ctx)`);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
      await waitForWorkbench(page);
      const ctx = {
        page,
        baseUrl: server.url,
        workspace,
        screenshotsDir,
        log: (...a) => log(`  [${name}]`, ...a),
      };
      await withTimeout(mod.default(ctx), perTestTimeoutMs, `UI test ${name}`);
    } catch (e) {
      error = e;
    }
    const ms = Date.now() - t0;
    if (error && (!browser.isConnected() || page.isClosed())) {
      // Torn down underneath us (SIGINT/SIGTERM): not a test result worth a screenshot or a stack.
      results.push({ name, ok: false, aborted: true, ms, error });
      log(`✗ ui: ${name} (browser closed by teardown)`);
      break;
    }
    if (error) {
      // Make the failure explain itself: an extension that failed to activate says so in a toast.
      const toasts = await notificationsText(page);
      const activation = toasts.split('\n').find((l) => /activat/i.test(l) && (!extensionId || l.toLowerCase().includes(extensionId.split('.').pop())));
      await safeScreenshot(page, path.join(screenshotsDir, `${name}-failure.png`), log);
      log(`✗ ui: ${name} (${(ms / 1000).toFixed(1)} s)\n    ${String(error.stack || error).split('\n').slice(0, 6).join('\n    ')}`);
      if (activation) log(`    workbench notification: ${activation.trim()}`);
      if (pageErrors.length) log(`    page errors: ${pageErrors.slice(0, 5).join(' | ')}`);
      if (error.timedOut) dumpServerLogs(server, log);
    } else {
      log(`✓ ui: ${name} (${(ms / 1000).toFixed(1)} s)`);
    }
    results.push({ name, ok: !error, ms, error });
    await page.context().close().catch(() => {});
  }
  return results;
}
