import type * as vscode from 'vscode';

/** Selects our files only: the extension never touches other YAML. */
export const QMS_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/qms.yaml' },
  { scheme: 'file', pattern: '**/*.qms.yaml' },
];
