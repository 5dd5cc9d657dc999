import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileSystem } from '../core/io/file-system';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * The core's file access over `vscode.workspace.fs`, so that remote and virtual workspaces work
 * like local ones. Paths are the extension host's file paths.
 */
export const vscodeFileSystem: FileSystem = {
  async readFile(file) {
    return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
  },
  async readDirectory(dir) {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(dir));
    return entries.map(([name, type]) => ({ name, directory: (type & vscode.FileType.Directory) !== 0 }));
  },
  async exists(file) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(file));
      return true;
    } catch {
      return false;
    }
  },
  async writeFile(file, content) {
    const target = vscode.Uri.file(file);
    const temp = vscode.Uri.file(path.join(path.dirname(file), `.${path.basename(file)}.${Date.now()}.tmp`));
    await vscode.workspace.fs.writeFile(temp, encoder.encode(content));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  },
};
