import * as path from 'node:path';
import * as vscode from 'vscode';
import { LOCALES, type Locale } from '../../core/findings';
import { SYSTEM_FILE_NAME } from '../../core/model/discover';
import { starterFiles } from '../../core/scaffold/starter';
import { parseYaml } from '../../core/yaml/parse';
import { rangeAtPointer } from '../../core/yaml/pointer';
import { editorLocale, toRange } from '../convert';
import type { LintService } from '../lint/lint-service';
import { vscodeFileSystem } from '../vscode-file-system';

/** Optional arguments of `qms.initWorkspace`: each one given skips its prompt. */
export interface InitWorkspaceArgs {
  /** The folder to initialize (a path or a file URI); default: the workspace folder. */
  folder?: string | vscode.Uri;
  /** Language of the starter files; default: asked, the editor's language first. */
  locale?: Locale;
}

export interface InitWorkspaceResult {
  folder: string;
  /** The files written, relative to `folder`. */
  written: string[];
  /** Starter files that already existed: when there is any, nothing is written. */
  existing: string[];
}

const encoder = new TextEncoder();

/**
 * "QMS: Initialize QMS Workspace": the starter workspace of `qmskit init` (qms.yaml, one process,
 * one draft procedure, all linting clean), in the language picked. Like the CLI it refuses to
 * overwrite: when any starter file exists, nothing is written.
 */
export async function initWorkspaceCommand(lint: LintService, args: InitWorkspaceArgs = {}): Promise<InitWorkspaceResult | undefined> {
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  const locale = args.locale ?? (await pickLocale());
  if (!locale) return undefined;
  if (!LOCALES.includes(locale)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Unknown language {0}: use vi or en.', String(locale)));
    return undefined;
  }

  const files = starterFiles(locale);
  const existing: string[] = [];
  for (const relative of Object.keys(files)) {
    if (await vscodeFileSystem.exists(path.join(folder, relative))) existing.push(relative);
  }
  const shown = path.basename(folder);
  if (existing.length) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} already exists in {1}; nothing was written. Initialize a folder that has no QMS workspace yet.', existing[0]!, shown),
    );
    return { folder, written: [], existing };
  }
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(folder, ...relative.split('/'));
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(file)));
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file), encoder.encode(text));
  }
  await lint.discover();

  // The organization's name is the first thing to fill in.
  const system = path.join(folder, SYSTEM_FILE_NAME);
  const selection = toRange(rangeAtPointer(parseYaml(files[SYSTEM_FILE_NAME]!, system), '/organization/name'));
  await vscode.window.showTextDocument(vscode.Uri.file(system), { selection, preview: false });
  const openExplorer = vscode.l10n.t('Open QMS Explorer');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Created a QMS workspace in {0}: qms.yaml, one process and one draft procedure.', shown), openExplorer)
    .then((choice) => {
      if (choice === openExplorer) void vscode.commands.executeCommand('qms.openExplorer');
    });
  return { folder, written: Object.keys(files), existing: [] };
}

async function pickFolder(given: string | vscode.Uri | undefined): Promise<string | undefined> {
  if (given !== undefined) return typeof given === 'string' ? path.resolve(given) : given.fsPath;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 1) return folders[0]!.uri.fsPath;
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder to initialize as a QMS workspace'), ignoreFocusOut: true });
    return picked?.uri.fsPath;
  }
  const openFolder = vscode.l10n.t('Open Folder…');
  void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: the QMS workspace is created in it.'), openFolder).then((choice) => {
    if (choice === openFolder) void vscode.commands.executeCommand('workbench.action.files.openFolder');
  });
  return undefined;
}

async function pickLocale(): Promise<Locale | undefined> {
  const items: Array<vscode.QuickPickItem & { locale: Locale }> = [
    { label: 'Tiếng Việt', description: 'vi', detail: vscode.l10n.t('Starter files and generated documents in Vietnamese'), locale: 'vi' },
    { label: 'English', description: 'en', detail: vscode.l10n.t('Starter files and generated documents in English'), locale: 'en' },
  ];
  // The editor's language first: the quick pick preselects the first item.
  const preferred = editorLocale();
  items.sort((a, b) => Number(b.locale === preferred) - Number(a.locale === preferred));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Initialize QMS Workspace'),
    placeHolder: vscode.l10n.t('Language of the QMS workspace (locale in qms.yaml)'),
    ignoreFocusOut: true,
  });
  return picked?.locale;
}
