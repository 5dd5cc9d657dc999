// Start / stop an isolated code-server (real VS Code workbench + Node extension host) for one stage.
//
// Isolation: every directory code-server would otherwise write in $HOME or /tmp is redirected into the
// run folder (user data, extensions, config, XDG_* dirs, TMPDIR for its IPC sockets), and update checks,
// telemetry and the gallery's background chatter are off, so runs neither see nor leave state.
// Lifetime: code-server is started as the leader of its own process group (detached), so killing the
// group takes the extension host, file watcher and pty host with it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  // VS Code for the Web saves after a delay by default (desktop does not): a test that types and
  // waits would find its unsaved edit written to the workspace, and a revert would no longer undo it.
  'files.autoSave': 'off',
};

/** Ask the kernel for a free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Create the per-instance data dirs and settings; returns the paths and the env to run code-server with. */
export function prepareDataDir(dataDir) {
  const d = {
    dataDir,
    userData: path.join(dataDir, 'user-data'),
    extensions: path.join(dataDir, 'extensions'),
    config: path.join(dataDir, 'config.yaml'),
    log: path.join(dataDir, 'code-server.log'),
  };
  for (const sub of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) {
    fs.mkdirSync(path.join(dataDir, sub), { recursive: true });
  }
  fs.writeFileSync(path.join(d.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2) + '\n');
  // An explicit config file stops code-server from creating ~/.config/code-server/config.yaml with a password.
  fs.writeFileSync(d.config, 'auth: none\ncert: false\n');
  d.env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dataDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dataDir, 'xdg-cache'), // @vscode/deviceid writes here
    TMPDIR: path.join(dataDir, 'tmp'), // vscode-ipc-*.sock, typescript server files
    // code-server must not inherit the harness's Node options or a caller's VS Code session.
    NODE_OPTIONS: '',
    VSCODE_IPC_HOOK_CLI: '',
    ELECTRON_RUN_AS_NODE: '',
  };
  return d;
}

function baseArgs(d) {
  return [
    '--auth', 'none',
    '--config', d.config,
    '--user-data-dir', d.userData,
    '--extensions-dir', d.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
  ];
}

/** Install a .vsix into the instance's extensions dir (a short-lived code-server CLI call). */
export function installExtension({ prereqs, dataDir, vsix, log }) {
  const d = prepareDataDir(dataDir);
  const logFile = path.join(dataDir, 'install-extension.log');
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(prereqs.node24, [prereqs.codeServerEntry, ...baseArgs(d), '--install-extension', vsix], {
      env: d.env,
      stdio: ['ignore', out, out],
      detached: true, // its own group, so a timeout can kill everything it started
    });
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      fs.closeSync(out);
      const text = fs.readFileSync(logFile, 'utf8');
      // code-server exits 0 even for some failures; its success line is the reliable signal.
      if (code === 0 && /was successfully installed|is already installed/.test(text)) {
        log(`[code-server] installed ${path.basename(vsix)}`);
        return resolve();
      }
      reject(new Error(`code-server --install-extension ${vsix} failed (${signal || 'exit ' + code}):\n${text.trim()}`));
    });
  });
}

function healthy(url) {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

export function tail(file, n = 50) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n - 1).join('\n');
  } catch (e) {
    return `(cannot read ${file}: ${e.message})`;
  }
}

/**
 * Start code-server on a free loopback port and wait for /healthz.
 * Returns { url, port, pid, logFile, dataDir, stop() }; stop() kills the whole process group.
 */
/**
 * `niceness` (0–19) lowers the priority of the server and of the extension hosts it starts, for a
 * run with slack beside a run on the critical path (they share two cores).
 */
export async function startCodeServer({ prereqs, dataDir, extraArgs = [], log, startTimeoutMs = 60_000, niceness = 0 }) {
  const d = prepareDataDir(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(d.log, 'a');
  const t0 = Date.now();
  const child = spawn(
    prereqs.node24,
    [prereqs.codeServerEntry, ...baseArgs(d), '--bind-addr', `127.0.0.1:${port}`, ...extraArgs],
    { env: d.env, stdio: ['ignore', out, out], detached: true },
  );
  if (niceness) {
    try {
      os.setPriority(child.pid, niceness);
    } catch {
      // Not allowed here: the run is only slower, not wrong.
    }
  }
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  child.on('error', (e) => { exited = { error: e }; });

  const stop = async () => {
    if (!child.pid) return;
    await killGroup(child.pid);
  };

  while (true) {
    if (exited) {
      throw new Error(`code-server exited during startup (${JSON.stringify(exited)}); last lines of ${d.log}:\n${tail(d.log, 50)}`);
    }
    if (await healthy(url)) break;
    if (Date.now() - t0 > startTimeoutMs) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs / 1000} s; last lines of ${d.log}:\n${tail(d.log, 50)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`[code-server] up on ${url} in ${Date.now() - t0} ms (pid ${child.pid}, log ${d.log})`);
  return { url, port, pid: child.pid, logFile: d.log, dataDir, stop };
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

/** SIGTERM the process group, give it 3 s, then SIGKILL whatever is left. */
export async function killGroup(pgid) {
  try { process.kill(-pgid, 'SIGTERM'); } catch { return; }
  for (let i = 0; i < 30 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) {
    try { process.kill(-pgid, 'SIGKILL'); } catch {}
    for (let i = 0; i < 20 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Find processes that still belong to this run: their command line or environment mentions the run
 * folder (code-server's args and XDG/TMPDIR, Chromium's XDG dirs). Kills and reports them.
 */
export async function reapStragglers(runDir, log) {
  const found = [];
  for (const ent of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(ent)) continue;
    const pid = Number(ent);
    if (pid === process.pid) continue;
    let cmd = '';
    let env = '';
    try { cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    try { env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8'); } catch {}
    if (cmd.includes(runDir) || env.includes(runDir)) {
      found.push({ pid, cmd: cmd.split('\0').join(' ').trim().slice(0, 160) });
    }
  }
  for (const p of found) {
    log(`[teardown] straggler pid ${p.pid} still running: ${p.cmd} — killing it`);
    try { process.kill(p.pid, 'SIGKILL'); } catch {}
  }
  if (found.length) await new Promise((r) => setTimeout(r, 200));
  return found;
}
