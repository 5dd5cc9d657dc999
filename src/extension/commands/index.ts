import * as vscode from 'vscode';
import type { LintService } from '../lint/lint-service';

/** The "QMS:" commands. */
export function registerCommands(context: vscode.ExtensionContext, lint: LintService): void {
  context.subscriptions.push(vscode.commands.registerCommand('qms.lintWorkspace', () => lint.lintAll()));
}
