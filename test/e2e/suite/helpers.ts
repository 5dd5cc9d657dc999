import * as vscode from 'vscode';

/**
 * Resolves when the diagnostics of `uri` satisfy `accept` — checked now and on every
 * onDidChangeDiagnostics, never by sleeping. On timeout the error lists what was there.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const current = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`);
      reject(new Error(`diagnostics of ${vscode.workspace.asRelativePath(uri)} never matched within ${timeoutMs} ms; current: ${JSON.stringify(current, null, 1)}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** The range of the first occurrence of `needle` on a line containing `lineContains`. */
export function rangeOf(document: vscode.TextDocument, lineContains: string, needle: string): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (!text.includes(lineContains)) continue;
    const character = text.indexOf(needle);
    if (character >= 0) return new vscode.Range(line, character, line, character + needle.length);
  }
  throw new Error(`no line containing "${lineContains}" with "${needle}" in ${document.uri.fsPath}`);
}
