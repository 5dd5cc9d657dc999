import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerExplorer } from './explorer';
import { registerLanguageFeatures } from './language';
import { QmsCodeActionProvider } from './lint/code-actions';
import { LintService } from './lint/lint-service';
import { QMS_SELECTOR } from './selector';

export interface QmsKitApi {
  /** The lint service, for tests in the extension host. */
  readonly lint: LintService;
  /** Settles when the first lint of every QMS workspace is done. */
  readonly ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): QmsKitApi {
  const lint = new LintService();
  context.subscriptions.push(
    lint,
    vscode.languages.registerCodeActionsProvider(QMS_SELECTOR, new QmsCodeActionProvider(lint), QmsCodeActionProvider.metadata),
  );
  registerCommands(context, lint);
  registerLanguageFeatures(context, lint);
  registerExplorer(context, lint);
  // Activation returns at once; the first workspace lint runs after it and publishes as it goes.
  const ready = lint.discover();
  return { lint, ready };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
