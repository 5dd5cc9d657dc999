// The flowchart preview in the real extension host and a real webview (code-server's workbench in
// Chromium): Mermaid draws in the webview and reports back; the test waits on those reports
// through the extension's test hooks (events with deadlines, never fixed sleeps).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { loadSourceFile } from '../../../src/core/model/source-file';
import { parseYaml } from '../../../src/core/yaml/parse';
import { rangeAtPointer } from '../../../src/core/yaml/pointer';
import type { QmsKitApi } from '../../../src/extension/extension';
import type { CompareOutcome, PreviewTestHooks } from '../../../src/extension/preview';
import { rangeOf, workspaceUri } from './helpers';

const EXTENSION_ID = 'qmskit.qmskit';
const FILE = 'procedures/QT-BCHQS-06.qms.yaml';

/** Step count of a procedure, from the core's own reading of the YAML. */
function stepCount(text: string): number {
  const model = loadSourceFile('/x.qms.yaml', text).model as { steps?: unknown[] } | undefined;
  return model?.steps?.length ?? 0;
}

/** The text an SVG shows (Mermaid puts each word of a label in its own tspan). */
function textOfSvg(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Resolves when `probe` holds: checked now, on every selection change, and every 50 ms. */
function until(what: string, probe: () => boolean, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearInterval(poll);
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (probe()) finish();
    };
    const subscription = vscode.window.onDidChangeTextEditorSelection(check);
    const poll = setInterval(check, 50);
    const timer = setTimeout(() => finish(new Error(`${what}: not within ${timeoutMs} ms`)), timeoutMs);
    check();
  });
}

