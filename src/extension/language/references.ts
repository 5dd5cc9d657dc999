import * as vscode from 'vscode';
import { references } from '../../core/language/navigation';
import type { LintService } from '../lint/lint-service';
import { languageContext } from './context';
import { toLocation } from './definition';

/** Every place that names the id or code under the cursor, across the workspace. */
export class QmsReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly lint: LintService) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const language = languageContext(this.lint, document);
    return language && references(language.workspace, language.file, document.offsetAt(position), context.includeDeclaration).map(toLocation);
  }
}
