import * as assert from 'assert';
import * as vscode from 'vscode';
import { clauseByNumber } from '../../../src/core/data/clauses';
import { parseYaml } from '../../../src/core/yaml/parse';
import type { QmsKitApi } from '../../../src/extension/extension';
import { codeOf, rangeOf, workspaceUri } from './helpers';

const EXTENSION_ID = 'qmskit.qmskit';
const locale = (): 'en' | 'vi' => (vscode.env.language.toLowerCase().startsWith('vi') ? 'vi' : 'en');

/** Every QMS file of the workspace, opened (not shown). */
async function qmsDocuments(): Promise<vscode.TextDocument[]> {
  const uris = await vscode.workspace.findFiles('**/{qms.yaml,*.qms.yaml}', '**/controlled/**');
  return Promise.all(uris.map((uri) => vscode.workspace.openTextDocument(uri)));
}

/**
 * Resolves once the linter's workspace holds exactly the text of every QMS document (so that
 * the diagnostics are those of what the editor shows) — checked now and after every lint run,
 * never by sleeping.
 */
function waitForLinterToCatchUp(api: QmsKitApi, documents: readonly vscode.TextDocument[], timeoutMs = 15_000): Promise<void> {
  const caughtUp = () =>
    documents.every((document) => {
      const file = api.lint.linterFor(document.uri.fsPath)?.current?.index.byPath.get(document.uri.fsPath);
      return file !== undefined && file.parsed.text === document.getText();
    });
  return new Promise((resolve, reject) => {
    if (caughtUp()) return resolve();
    const subscription = api.lint.onDidLint(() => {
      if (!caughtUp()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the linter did not catch up with the editor within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

/** Undo every unsaved change in QMS documents (revert from disk), and wait for the linter to see it. */
async function revertAll(api: QmsKitApi): Promise<void> {
  const documents = await qmsDocuments();
  for (const document of documents.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  assert.deepStrictEqual(documents.filter((d) => d.isDirty).map((d) => vscode.workspace.asRelativePath(d.uri)), []);
  await waitForLinterToCatchUp(api, documents);
}

function markdownOf(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('language features', () => {
  const qmsUri = workspaceUri('qms.yaml');
  const procedureUri = workspaceUri('procedures/QT-BCHQS-06.qms.yaml');
  let api: QmsKitApi;

  before(async () => {
    api = (await vscode.extensions.getExtension<QmsKitApi>(EXTENSION_ID)!.activate()) as QmsKitApi;
    await api.ready;
  });

  afterEach(async () => {
    await revertAll(api);
  });

  it('completion after `role: ` in a step lists the roles of qms.yaml', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(procedureUri));
    const value = rangeOf(editor.document, 'role: nhan-vien-mot-cua', 'nhan-vien-mot-cua');
    assert.strictEqual(editor.document.lineAt(value.start.line).text.trim(), 'role: nhan-vien-mot-cua');
    await editor.edit((edit) => edit.delete(value));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', procedureUri, value.start, ' ');
    const system = parseYaml((await vscode.workspace.openTextDocument(qmsUri)).getText(), qmsUri.fsPath).value as { roles: Array<{ id: string; name: string }> };
    const roles = list.items.filter((item) => item.kind === vscode.CompletionItemKind.User);
    assert.deepStrictEqual(
      roles.map((item) => [typeof item.label === 'string' ? item.label : item.label.label, item.detail]),
      system.roles.map((role) => [role.id, role.name]),
    );
    const range = roles[0]!.range as vscode.Range;
    assert.ok(range.isEmpty && range.start.isEqual(value.start), `completion range ${JSON.stringify(range)}`);
  });

  it('hover on a clause number shows its title', async () => {
    const document = await vscode.workspace.openTextDocument(procedureUri);
    const clause = rangeOf(document, 'clauses:', '8.5.1');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', procedureUri, clause.start.translate(0, 2));
    const text = markdownOf(hovers);
    const title = clauseByNumber('8.5.1')!.title[locale()];
    assert.ok(text.includes(`8.5.1 — ${title}`), text);
    assert.ok(text.includes(clauseByNumber('8.5.1')!.summary[locale()]), text);
  });

  it('definition of a role id in a procedure jumps to qms.yaml', async () => {
    const document = await vscode.workspace.openTextDocument(procedureUri);
    const reference = rangeOf(document, 'role: tro-ly-quan-luc', 'tro-ly-quan-luc');
    const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', procedureUri, reference.start.translate(0, 3));
    const system = await vscode.workspace.openTextDocument(qmsUri);
    const expected = rangeOf(system, '- id: tro-ly-quan-luc', 'tro-ly-quan-luc');
    assert.strictEqual(found.length, 1, JSON.stringify(found));
    const location = found[0]!;
    const [uri, range] = 'targetUri' in location ? [location.targetUri, location.targetRange] : [location.uri, location.range];
    assert.strictEqual(uri.toString(), qmsUri.toString());
    assert.ok(range.isEqual(expected), `${JSON.stringify(range)} is not ${JSON.stringify(expected)}`);
  });

  it('find all references of a role, across the workspace', async () => {
    const system = await vscode.workspace.openTextDocument(qmsUri);
    const definition = rangeOf(system, '- id: tro-ly-quan-luc', 'tro-ly-quan-luc');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', qmsUri, definition.start.translate(0, 1));
    // Every place the id is written as a value, found independently of the extension.
    const expected: string[] = [];
    for (const document of await qmsDocuments()) {
      for (let line = 0; line < document.lineCount; line++) {
        const match = /(?:role|keeper|owner|id): (tro-ly-quan-luc)\b/.exec(document.lineAt(line).text);
        if (match) expected.push(`${vscode.workspace.asRelativePath(document.uri)}:${line}:${match.index + match[0].length - match[1]!.length}`);
      }
    }
    const actual = locations.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line}:${l.range.start.character}`);
    assert.deepStrictEqual([...actual].sort(), [...expected].sort());
    assert.ok(actual.length > 10, `only ${actual.length} references`);
  });

  /**
   * Renames `oldId` where qms.yaml defines it, through the rename provider, applies the edit
   * without saving, checks every file that named it names the new id, waits for the linter and
   * returns the diagnostics of the workspace (`file:line rule`); then reverts everything.
   */
  async function renameInSystem(oldId: string, newId: string): Promise<{ touched: string[]; problems: string[] }> {
    const documents = await qmsDocuments();
    await waitForLinterToCatchUp(api, documents);
    const problemsNow = () =>
      documents.flatMap((d) => vscode.languages.getDiagnostics(d.uri).map((x) => `${vscode.workspace.asRelativePath(d.uri)}:${x.range.start.line + 1} ${codeOf(x)}`));
    assert.deepStrictEqual(problemsNow(), [], 'the example workspace starts clean');
    const onDisk = new Map(documents.map((d) => [d.uri.toString(), d.getText()]));
    const word = new RegExp(`(?<![\\w-])${oldId}(?![\\w-])`);
    const users = documents.filter((d) => word.test(d.getText()));

    const system = documents.find((d) => d.uri.toString() === qmsUri.toString())!;
    const position = rangeOf(system, `- id: ${oldId}`, oldId).start.translate(0, 2);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', qmsUri, position);
    assert.strictEqual(prepared.placeholder, oldId);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', qmsUri, position, newId);
    const touched = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort();
    assert.deepStrictEqual(touched, users.map((d) => vscode.workspace.asRelativePath(d.uri)).sort(), 'the edit touches exactly the files that name the id');
    assert.ok(await vscode.workspace.applyEdit(edit));

    for (const document of users) {
      const name = vscode.workspace.asRelativePath(document.uri);
      assert.ok(document.isDirty, `${name} was saved: edits must stay unsaved`);
      assert.ok(!word.test(document.getText()), `${name} still names ${oldId}`);
      assert.ok(document.getText().includes(newId), `${name} does not name ${newId}`);
    }
    await waitForLinterToCatchUp(api, documents);
    const problems = problemsNow();

    await revertAll(api);
    for (const document of documents) {
      assert.strictEqual(document.getText(), onDisk.get(document.uri.toString()));
      const saved = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(document.uri));
      assert.strictEqual(saved, onDisk.get(document.uri.toString()), `${vscode.workspace.asRelativePath(document.uri)} changed on disk`);
    }
    assert.deepStrictEqual(problemsNow(), [], 'clean again after the revert');
    return { touched, problems };
  }

  it('rename a role id in qms.yaml updates every procedure using it, and leaves no broken reference', async function () {
    this.timeout(60_000); // five files re-linted after the rename and again after the revert
    const { touched, problems } = await renameInSystem('tro-ly-quan-luc', 'can-bo-quan-luc');
    const procedures = touched.filter((f) => f.startsWith('procedures/'));
    assert.ok(procedures.length >= 2, `only ${procedures.join(', ')} use the role`);
    // No unknown role, no schema error: the only diagnostics are change control's, since every
    // example procedure is approved and locked in qms.lock (a changed role id needs a revision).
    assert.deepStrictEqual(
      problems.map((p) => p.replace(/:\d+ /, ' ')).sort(),
      procedures.map((f) => `${f} doc/changed-without-revision`).sort(),
    );
  });

  it('rename an external party id in qms.yaml updates the processes, and diagnostics stay clean', async function () {
    this.timeout(60_000);
    const { touched, problems } = await renameInSystem('cong-dan', 'nguoi-dan');
    assert.deepStrictEqual(touched, ['processes/P-02.qms.yaml', 'qms.yaml']);
    assert.deepStrictEqual(problems, []);
  });

  it('rename refuses an invalid new id with the reason', async () => {
    const position = rangeOf(await vscode.workspace.openTextDocument(qmsUri), '- id: van-thu', 'van-thu').start;
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', qmsUri, position, 'Văn Thư')),
      (error: Error) => /kebab-case|chữ thường/.test(error.message),
    );
  });

  it('the outline lists the steps, decisions marked', async () => {
    const document = await vscode.workspace.openTextDocument(procedureUri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', procedureUri);
    const steps = symbols.find((s) => s.name === 'steps');
    assert.ok(steps, `no steps in ${symbols.map((s) => s.name).join(', ')}`);
    const model = parseYaml(document.getText(), procedureUri.fsPath).value as { steps: Array<{ id: string; name: string; decision?: string }> };
    assert.deepStrictEqual(
      steps.children.map((s) => s.name),
      model.steps.map((step) => `${step.decision ? '◇ ' : ''}${step.id} — ${step.name}`),
    );
    const first = steps.children[0]!;
    assert.ok(first.selectionRange.isEqual(rangeOf(document, '- id: tiep-nhan', 'tiep-nhan')), JSON.stringify(first.selectionRange));
    assert.ok(['Header', 'Phần đầu'].includes(symbols[0]!.name), symbols[0]!.name);
  });
});
