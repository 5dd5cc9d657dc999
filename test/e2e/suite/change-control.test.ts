// Change control in the real extension host: an approved procedure edited without a new revision
// is reported, its quick fix releases the revision (through the command, prompts answered by
// arguments), the lock-missing quick fix records a revision, and Mark Obsolete withdraws one.
// QT-BCHQS-05 is used because no other suite edits it; every file touched is put back afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ChangeCommandResult } from '../../../src/extension/commands';
import type { QmsKitApi } from '../../../src/extension/extension';
import { codeOf, rangeOf, waitForDiagnostics, workspaceUri } from './helpers';

const EXTENSION_ID = 'qmskit.qmskit';
const CODE = 'QT-BCHQS-05';
const SUMMARY = 'Tăng thời gian phát hiện sự không phù hợp lên 4 giờ';

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe('change control in the editor', () => {
  const uri = workspaceUri(`procedures/${CODE}.qms.yaml`);
  const lockUri = workspaceUri('qms.lock');
  const releasedDir = workspaceUri('.qms/released').fsPath;
  const today = todayIso();
  let api: QmsKitApi;
  let editor: vscode.TextEditor;
  let original: { document: string; lock: string; released: string[] };

  const read = (target: vscode.Uri) => fs.readFileSync(target.fsPath, 'utf8');
  const changedGroup = () => {
    api.explorer.refresh();
    return api.explorer.workspaceTrees()[0]!.changedSinceRelease?.map((entry) => entry.code);
  };
  const quickFixes = async (rule: string) => {
    const [diagnostic] = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === rule));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    return { diagnostic: diagnostic!, actions, titles: actions.map((a) => a.title).join(' | ') };
  };

  before(async () => {
    api = (await vscode.extensions.getExtension<QmsKitApi>(EXTENSION_ID)!.activate())!;
    await api.ready;
    original = { document: read(uri), lock: read(lockUri), released: fs.readdirSync(releasedDir) };
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  after(async () => {
    fs.writeFileSync(uri.fsPath, original.document);
    fs.writeFileSync(lockUri.fsPath, original.lock);
    for (const name of fs.readdirSync(releasedDir)) if (!original.released.includes(name)) fs.rmSync(path.join(releasedDir, name));
    // Revert reloads the buffer from disk (dropping any edit a failed test left), so the lint reads the restored text.
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(vscode.window.activeTextEditor?.document.getText(), original.document);
    await api.lint.lintAll();
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports an edited step of an approved procedure, lists it as changed, and offers "Release new revision…"', async () => {
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    assert.strictEqual(changedGroup(), undefined, 'no "Changed since release" group on the released example');

    const duration = rangeOf(editor.document, 'duration: 2 giờ', '2 giờ');
    await editor.edit((edit) => edit.replace(duration, '4 giờ'));
    const { diagnostic, actions, titles } = await quickFixes('doc/changed-without-revision');
    assert.strictEqual(editor.document.lineAt(diagnostic.range.start.line).text, 'revision: 1');
    assert.match(diagnostic.message, /step `phat-hien` \(duration\) changed/);
    assert.deepStrictEqual(changedGroup(), [CODE]);
    const group = api.explorer.getChildren().find((node) => api.explorer.getTreeItem(node).label === 'Changed since release');
    assert.ok(group, 'no "Changed since release" group in the explorer');
    assert.deepStrictEqual(api.explorer.getChildren(group).map((node) => String(api.explorer.getTreeItem(node).label).split(' — ')[0]), [CODE]);

    const release = actions.find((a) => a.title === 'Release new revision…');
    assert.ok(release, `no release quick fix among: ${titles}`);
    assert.strictEqual(release.edit, undefined, 'the release fix runs its command; its edits are only a preview');
    assert.strictEqual(release.command?.command, 'qms.releaseNewRevision');
    assert.deepStrictEqual(release.command.arguments, [{ root: path.dirname(lockUri.fsPath), code: CODE, file: uri.fsPath }]);
  });

  it('releases the revision when the quick fix\'s command runs: history, dates, qms.lock, released copy; the diagnostic goes', async () => {
    const { actions } = await quickFixes('doc/changed-without-revision');
    const command = actions.find((a) => a.title === 'Release new revision…')!.command!;
    assert.ok(editor.document.isDirty, 'the edit is not saved yet');
    const result = await vscode.commands.executeCommand<ChangeCommandResult>(command.command, { ...(command.arguments![0] as object), summary: SUMMARY });
    assert.deepStrictEqual(result, {
      outcome: 'done',
      code: CODE,
      file: uri.fsPath,
      label: 'r2.0',
      date: today,
      written: [path.join(releasedDir, `${CODE}@r2.0.yaml`), uri.fsPath, lockUri.fsPath],
    });

    const released = read(uri);
    assert.match(released, /\nrevision: 2\namendment: 0\neffective: (\d{4}-\d{2}-\d{2})\n/);
    assert.ok(released.includes(`\neffective: ${today}\n`), 'effective date');
    assert.ok(released.includes(`    duration: 4 giờ\n`), 'the edit was saved with the release');
    assert.ok(released.includes(`history:\n  - revision: 2\n    date: ${today}\n    change: ${SUMMARY}\n  - revision: 1\n`), released.slice(released.indexOf('history:')));
    assert.strictEqual(fs.readFileSync(path.join(releasedDir, `${CODE}@r2.0.yaml`), 'utf8'), released);
    const lock = read(lockUri);
    assert.match(lock, new RegExp(`\\n${CODE} r2\\.0 ${today} approved sha256:[0-9a-f]{64}\\n${CODE} r1\\.0 2026-03-02 approved `));
    assert.strictEqual(lock.replace(/^QT-BCHQS-05 r2\.0 .*\n/m, ''), original.lock, 'one line inserted, every other byte kept');

    // The editor shows the released file, saved, and the diagnostics and the explorer follow.
    assert.strictEqual(editor.document.getText(), released);
    assert.strictEqual(editor.document.isDirty, false);
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    assert.strictEqual(changedGroup(), undefined);
  });

  it('refuses a release with nothing changed, saying why and what to do', async () => {
    const result = await vscode.commands.executeCommand<ChangeCommandResult>('qms.releaseNewRevision', { file: uri, summary: 'Không có gì' });
    assert.strictEqual(result?.outcome, 'refused');
    assert.match((result as { message: string }).message, /^QT-BCHQS-05 revision 2, amendment 0 is released and has not changed since \(\d{4}-\d{2}-\d{2}\): nothing to release/);
  });

  it('records a revision approved by hand through the doc/lock-missing quick fix', async () => {
    // qms.lock as it was before the release: revision 2 is approved but not recorded.
    fs.writeFileSync(lockUri.fsPath, original.lock);
    await api.lint.lintAll();
    const { actions, titles } = await quickFixes('doc/lock-missing');
    const record = actions.find((a) => a.title === `Record ${CODE} r2.0 in qms.lock`);
    assert.ok(record?.command, `no record quick fix among: ${titles}`);
    const result = await vscode.commands.executeCommand<ChangeCommandResult>(record.command.command, ...record.command.arguments!);
    assert.strictEqual(result?.outcome, 'done', JSON.stringify(result));
    assert.match(read(lockUri), new RegExp(`\\n${CODE} r2\\.0 ${today} approved sha256:[0-9a-f]{64}\\n`));
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
  });

  it('marks the procedure obsolete (confirmed by argument) and records the withdrawal', async () => {
    const result = await vscode.commands.executeCommand<ChangeCommandResult>('qms.markObsolete', { code: CODE, confirmed: true });
    // The released copy of r2.0 is there already: only the document and the lock are written.
    assert.deepStrictEqual(result, { outcome: 'done', code: CODE, file: uri.fsPath, label: 'r2.0', date: today, written: [uri.fsPath, lockUri.fsPath] });
    assert.ok(read(uri).includes('\nstatus: obsolete\n'));
    assert.strictEqual(editor.document.getText(), read(uri));
    assert.match(read(lockUri), new RegExp(`\\n${CODE} r2\\.0 ${today} obsolete sha256:[0-9a-f]{64}\\n`));
  });
});
