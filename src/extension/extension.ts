import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerExplorer, type QmsExplorer } from './explorer';
import { registerLanguageFeatures } from './language';
import { QmsCodeActionProvider } from './lint/code-actions';
import { LintService } from './lint/lint-service';
import { registerPreview, type PreviewApi } from './preview';
import { QMS_SELECTOR } from './selector';

export interface QmsKitApi {
  /** The lint service, for tests in the extension host. */
  readonly lint: LintService;
  /** Settles when the first lint of every QMS workspace is done. */
  readonly ready: Promise<void>;
  /** The QMS explorer's tree data provider, for tests in the extension host. */
  readonly explorer: QmsExplorer;
  /** The flowchart preview: headless Mermaid rendering in a webview, and hooks for tests. */
  readonly preview: PreviewApi;
  /** Milliseconds spent in activate() (the bundle's load is timed by the editor, not here). */
  readonly activationMs: number;
  /** Milliseconds from activate() returning to the first lint of every workspace being published. */
  readonly firstLintMs: Promise<number>;
}

export function activate(context: vscode.ExtensionContext): QmsKitApi {
  const activateStarted = performance.now();
  const lint = new LintService();
  context.subscriptions.push(
    lint,
    vscode.languages.registerCodeActionsProvider(QMS_SELECTOR, new QmsCodeActionProvider(lint), QmsCodeActionProvider.metadata),
  );
  registerLanguageFeatures(context, lint);
  const explorer = registerExplorer(context, lint);
  const preview = registerPreview(context, lint);
  // After the preview: generating documents draws their flowcharts with its webview renderer.
  registerCommands(context, lint, preview);
  // Activation returns at once; the first workspace lint runs after it and publishes as it goes.
  const ready = lint.discover();
  const activated = performance.now();
  const firstLintMs = ready.then(() => performance.now() - activated);
  return { lint, ready, explorer, preview, activationMs: activated - activateStarted, firstLintMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
