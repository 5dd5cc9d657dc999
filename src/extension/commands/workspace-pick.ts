import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LintService } from '../lint/lint-service';
import type { WorkspaceLinter } from '../lint/workspace-linter';

// What every "QMS:" command that works on a QMS workspace starts with.

/** The QMS workspace to work in: the given root, the only one, or the one the user picks. */
export async function pickWorkspace(lint: LintService, root?: string): Promise<WorkspaceLinter | undefined> {
  if (!lint.all.some((l) => l.current)) await lint.discover();
  const linters = lint.all.filter((l) => l.current).sort((a, b) => (a.root < b.root ? -1 : 1));
  if (root !== undefined) {
    const linter = linters.find((l) => l.root === path.resolve(root));
    if (!linter) void fail(vscode.l10n.t('{0} is not a QMS workspace (no qms.yaml there).', root));
    return linter;
  }
  if (linters.length === 1) return linters[0];
  if (!linters.length) {
    const initialize = vscode.l10n.t('Initialize QMS Workspace');
    void vscode.window.showErrorMessage(vscode.l10n.t('There is no QMS workspace (a folder with a qms.yaml) open.'), initialize).then((choice) => {
      if (choice === initialize) void vscode.commands.executeCommand('qms.initWorkspace');
    });
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    linters.map((linter) => ({ label: path.basename(linter.root), description: vscode.workspace.asRelativePath(linter.root), linter })),
    { placeHolder: vscode.l10n.t('Which QMS workspace?'), ignoreFocusOut: true },
  );
  return picked?.linter;
}

/** Shows why a command did nothing; resolves the command's result as undefined. */
export function fail(message: string): undefined {
  void vscode.window.showErrorMessage(message);
  return undefined;
}
