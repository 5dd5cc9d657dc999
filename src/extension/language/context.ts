import * as vscode from 'vscode';
import type { LocalizedText } from '../../core/findings';
import { withOverlays } from '../../core/language/overlay';
import type { SourceFile } from '../../core/model/source-file';
import type { Workspace } from '../../core/model/workspace';
import { editorLocale } from '../convert';
import type { LintService } from '../lint/lint-service';

export interface LanguageContext {
  workspace: Workspace;
  file: SourceFile;
}

/**
 * The workspace to answer from, with the editor's text of this document (and of any other open
 * QMS document of the workspace) loaded over the linter's, which may lag by a debounce. The
 * linter's own workspace is never changed. Undefined outside a QMS workspace or before its first
 * lint.
 */
export function languageContext(lint: LintService, document: vscode.TextDocument): LanguageContext | undefined {
  if (!lint.isOurs(document)) return undefined;
  const linter = lint.linterFor(document.uri.fsPath);
  const stored = linter?.current;
  if (!linter || !stored) return undefined;
  const texts = new Map<string, string>();
  for (const open of linter.openDocuments()) {
    if (open !== document && open.isDirty) texts.set(open.uri.fsPath, open.getText());
  }
  texts.set(document.uri.fsPath, document.getText());
  const workspace = withOverlays(stored, texts);
  const file = workspace.index.byPath.get(document.uri.fsPath);
  return file && { workspace, file };
}

/** A core text in the editor's language. */
export function text(localized: LocalizedText): string {
  return localized[editorLocale()];
}

export function markdown(localized: LocalizedText): vscode.MarkdownString {
  return new vscode.MarkdownString(text(localized));
}
