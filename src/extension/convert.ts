import * as vscode from 'vscode';
import { docsUrlForRule, type Finding, type Fix, type Locale, type Severity, type SourceRange } from '../core/findings';

/**
 * The one place where core positions (1-based line and column, UTF-16 units) become editor
 * positions (0-based, UTF-16 units). Everything in the extension converts through here.
 */
export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}

/** Two offsets into a document's text (what core calls offsets) as an editor range. */
export function toRangeFromOffsets(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'qms';

/** A diagnostic that remembers its finding, so code actions can offer the finding's fixes. */
export class QmsDiagnostic extends vscode.Diagnostic {
  constructor(readonly finding: Finding, locale: Locale) {
    super(toRange(finding.range), finding.message[locale], SEVERITY[finding.severity]);
    this.source = DIAGNOSTIC_SOURCE;
    this.code = { value: finding.ruleId, target: vscode.Uri.parse(docsUrlForRule(finding.ruleId)) };
    if (finding.related?.length) {
      this.relatedInformation = finding.related.map(
        (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(related.file), toRange(related.range)), related.message[locale]),
      );
    }
    if (finding.ruleId === 'lint/unused-disable') this.tags = [vscode.DiagnosticTag.Unnecessary];
  }
}

/**
 * Offsets in a fix are offsets into the text the core parsed, which is the document's text: the
 * editor strips a BOM just as the loader does. `positionAt` turns them into positions.
 */
export function toWorkspaceEdit(fix: Fix, documentFor: (file: string) => vscode.TextDocument | undefined): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  for (const { file, edits } of fix.edits) {
    const document = documentFor(file);
    if (!document) return undefined;
    for (const textEdit of edits) {
      edit.replace(document.uri, new vscode.Range(document.positionAt(textEdit.start), document.positionAt(textEdit.end)), textEdit.newText);
    }
  }
  return edit;
}

/** The display language of the editor, as one of ours. */
export function editorLocale(): Locale {
  return vscode.env.language.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
