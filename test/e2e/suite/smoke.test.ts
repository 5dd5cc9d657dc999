// Smoke test for the e2e harness: runs inside the real extension host (code-server or desktop VS Code).
// The first test is the activation gate: when the extension does not activate, it fails with the
// activation error itself, and index.ts stops the run there instead of letting later tests time out.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'qmskit.qmskit';
const ACTIVATE_TIMEOUT_MS = 20_000;

function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack || `${e.name}: ${e.message}`;
  return String(e);
}

describe('QMS Kit smoke', () => {
  it('[gate] extension qmskit.qmskit activates', async function () {
    this.timeout(ACTIVATE_TIMEOUT_MS + 5_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) {
      const others = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
      assert.fail(
        `extension ${EXTENSION_ID} is not loaded (check package.json "publisher"/"name", "engines.vscode" <= ${vscode.version}, ` +
          `and that the development path is right). Non-builtin extensions seen: ${others.join(', ') || 'none'}`,
      );
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      // activate() rejects with the error thrown by the extension's activate() (or its module load).
      await Promise.race([
        ext.activate(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`activate() did not settle within ${ACTIVATE_TIMEOUT_MS / 1000} s`)), ACTIVATE_TIMEOUT_MS);
        }),
      ]);
    } catch (e) {
      assert.fail(`extension ${EXTENSION_ID} failed to activate: ${describeError(e)}`);
    } finally {
      if (timer) clearTimeout(timer);
    }
    assert.strictEqual(ext.isActive, true, 'extension reports isActive === false after activate()');
    // Reported in BENCHMARKS.md (measured, not asserted).
    const api = ext.exports as { activationMs?: number; firstLintMs?: Promise<number> } | undefined;
    if (api?.activationMs !== undefined) console.log(`    activation: activate() took ${api.activationMs.toFixed(1)} ms; first lint of the workspace published ${(await api.firstLintMs!).toFixed(0)} ms later`);
  });

  it('runs against the real vscode API', () => {
    assert.ok(vscode.version, 'vscode.version is empty');
    console.log(`    vscode ${vscode.version}, app "${vscode.env.appName}", uiKind ${vscode.UIKind[vscode.env.uiKind]}, remote ${vscode.env.remoteName ?? 'none'}, node ${process.version}`);
  });

  it('has the test workspace open with a qms.yaml', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, `expected one workspace folder, got ${folders.length}`);
    const qms = vscode.Uri.joinPath(folders[0].uri, 'qms.yaml');
    const stat = await vscode.workspace.fs.stat(qms);
    assert.strictEqual(stat.type & vscode.FileType.File, vscode.FileType.File, `${qms.toString()} is not a file`);
    const found = await vscode.workspace.findFiles('qms.yaml', undefined, 1);
    assert.strictEqual(found.length, 1, 'workspace.findFiles does not see qms.yaml');
  });
});
