import * as vscode from 'vscode';
import { safeEditsByFile } from '../../core/lint/apply-fixes';
import { fixBuilder } from '../../core/lint/fix-builder';
import { SUPPRESSION_DIRECTIVE } from '../../core/yaml/suppressions';
import type { Fix, Locale } from '../../core/findings';
import { editorLocale, QmsDiagnostic, toWorkspaceEdit } from '../convert';
import type { LintService } from './lint-service';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('qms');

/** Quick fixes from the core's fixes, "disable for this line", and "fix all" (also on save). */
export class QmsCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly service: LintService) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const linter = this.service.linterFor(document.uri.fsPath);
    if (!linter) return [];
    const locale = editorLocale();
    const documentFor = (file: string) => (file === document.uri.fsPath ? document : vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file));
    const actions: vscode.CodeAction[] = [];

    if (!context.only || context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only)) {
      const fixAll = this.fixAll(document);
      if (fixAll && (context.only || fixAll.edit!.size > 0)) actions.push(fixAll);
      if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return actions;
    }

    const source = linter.current?.index.byPath.get(document.uri.fsPath);
    for (const diagnostic of context.diagnostics) {
      if (!(diagnostic instanceof QmsDiagnostic)) continue;
      const { finding } = diagnostic;
      for (const [i, fix] of (finding.fixes ?? []).entries()) {
        const action = quickFixOf(fix, locale, documentFor);
        if (!action) continue;
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0 && fix.safe;
        actions.push(action);
      }
      if (source && finding.ruleId !== 'yaml/syntax' && finding.ruleId !== 'lint/unused-disable') {
        const disable = fixBuilder(source).insertCommentAbove(
          finding.range.start.line,
          `${SUPPRESSION_DIRECTIVE} ${finding.ruleId}`,
          { en: `Disable ${finding.ruleId} for this line`, vi: `Tắt ${finding.ruleId} cho dòng này` },
        );
        const action = disable && quickFixOf(disable, locale, documentFor);
        if (action) {
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
    }
    return actions;
  }

  /** Every safe fix of the document at once; overlapping ones wait for the next run. */
  private fixAll(document: vscode.TextDocument): vscode.CodeAction | undefined {
    const linter = this.service.linterFor(document.uri.fsPath);
    if (!linter) return undefined;
    const edits = safeEditsByFile(linter.findingsOf(document.uri.fsPath)).get(document.uri.fsPath) ?? [];
    const locale = editorLocale();
    const action = new vscode.CodeAction(locale === 'vi' ? 'Sửa tất cả lỗi có thể sửa tự động' : 'Fix all auto-fixable problems', FIX_ALL_KIND);
    const edit = new vscode.WorkspaceEdit();
    for (const textEdit of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(textEdit.start), document.positionAt(textEdit.end)), textEdit.newText);
    action.edit = edit;
    return action;
  }
}

/**
 * The quick fix for one core fix. A fix that stands for a command (releasing a revision asks for a
 * summary and writes a released copy and qms.lock) runs that command with the fix's arguments; its
 * text edits are only a preview and are not applied, or the command would find its work done
 * half-way. Any other fix applies its edits; undefined when a file they touch is not open.
 */
export function quickFixOf(fix: Fix, locale: Locale, documentFor: (file: string) => vscode.TextDocument | undefined): vscode.CodeAction | undefined {
  const title = fix.title[locale];
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  if (fix.command) {
    action.command = { command: fix.command.id, title, arguments: fix.command.arguments };
    return action;
  }
  const edit = toWorkspaceEdit(fix, documentFor);
  if (!edit) return undefined;
  action.edit = edit;
  return action;
}
