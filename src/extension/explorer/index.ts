import type * as vscode from 'vscode';
import type { LintService } from '../lint/lint-service';

/** The QMS explorer tree view. */
export function registerExplorer(_context: vscode.ExtensionContext, _lint: LintService): void {
  // Filled in by the explorer work.
}
