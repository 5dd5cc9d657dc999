import * as vscode from 'vscode';
import { EXPLORER_VIEW_ID } from '../explorer';
import type { LintService } from '../lint/lint-service';
import type { RECORD_COMMAND, RELEASE_COMMAND } from '../../core/change/release';
import { markObsoleteCommand, recordReleaseCommand, releaseCommand } from './change-control';
import { initWorkspaceCommand } from './init-workspace';
import { newProcedureCommand } from './new-procedure';
import { copyTemplateCommand } from './copy-template';
import { DocumentGenerator } from './generate';
import type { PreviewApi } from '../preview';

export type { ChangeCommandResult, DocumentArgs, ObsoleteArgs, ReleaseArgs } from './change-control';
export type { InitWorkspaceArgs, InitWorkspaceResult } from './init-workspace';
export type { NewProcedureArgs } from './new-procedure';
export type { CopyTemplateArgs, CopyTemplateOutcome } from './copy-template';
export type { GenerateAllArgs, GenerateOutcome } from './generate';

/**
 * The "QMS:" commands. None of them needs workspace trust: they write data (the built-in scaffold,
 * releases, generated documents), never run workspace code; generation reads the workspace's own
 * templates only once the folder is trusted.
 */
export function registerCommands(context: vscode.ExtensionContext, lint: LintService, preview: Pick<PreviewApi, 'renderDiagramInWebview'>): void {
  const builtinTemplatesDir = vscode.Uri.joinPath(context.extensionUri, 'templates').fsPath;
  const generator = new DocumentGenerator({ lint, renderDiagram: (text) => preview.renderDiagramInWebview(text), builtinTemplatesDir, generator: `qmskit ${String(context.extension.packageJSON.version)}` });
  context.subscriptions.push(
    generator,
    vscode.commands.registerCommand('qms.generateDocument', (arg) => generator.generateDocument(arg)),
    vscode.commands.registerCommand('qms.generateAll', (arg) => generator.generateAll(arg)),
    vscode.commands.registerCommand('qms.copyTemplate', (arg) => copyTemplateCommand(lint, builtinTemplatesDir, arg)),
    vscode.commands.registerCommand('qms.lintWorkspace', () => lint.lintAll()),
    vscode.commands.registerCommand('qms.newProcedure', (arg) => newProcedureCommand(lint, arg)),
    vscode.commands.registerCommand('qms.initWorkspace', (arg) => initWorkspaceCommand(lint, arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : arg instanceof vscode.Uri ? { folder: arg } : {})),
    vscode.commands.registerCommand('qms.openExplorer', () => vscode.commands.executeCommand(`${EXPLORER_VIEW_ID}.focus`)),
    // The ids the core's quick fixes name (Fix.command): `satisfies` keeps them in step.
    vscode.commands.registerCommand('qms.releaseNewRevision' satisfies typeof RELEASE_COMMAND, (arg) => releaseCommand(lint, arg)),
    vscode.commands.registerCommand('qms.recordRelease' satisfies typeof RECORD_COMMAND, (arg) => recordReleaseCommand(lint, arg)),
    vscode.commands.registerCommand('qms.markObsolete', (arg) => markObsoleteCommand(lint, arg)),
  );
}
