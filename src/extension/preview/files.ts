import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportFormat } from '../../shared/preview-protocol';
import { exportFileName } from './export-name';

export interface ExportTarget {
  format: ExportFormat;
  uri: vscode.Uri;
}

/** Where the pictures go: beside the YAML, or (`ask`) where the user picks, one dialog per format. */
export async function exportTargets(yaml: vscode.Uri, formats: ExportFormat[], ask: boolean): Promise<ExportTarget[]> {
  const targets: ExportTarget[] = [];
  for (const format of formats) {
    const beside = vscode.Uri.joinPath(yaml, '..', exportFileName(yaml.fsPath, format));
    if (!ask) {
      targets.push({ format, uri: beside });
      continue;
    }
    const picked = await vscode.window.showSaveDialog({
      defaultUri: beside,
      filters: format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] },
      title: format === 'svg' ? vscode.l10n.t('Export the flowchart as SVG') : vscode.l10n.t('Export the flowchart as PNG'),
    });
    if (!picked) return targets; // cancelled: what was chosen so far is still written
    targets.push({ format, uri: picked });
  }
  return targets;
}

/**
 * Writes `bytes` to `uri` so that a reader never sees half a file: into a temporary file in the
 * same folder, then renamed over the target (one rename, on the same file system).
 */
export async function writeAtomically(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = vscode.Uri.joinPath(uri, '..', `.${path.basename(uri.fsPath)}.${randomBytes(6).toString('hex')}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, bytes);
  try {
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
