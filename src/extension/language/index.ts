import type * as vscode from 'vscode';
import type { LintService } from '../lint/lint-service';

/** Completion, hover, definition, references, rename and outline on QMS files. */
export function registerLanguageFeatures(_context: vscode.ExtensionContext, _lint: LintService): void {
  // Filled in by the language-features work.
}
