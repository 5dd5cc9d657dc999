// In-host stage: run the mocha suite INSIDE code-server's real extension host.
//
// This is how microsoft/vscode runs its own browser integration tests: the workbench URL carries a
// `payload` with extensionDevelopmentPath + extensionTestsPath. With the smoke-test driver enabled
// (code-server --vscode-option enable-smoke-test-driver) the workbench loads the extension under
// development, requires the tests module in the extension host, awaits its run(), and reports the
// test output through window.codeAutomationLog and the result through window.codeAutomationExit.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { newPage, safeScreenshot } from './browser.mjs';
import { tail } from './code-server.mjs';

// Lines that are expected on this offline machine and say nothing about the extension.
// (github auth: the built-in GitHub extension never registers offline; the lifecycle lines are the
// web workbench complaining about its own shutdown after the tests.)
// (`Canceled: Canceled`: the web workbench now and then logs a request it cancelled itself, at startup.)
const LOG_NOISE = /^Canceled: Canceled|open-vsx\.org|Resolv|Creating a socket|reconnection-grace-time|AccountPolicyGate|AgentHost|Service Worker|builtin extensions cache|authentication provider 'github'|Long running operations during shutdown|^Creation of workbench contribution/;
const CONSOLE_NOISE = /Canceled: Canceled|open-vsx\.org|Failed to load resource|vsda|marketplace|gallery|authentication provider 'github'|Long running operations during shutdown/i;

/** Marker printed by test/e2e/suite/index.ts when the extension under test does not activate. */
export const ACTIVATION_FAILED_MARKER = '[qmskit-e2e] ACTIVATION FAILED';

/**
 * A test asks for a screenshot of the workbench as it is by printing `[qmskit-e2e] screenshot NAME`
 * (letters, digits, `-`, `_`); the harness saves `<screenshots>/NAME.png` (written under another name
 * and renamed, so the file appears complete) and the test waits for the file: the extension host
 * cannot see the browser, and a screenshot after the run shows a workbench whose host has gone.
 * The folder reaches the tests as $QMS_E2E_SCREENSHOTS.
 */
const SCREENSHOT_REQUEST = /^\[qmskit-e2e\] screenshot ([\w-]+)$/;

/** Newest remote extension host log under the code-server user-data dir (activation errors land there). */
function findExtHostLog(dataDir) {
  const logs = path.join(dataDir, 'user-data', 'logs');
  let best = null;
  const walk = (d) => {
    let ents = [];
    try { ents = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of ents) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost\.log$/i.test(e.name)) {
        const m = fs.statSync(p).mtimeMs;
        if (!best || m > best.m) best = { p, m };
      }
    }
  };
  walk(logs);
  return best && best.p;
}

/** Print what a person needs to see when a stage hangs: server log tail, extension host log tail. */
export function dumpServerLogs(server, log, n = 50) {
  log(`---- last ${n} lines of ${server.logFile} ----\n${tail(server.logFile, n)}\n---- end ----`);
  const ext = findExtHostLog(server.dataDir);
  if (ext) log(`---- last ${n} lines of ${ext} ----\n${tail(ext, n)}\n---- end ----`);
}

/** If the extension started activating but tests never started, say so: activate() never returned. */
function activationHint(server, extensionId) {
  const ext = extensionId && findExtHostLog(server.dataDir);
  if (!ext) return null;
  const text = fs.readFileSync(ext, 'utf8');
  const start = text.split('\n').find((l) => l.includes(`_doActivateExtension ${extensionId}`));
  if (!start) return `the extension host log never mentions activating ${extensionId} (see its log below)`;
  return `${extensionId} began activating (${start.trim().slice(0, 19)}; ${start.split(', ').slice(1).join(', ').trim()}) and the tests never started: its activate() probably never settles (the host runs tests only after startup activations finish)`;
}

