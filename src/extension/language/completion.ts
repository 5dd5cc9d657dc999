import * as vscode from 'vscode';
import { complete } from '../../core/language/completion';
import type { CompletionItem, CompletionKind } from '../../core/language/types';
import { toRangeFromOffsets } from '../convert';
import type { LintService } from '../lint/lint-service';
import { languageContext, markdown, text } from './context';

const KIND: Record<CompletionKind, vscode.CompletionItemKind> = {
  role: vscode.CompletionItemKind.User,
  unit: vscode.CompletionItemKind.Module,
  external: vscode.CompletionItemKind.Interface,
  process: vscode.CompletionItemKind.Class,
  procedure: vscode.CompletionItemKind.File,
  document: vscode.CompletionItemKind.File,
  step: vscode.CompletionItemKind.Function,
  form: vscode.CompletionItemKind.Reference,
  record: vscode.CompletionItemKind.Reference,
  clause: vscode.CompletionItemKind.Constant,
  value: vscode.CompletionItemKind.EnumMember,
  property: vscode.CompletionItemKind.Property,
};

/** Ids, codes, clause numbers, enum values and property names where the format expects them. */
export class QmsCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [' ', ':', '-', '[', ','];

  constructor(private readonly lint: LintService) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const context = languageContext(this.lint, document);
    if (!context) return undefined;
    return complete(context.workspace, context.file, document.offsetAt(position)).map((item) => toItem(document, item));
  }
}

function toItem(document: vscode.TextDocument, item: CompletionItem): vscode.CompletionItem {
  const result = new vscode.CompletionItem(item.label, KIND[item.kind]);
  if (item.detail) result.detail = text(item.detail);
  if (item.documentation) result.documentation = markdown(item.documentation);
  result.insertText = item.insertText;
  result.filterText = item.filterText;
  result.sortText = item.sortText;
  result.range = toRangeFromOffsets(document, item.range.start, item.range.end);
  return result;
}
