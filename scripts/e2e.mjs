#!/usr/bin/env node
// End-to-end tests of the QMS Kit extension in a real VS Code (code-server) driven by Debian Chromium.
//
//   node scripts/e2e.mjs [--inhost] [--vi] [--ui] [--keep]      (no stage flag = every stage)
//
// Stage "inhost": the mocha suite (test/e2e/suite/*.test.ts) runs inside the real extension host with
//   the extension loaded from its development folder (the project root, or $QMS_E2E_EXTENSION_PATH);
//   then a second in-host run with the display language set to Vietnamese (code-server --locale vi)
//   runs test/e2e/suite/*.test.vi.ts, and only those, on its own copy of the workspace.
// Stage "ui": the extension is packaged (vsce) and installed into code-server, and each
//   test/e2e/ui/*.ui.mjs drives the workbench in Chromium and saves screenshots.
// The last line is `e2e: N passed, M failed`; the exit code is 0 only when everything passed.
// See test/e2e/README.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePrereqs } from '../test/e2e/harness/prereqs.mjs';
import { installExtension, killGroup, reapStragglers, startCodeServer } from '../test/e2e/harness/code-server.mjs';
import { launchBrowser } from '../test/e2e/harness/browser.mjs';
import { ACTIVATION_FAILED_MARKER, runInHost } from '../test/e2e/harness/inhost.mjs';
import { registerStubLanguagePack } from '../test/e2e/harness/language-pack.mjs';
import { listUiTests, runUiTests } from '../test/e2e/harness/ui.mjs';
import { buildSuite } from '../test/e2e/harness/suite-build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_ID = 'qmskit.qmskit';
const SUITE_OUT = path.join(ROOT, 'out', 'e2e', 'suite');
const UI_DIR = path.join(ROOT, 'test', 'e2e', 'ui');
const RESULTS_SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e-screenshots');
const INHOST_TIMEOUT_MS = Number(process.env.QMS_E2E_TIMEOUT || 240) * 1000;

const log = (...a) => console.log(...a);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------- arguments ----------
const argv = process.argv.slice(2);
const known = new Set(['--ui', '--inhost', '--vi', '--keep', '--help', '-h']);
const unknown = argv.filter((a) => !known.has(a));
if (argv.includes('--help') || argv.includes('-h') || unknown.length) {
  if (unknown.length) console.error(`unknown option(s): ${unknown.join(' ')}`);
  console.log('usage: node scripts/e2e.mjs [--inhost] [--vi] [--ui] [--keep]\n  no stage flag runs every stage; --inhost runs both in-host runs (English, then Vietnamese), --vi only the Vietnamese one;\n  --keep keeps the run folder (it is also kept on failure)');
  process.exit(unknown.length ? 2 : 0);
}
const stageFlags = ['--inhost', '--vi', '--ui'].filter((f) => argv.includes(f));
const wantInHost = argv.includes('--inhost') || !stageFlags.length;
const wantVi = argv.includes('--vi') || wantInHost;
const wantUi = argv.includes('--ui') || !stageFlags.length;
const keep = argv.includes('--keep');

// ---------- run state, torn down in one place ----------
const state = { runDir: null, browser: null, servers: new Set(), passed: 0, failed: 0, failures: [] };
const pass = (n = 1) => { state.passed += n; };
const fail = (what, n = 1) => { state.failed += n; state.failures.push(what); };

/** Run a child process, streaming its output prefixed; resolves { code, output }. */
function runCommand(cmd, args, { cwd, env, prefix, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: env || process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const onData = (d) => {
      output += d;
      if (process.env.VERBOSE) process.stdout.write(String(d).replace(/^(?=.)/gm, prefix || ''));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => { output += `\n(timed out after ${timeoutMs / 1000} s)`; killGroup(child.pid); }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: 127, output: output + String(e) }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code: code ?? 1, output }); });
  });
}

