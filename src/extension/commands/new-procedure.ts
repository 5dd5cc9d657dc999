import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyEdits } from '../../core/lint/apply-fixes';
import { loadSourceFile } from '../../core/model/source-file';
import { systemModel, type Workspace } from '../../core/model/workspace';
import {
  checkProcedureCode,
  listProcedureInProcess,
  newProcedure,
  newProcedurePath,
  suggestProcedureCode,
  workspaceLocale,
  type CodeProblem,
} from '../../core/scaffold/new-procedure';
import { parseYaml } from '../../core/yaml/parse';
import { rangeAtPointer } from '../../core/yaml/pointer';
import { toRange } from '../convert';
import type { ExplorerNode } from '../explorer';
import type { LintService } from '../lint/lint-service';
import type { WorkspaceLinter } from '../lint/workspace-linter';
import { vscodeFileSystem } from '../vscode-file-system';
import { fail, pickWorkspace } from './workspace-pick';

/** Optional arguments of `qms.newProcedure`: each one given skips its prompt (tests, links, other extensions). */
export interface NewProcedureArgs {
  code?: string;
  title?: string;
  /** Process id. */
  process?: string;
  /** Role id. */
  owner?: string;
  /** The QMS workspace folder (the one holding qms.yaml), when there are several. */
  root?: string;
}

const encoder = new TextEncoder();
const STEPS = 4;

/**
 * "QMS: New Procedure…": asks for the code (checked against the schema, the numbering rule and
 * the codes in use), the title, the process and the owner; writes `procedures/<code>.qms.yaml`
 * from the core scaffold, adds the code to the process's `procedures:` (so that process/orphan
 * has nothing to say) and opens the new file. Resolves to the new file's URI, or undefined.
 */
export async function newProcedureCommand(lint: LintService, arg?: NewProcedureArgs | ExplorerNode): Promise<vscode.Uri | undefined> {
  const args = argsOf(arg);
  const linter = await pickWorkspace(lint, args.root);
  if (!linter?.current) return undefined;
  const workspace = linter.current;
  const relative = (file: string) => vscode.workspace.asRelativePath(file);

  // 1. Code
  let code = args.code?.trim();
  if (code !== undefined) {
    const problem = checkProcedureCode(workspace, code);
    if (problem) return fail(codeMessage(code, problem, relative));
  } else {
    const pattern = systemModel(workspace)?.numbering?.procedure;
    code = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('New Procedure ({0}/{1})', 1, STEPS),
        prompt: pattern ? vscode.l10n.t('Procedure code (numbering rule in qms.yaml: {0})', pattern) : vscode.l10n.t('Procedure code'),
        value: suggestProcedureCode(workspace) ?? '',
        ignoreFocusOut: true,
        validateInput: (value) => {
          const problem = checkProcedureCode(workspace, value.trim());
          return problem ? codeMessage(value.trim(), problem, relative) : undefined;
        },
      })
    )?.trim();
    if (!code) return undefined;
  }
  const file = path.join(linter.root, ...newProcedurePath(code).split('/'));
  if (await vscodeFileSystem.exists(file)) return fail(vscode.l10n.t('{0} already exists; nothing was written.', relative(file)));

  // 2. Title
  let title = args.title?.trim();
  if (args.title !== undefined && !title) return fail(vscode.l10n.t('The title of the procedure must not be empty.'));
  title ??= (
    await vscode.window.showInputBox({
      title: vscode.l10n.t('New Procedure ({0}/{1})', 2, STEPS),
      prompt: vscode.l10n.t('Title of procedure {0}', code),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The title of the procedure must not be empty.')),
    })
  )?.trim();
  if (!title) return undefined;

  // 3. Process
  const processes = [...workspace.index.processes.values()].map((definitions) => definitions[0]!).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!processes.length) return fail(vscode.l10n.t('This QMS workspace has no process yet: a procedure belongs to a process. Add a process file (kind: process) first.'));
  let process = args.process;
  if (process !== undefined && !workspace.index.processes.has(process)) {
    return fail(vscode.l10n.t('There is no process {0} in this QMS workspace.', process));
  }
  process ??= (
    await vscode.window.showQuickPick(
      processes.map((p) => ({ label: p.id, description: p.name, detail: relative(p.file) })),
      { title: vscode.l10n.t('New Procedure ({0}/{1})', 3, STEPS), placeHolder: vscode.l10n.t('The process procedure {0} carries out', code), ignoreFocusOut: true, matchOnDescription: true },
    )
  )?.label;
  if (!process) return undefined;

  // 4. Owner
  const roles = [...workspace.index.roles.values()].map((definitions) => definitions[0]!);
  let owner = args.owner;
  if (owner !== undefined && !workspace.index.roles.has(owner)) return fail(vscode.l10n.t('There is no role {0} in qms.yaml.', owner));
  if (owner === undefined) {
    if (!roles.length) return fail(vscode.l10n.t('qms.yaml defines no roles yet: add the role that owns the procedure under roles: first.'));
    const processOwner = (workspace.index.byPath.get(workspace.index.processes.get(process)![0]!.file)?.model as { owner?: unknown } | undefined)?.owner;
    const items = roles
      .map((role) => ({ label: role.id, description: role.name, detail: role.id === processOwner ? vscode.l10n.t('Owner of process {0}', process!) : undefined }))
      .sort((a, b) => Number(b.label === processOwner) - Number(a.label === processOwner));
    owner = (
      await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('New Procedure ({0}/{1})', 4, STEPS),
        placeHolder: vscode.l10n.t('The role that owns procedure {0}', code),
        ignoreFocusOut: true,
        matchOnDescription: true,
      })
    )?.label;
    if (!owner) return undefined;
  }

  // Write: list the code in its process first, then the procedure, then lint both.
  const listed = await listInProcess(workspace, process, code);
  const text = newProcedure({ code, title, process, owner, locale: workspaceLocale(workspace) });
  const uri = vscode.Uri.file(file);
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(file)));
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  await lintUntilLoaded(lint, linter, file);

  const purpose = toRange(rangeAtPointer(parseYaml(text, file), '/purpose'));
  await vscode.window.showTextDocument(uri, { selection: purpose, preview: false });
  const processFile = relative(workspace.index.processes.get(process)![0]!.file);
  void vscode.window.showInformationMessage(
    listed
      ? vscode.l10n.t('Created {0}; {1} was added to the procedures of process {2} ({3}).', relative(file), code, process, processFile)
      : vscode.l10n.t('Created {0}. Add {1} to the procedures: list of process {2} ({3}).', relative(file), code, process, processFile),
  );
  return uri;
}

