import * as vscode from 'vscode';
import { hover } from '../../core/language/hover';
import { toRange } from '../convert';
import type { LintService } from '../lint/lint-service';
import { languageContext, markdown } from './context';

/** Schema descriptions on keys; names, clause titles and working days on values. */
export class QmsHoverProvider implements vscode.HoverProvider {
  constructor(private readonly lint: LintService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const context = languageContext(this.lint, document);
    const result = context && hover(context.workspace, context.file, document.offsetAt(position));
    return result && new vscode.Hover(markdown(result.contents), toRange(result.range));
  }
}