/** Read and check the extension's manifest, so a missing build fails with a sentence, not a timeout. */
function checkExtension(extPath) {
  const manifestFile = path.join(extPath, 'package.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`no package.json in extension path ${extPath}`);
  const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const id = `${m.publisher}.${m.name}`;
  if (id !== EXTENSION_ID) throw new Error(`${manifestFile}: extension id is "${id}", the tests expect "${EXTENSION_ID}"`);
  if (!m.main && !m.browser) throw new Error(`${manifestFile} has no "main": the extension is not wired up yet`);
  if (m.main) {
    const main = path.resolve(extPath, m.main);
    const candidates = [main, `${main}.js`, path.join(main, 'index.js')];
    if (!candidates.some((c) => fs.existsSync(c))) throw new Error(`extension entry ${m.main} (package.json "main") does not exist in ${extPath} — is it built?`);
  }
  return m;
}

/** The workspace the tests open, copied into the run folder so tests may modify it freely. */
function copyWorkspace(runDir, folder = 'ws') {
  const fromEnv = process.env.QMS_E2E_WORKSPACE && path.resolve(process.env.QMS_E2E_WORKSPACE);
  const banChqs = path.join(ROOT, 'examples', 'ban-chqs');
  const src = fromEnv || (fs.existsSync(path.join(banChqs, 'qms.yaml')) ? banChqs : path.join(ROOT, 'test', 'e2e', 'fixtures', 'mini'));
  if (!fs.existsSync(path.join(src, 'qms.yaml'))) throw new Error(`workspace ${src} has no qms.yaml`);
  const dest = path.join(runDir, folder, path.basename(src));
  fs.cpSync(src, dest, { recursive: true, filter: (p) => !/[\\/](\.git|node_modules)$/.test(p) });
  log(`[workspace] ${path.relative(ROOT, src) || src} -> ${dest}`);
  return dest;
}

let browserLaunch = null;
async function getBrowser() {
  // One browser, even when two stages ask at once.
  browserLaunch ||= launchBrowser({ dir: path.join(state.runDir, 'browser') }).then((b) => (state.browser = b));
  return browserLaunch;
}

async function startServer(name, extraArgs, prereqs, logTo = log, niceness = 0) {
  const server = await startCodeServer({ prereqs, dataDir: path.join(state.runDir, name), extraArgs, log: logTo, niceness });
  state.servers.add(server);
  return server;
}

async function stopServer(server) {
  state.servers.delete(server);
  await server.stop();
}

// ---------- stages ----------
/**
 * One in-host run. The Vietnamese run (`locale: 'vi'`) registers a stub Vietnamese language pack and
 * starts code-server with `--locale vi`, so the extension host runs with the display language
 * Vietnamese (`vscode.env.language` is `vi`; the extension's package.nls.vi.json and l10n bundle
 * apply), and runs the *.test.vi.ts suite.
 */
async function inHostStage({ prereqs, extPath, workspace, screenshotsDir, locale = null, testsPath = path.join(SUITE_OUT, 'index.js'), out = null, onLine }) {
  const name = locale ? `in-host (${locale})` : 'in-host';
  // `out` collects everything the stage prints, when it runs beside another (printed afterwards).
  const say = out ? (...a) => out.push(['log', a.join(' ')]) : log;
  say(locale
    ? `\n== ${name} stage: the ${locale} suite inside the real extension host, display language ${locale} ==`
    : '\n== in-host stage: mocha suite inside the real extension host ==');
  const extraArgs = ['--vscode-option', 'enable-smoke-test-driver', ...(locale ? ['--locale', locale] : [])];
  const dataName = locale ? `cs-inhost-${locale}` : 'cs-inhost';
  // A display language needs a language pack (see harness/language-pack.mjs).
  if (locale) registerStubLanguagePack({ runDir: state.runDir, dataDir: path.join(state.runDir, dataName), locale, log: say });
  // Beside the UI stage (the longer one), the in-host runs yield the cores to it.
  const server = await startServer(dataName, extraArgs, prereqs, say, wantUi ? 10 : 0);
  try {
    const extensionEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('QMS_E2E_')));
    extensionEnv.QMS_E2E_WORKSPACE_COPY = workspace;
    extensionEnv.QMS_E2E_SCREENSHOTS = screenshotsDir;
    const r = await runInHost({
      browser: await getBrowser(),
      server,
      extensionPath: extPath,
      testsPath,
      workspace,
      screenshotsDir,
      extensionEnv,
      extensionId: EXTENSION_ID,
      timeoutMs: INHOST_TIMEOUT_MS,
      startTimeoutMs: Number(process.env.QMS_E2E_START_TIMEOUT || 90) * 1000,
      log: say,
      shotPrefix: locale ? `inhost-${locale}` : 'inhost',
      ...(out ? { print: (type, text) => out.push([type, text]) } : {}),
      ...(onLine ? { onLine } : {}),
    });
    if (interrupted) return r; // torn down by a signal: counted once as "interrupted"
    pass(r.passed);
    if (r.failed) fail(`${name}: ${r.failed} test(s) failed`, r.failed);
    else if (r.code !== 0) fail(r.timedOut ? `${name}: timed out` : `${name}: exit code ${r.code}`);
    // A grep that selects none of the Vietnamese tests is not a failure of that run.
    else if (r.passed === 0 && !(locale && process.env.QMS_E2E_GREP)) fail(`${name}: no tests ran`);
    return r;
  } finally {
    await stopServer(server);
  }
}

