import * as path from 'node:path';
import * as vscode from 'vscode';
import { systemModel } from '../../core/model/workspace';
import { copyBuiltinTemplate, listBuiltinTemplates, workspaceOverrideOf, type BuiltinTemplate } from '../../core/render/template-copy';
import type { LintService } from '../lint/lint-service';
import { vscodeFileSystem } from '../vscode-file-system';
import { outputLocale } from './generate';
import { fail, pickWorkspace } from './workspace-pick';

/** Optional arguments of `qms.copyTemplate`: each one given skips its prompt (tests, links). */
export interface CopyTemplateArgs {
  /** The built-in file, as the quick pick lists it: `procedure.hbs`, `partials/flowchart.md.hbs`. */
  file?: string;
  /** The QMS workspace folder (the one holding qms.yaml), when there are several. */
  root?: string;
}

/** What `qms.copyTemplate` did: the workspace file now replacing the template, and whether this run wrote it. */
export interface CopyTemplateOutcome {
  uri: vscode.Uri;
  copied: boolean;
  /** The message shown. */
  message: string;
}

const TRUST_COMMAND = 'workbench.trust.manage';

/**
 * "QMS: Copy Built-in Template for Editing…": picks a built-in template or partial of the
 * documents' language, copies it where it replaces the built-in one (the workspace's
 * `templates/` folder, never over an existing file) and opens it. Generation reads workspace
 * templates only in a trusted folder: copying is always allowed, and the user is told when the
 * copy will not be used yet.
 */
export async function copyTemplateCommand(lint: LintService, builtinTemplatesDir: string, arg?: unknown): Promise<CopyTemplateOutcome | undefined> {
  const args: CopyTemplateArgs = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as CopyTemplateArgs) : {};
  const linter = await pickWorkspace(lint, args.root);
  const workspace = linter?.current;
  if (!linter || !workspace) return undefined;
  const system = systemModel(workspace);
  const locale = outputLocale(linter.root, system);
  const builtin = { fs: vscodeFileSystem, dir: builtinTemplatesDir };
  const workspaceTemplates = { fs: vscodeFileSystem, root: linter.root, overrides: (system?.templates ?? {}) as Record<string, unknown> };
  const templates = await listBuiltinTemplates(builtin, locale);

  let template: BuiltinTemplate | undefined;
  if (args.file !== undefined) {
    template = templates.find((t) => t.file === args.file);
    if (!template) return fail(vscode.l10n.t('There is no built-in template {0}; the templates are: {1}.', args.file, templates.map((t) => t.file).join(', ')));
  } else {
    template = await pickTemplate(templates, async (t) => workspaceOverrideOf(workspaceTemplates, locale, t));
    if (!template) return undefined;
  }

  const result = await copyBuiltinTemplate(builtin, workspaceTemplates, locale, template);
  const relative = 'copied' in result ? result.copied : result.existing;
  const uri = vscode.Uri.file(path.join(linter.root, ...relative.split('/')));
  if ('existing' in result) {
    const message = vscode.l10n.t('{0} already replaces the built-in {1}; it was not overwritten.', relative, template.file);
    const open = vscode.l10n.t('Open {0}', path.basename(relative));
    void vscode.window.showWarningMessage(message, open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(uri, { preview: false });
    });
    return { uri, copied: false, message };
  }

  await vscode.window.showTextDocument(uri, { preview: false });
  if (vscode.workspace.isTrusted) {
    const message = vscode.l10n.t('Copied the built-in {0} to {1}: generated documents now use your copy.', template.file, relative);
    void vscode.window.showInformationMessage(message);
    return { uri, copied: true, message };
  }
  const message = vscode.l10n.t('Copied the built-in {0} to {1}. Workspace templates are used only once this folder is trusted: until then documents are generated with the built-in templates.', template.file, relative);
  const manageTrust = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(message, manageTrust).then((choice) => {
    if (choice === manageTrust) void vscode.commands.executeCommand(TRUST_COMMAND);
  });
  return { uri, copied: true, message };
}

/** Templates, then partials; each says its format and whether the workspace already replaces it. */
async function pickTemplate(templates: readonly BuiltinTemplate[], overrideOf: (t: BuiltinTemplate) => Promise<string | undefined>): Promise<BuiltinTemplate | undefined> {
  type Item = vscode.QuickPickItem & { template?: BuiltinTemplate };
  const items: Item[] = [];
  for (const kind of ['template', 'partial'] as const) {
    const ofKind = templates.filter((t) => t.kind === kind);
    if (!ofKind.length) continue;
    items.push({ label: kind === 'template' ? vscode.l10n.t('Templates') : vscode.l10n.t('Partials'), kind: vscode.QuickPickItemKind.Separator });
    for (const template of ofKind) {
      const existing = await overrideOf(template);
      items.push({
        label: template.file,
        description: describe(template),
        detail: existing ? vscode.l10n.t('Already replaced by {0}', existing) : vscode.l10n.t('Copies to {0}', template.copyTo),
        template,
      });
    }
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('The built-in template to copy into this workspace for editing'), matchOnDescription: true, ignoreFocusOut: true });
  return picked?.template;
}

function describe(template: BuiltinTemplate): string {
  const usage = `{{> ${template.name}}}`;
  if (template.kind === 'partial') return template.format === 'html' ? vscode.l10n.t('HTML partial, used as {0}', usage) : vscode.l10n.t('Markdown partial, used as {0}', usage);
  return template.format === 'html' ? vscode.l10n.t('HTML template of the {0} output', template.name) : vscode.l10n.t('Markdown template of the {0} output', template.name);
}