/** vscode-remote URI for a path on the code-server host (the authority is the host:port the browser uses). */
export function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${path.resolve(absPath)}`;
}

/**
 * Run the suite. Returns { code, passed, failed, pending, activationFailed, timedOut, ms }.
 * `code` is the extension host's exit code (0 = all tests passed), 124 on timeout.
 */
export async function runInHost({
  browser, server, extensionPath, testsPath, workspace, screenshotsDir, extensionEnv = {}, extensionId,
  timeoutMs = 240_000, startTimeoutMs = 90_000, log,
  // Failure screenshots are named <shotPrefix>-failure.png / <shotPrefix>-timeout.png.
  shotPrefix = 'inhost',
  // Where the suite's output goes (runs in parallel buffer theirs).
  print = (type, text) => (type === 'error' ? console.error : console.log)(text),
  // Each line of the suite's output as it arrives (the caller watches for the activation gate).
  onLine = () => {},
}) {
  const t0 = Date.now();
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
    ['extensionTestsPath', remoteUri(server, testsPath)],
    ['skipWelcome', 'true'],
    ['extensionEnvironment', JSON.stringify(extensionEnv)],
  ];
  const page = await newPage(browser, { width: 1200, height: 800 });
  const lines = [];
  // Workbench console errors matter most before the suite starts (a wrong tests path, a rejected
  // payload only show up there). Once test output flows, the extension host's own errors arrive
  // twice (test output and console), and after exit the web workbench logs its shutdown: so they
  // are printed only until the first test output, kept for the timeout report, and dropped after exit.
  const workbenchErrors = [];
  let testsStarted = false;
  let exited = false;
  let screenshots = Promise.resolve();
  let finish;
  const finished = new Promise((r) => (finish = (v) => { exited = true; r(v); }));

  // Must be exposed before goto: the workbench looks for them while it boots.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // The args keep printf placeholders (mocha's spec reporter uses %s / %d), so format them here.
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    if (exited && !process.env.VERBOSE) return;
    const shot = SCREENSHOT_REQUEST.exec(text.trim());
    if (shot) {
      screenshots = screenshots.then(async () => {
        const file = path.join(screenshotsDir, `${shot[1]}.png`);
        const partial = path.join(screenshotsDir, `.${shot[1]}.partial.png`);
        if (await safeScreenshot(page, partial)) {
          fs.renameSync(partial, file);
          log(`[screenshot] ${file}`);
        }
      });
      return;
    }
    for (const line of text.split('\n')) {
      lines.push(line);
      onLine(line);
    }
    if (!process.env.VERBOSE && LOG_NOISE.test(text)) return;
    testsStarted = true;
    print(type, text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code) }));
  page.on('pageerror', (e) => { if (!exited) log(`[pageerror] ${e.message}`); });
  page.on('console', (m) => {
    if (process.env.VERBOSE) return log(`[browser-console] ${m.type()} ${m.text()}`);
    if (exited || m.type() !== 'error' || CONSOLE_NOISE.test(m.text())) return;
    const first = m.text().replace(/%c|color: #\w+|font-weight: \w+/g, '').replace(/^\s*ERR\s*/, '').trim().split('\n')[0];
    if (!first || workbenchErrors[workbenchErrors.length - 1] === first) return; // often logged twice
    workbenchErrors.push(first);
    if (!testsStarted) log(`[workbench error] ${first}`);
  });
  page.on('crash', () => finish({ code: 1, crashed: true }));
  page.on('close', () => finish({ code: 1, closed: true }));

  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timer = setTimeout(() => finish({ code: 124, timedOut: true }), timeoutMs);
  let res;
  try {
    await page.goto(url, { timeout: 60_000 });
    log(`[inhost] workbench loaded in ${Date.now() - t0} ms; tests running in the extension host...`);
    // The extension host starts the tests only after the extensions activated at startup
    // (workspaceContains:, *) have finished activating, so an activate() that never returns shows up
    // as a suite that never starts. Give up on that sooner than the global timeout.
    const startWatch = setInterval(() => {
      if (!testsStarted && Date.now() - t0 > startTimeoutMs) finish({ code: 124, timedOut: true, neverStarted: true });
    }, 1000);
    res = await finished;
    clearInterval(startWatch);
  } catch (e) {
    res = { code: 1, error: e };
  } finally {
    clearTimeout(timer);
  }

  await screenshots;
  if (res.code !== 0) await safeScreenshot(page, path.join(screenshotsDir, `${shotPrefix}-${res.timedOut ? 'timeout' : 'failure'}.png`), log);
  if (res.neverStarted) {
    log(`[inhost] TIMEOUT: the test suite printed nothing within ${startTimeoutMs / 1000} s of opening the workbench`);
    const hint = activationHint(server, extensionId);
    if (hint) log(`[inhost] ${hint}`);
  } else if (res.timedOut) {
    log(`[inhost] TIMEOUT: the suite did not finish within ${timeoutMs / 1000} s (is run() resolving? is a test waiting forever?)`);
  }
  if (res.timedOut) {
    if (workbenchErrors.length) log(`---- workbench errors (last 20) ----\n${workbenchErrors.slice(-20).join('\n')}\n---- end ----`);
    dumpServerLogs(server, log);
  }
  if (res.error) log(`[inhost] could not run the suite: ${res.error.message}`);
  if (res.crashed) log('[inhost] the browser page crashed');
  await page.context().close().catch(() => {});

  // Mocha's spec reporter ends with "N passing", "M failing", "K pending".
  const count = (word) => {
    let n = 0;
    for (const l of lines) {
      const m = l.match(new RegExp(`^\\s*(\\d+) ${word}\\b`));
      if (m) n = Number(m[1]);
    }
    return n;
  };
  const activationFailed = lines.some((l) => l.includes(ACTIVATION_FAILED_MARKER));
  const out = {
    code: res.code,
    passed: count('passing'),
    failed: count('failing'),
    pending: count('pending'),
    activationFailed,
    timedOut: !!res.timedOut,
    ms: Date.now() - t0,
  };
  log(`[inhost] extension host exit code ${out.code}: ${out.passed} passing, ${out.failed} failing, ${out.pending} pending (${(out.ms / 1000).toFixed(1)} s)`);
  return out;
}