/**
 * Packages and installs the extension, starts its code-server, then runs the UI tests once `gate`
 * says the extension activates (false: they are skipped, the in-host stage has said why).
 */
async function uiStage({ prereqs, extPath, workspace, screenshotsDir }, gate = Promise.resolve(true), say = log) {
  say('\n== UI stage: packaged extension in the workbench ==');
  const files = listUiTests(UI_DIR);
  if (!files.length) { log(`[ui] no ${path.relative(ROOT, UI_DIR)}/*.ui.mjs tests`); return; }

  const vsix = path.join(state.runDir, 'qmskit.vsix');
  const t0 = Date.now();
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  // --allow-missing-repository/--skip-license: vsce would otherwise stop and ask on stdin.
  const pk = await runCommand(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: extPath,
    prefix: '  [vsce] ',
    timeoutMs: 180_000,
  });
  if (pk.code !== 0 || !fs.existsSync(vsix)) {
    say(`✗ ui: packaging the extension with vsce failed (exit ${pk.code}) — the extension is not packageable yet:\n${pk.output.trim().split('\n').slice(-25).map((l) => '    ' + l).join('\n')}`);
    fail('ui: vsce package failed', files.length);
    return;
  }
  say(`[ui] packaged ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB) in ${Date.now() - t0} ms`);

  const dataDir = path.join(state.runDir, 'cs-ui');
  await installExtension({ prereqs, dataDir, vsix, log: say });
  const server = await startServer('cs-ui', [], prereqs, say);
  try {
    if (!(await gate)) {
      say('[ui] UI tests skipped: the extension failed to activate in the in-host stage (see above)');
      return;
    }
    const results = await runUiTests({ browser: await getBrowser(), server, files, workspace, screenshotsDir, extensionId: EXTENSION_ID, log: say });
    for (const r of results) if (!r.aborted) (r.ok ? pass() : fail(`ui: ${r.name}`));
  } finally {
    await stopServer(server);
  }
}

