import * as vscode from 'vscode';
import { QmsCodeActionProvider } from './lint/code-actions';
import { LintService } from './lint/lint-service';

/** Selects our files only: the extension never touches other YAML. */
export const QMS_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/qms.yaml' },
  { scheme: 'file', pattern: '**/*.qms.yaml' },
];

export interface QmsKitApi {
  /** The lint service, for tests in the extension host. */
  readonly lint: LintService;
}

export async function activate(context: vscode.ExtensionContext): Promise<QmsKitApi> {
  const lint = new LintService();
  context.subscriptions.push(
    lint,
    vscode.languages.registerCodeActionsProvider(QMS_SELECTOR, new QmsCodeActionProvider(lint), QmsCodeActionProvider.metadata),
    vscode.commands.registerCommand('qms.lintWorkspace', () => lint.lintAll()),
  );
  await lint.discover();
  return { lint };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
