import * as vscode from 'vscode';
import { prepareRename, rename } from '../../core/language/rename';
import { toRange } from '../convert';
import type { LintService } from '../lint/lint-service';
import { languageContext, text } from './context';

const OUTSIDE = {
  en: 'This file is not part of a QMS workspace (a folder with a qms.yaml) yet, or its first check is still running.',
  vi: 'Tệp này không thuộc một không gian làm việc QMS (thư mục có qms.yaml), hoặc lần kiểm tra đầu tiên chưa xong.',
};

/** Renames a step, role, unit, external, form, record, procedure or process id in every file that names it. */
export class QmsRenameProvider implements vscode.RenameProvider {
  constructor(private readonly lint: LintService) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const context = languageContext(this.lint, document);
    if (!context) throw new Error(text(OUTSIDE));
    const result = prepareRename(context.workspace, context.file, document.offsetAt(position));
    // VS Code shows the message of a thrown error as the reason the rename cannot happen.
    if ('error' in result) throw new Error(text(result.error));
    return { range: toRange(result.range), placeholder: result.placeholder };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit | undefined {
    const context = languageContext(this.lint, document);
    if (!context) return undefined;
    const result = rename(context.workspace, context.file, document.offsetAt(position), newName);
    if ('error' in result) throw new Error(text(result.error));
    const edit = new vscode.WorkspaceEdit();
    for (const { file, edits } of result) {
      const uri = vscode.Uri.file(file);
      for (const change of edits) edit.replace(uri, toRange(change.range), change.newText);
    }
    return edit;
  }
}