// ---------- teardown (finally, SIGINT, SIGTERM) ----------
let teardownPromise = null;
function teardown() {
  teardownPromise ||= (async () => {
    if (state.browser) {
      await Promise.race([state.browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    }
    for (const s of [...state.servers]) await stopServer(s).catch((e) => log(`[teardown] stopping code-server: ${e.message}`));
    if (!state.runDir) return;
    const stragglers = await reapStragglers(state.runDir, log);
    if (stragglers.length) log(`[teardown] ${stragglers.length} straggler process(es) were left and have been killed`);
    const shots = path.join(state.runDir, 'screenshots');
    if (fs.existsSync(shots) && fs.readdirSync(shots).length) {
      fs.rmSync(RESULTS_SCREENSHOTS, { recursive: true, force: true });
      fs.mkdirSync(RESULTS_SCREENSHOTS, { recursive: true });
      fs.cpSync(shots, RESULTS_SCREENSHOTS, { recursive: true });
      log(`[teardown] screenshots copied to ${path.relative(process.cwd(), RESULTS_SCREENSHOTS) || RESULTS_SCREENSHOTS}`);
    }
    if (keep || state.failed > 0) {
      log(`[teardown] run folder kept: ${state.runDir}`);
    } else {
      fs.rmSync(state.runDir, { recursive: true, force: true });
    }
  })();
  return teardownPromise;
}

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (interrupted) return;
    interrupted = true;
    log(`\n[e2e] ${sig}: tearing down`);
    fail(`interrupted by ${sig}`);
    await teardown().catch(() => {});
    log(`e2e: ${state.passed} passed, ${state.failed} failed`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

// ---------- main ----------
async function main() {
  const T0 = Date.now();
  const prereqs = await ensurePrereqs({ log });
  log(prereqs.installedMs ? `[prereqs] cold install took ${secs(prereqs.installedMs)}` : `[prereqs] cached in ${prereqs.cacheDir} (checked in ${Date.now() - T0} ms)`);

  const extPath = path.resolve(process.env.QMS_E2E_EXTENSION_PATH || ROOT);
  log(`[extension] development path ${extPath}${process.env.QMS_E2E_EXTENSION_PATH ? ' (QMS_E2E_EXTENSION_PATH)' : ''}`);
  // The project's own extension is built first so the tests never run against a stale dist/.
  if (extPath === ROOT && !process.env.QMS_E2E_SKIP_BUILD) {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    if (pkg.scripts?.build) {
      const t = Date.now();
      const b = await runCommand('npm', ['run', 'build', '--silent'], { cwd: ROOT, prefix: '  [build] ' });
      if (b.code !== 0) throw new Error(`npm run build failed (exit ${b.code}):\n${b.output.trim().split('\n').slice(-25).join('\n')}`);
      log(`[build] npm run build in ${Date.now() - t} ms`);
    }
  }
  checkExtension(extPath);
  const suite = wantInHost || wantVi ? await buildSuite({ root: ROOT, log }) : null;

  const tmpBase = path.resolve(process.env.QMS_E2E_TMP || os.tmpdir());
  fs.mkdirSync(tmpBase, { recursive: true });
  state.runDir = fs.mkdtempSync(path.join(tmpBase, 'qmskit-e2e-'));
  const screenshotsDir = path.join(state.runDir, 'screenshots');
  fs.mkdirSync(screenshotsDir, { recursive: true });
  log(`[run] folder ${state.runDir}\n[run] screenshots ${screenshotsDir}`);
  const workspace = copyWorkspace(state.runDir);
  const ctx = { prereqs, extPath, workspace, screenshotsDir };

  // The two in-host runs (English, Vietnamese) run side by side, each with its own code-server and
  // workspace copy; the Vietnamese run's output is held back and printed after the English one.
  // The UI stage runs beside them too (its own code-server and workspace copy): it packages and
  // installs at once, and starts its tests when the English run has seen the extension activate.
  // Its output is held back until the in-host runs have printed theirs.
  let gatePassed;
  const gate = new Promise((resolve) => (gatePassed = resolve));
  const watchGate = (line) => {
    if (line.includes(ACTIVATION_FAILED_MARKER)) gatePassed(false);
    else if (/✔ \[gate\] extension \S+ activates/.test(line)) gatePassed(true);
  };
  const english = wantInHost
    ? inHostStage({ ...ctx, onLine: watchGate }).catch((e) => {
        log(`✗ in-host stage could not run: ${e.message}`);
        fail('in-host: stage error');
        return null;
      })
    : Promise.resolve(null);
  let vietnamese = Promise.resolve(null);
  const viOut = [];
  if (wantVi && !suite?.viEntry) log('\n== in-host (vi) stage skipped: no test/e2e/suite/*.test.vi.ts ==');
  else if (wantVi && process.env.QMS_E2E_EXTENSION_PATH && !argv.includes('--vi')) {
    log('\n== in-host (vi) stage skipped: its tests need the real extension, not $QMS_E2E_EXTENSION_PATH (ask for it with --vi) ==');
  } else if (wantVi) {
    const viCtx = { ...ctx, workspace: copyWorkspace(state.runDir, 'ws-vi'), locale: 'vi', testsPath: suite.viEntry, out: wantInHost ? viOut : null };
    vietnamese = inHostStage(viCtx).catch((e) => {
      viOut.push(['log', `✗ in-host (vi) stage could not run: ${e.message}`]);
      fail('in-host (vi): stage error');
      return null;
    });
  }
  let uiHeld = wantInHost || wantVi ? [] : null;
  const sayUi = (...a) => (uiHeld ? uiHeld.push(a.join(' ')) : log(...a));
  const ui = wantUi
    ? uiStage({ ...ctx, workspace: copyWorkspace(state.runDir, 'ws-ui') }, wantInHost ? gate : Promise.resolve(true), sayUi).catch((e) => {
        sayUi(`✗ UI stage could not run: ${e.message}`);
        fail('ui: stage error');
      })
    : Promise.resolve();
  const inhost = await english;
  gatePassed(!inhost?.activationFailed && inhost !== null);
  await vietnamese;
  for (const [type, text] of viOut) (type === 'error' ? console.error : console.log)(text);
  // What the UI stage said so far, then it prints as it goes.
  const held = uiHeld ?? [];
  uiHeld = null;
  for (const line of held) log(line);
  await ui;
  log(`\n[e2e] finished in ${secs(Date.now() - T0)}${state.failures.length ? `; failures: ${state.failures.join('; ')}` : ''}`);
}

let exitCode = 1;
try {
  await main();
} catch (e) {
  log(`✗ e2e could not run: ${e.message}`);
  fail('setup');
  if (e.exitCode) exitCode = e.exitCode;
} finally {
  if (!interrupted) {
    await teardown().catch((e) => log(`[teardown] ${e.stack || e}`));
    log(`e2e: ${state.passed} passed, ${state.failed} failed`);
    if (state.failed === 0 && state.passed > 0) exitCode = 0;
    else if (exitCode === 0) exitCode = 1;
    process.exit(exitCode);
  }
}
