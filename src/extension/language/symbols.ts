import * as vscode from 'vscode';
import { outline } from '../../core/language/outline';
import type { OutlineKind, OutlineSymbol } from '../../core/language/types';
import { toRange } from '../convert';
import type { LintService } from '../lint/lint-service';
import { languageContext, text } from './context';

const KIND: Record<OutlineKind, vscode.SymbolKind> = {
  header: vscode.SymbolKind.Namespace,
  field: vscode.SymbolKind.Property,
  list: vscode.SymbolKind.Array,
  step: vscode.SymbolKind.Function,
  decision: vscode.SymbolKind.Boolean,
  form: vscode.SymbolKind.File,
  record: vscode.SymbolKind.File,
  service: vscode.SymbolKind.Object,
  unit: vscode.SymbolKind.Module,
  role: vscode.SymbolKind.Key,
  external: vscode.SymbolKind.Interface,
  input: vscode.SymbolKind.Event,
  output: vscode.SymbolKind.Event,
  kpi: vscode.SymbolKind.Number,
  risk: vscode.SymbolKind.Event,
  section: vscode.SymbolKind.String,
};

/** The outline: header, steps (decisions marked), forms, records; inputs, outputs, KPIs, risks; units, roles, externals. */
export class QmsDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly lint: LintService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const context = languageContext(this.lint, document);
    return context && outline(context.file).map(toSymbol);
  }
}

function toSymbol(symbol: OutlineSymbol): vscode.DocumentSymbol {
  const result = new vscode.DocumentSymbol(text(symbol.name) || '?', symbol.detail ? text(symbol.detail) : '', KIND[symbol.kind], toRange(symbol.range), toRange(symbol.selectionRange));
  result.children = symbol.children.map(toSymbol);
  return result;
}
