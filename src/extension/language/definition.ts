import * as vscode from 'vscode';
import { definition } from '../../core/language/navigation';
import type { Location } from '../../core/language/types';
import { toRange } from '../convert';
import type { LintService } from '../lint/lint-service';
import { languageContext } from './context';

export function toLocation(location: Location): vscode.Location {
  return new vscode.Location(vscode.Uri.file(location.file), toRange(location.range));
}

/** From any id or code to where it is defined, across files. */
export class QmsDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly lint: LintService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const context = languageContext(this.lint, document);
    return context && definition(context.workspace, context.file, document.offsetAt(position)).map(toLocation);
  }
}
