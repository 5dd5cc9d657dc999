// Launch Debian's Chromium through playwright-core (never a Playwright-downloaded browser).
//
// Why these flags: the machine has no internet, and without the background-networking flags Chromium
// keeps opening connections that the closed network refuses (slow starts, noisy logs). --no-sandbox is
// needed when running as root; --disable-dev-shm-usage avoids a small /dev/shm in containers.
// Why the env: Chromium writes to $XDG_CONFIG_HOME / $XDG_CACHE_HOME / $TMPDIR; keep that in the run folder.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './prereqs.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-quic',
];

/** Launch a headless Chromium whose private dirs live under `dir` (inside the run folder). */
export async function launchBrowser({ dir }) {
  for (const sub of ['xdg-config', 'xdg-cache', 'xdg-data', 'tmp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
      XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
      XDG_DATA_HOME: path.join(dir, 'xdg-data'),
      TMPDIR: path.join(dir, 'tmp'),
    },
    timeout: 60_000,
    // scripts/e2e.mjs tears down on signals itself (browser, code-server, summary line); Playwright's
    // own handlers would exit the process before that.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** A page with a fixed viewport, so screenshots are comparable between runs. */
export async function newPage(browser, { width = 1400, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  return context.newPage();
}

/** Take a screenshot without letting a failing screenshot hide the original failure. */
export async function safeScreenshot(page, file, log) {
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    log?.(`[screenshot] ${file}`);
    return file;
  } catch (e) {
    log?.(`[screenshot] could not save ${file}: ${e.message.split('\n')[0]}`);
    return null;
  }
}
