// The workbench side of QMS Kit in the real extension host: the QMS explorer (through the
// extension's API), the commands, New Procedure with its prompts answered by arguments, and
// Initialize refusing to overwrite. Waits on events or polls the API with a deadline; never sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { nodeFileSystem } from '../../../src/core/io/node-file-system';
import { isReviewOverdue, reviewScheduleOf } from '../../../src/core/model/review';
import { loadWorkspace, systemModel, type Workspace } from '../../../src/core/model/workspace';
import { suggestProcedureCode } from '../../../src/core/scaffold/new-procedure';
import { starterFiles } from '../../../src/core/scaffold/starter';
import type { InitWorkspaceResult } from '../../../src/extension/commands';
import type { ExplorerNode, QmsExplorer } from '../../../src/extension/explorer';
import type { QmsKitApi } from '../../../src/extension/extension';
import { codeOf, waitForDiagnostics, workspaceUri } from './helpers';

const EXTENSION_ID = 'qmskit.qmskit';

/**
 * Resolves with the first truthy value of `probe`, evaluated now, whenever one of `events` fires,
 * and every 50 ms (the API is polled, never slept on). On timeout the error says what was seen.
 */
function until<T>(what: string, probe: () => T | undefined | false, events: Array<vscode.Event<unknown>> = [], timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let last: unknown;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      clearInterval(poll);
      subscriptions.forEach((s) => s.dispose());
      fn();
    };
    const check = () => {
      try {
        const value = probe();
        if (value) finish(() => resolve(value));
      } catch (error) {
        last = error;
      }
    };
    for (const event of events) subscriptions.push(event(check));
    const poll = setInterval(check, 50);
    const timer = setTimeout(() => finish(() => reject(new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`))), timeoutMs);
    check();
  });
}

/**
 * Asks the harness for a screenshot of the workbench as it is now (saved as NAME.png with the
 * run's screenshots) and waits until it is written. A no-op outside scripts/e2e.mjs.
 */
async function screenshot(name: string): Promise<void> {
  const dir = process.env.QMS_E2E_SCREENSHOTS;
  if (!dir) return;
  console.log(`[qmskit-e2e] screenshot ${name}`);
  await until(`screenshot ${name}.png`, () => fs.existsSync(path.join(dir, `${name}.png`)));
}

const labelOf = (explorer: QmsExplorer, node: ExplorerNode) => {
  const label = explorer.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
};

function child(explorer: QmsExplorer, nodes: ExplorerNode[], label: string | RegExp): ExplorerNode {
  const found = nodes.find((n) => (typeof label === 'string' ? labelOf(explorer, n) === label : label.test(labelOf(explorer, n))));
  assert.ok(found, `no item ${label} among: ${nodes.map((n) => labelOf(explorer, n)).join(' | ')}`);
  return found;
}

function workspaceRoot(): string {
  return vscode.workspace.workspaceFolders![0]!.uri.fsPath;
}

describe('QMS workbench: explorer and commands', () => {
  let api: QmsKitApi;
  let explorer: QmsExplorer;
  let onDisk: Workspace;

  before(async () => {
    const extension = vscode.extensions.getExtension<QmsKitApi>(EXTENSION_ID)!;
    api = await extension.activate();
    await api.ready;
    explorer = api.explorer;
    assert.ok(explorer, 'the extension API has no explorer');
    onDisk = await loadWorkspace(nodeFileSystem, workspaceRoot());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    // Leave the QMS explorer showing a procedure's steps, a decision selected and open in the
    // editor, for the screenshot explorer.png.
    await vscode.commands.executeCommand('qms.openExplorer');
    const processes = explorer.getChildren(child(explorer, explorer.getChildren(), 'Processes'));
    const procedure = child(explorer, explorer.getChildren(child(explorer, processes, /^P-02 — /)), /^QT-BCHQS-06 — /);
    const steps = explorer.getChildren(procedure);
    const step = steps.find((n) => n.type === 'step' && n.step.decision) ?? steps[0]!;
    await explorer.reveal(step);
    const command = explorer.getTreeItem(step).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await screenshot('explorer');
  });

  it('the QMS explorer lists the example processes, their procedures and steps', async () => {
    const groups = await until('explorer groups', () => {
      const nodes = explorer.getChildren();
      return nodes.length ? nodes : undefined;
    }, [explorer.onDidChangeTreeData]);
    assert.deepStrictEqual(
      groups.map((n) => labelOf(explorer, n)),
      ['Processes', 'Documents by status', 'Review due in 30 days', 'Overdue'],
    );

    const expected = onDisk.files
      .map((f) => f.model)
      .filter((m) => m?.kind === 'process')
      .map((m) => m as { id: string; name: string })
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((m) => `${m.id} — ${m.name}`);
    assert.ok(expected.length >= 3, `the example has ${expected.length} processes`);
    const processes = explorer.getChildren(child(explorer, groups, 'Processes'));
    assert.deepStrictEqual(processes.map((n) => labelOf(explorer, n)), expected);

    // P-02 carries out QT-BCHQS-06, approved; its steps in order, decisions with their own icon.
    const p02 = child(explorer, processes, /^P-02 — /);
    const procedure = child(explorer, explorer.getChildren(p02), 'QT-BCHQS-06 — Quy trình đăng ký nghĩa vụ quân sự lần đầu');
    assert.strictEqual(explorer.getTreeItem(procedure).description, 'Approved');
    const model = onDisk.files.find((f) => f.path.endsWith('QT-BCHQS-06.qms.yaml'))!.model as { steps: Array<{ id: string; name: string; decision?: string }> };
    const steps = explorer.getChildren(procedure);
    assert.deepStrictEqual(steps.map((n) => labelOf(explorer, n)), model.steps.map((s) => `${s.id} — ${s.name}`));
    const icons = steps.map((n) => (explorer.getTreeItem(n).iconPath as vscode.ThemeIcon).id);
    model.steps.forEach((step, i) => {
      if (step.decision) assert.strictEqual(icons[i], 'question', `decision step ${step.id}`);
      else assert.notStrictEqual(icons[i], 'question', `step ${step.id}`);
    });
    assert.ok(model.steps.some((s) => s.decision), 'the example procedure has a decision step');
  });

  it('clicking an explorer item opens the file with the node selected', async () => {
    const processes = explorer.getChildren(child(explorer, explorer.getChildren(), 'Processes'));
    const procedure = child(explorer, explorer.getChildren(child(explorer, processes, /^P-02 — /)), /^QT-BCHQS-06 — /);
    const step = explorer.getChildren(procedure)[1]!;
    const command = explorer.getTreeItem(step).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.fsPath.endsWith(path.join('procedures', 'QT-BCHQS-06.qms.yaml')), editor.document.uri.fsPath);
    const selected = editor.document.getText(editor.selection);
    const stepId = labelOf(explorer, step).split(' — ')[0]!;
    assert.ok(selected.startsWith(`id: ${stepId}\n`), `selection: ${JSON.stringify(selected.slice(0, 80))}`);

    const item = explorer.getTreeItem(procedure).command!;
    await vscode.commands.executeCommand(item.command, ...(item.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), 'QT-BCHQS-06');
  });

  it('groups documents by status and lists the reviews due and overdue', () => {
    const groups = explorer.getChildren();
    const statuses = explorer.getChildren(child(explorer, groups, 'Documents by status'));
    assert.deepStrictEqual(statuses.map((n) => labelOf(explorer, n)), ['Approved', 'In review', 'Draft', 'Obsolete']);
    const controlled = onDisk.files.map((f) => f.model).filter((m) => m?.kind === 'procedure' || m?.kind === 'document') as Array<{ code: string; status: string; kind: string }>;
    const approved = explorer.getChildren(statuses[0]).map((n) => labelOf(explorer, n).split(' — ')[0]);
    assert.deepStrictEqual(approved, controlled.filter((m) => m.status === 'approved').map((m) => m.code).sort());

    // Against the shared review schedule (src/core/model/review.ts) and today's local date.
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const horizon = new Date(`${today}T00:00:00Z`);
    horizon.setUTCDate(horizon.getUTCDate() + 30);
    const limit = horizon.toISOString().slice(0, 10);
    const system = systemModel(onDisk);
    const due: string[] = [];
    const overdue: string[] = [];
    for (const m of controlled.filter((c) => c.status === 'approved')) {
      const schedule = reviewScheduleOf(m, system);
      if (!schedule) continue;
      if (isReviewOverdue(schedule, today)) overdue.push(m.code);
      else if (schedule.next <= limit) due.push(m.code);
    }
    const codesIn = (label: string) => explorer.getChildren(child(explorer, groups, label)).map((n) => labelOf(explorer, n).split(' — ')[0]).sort();
    assert.deepStrictEqual(codesIn('Review due in 30 days'), due.sort());
    assert.deepStrictEqual(codesIn('Overdue'), overdue.sort());
  });

  it('shows the number of errors in QMS files as a badge on the view', async () => {
    const errors: string[] = [];
    api.lint.diagnostics.forEach((uri, ds) => ds.forEach((d) => d.severity === vscode.DiagnosticSeverity.Error && errors.push(`${uri.fsPath}:${d.range.start.line + 1} ${codeOf(d)} ${d.message}`)));
    assert.strictEqual(explorer.errorCount(), errors.length);
    assert.strictEqual(explorer.badge, undefined, `badge on the clean example: ${JSON.stringify(explorer.badge)}; errors: ${errors.join(' | ')}`);
    // An unknown owner in a process: one error, then none once the edit is reverted.
    const uri = workspaceUri('processes/P-03.qms.yaml');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    try {
      const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('owner: '));
      assert.ok(line >= 0, 'P-03 has no owner line');
      await editor.edit((edit) => edit.replace(new vscode.Range(line, 'owner: '.length, line, editor.document.lineAt(line).text.length), 'khong-co-vai-tro-nay'));
      const badge = await until('a badge with one error', () => explorer.badge?.value === 1 && explorer.badge, [explorer.onDidChangeTreeData]);
      assert.strictEqual(badge.tooltip, '1 error in QMS files');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await until('no badge once the error is gone', () => explorer.badge === undefined, [explorer.onDidChangeTreeData]);
  });

  it('registers every contributed command, with a QMS category and a localized title', async () => {
    const registered = await vscode.commands.getCommands(true);
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as Array<{ command: string; title: unknown; category: unknown }>;
    const ids = contributed.map((c) => c.command);
    for (const id of ['qms.lintWorkspace', 'qms.newProcedure', 'qms.initWorkspace', 'qms.openExplorer']) assert.ok(ids.includes(id), `${id} is not contributed`);
    for (const command of contributed) {
      assert.ok(registered.includes(command.command), `${command.command} is contributed but not registered`);
      assert.strictEqual(command.category, 'QMS', command.command);
      const title = typeof command.title === 'string' ? command.title : (command.title as { value: string }).value;
      assert.ok(title && !title.startsWith('%'), `${command.command} has no localized title: ${JSON.stringify(command.title)}`);
    }
    const titles = Object.fromEntries(contributed.map((c) => [c.command, typeof c.title === 'string' ? c.title : (c.title as { value: string }).value]));
    assert.strictEqual(titles['qms.newProcedure'], 'New Procedure…');
    assert.strictEqual(titles['qms.initWorkspace'], 'Initialize QMS Workspace');
    await vscode.commands.executeCommand('qms.openExplorer');
  });

  it('contributes the explorer container, snippets, a walkthrough with its pages and the qms.* settings', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributes = extension.packageJSON.contributes;
    const file = (relative: string) => path.join(extension.extensionPath, relative);
    assert.deepStrictEqual(contributes.views.qms.map((v: { id: string }) => v.id), ['qms.explorer']);
    assert.ok(fs.existsSync(file(contributes.viewsContainers.activitybar[0].icon)), 'activity bar icon');
    for (const snippets of contributes.snippets) {
      assert.strictEqual(snippets.language, 'qms-yaml');
      const text = fs.readFileSync(file(snippets.path), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      assert.deepStrictEqual(Object.keys(JSON.parse(text)).sort(), ['QMS decision step', 'QMS form', 'QMS record', 'QMS step']);
    }
    const [walkthrough] = contributes.walkthroughs;
    assert.strictEqual(walkthrough.title, 'Get started with QMS Kit');
    for (const step of walkthrough.steps) {
      assert.match(step.media.markdown, /^walkthrough\/[a-z-]+\.md$/, step.id);
      assert.ok(fs.existsSync(file(step.media.markdown)), `${step.id}: ${step.media.markdown} is missing`);
    }
    const properties = contributes.configuration.properties as Record<string, { scope: string; description: string }>;
    for (const key of ['qms.lint.run', 'qms.lint.debounce', 'qms.preview.direction', 'qms.preview.showForms', 'qms.output.formats', 'qms.output.locale', 'qms.explorer.reviewHorizonDays']) {
      assert.ok(properties[key], `${key} is not contributed`);
      assert.strictEqual(properties[key]!.scope, 'resource', key);
      assert.ok(properties[key]!.description && !properties[key]!.description.startsWith('%'), `${key}: ${properties[key]!.description}`);
    }
    const settings = vscode.workspace.getConfiguration('qms', vscode.workspace.workspaceFolders![0]!.uri);
    assert.deepStrictEqual(
      ['preview.direction', 'preview.showForms', 'output.formats', 'output.locale', 'explorer.reviewHorizonDays'].map((key) => settings.get(key)),
      ['TD', true, ['html', 'md'], 'auto', 30],
    );
    assert.strictEqual(extension.packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  describe('New Procedure', () => {
    const processRel = 'processes/P-02.qms.yaml';
    let processText: string;
    let created: vscode.Uri | undefined;

    before(() => {
      processText = fs.readFileSync(path.join(workspaceRoot(), processRel), 'utf8');
    });

    after(async () => {
      // Leave the workspace as it was, for the tests after these and the UI stage.
      if (created) fs.rmSync(created.fsPath, { force: true });
      fs.writeFileSync(path.join(workspaceRoot(), processRel), processText);
      const gone = () => !created || !api.lint.linterFor(created.fsPath)?.current?.index.byPath.has(created.fsPath);
      // A keystroke lint of another buffer can supersede a reload; then reload again.
      for (let attempt = 0; attempt < 5; attempt++) {
        await api.lint.lintAll();
        if (gone()) break;
      }
      assert.ok(gone(), 'the deleted procedure is still in the linted workspace');
    });

    it('creates procedures/<code>.qms.yaml from arguments, lists it in its process, and it lints clean', async () => {
      const root = workspaceRoot();
      const code = suggestProcedureCode(api.lint.linterFor(path.join(root, 'qms.yaml'))!.current!)!;
      assert.strictEqual(code, suggestProcedureCode(onDisk));
      const args = { code, title: 'Quy trình thử nghiệm: kiểm tra "tạo mới"', process: 'P-02', owner: 'thu-ky-iso' };
      created = await vscode.commands.executeCommand<vscode.Uri | undefined>('qms.newProcedure', args);
      assert.ok(created, 'qms.newProcedure returned nothing');
      assert.strictEqual(created.fsPath, path.join(root, 'procedures', `${code}.qms.yaml`));

      // Opened, loaded into the linted workspace, and without a single diagnostic.
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, created.fsPath);
      assert.ok(api.lint.linterFor(created.fsPath)?.current?.index.byPath.has(created.fsPath), 'the new file is not in the linted workspace');
      await waitForDiagnostics(created, (ds) => ds.length === 0);
      const text = fs.readFileSync(created.fsPath, 'utf8');
      assert.match(text, /^kind: procedure\ncode: QT-BCHQS-\d+\n/);
      assert.ok(text.includes('title: "Quy trình thử nghiệm: kiểm tra \\"tạo mới\\""'), text);

      // The process lists it: no process/orphan anywhere.
      const processUri = workspaceUri(processRel);
      assert.match(fs.readFileSync(processUri.fsPath, 'utf8'), new RegExp(`procedures: \\[[^\\]]*${code}\\]`));
      await waitForDiagnostics(processUri, (ds) => !ds.some((d) => codeOf(d) === 'process/orphan'));

      // And the explorer shows it under its process.
      await until(
        'the new procedure under P-02 in the explorer',
        () => {
          const processes = explorer.getChildren(child(explorer, explorer.getChildren(), 'Processes'));
          return explorer.getChildren(child(explorer, processes, /^P-02 — /)).some((n) => labelOf(explorer, n).startsWith(`${code} — `));
        },
        [explorer.onDidChangeTreeData],
      );
    });

    it('refuses a code in use or off the numbering rule, writing nothing', async () => {
      const before = fs.readdirSync(path.join(workspaceRoot(), 'procedures')).sort();
      for (const code of ['QT-BCHQS-06', 'QT-BCHQS-9', 'qt-bchqs-10']) {
        const result = await vscode.commands.executeCommand('qms.newProcedure', { code, title: 'X', process: 'P-02', owner: 'thu-ky-iso' });
        assert.strictEqual(result, undefined, code);
      }
      assert.strictEqual(await vscode.commands.executeCommand('qms.newProcedure', { code: 'QT-BCHQS-77', title: 'X', process: 'P-99', owner: 'thu-ky-iso' }), undefined);
      assert.deepStrictEqual(fs.readdirSync(path.join(workspaceRoot(), 'procedures')).sort(), before);
    });
  });

  describe('Initialize QMS Workspace', () => {
    let scratch: string | undefined;

    after(() => {
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    it('refuses to overwrite the open QMS workspace', async () => {
      const root = workspaceRoot();
      const qmsYaml = fs.readFileSync(path.join(root, 'qms.yaml'), 'utf8');
      const result = await vscode.commands.executeCommand<InitWorkspaceResult>('qms.initWorkspace', { folder: root, locale: 'vi' });
      assert.ok(result, 'qms.initWorkspace returned nothing');
      assert.deepStrictEqual(result.written, []);
      assert.ok(result.existing.includes('qms.yaml'), JSON.stringify(result));
      assert.strictEqual(fs.readFileSync(path.join(root, 'qms.yaml'), 'utf8'), qmsYaml);
      assert.ok(!fs.existsSync(path.join(root, 'procedures', 'QT-DV-01.qms.yaml')), 'a starter file was written next to the existing workspace');
    });

    it('writes the starter workspace of qmskit init into an empty folder, once', async () => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qms-init-'));
      const files = starterFiles('en');
      const result = await vscode.commands.executeCommand<InitWorkspaceResult>('qms.initWorkspace', { folder: scratch, locale: 'en' });
      assert.deepStrictEqual(result?.written.sort(), Object.keys(files).sort());
      for (const [relative, text] of Object.entries(files)) assert.strictEqual(fs.readFileSync(path.join(scratch, relative), 'utf8'), text, relative);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(scratch, 'qms.yaml'));

      // Again, in Vietnamese: qms.yaml and the process exist, so not even the Vietnamese procedure is written.
      fs.writeFileSync(path.join(scratch, 'qms.yaml'), '# edited\n');
      const again = await vscode.commands.executeCommand<InitWorkspaceResult>('qms.initWorkspace', { folder: scratch, locale: 'vi' });
      assert.deepStrictEqual(again, { folder: scratch, written: [], existing: ['qms.yaml', 'processes/P-01.qms.yaml'] });
      assert.strictEqual(fs.readFileSync(path.join(scratch, 'qms.yaml'), 'utf8'), '# edited\n');
      assert.ok(!fs.existsSync(path.join(scratch, 'procedures', 'QT-DV-01.qms.yaml')));
    });
  });
});
