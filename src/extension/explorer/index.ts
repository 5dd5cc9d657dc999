import * as path from 'node:path';
import * as vscode from 'vscode';
import { SYSTEM_FILE_NAME } from '../../core/model/discover';
import { parseYaml } from '../../core/yaml/parse';
import { rangeAtPointer } from '../../core/yaml/pointer';
import { toRange } from '../convert';
import type { LintService } from '../lint/lint-service';
import type { Target } from './model';
import { EXPLORER_VIEW_ID, OPEN_TARGET_COMMAND, QmsExplorer } from './tree';

export { QmsExplorer, EXPLORER_VIEW_ID } from './tree';
export type { ExplorerNode } from './tree';

/** Context keys for `when` clauses (menus, welcome view, walkthrough). */
export const CONTEXT_WORKSPACE_OPEN = 'qms.workspaceOpen';
export const CONTEXT_CAN_INITIALIZE = 'qms.canInitialize';

/** The QMS explorer tree view. Returns its data provider (exposed to tests through the extension API). */
export function registerExplorer(context: vscode.ExtensionContext, lint: LintService): QmsExplorer {
  const explorer = new QmsExplorer(lint);
  workspaceOpen = undefined;
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: explorer, showCollapseAll: true });
  explorer.attach(view);

  const refresh = () => {
    explorer.refresh();
    void updateWorkspaceOpen(lint);
  };
  // A qms.yaml appearing or going away changes the set of workspaces; the lint service re-discovers
  // them but only announces workspaces it lints, so a removed one is picked up here.
  const rediscover = () => {
    void updateCanInitialize();
    void lint.discover().then(refresh, refresh);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${SYSTEM_FILE_NAME}`, false, true, false);

  context.subscriptions.push(
    explorer,
    view,
    watcher,
    watcher.onDidCreate(rediscover),
    watcher.onDidDelete(rediscover),
    vscode.workspace.onDidChangeWorkspaceFolders(rediscover),
    lint.onDidLint(refresh),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('qms.explorer')) explorer.refresh();
    }),
    vscode.commands.registerCommand(OPEN_TARGET_COMMAND, (target: Target) => openTarget(target)),
    vscode.commands.registerCommand('qms.explorer.refresh', () => lint.lintAll()),
  );
  void updateWorkspaceOpen(lint);
  void updateCanInitialize();
  return explorer;
}

/** Opens the file of `target` and selects the node its pointer names. */
export async function openTarget(target: Target): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(target.file));
  let selection = new vscode.Range(0, 0, 0, 0);
  if (target.pointer) {
    // Parsed from the buffer, so the range is right even while the file has unsaved edits.
    selection = toRange(rangeAtPointer(parseYaml(document.getText(), target.file), target.pointer));
  }
  const editor = await vscode.window.showTextDocument(document, { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

let workspaceOpen: boolean | undefined;

/** `qms.workspaceOpen`: a QMS workspace is loaded (set when it changes: this runs after every lint). */
async function updateWorkspaceOpen(lint: LintService): Promise<void> {
  const open = lint.all.length > 0;
  if (open === workspaceOpen) return;
  workspaceOpen = open;
  await vscode.commands.executeCommand('setContext', CONTEXT_WORKSPACE_OPEN, open);
}

/** `qms.canInitialize`: a workspace folder has no qms.yaml at its root. */
async function updateCanInitialize(): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  const missing = await Promise.all(
    folders.map(async (folder) => {
      try {
        await vscode.workspace.fs.stat(vscode.Uri.file(path.join(folder.uri.fsPath, SYSTEM_FILE_NAME)));
        return false;
      } catch {
        return true;
      }
    }),
  );
  await vscode.commands.executeCommand('setContext', CONTEXT_CAN_INITIALIZE, missing.some(Boolean));
}