describe('flowchart preview', function () {
  this.timeout(60_000);
  const uri = workspaceUri(FILE);
  let api: QmsKitApi;
  let hooks: PreviewTestHooks;
  let document: vscode.TextDocument;
  let steps: number;
  const written: vscode.Uri[] = [];

  before(async () => {
    api = await vscode.extensions.getExtension<QmsKitApi>(EXTENSION_ID)!.activate();
    await api.ready;
    assert.ok(api.preview, 'the extension API has no preview');
    hooks = api.preview.testing;
    document = await vscode.workspace.openTextDocument(uri);
    steps = stepCount(document.getText());
    assert.ok(steps > 5, `${FILE} should have steps; found ${steps}`);
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    for (const file of written) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('qms.openPreview draws the procedure in the webview, one node per step', async () => {
    await vscode.window.showTextDocument(document);
    const rendered = hooks.nextRender((m) => m.uri === uri.toString(), 45_000);
    await vscode.commands.executeCommand('qms.openPreview');
    const message = await rendered;
    assert.strictEqual(message.stepIds.length, steps, `step nodes in the SVG: ${message.stepIds.join(', ')}`);
    assert.strictEqual(new Set(message.stepIds).size, steps);
    // Steps, plus the start terminal and one end terminal per ending step.
    assert.ok(message.nodeCount > steps, `nodeCount ${message.nodeCount}`);
    assert.ok(Object.values(message.labels).some((label) => label.includes('Tiếp nhận hồ sơ')), JSON.stringify(message.labels));
    assert.ok(hooks.current?.visible, 'the preview panel is not visible');
    console.log(`    first render: ${message.ms} ms in Mermaid, ${message.nodeCount} nodes`);
  });

  it('draws again as the user types: the newest text wins, stale renders are dropped', async () => {
    const range = rangeOf(document, 'name: Tiếp nhận hồ sơ', 'Tiếp nhận hồ sơ');
    const seqBefore = hooks.current!.latestSeq;
    // Three quick edits, as keystrokes would come: only the last one must be drawn.
    const names = ['Tiếp nhận hồ sơ A', 'Tiếp nhận hồ sơ AB', 'Tiếp nhận hồ sơ ABC (đã sửa)'];
    const rendered = hooks.nextRender((m) => Object.values(m.labels).some((label) => label.includes(names[2]!)));
    let current = range;
    for (const name of names) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, current, name);
      assert.ok(await vscode.workspace.applyEdit(edit));
      current = new vscode.Range(current.start, current.start.translate(0, name.length));
    }
    const message = await rendered;
    assert.ok(message.seq > seqBefore);
    assert.strictEqual(message.stepIds.length, steps);
    assert.strictEqual(message.seq, hooks.current!.latestSeq, 'the report is about the newest render');
  });

  it('a click on a step node selects the step in the YAML', async () => {
    const nodeId = 's5';
    const expected = document.getText().includes('id: tham-dinh') ? rangeAtPointer(parseYaml(document.getText(), uri.fsPath), '/steps/5') : undefined;
    assert.ok(expected, 'step 5 of the procedure is tham-dinh');
    // Exactly what the webview posts on a click, through the same validation.
    await hooks.receive({ type: 'nodeClick', nodeId });
    await until('the editor selects /steps/5', () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.uri.toString() !== uri.toString()) return false;
      const s = editor.selection;
      return s.start.line === expected.start.line - 1 && s.start.character === expected.start.column - 1 && s.end.line === expected.end.line - 1 && s.end.character === expected.end.column - 1;
    });
    assert.ok(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection).startsWith('id: tham-dinh'));
    assert.ok(hooks.current?.visible, 'the preview stays visible beside the editor');
  });

  it('refuses a click message outside the protocol', async () => {
    const editor = vscode.window.activeTextEditor!;
    const before = editor.selection;
    await hooks.receive({ type: 'nodeClick', nodeId: 's0', command: 'workbench.action.terminal.new' });
    await hooks.receive({ type: 'nodeClick', nodeId: 's0"]; alert(1)' });
    assert.ok(editor.selection.isEqual(before), 'a refused message moved the selection');
  });

  it('moving the cursor onto a step highlights its node', async () => {
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    const line = rangeOf(editor.document, 'name: Ký Giấy chứng nhận', 'Ký').start;
    const highlighted = hooks.nextMessage('highlighted', (m) => m.nodeIds.includes('s8'));
    editor.selection = new vscode.Selection(line, line);
    const message = await highlighted;
    assert.deepStrictEqual(message.nodeIds, ['s8']);
  });

  it('keeps the last picture and shows the YAML error as text when the YAML breaks', async () => {
    const editor = vscode.window.activeTextEditor!;
    const at = rangeOf(editor.document, '- id: tham-dinh', '- id: tham-dinh').start;
    const shown = hooks.nextMessage('renderError', (m) => m.source === 'host');
    assert.ok(await editor.edit((edit) => edit.insert(at, 'broken: [\n  ')));
    const error = await shown;
    assert.ok(error.keptPicture, 'the last good picture should stay on screen');
    assert.match(error.message, /QT-BCHQS-06\.qms\.yaml:\d+:\d+: /);
    const back = hooks.nextRender();
    assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(at, new vscode.Position(at.line + 1, at.character)))));
    const message = await back;
    assert.strictEqual(message.stepIds.length, steps);
  });

  it('exports SVG and PNG files beside the YAML', async () => {
    const files = await vscode.commands.executeCommand<vscode.Uri[]>('qms.exportPreview');
    assert.ok(files && files.length === 2, `exported: ${JSON.stringify(files?.map((f) => f.fsPath))}`);
    written.push(...files);
    const [svgUri, pngUri] = files;
    assert.strictEqual(svgUri!.toString(), vscode.Uri.joinPath(uri, '..', 'QT-BCHQS-06.svg').toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(svgUri!));
    assert.ok(svg.startsWith('<svg'), svg.slice(0, 80));
    assert.ok(textOfSvg(svg).includes('Tiếp nhận hồ sơ ABC (đã sửa)'), 'the SVG shows the unsaved text');
    const png = await vscode.workspace.fs.readFile(pngUri!);
    assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.strictEqual(Buffer.from(png.subarray(12, 16)).toString('latin1'), 'IHDR');
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    assert.ok(view.getUint32(16) > 100 && view.getUint32(20) > 100, `PNG ${view.getUint32(16)}×${view.getUint32(20)}`);
  });

  it('renders any Mermaid text to SVG in a webview, for documents', async () => {
    const svg = await api.preview.renderDiagramInWebview('flowchart TD\n  a["#lt;b#gt;bold#lt;/b#gt;"] --> b(["Kết thúc"])');
    assert.ok(svg.startsWith('<svg'), svg.slice(0, 80));
    assert.ok(textOfSvg(svg).includes('Kết thúc'), textOfSvg(svg));
    assert.ok(textOfSvg(svg).includes('<b>bold</b>'), 'markup in a label is text');
    assert.ok(!/<foreignObject/i.test(svg), 'document SVG has text labels, not HTML');
    await assert.rejects(api.preview.renderDiagramInWebview('flowchart TD\n  a -->'), /Mermaid could not draw/);
  });

  it('follows the active editor to another procedure', async () => {
    const other = workspaceUri('procedures/QT-BCHQS-01.qms.yaml');
    const rendered = hooks.nextRender((m) => m.uri === other.toString());
    // In the editor's column, beside the preview.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other), { viewColumn: vscode.window.activeTextEditor?.viewColumn });
    const message = await rendered;
    assert.ok(message.stepIds.length > 0);
  });

  it('draws the process map for qms.yaml', async () => {
    const system = workspaceUri('qms.yaml');
    const rendered = hooks.nextRender((m) => m.uri === system.toString());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(system), { viewColumn: vscode.window.activeTextEditor?.viewColumn });
    const message = await rendered;
    assert.strictEqual(message.stepIds.length, 0);
    const processes = Object.values(message.labels).filter((label) => /^P-\d+ — /.test(label));
    assert.ok(processes.length >= 3, `process nodes: ${JSON.stringify(message.labels)}`);
  });

  it('redraws when a preview setting changes', async () => {
    const config = vscode.workspace.getConfiguration('qms.preview', uri);
    const back = hooks.nextRender((m) => m.uri === uri.toString());
    await vscode.window.showTextDocument(document, { viewColumn: vscode.window.activeTextEditor?.viewColumn });
    await back;
    const seq = hooks.current!.latestSeq;
    const rendered = hooks.nextRender((m) => m.seq > seq);
    await config.update('showForms', false, vscode.ConfigurationTarget.Workspace);
    try {
      const message = await rendered;
      assert.ok(!Object.keys(message.labels).some((id) => /^[fr]\d+$/.test(id)), 'no form or record nodes with showForms off');
      assert.strictEqual(message.stepIds.length, steps);
    } finally {
      await config.update('showForms', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('offers "Open flowchart" as a CodeLens on a procedure', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.command === 'qms.openPreviewToSide');
    assert.ok(lens, `lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    assert.strictEqual(lens.command!.title, 'Open flowchart');
    assert.strictEqual(String(lens.command!.arguments?.[0]), String(uri));
  });

  it('renders in a background webview when no preview is open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.strictEqual(hooks.current, undefined, 'the preview is closed');
    const svg = await api.preview.renderDiagramInWebview('flowchart LR\n  a(["Bắt đầu"]) --> b{"Hợp lệ?"}');
    assert.ok(svg.startsWith('<svg') && textOfSvg(svg).includes('Hợp lệ?'), svg.slice(0, 120));
  });
});

describe('flowchart preview compared with the last release', function () {
  this.timeout(60_000);
  const uri = workspaceUri(FILE);
  let hooks: PreviewTestHooks;
  let document: vscode.TextDocument;

  /** The range of the value of `field` in the step `id` of the open procedure. */
  function stepField(id: string, field: string): vscode.Range {
    let line = rangeOf(document, `- id: ${id}`, id).start.line + 1;
    for (; line < document.lineCount && !/^\s+- id: /.test(document.lineAt(line).text); line++) {
      const match = new RegExp(`^(\\s+${field}: )(.*)$`).exec(document.lineAt(line).text);
      if (match) return new vscode.Range(line, match[1]!.length, line, match[0].length);
    }
    throw new Error(`step ${id} of ${FILE} has no ${field}`);
  }

  before(async () => {
    const api = await vscode.extensions.getExtension<QmsKitApi>(EXTENSION_ID)!.activate();
    await api.ready;
    hooks = api.preview!.testing;
    document = await vscode.workspace.openTextDocument(uri);
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('qms.compareWithRelease marks the step whose duration was edited as changed, with a legend; run again, it draws the plain chart', async () => {
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const duration = stepField('tham-dinh', 'duration');
    assert.strictEqual(document.getText(duration), '2 giờ', 'the released duration of tham-dinh');
    assert.ok(await editor.edit((edit) => edit.replace(duration, '1.5 giờ')));

    const compared = hooks.nextRender((m) => m.uri === uri.toString() && m.compare !== undefined, 45_000);
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('qms.compareWithRelease');
    assert.deepStrictEqual(outcome, { comparing: true });
    const message = await compared;
    // What the webview found in the SVG it drew: the nodes with each change class.
    assert.deepStrictEqual({ ...message.compare, legend: undefined }, { added: [], changed: ['s5'], removed: [], legend: undefined });
    assert.match(message.compare!.legend, /Changes since the last release: .*Changed \(1\)/);
    assert.ok(message.labels.s5?.includes('1.5 giờ') && message.labels.s5.includes('duration'), `label of s5: ${message.labels.s5}`);
    assert.deepStrictEqual(hooks.current?.comparing, { release: 'r2.0', date: '2026-03-16', changes: { added: [], changed: ['s5'], removed: [] } });

    // Typing goes on being compared.
    const step = stepField('tiep-nhan', 'duration');
    const retyped = hooks.nextRender((m) => m.compare?.changed.join() === 's0,s5');
    assert.ok(await editor.edit((edit) => edit.replace(step, '20 phút')));
    await retyped;

    const plain = hooks.nextRender((m) => m.uri === uri.toString() && m.compare === undefined);
    assert.deepStrictEqual(await vscode.commands.executeCommand<CompareOutcome>('qms.compareWithRelease'), { comparing: false });
    const back = await plain;
    assert.ok(!Object.values(back.labels).some((label) => label.includes('duration')), 'the plain chart has no change notes');
    assert.strictEqual(hooks.current?.comparing, undefined);
  });

  it('says why when the document has no release to compare with', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const code = rangeOf(document, 'code: QT-BCHQS-06', 'QT-BCHQS-06');
    assert.ok(await editor.edit((edit) => edit.replace(code, 'QT-BCHQS-66')));
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('qms.compareWithRelease', { compare: true });
    assert.strictEqual(outcome.comparing, false);
    assert.match((outcome as { refused?: string }).refused ?? '', /QT-BCHQS-66 has no release recorded in qms\.lock: nothing to compare with\. .*qmskit release QT-BCHQS-66/);
    assert.strictEqual(hooks.current?.comparing, undefined);
  });
});
