import * as vscode from 'vscode';
import { EXPLORER_VIEW_ID } from '../explorer';
import type { LintService } from '../lint/lint-service';
import { initWorkspaceCommand } from './init-workspace';
import { newProcedureCommand } from './new-procedure';

export type { InitWorkspaceArgs, InitWorkspaceResult } from './init-workspace';
export type { NewProcedureArgs } from './new-procedure';

/** The "QMS:" commands. None of them needs workspace trust: they write only the built-in scaffold. */
export function registerCommands(context: vscode.ExtensionContext, lint: LintService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qms.lintWorkspace', () => lint.lintAll()),
    vscode.commands.registerCommand('qms.newProcedure', (arg) => newProcedureCommand(lint, arg)),
    vscode.commands.registerCommand('qms.initWorkspace', (arg) => initWorkspaceCommand(lint, arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : arg instanceof vscode.Uri ? { folder: arg } : {})),
    vscode.commands.registerCommand('qms.openExplorer', () => vscode.commands.executeCommand(`${EXPLORER_VIEW_ID}.focus`)),
  );
}
