import * as vscode from 'vscode';
import type { LintService } from '../lint/lint-service';
import { QMS_SELECTOR } from '../selector';
import { QmsCompletionProvider } from './completion';
import { QmsDefinitionProvider } from './definition';
import { QmsHoverProvider } from './hover';
import { QmsReferenceProvider } from './references';
import { QmsRenameProvider } from './rename';
import { QmsDocumentSymbolProvider } from './symbols';

/** Completion, hover, definition, references, rename and outline on QMS files. */
export function registerLanguageFeatures(context: vscode.ExtensionContext, lint: LintService): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(QMS_SELECTOR, new QmsCompletionProvider(lint), ...QmsCompletionProvider.triggerCharacters),
    vscode.languages.registerHoverProvider(QMS_SELECTOR, new QmsHoverProvider(lint)),
    vscode.languages.registerDefinitionProvider(QMS_SELECTOR, new QmsDefinitionProvider(lint)),
    vscode.languages.registerReferenceProvider(QMS_SELECTOR, new QmsReferenceProvider(lint)),
    vscode.languages.registerRenameProvider(QMS_SELECTOR, new QmsRenameProvider(lint)),
    vscode.languages.registerDocumentSymbolProvider(QMS_SELECTOR, new QmsDocumentSymbolProvider(lint), { label: 'QMS' }),
  );
}
