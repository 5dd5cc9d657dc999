// The Vietnamese run: code-server started with `--locale vi` (scripts/e2e.mjs builds this file alone
// into out/e2e/suite-vi and runs it in a second extension host). It checks what a Vietnamese-speaking
// quality officer sees: diagnostics from the core in Vietnamese, the extension's command titles
// (package.nls.vi.json) and its runtime strings (l10n/bundle.l10n.vi.json) in Vietnamese.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { QmsKitApi } from '../../../src/extension/extension';
import { codeOf, rangeOf, waitForDiagnostics, workspaceUri } from './helpers';

const EXTENSION_ID = 'qmskit.qmskit';

/** Asks the harness for a screenshot (NAME.png) and polls until it is written; a no-op outside scripts/e2e.mjs. */
async function screenshot(name: string): Promise<void> {
  const dir = process.env.QMS_E2E_SCREENSHOTS;
  if (!dir) return;
  console.log(`[qmskit-e2e] screenshot ${name}`);
  const file = path.join(dir, `${name}.png`);
  const deadline = Date.now() + 15_000;
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (fs.existsSync(file)) resolve();
      else if (Date.now() > deadline) reject(new Error(`screenshot ${name}.png was not written within 15 s`));
      else return;
      clearInterval(poll);
    }, 50);
  });
}

/** A contributed command's title as the host sees it: the localized string, or `{ value, original }`. */
function titleOf(command: { title: string | { value: string; original: string } }): string {
  return typeof command.title === 'string' ? command.title : command.title.value;
}

describe('QMS Kit in Vietnamese (display language vi)', () => {
  let api: QmsKitApi;

  after(async () => {
    if (!api) return;
    // For the screenshot explorer-vi.png: the QMS explorer in Vietnamese with its error badge, a
    // planted unknown role (unsaved) and the Problems panel.
    await vscode.commands.executeCommand('qms.openExplorer');
    const uri = workspaceUri('procedures/QT-BCHQS-06.qms.yaml');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const range = rangeOf(editor.document, 'role: nhan-vien-mot-cua', 'nhan-vien-mot-cua');
    await editor.edit((edit) => edit.replace(range, 'nhan-vien-mot-cuaa'));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'ref/unknown-role'));
    const processes = api.explorer.getChildren(api.explorer.getChildren()[0]);
    const p02 = processes.find((n) => n.type === 'process' && n.process?.id === 'P-02');
    if (p02) await api.explorer.reveal(p02, { expand: true });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('explorer-vi');
  });

  it('[gate] the extension host runs with the display language set to Vietnamese', () => {
    assert.strictEqual(vscode.env.language, 'vi', `vscode.env.language is "${vscode.env.language}": code-server did not take --locale vi`);
  });

  it('[gate] extension qmskit.qmskit activates', async () => {
    const extension = vscode.extensions.getExtension<QmsKitApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    await api.ready;
  });

  it('reports a planted unknown role in Vietnamese', async () => {
    const uri = workspaceUri('procedures/QT-BCHQS-06.qms.yaml');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    try {
      await waitForDiagnostics(uri, (ds) => ds.length === 0);
      const range = rangeOf(editor.document, 'role: nhan-vien-mot-cua', 'nhan-vien-mot-cua');
      await editor.edit((edit) => edit.replace(range, 'nhan-vien-mot-cuaa'));
      const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'ref/unknown-role'));
      const message = diagnostics.find((d) => codeOf(d) === 'ref/unknown-role')!.message;
      console.log(`    ${message}`);
      assert.match(message, /không được định nghĩa/, message);
      assert.match(message, /Có phải ý bạn là `nhan-vien-mot-cua`\?/, message);
      assert.doesNotMatch(message, /is not defined/, message);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('shows the command titles, walkthrough and settings in Vietnamese (package.nls.vi.json)', async () => {
    // The host hands extensions their manifest localized for the display language.
    const commands = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands ?? []) as Array<{
      command: string;
      title: string | { value: string; original: string };
    }>;
    const titles = Object.fromEntries(commands.map((c) => [c.command, titleOf(c)]));
    console.log(`    ${JSON.stringify(titles)}`);
    assert.strictEqual(titles['qms.newProcedure'], 'Tạo quy trình mới…');
    assert.strictEqual(titles['qms.initWorkspace'], 'Khởi tạo không gian làm việc QMS');
    assert.strictEqual(titles['qms.lintWorkspace'], 'Kiểm tra toàn bộ không gian làm việc');
    // The walkthrough's titles and pages, and the settings' descriptions, come localized too.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const [walkthrough] = extension.packageJSON.contributes.walkthroughs;
    assert.strictEqual(walkthrough.title, 'Bắt đầu với QMS Kit');
    for (const step of walkthrough.steps) {
      assert.match(step.media.markdown, /^walkthrough\/vi\/[a-z-]+\.md$/, step.id);
      assert.ok(fs.existsSync(path.join(extension.extensionPath, step.media.markdown)), step.media.markdown);
    }
    assert.match(extension.packageJSON.contributes.configuration.properties['qms.explorer.reviewHorizonDays'].description, /^Số ngày/);
    const registered = await vscode.commands.getCommands(true);
    for (const command of ['qms.newProcedure', 'qms.initWorkspace', 'qms.lintWorkspace', 'qms.openExplorer']) assert.ok(registered.includes(command), command);
  });

  it('shows runtime strings in Vietnamese (l10n/bundle.l10n.vi.json), in the QMS explorer too', async () => {
    assert.strictEqual(vscode.l10n.t('Documents by status'), 'Tài liệu theo tình trạng');
    assert.strictEqual(vscode.l10n.t('{0} errors in QMS files', 3), '3 lỗi trong các tệp QMS');
    const labels = api.explorer.getChildren().map((node) => String(api.explorer.getTreeItem(node).label));
    assert.deepStrictEqual(labels, ['Quá trình', 'Tài liệu theo tình trạng', 'Đến hạn xem xét trong 30 ngày', 'Quá hạn']);
  });
});
