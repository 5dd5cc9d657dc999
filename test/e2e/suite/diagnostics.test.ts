import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, rangeOf, waitForDiagnostics, workspaceUri } from './helpers';

describe('diagnostics as you type', () => {
  const uri = workspaceUri('procedures/QT-BCHQS-06.qms.yaml');
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the example procedure starts clean', async () => {
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0);
  });

  it('reports a planted unknown role on the role value, with its rule id, source and docs link', async () => {
    const range = rangeOf(editor.document, 'role: nhan-vien-mot-cua', 'nhan-vien-mot-cua');
    await editor.edit((edit) => edit.replace(range, 'nhan-vien-mot-cuaa'));
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'ref/unknown-role'));
    const planted = diagnostics.filter((d) => codeOf(d) === 'ref/unknown-role');
    assert.strictEqual(planted.length, 1, JSON.stringify(planted.map((d) => d.message)));
    const [diagnostic] = planted;
    assert.deepStrictEqual(
      [diagnostic!.range.start.line, diagnostic!.range.start.character, diagnostic!.range.end.line, diagnostic!.range.end.character],
      [range.start.line, range.start.character, range.end.line, range.start.character + 'nhan-vien-mot-cuaa'.length],
    );
    assert.strictEqual(diagnostic!.source, 'qms');
    assert.strictEqual(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic!.message, /did you mean `nhan-vien-mot-cua`/i);
    const target = (diagnostic!.code as { target: vscode.Uri }).target;
    assert.match(target.toString(), /docs\/rules\/ref\/unknown-role\.md$/);
  });

  it('offers the did-you-mean quick fix, and applying it clears the diagnostic', async () => {
    const [diagnostic] = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'ref/unknown-role');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Change to `nhan-vien-mot-cua`');
    assert.ok(fix?.edit, `no did-you-mean fix among: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Disable ref/unknown-role for this line'), titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    assert.ok(editor.document.getText().includes('role: nhan-vien-mot-cua\n'));
  });
});
