// Mocha entry loaded by the VS Code extension host (extensionTestsPath -> out/e2e/suite/index.js).
// Same contract as @vscode/test-electron: a CommonJS module exporting run(): Promise<void>; the host
// reports exit code 0 when the promise resolves and 1 when it rejects. Works unchanged under
// code-server (scripts/e2e.mjs) and desktop VS Code (test/e2e/electron.mjs).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

// Printed when the extension does not activate; scripts/e2e.mjs looks for it (keep in sync with
// ACTIVATION_FAILED_MARKER in test/e2e/harness/inhost.mjs).
const ACTIVATION_FAILED_MARKER = '[qmskit-e2e] ACTIVATION FAILED';
// Tests whose title contains this tag gate the rest of the run: if one fails, every later test would
// only fail again (or wait for diagnostics until it times out), so the run stops right there.
export const GATE_TAG = '[gate]';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.QMS_E2E_MOCHA_TIMEOUT || 30_000),
    ...(process.env.QMS_E2E_GREP ? { grep: process.env.QMS_E2E_GREP } : {}),
  });
  const dir = __dirname;
  // smoke.test.js first: it holds the activation gate.
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => (a === 'smoke.test.js' ? -1 : b === 'smoke.test.js' ? 1 : a.localeCompare(b)));
  for (const f of files) mocha.addFile(path.join(dir, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
      runner.on('fail', (test, err) => {
        if (!test.fullTitle().includes(GATE_TAG)) return;
        // First line only: mocha prints the full error with its stack in the failure list below.
        const reason = String((err && err.message) || err).split('\n')[0];
        console.error(`\n${ACTIVATION_FAILED_MARKER}: ${test.fullTitle()}\n  ${reason}\n  Remaining tests are not run.\n`);
        runner.abort();
      });
    } catch (err) {
      // A test file that throws while loading (syntax error, bad import) lands here.
      console.error(err);
      reject(err);
    }
  });
}
