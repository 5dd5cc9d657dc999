// Generating controlled documents from the editor, in the real extension host: the core's
// generation fed by the open buffers and the lint findings on screen, flowcharts drawn by Mermaid
// in a webview, files written into the workspace copy. Every wait is on a command's own promise.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { loadSourceFile } from '../../../src/core/model/source-file';
import { escapeHtml, escapeMarkdown } from '../../../src/core/render/escape';
import type { Manifest } from '../../../src/core/render/generate';
import type { CopyTemplateOutcome, GenerateOutcome } from '../../../src/extension/commands';
import type { QmsKitApi } from '../../../src/extension/extension';
import { rangeOf, workspaceUri } from './helpers';

const EXTENSION_ID = 'qmskit.qmskit';
const FILE = 'procedures/QT-BCHQS-06.qms.yaml';
const CODE = 'QT-BCHQS-06';

const decoder = new TextDecoder('utf-8');
const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(
  () => true,
  () => false,
);

/** The text of markup, tags dropped and whitespace ignored (Mermaid splits labels into tspans); entities stay as written. */
const textOf = (markup: string) => markup.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, '');
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('generating controlled documents', function () {
  this.timeout(120_000);
  const uri = workspaceUri(FILE);
  const outDir = workspaceUri('controlled');
  let api: QmsKitApi;
  let document: vscode.TextDocument;
  let stepNames: string[];

  before(async () => {
    api = await vscode.extensions.getExtension<QmsKitApi>(EXTENSION_ID)!.activate();
    await api.ready;
    // The workspace copy may carry the outputs of an earlier `npm run example`: start without them,
    // so every file found below was written by these tests.
    await vscode.workspace.fs.delete(outDir, { recursive: true }).then(undefined, () => undefined);
    document = await vscode.workspace.openTextDocument(uri);
    const model = loadSourceFile(uri.fsPath, document.getText()).model as { steps?: Array<{ name?: string }> } | undefined;
    stepNames = (model?.steps ?? []).map((step) => step.name ?? '');
    assert.ok(stepNames.length > 5 && stepNames.every(Boolean), `${FILE} should have named steps: ${JSON.stringify(stepNames)}`);
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.fs.delete(workspaceUri('templates'), { recursive: true }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('qms.generateDocument issues the open procedure: its code, its steps, its flowchart drawn in a webview', async () => {
    await vscode.window.showTextDocument(document);
    const outcome = await vscode.commands.executeCommand<GenerateOutcome | undefined>('qms.generateDocument', uri);
    assert.ok(outcome, 'the command returned nothing');
    assert.deepStrictEqual(outcome.notIssued, []);
    const written = outcome.written.map((u) => vscode.workspace.asRelativePath(u));
    assert.deepStrictEqual(written, [`controlled/${CODE}.html`, `controlled/${CODE}.md`, `controlled/decisions/${CODE}.html`, `controlled/decisions/${CODE}.md`, 'controlled/index.json']);
    for (const file of outcome.written) assert.ok(await exists(file), `${file.fsPath} was not written`);

    const html = await read(workspaceUri(`controlled/${CODE}.html`));
    const markdown = await read(workspaceUri(`controlled/${CODE}.md`));
    // Each output escapes names its own way (the core's escaping): expect them as printed.
    for (const [name, text, escape] of [['HTML', textOf(html), escapeHtml], ['Markdown', squeeze(markdown), escapeMarkdown]] as const) {
      assert.ok(text.includes(CODE), `the ${name} does not name ${CODE}`);
      const missing = stepNames.filter((step) => !text.includes(squeeze(escape(step))));
      assert.deepStrictEqual(missing, [], `steps missing from the ${name}`);
    }
    // The flowchart is an inline SVG drawn by Mermaid (not its source): its labels are the steps.
    const figure = /<figure class="flowchart">\s*(<svg[\s\S]*?<\/svg>)\s*<\/figure>/.exec(html);
    assert.ok(figure, 'no inline <svg> flowchart in the HTML');
    assert.ok(!html.includes('class="mermaid-source"'), 'the HTML carries the Mermaid source: the webview did not draw it');
    assert.ok(textOf(figure[1]!).includes(squeeze(stepNames[0]!)), 'the SVG does not show the first step');
    assert.ok(markdown.includes('```mermaid'), 'the Markdown carries the flowchart as a Mermaid block');
    assert.match(outcome.message, new RegExp(`^Generated ${CODE}: `));
  });

  it('qms.generateAll issues every document of the workspace, listed in controlled/index.json', async () => {
    const root = api.lint.linterFor(uri.fsPath)!.root;
    const outcome = await vscode.commands.executeCommand<GenerateOutcome | undefined>('qms.generateAll', { root });
    assert.ok(outcome, 'the command returned nothing');
    assert.deepStrictEqual(outcome.notIssued, []);
    const manifest = JSON.parse(await read(workspaceUri('controlled/index.json'))) as Manifest;

    // Every procedure, document and process of the workspace, as the core reads it.
    const models = api.lint.linterFor(uri.fsPath)!.current!.files.map((f) => f.model as { kind?: string; code?: string; id?: string } | undefined);
    const codes = models.filter((m) => m?.kind === 'procedure' || m?.kind === 'document').map((m) => m!.code!).sort();
    const processes = models.filter((m) => m?.kind === 'process').map((m) => m!.id!).sort();
    assert.ok(codes.length > 5 && codes.includes(CODE), JSON.stringify(codes));
    assert.deepStrictEqual(manifest.documents.map((d) => d.code).sort(), codes);
    assert.deepStrictEqual(manifest.processes.map((p) => p.code).sort(), processes);
    assert.deepStrictEqual(manifest.workspace.map((w) => w.output), ['master-list', 'records-register', 'clause-coverage', 'process-map']);
    assert.deepStrictEqual(manifest.notIssued, []);
    for (const entry of [...manifest.documents, ...manifest.processes, ...manifest.workspace]) {
      assert.ok(entry.files.length > 0, `nothing issued for ${'code' in entry ? entry.code : entry.output}`);
      for (const file of entry.files) assert.ok(await exists(vscode.Uri.joinPath(outDir, file.path)), `${file.path} is in index.json but not on disk`);
    }
    const listed = [...manifest.documents, ...manifest.processes, ...manifest.workspace].flatMap((entry) => entry.files.map((f) => `controlled/${f.path}`));
    assert.deepStrictEqual(outcome.written.map((u) => vscode.workspace.asRelativePath(u)).sort(), [...listed, 'controlled/index.json'].sort());
    const issued = manifest.documents.length + manifest.processes.length + manifest.workspace.length;
    assert.strictEqual(outcome.message, `Generated ${issued} documents in controlled.`);
  });

  it('a procedure with a lint error in its unsaved buffer is not issued, and the message says why', async () => {
    const before = await read(workspaceUri(`controlled/${CODE}.html`));
    const editor = await vscode.window.showTextDocument(document);
    const range = rangeOf(editor.document, 'role: nhan-vien-mot-cua', 'nhan-vien-mot-cua');
    assert.ok(await editor.edit((edit) => edit.replace(range, 'nhan-vien-khong-co')));
    assert.ok(editor.document.isDirty);
    // At once, without waiting for the diagnostics: the command lints the buffer before it decides.
    const outcome = await vscode.commands.executeCommand<GenerateOutcome | undefined>('qms.generateDocument', uri);
    assert.ok(outcome, 'the command returned nothing');
    assert.strictEqual(outcome.notIssued.length, 1, JSON.stringify(outcome.notIssued));
    const [refused] = outcome.notIssued;
    assert.strictEqual(refused!.code, CODE);
    assert.strictEqual(refused!.source, FILE);
    assert.ok(
      refused!.errors.some((e) => e.ruleId === 'ref/unknown-role' && e.line === range.start.line + 1),
      JSON.stringify(refused!.errors),
    );
    // Any edit of an approved procedure is also a change without a new revision (doc/changed-without-revision).
    assert.match(outcome.message, new RegExp(`^${CODE} was not issued: ${refused!.errors.length} lint error\\(s\\) in ${FILE}, the first at line \\d+: [^\\n]+[^.]\\. The copy issued before, if any, stays in force\\.`));
    assert.ok(!outcome.written.some((u) => u.path.endsWith(`/${CODE}.html`)), 'the refused document was written');
    assert.strictEqual(await read(workspaceUri(`controlled/${CODE}.html`)), before, 'the copy issued before must stay as it was');
    const manifest = JSON.parse(await read(workspaceUri('controlled/index.json'))) as Manifest;
    assert.deepStrictEqual(
      manifest.notIssued.map((n) => n.code),
      [CODE],
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!document.isDirty);
  });

  it('qms.copyTemplate copies a built-in template into templates/, opens it, and never overwrites it', async () => {
    const first = await vscode.commands.executeCommand<CopyTemplateOutcome | undefined>('qms.copyTemplate', { file: 'partials/flowchart.hbs' });
    assert.ok(first?.copied, JSON.stringify(first));
    assert.strictEqual(vscode.workspace.asRelativePath(first.uri), 'templates/partials/flowchart.hbs');
    assert.ok((await read(first.uri)).includes('<figure class="flowchart">'));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), first.uri.toString(), 'the copy is not opened');
    await vscode.workspace.fs.writeFile(first.uri, new TextEncoder().encode('{{!-- mine --}}'));
    const second = await vscode.commands.executeCommand<CopyTemplateOutcome | undefined>('qms.copyTemplate', { file: 'partials/flowchart.hbs' });
    assert.ok(second && !second.copied, JSON.stringify(second));
    assert.strictEqual(second.uri.toString(), first.uri.toString());
    assert.strictEqual(await read(first.uri), '{{!-- mine --}}');
  });
});