function argsOf(arg: NewProcedureArgs | ExplorerNode | undefined): NewProcedureArgs {
  if (!arg || typeof arg !== 'object') return {};
  if ('type' in arg && 'key' in arg) {
    // From the explorer's context menu on a process: that process, in that workspace.
    return arg.type === 'process' && arg.process ? { process: arg.process.id, root: arg.tree.root } : 'tree' in arg ? { root: arg.tree.root } : {};
  }
  return arg as NewProcedureArgs;
}

function codeMessage(code: string, problem: CodeProblem, relative: (file: string) => string): string {
  switch (problem.problem) {
    case 'empty':
      return vscode.l10n.t('Enter the code of the procedure.');
    case 'syntax':
      return vscode.l10n.t('{0} is not a document code: use capital letters (A–Z, Đ) and digits in groups joined by -, / or ., without spaces.', code);
    case 'numbering':
      return vscode.l10n.t('{0} does not follow the numbering rule {1} of qms.yaml: expected a code such as {2}.', code, problem.pattern, problem.example);
    case 'duplicate':
      return vscode.l10n.t('{0} is already the code of {1}.', code, relative(problem.file));
  }
}

/**
 * Adds `code` to the process's `procedures:`. An open buffer is edited like a keystroke would
 * (and saved when it had no unsaved changes); a closed file is edited on disk. False when the
 * list could not be edited safely (the user is told to do it).
 */
async function listInProcess(workspace: Workspace, process: string, code: string): Promise<boolean> {
  const definition = workspace.index.processes.get(process)?.[0];
  if (!definition) return false;
  const uri = vscode.Uri.file(definition.file);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const edits = listProcedureInProcess(loadSourceFile(definition.file, open.getText()), code);
    if (!edits) return false;
    if (!edits.length) return true;
    const wasDirty = open.isDirty;
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(uri, new vscode.Range(open.positionAt(e.start), open.positionAt(e.end)), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    if (!wasDirty) await open.save();
    return true;
  }
  const raw = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = loadSourceFile(definition.file, raw);
  const edits = listProcedureInProcess(source, code);
  if (!edits) return false;
  if (!edits.length) return true;
  await vscode.workspace.fs.writeFile(uri, encoder.encode(bom + applyEdits(source.parsed.text, edits).text));
  return true;
}

/**
 * Lints the workspace until its model holds the new file. A keystroke lint of an open buffer
 * that starts while the reload runs supersedes it (the linters' generation counter), from a
 * model that predates the new file: then the reload is simply run again.
 */
async function lintUntilLoaded(lint: LintService, linter: WorkspaceLinter, file: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await lint.lintAll();
    const current = lint.linterFor(file) ?? linter;
    if (current.current?.index.byPath.has(file)) return;
  }
}
