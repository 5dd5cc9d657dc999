#!/usr/bin/env node
// Run the same in-host suite (out/e2e/suite/index.js) in desktop VS Code via @vscode/test-electron.
// Use it on a machine that has VS Code desktop (VSCODE_EXECUTABLE=/path/to/code) or internet access
// (then runTests downloads VS Code). It cannot run on the offline build machines: use scripts/e2e.mjs.
//
//   npm run test:electron        (builds the suite exactly as scripts/e2e.mjs does)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from './harness/suite-build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITE_OUT = path.join(ROOT, 'out', 'e2e', 'suite');

function workspaceSource() {
  if (process.env.QMS_E2E_WORKSPACE) return path.resolve(process.env.QMS_E2E_WORKSPACE);
  const banChqs = path.join(ROOT, 'examples', 'ban-chqs');
  return fs.existsSync(path.join(banChqs, 'qms.yaml')) ? banChqs : path.join(ROOT, 'test', 'e2e', 'fixtures', 'mini');
}

async function main() {
  const extensionDevelopmentPath = path.resolve(process.env.QMS_E2E_EXTENSION_PATH || ROOT);
  await buildSuite({ root: ROOT, log: console.log });
  const runDir = fs.mkdtempSync(path.join(process.env.QMS_E2E_TMP || os.tmpdir(), 'qmskit-electron-'));
  const src = workspaceSource();
  const workspace = path.join(runDir, 'ws', path.basename(src));
  fs.cpSync(src, workspace, { recursive: true });
  const extensionTestsEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('QMS_E2E_')));
  extensionTestsEnv.QMS_E2E_WORKSPACE_COPY = workspace;
  try {
    await runTests({
      // Unset: runTests downloads the latest stable VS Code into .vscode-test/ (needs internet).
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath,
      extensionTestsPath: path.join(SUITE_OUT, 'index.js'),
      extensionTestsEnv,
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development is loaded
        '--user-data-dir', path.join(runDir, 'user-data'),
        '--extensions-dir', path.join(runDir, 'extensions'),
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-workspace-trust',
      ],
    });
    fs.rmSync(runDir, { recursive: true, force: true });
    console.log('e2e (electron): passed');
  } catch (e) {
    console.error(`e2e (electron): failed — ${e && e.message ? e.message : e}; run folder kept: ${runDir}`);
    process.exitCode = 1;
  }
}

await main();
