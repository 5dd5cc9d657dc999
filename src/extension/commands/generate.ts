import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding, Locale } from '../../core/findings';
import type { FileSystem } from '../../core/io/file-system';
import { systemModel } from '../../core/model/workspace';
import { TemplateError } from '../../core/render/environment';
import { GenerateCancelled, GenerateError, generateDocuments, summarizeNotIssued, type GenerateOptions, type GenerateResult, type NotIssued, type WrittenFile } from '../../core/render/generate';
import { TemplatePathError } from '../../core/render/templates';
import { localeOf } from '../../core/render/view-models/common';
import { editorLocale } from '../convert';
import type { LintService } from '../lint/lint-service';
import { todayIso, type WorkspaceLinter } from '../lint/workspace-linter';
import { vscodeFileSystem } from '../vscode-file-system';
import { fail, pickWorkspace } from './workspace-pick';

/** What generation needs from the rest of the extension. */
export interface GeneratorHost {
  lint: LintService;
  /** Mermaid text → SVG, drawn in a webview (the preview's renderer); rejects when it cannot. */
  renderDiagram: (mermaid: string) => Promise<string>;
  /** The built-in templates: the extension's own `templates/` folder. */
  builtinTemplatesDir: string;
  /** Recorded in the manifest, as the CLI records its own: `qmskit 0.1.0`. */
  generator: string;
}

/** What a generation command did; resolved by the commands for tests and other extensions. */
export interface GenerateOutcome {
  /** The output folder. */
  outDir: vscode.Uri;
  /** Every file written: the outputs, then `index.json` (not written when cancelled). */
  written: vscode.Uri[];
  /** Documents not issued, and why. */
  notIssued: NotIssued[];
  /** The message shown at the end. */
  message: string;
  /** The run was cancelled: `written` lists what was replaced before it stopped. */
  cancelled?: boolean;
}

/** Arguments of `qms.generateAll` (tests; a multi-root window): the QMS workspace folder. */
export interface GenerateAllArgs {
  root?: string;
}

/** The language of generated documents: the `qms.output.locale` setting, unless `auto`, else qms.yaml's. */
export function outputLocale(root: string, system: Parameters<typeof localeOf>[0]): Locale {
  const setting = vscode.workspace.getConfiguration('qms', vscode.Uri.file(root)).get<string>('output.locale', 'auto');
  return setting === 'vi' || setting === 'en' ? setting : localeOf(system);
}

/**
 * The disk, with unsaved editor buffers read in place of their files: what is issued, and
 * hashed into the manifest, is what the user sees in the editor.
 */
const editorFileSystem: FileSystem = {
  ...vscodeFileSystem,
  async readFile(file) {
    const open = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath === file);
    return open ? open.getText() : vscodeFileSystem.readFile(file);
  },
};

const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/**
 * "QMS: Generate This Document" and "QMS: Generate All Controlled Documents": the CLI's
 * `qmskit generate` (the same core, the same gate, the same files) from the editor's state —
 * open buffers, the lint findings already on screen, flowcharts drawn in a webview.
 */
export class DocumentGenerator implements vscode.Disposable {
  private output: vscode.OutputChannel | undefined;

  constructor(private readonly host: GeneratorHost) {}

  /** Generates the document of one procedure, document or process file (default: the active editor's) and opens it. */
  async generateDocument(arg?: unknown): Promise<GenerateOutcome | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a QMS procedure, document or process to generate its document.'));
      return undefined;
    }
    const shown = vscode.workspace.asRelativePath(uri);
    const linter = this.host.lint.linterFor(uri.fsPath);
    if (!linter) return fail(vscode.l10n.t('{0} is not in a QMS workspace (no qms.yaml in its folder or above it).', shown));
    await catchUp(linter);
    const model = linter.current?.index.byPath.get(uri.fsPath)?.model as { kind?: unknown; code?: unknown; id?: unknown } | undefined;
    const code = model?.kind === 'process' ? model.id : model?.kind === 'procedure' || model?.kind === 'document' ? model.code : undefined;
    if (typeof code !== 'string' || !code) {
      return fail(
        model
          ? vscode.l10n.t('{0} is not a procedure, document or process: only those are issued one by one. Run "Generate All Controlled Documents" for the lists.', shown)
          : vscode.l10n.t('{0} cannot be read as a QMS document: fix the errors shown in Problems, then generate again.', shown),
      );
    }

    const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Generating {0}…', code) }, () => this.run(linter, { only: [code] }));
    if (!run) return undefined;
    const { result, outcome } = run;

    const refused = result.notIssued.find((item) => item.code === code);
    if (refused) {
      // The first error as Problems shows it (the editor's language; the manifest keeps the documents').
      const first = linter
        .findingsOf(uri.fsPath)
        .filter((finding) => finding.severity === 'error')
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column)[0];
      outcome.message = vscode.l10n.t(
        '{0} was not issued: {1} lint error(s) in {2}, the first at line {3}: {4}. The copy issued before, if any, stays in force. Fix the errors and generate again.',
        code,
        refused.errors.length,
        refused.source,
        first?.range.start.line ?? refused.errors[0]?.line ?? 0,
        // Without its full stop: the sentence goes on.
        (first?.message[editorLocale()] ?? refused.errors[0]?.message ?? '').replace(/\.\s*$/, ''),
      );
      this.report(result);
      const showProblems = vscode.l10n.t('Show Problems');
      void vscode.window.showErrorMessage(outcome.message, showProblems).then((choice) => {
        if (choice === showProblems) void vscode.commands.executeCommand(PROBLEMS_COMMAND);
      });
      return outcome;
    }

    const uris = urisOf(result.outDir, [...result.manifest.documents, ...result.manifest.processes].find((entry) => entry.code === code)?.files ?? []);
    const markdown = uris.find((u) => u.path.endsWith('.md'));
    const html = uris.find((u) => u.path.endsWith('.html'));
    outcome.message = vscode.l10n.t('Generated {0}: {1}', code, uris.map((u) => vscode.workspace.asRelativePath(u)).join(', '));
    await openDocument(markdown, html);
    this.notifyDrawing(result);
    const openInBrowser = vscode.l10n.t('Open HTML in Browser');
    const reveal = vscode.l10n.t('Reveal in Explorer');
    void vscode.window.showInformationMessage(outcome.message, ...(html ? [openInBrowser] : []), reveal).then((choice) => {
      if (choice === openInBrowser && html) void vscode.env.openExternal(html);
      else if (choice === reveal) void vscode.commands.executeCommand('revealInExplorer', html ?? markdown ?? outcome.outDir);
    });
    return outcome;
  }

  /** Generates every controlled document and list of a QMS workspace, with progress, cancellable. */
  async generateAll(arg?: unknown): Promise<GenerateOutcome | undefined> {
    const args: GenerateAllArgs = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as GenerateAllArgs) : {};
    const linter = await pickWorkspace(this.host.lint, args.root ?? (arg instanceof vscode.Uri ? this.host.lint.linterFor(arg.fsPath)?.root : undefined));
    if (!linter) return undefined;
    await catchUp(linter);

    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Generating controlled documents'), cancellable: true },
      async (progress, token) => {
        const cancel = new AbortController();
        const subscription = token.onCancellationRequested(() => cancel.abort());
        let reported = 0;
        try {
          return await this.run(
            linter,
            {
              signal: cancel.signal,
              onProgress: (done, total, current) => {
                const percent = total ? (done / total) * 100 : 100;
                progress.report({ message: current ? vscode.l10n.t('{0} of {1}: {2}', done + 1, total, current) : vscode.l10n.t('Writing the manifest'), increment: percent - reported });
                reported = percent;
              },
            },
            // The flowcharts are all drawn before the first document is written.
            () => progress.report({ message: vscode.l10n.t('Drawing flowcharts…') }),
          );
        } catch (error) {
          if (error instanceof GenerateCancelled) return error;
          throw error;
        } finally {
          subscription.dispose();
        }
      },
    );
    if (run instanceof GenerateCancelled) {
      const message = vscode.l10n.t(
        'Generation cancelled: {0} file(s) were replaced by their new version; the other documents and index.json are as the previous run left them. Generate again to complete the set.',
        run.written.length,
      );
      void vscode.window.showWarningMessage(message);
      return { outDir: vscode.Uri.file(run.outDir), written: urisOf(run.outDir, run.written), notIssued: [], message, cancelled: true };
    }
    if (!run) return undefined;
    const { result, outcome } = run;
    const shownOut = vscode.workspace.asRelativePath(result.outDir);
    const issued = [...result.manifest.documents, ...result.manifest.processes, ...result.manifest.workspace].filter((entry) => entry.files.length).length;
    const reveal = vscode.l10n.t('Reveal in Explorer');
    const revealOutDir = (choice: string | undefined) => {
      if (choice === reveal) void vscode.commands.executeCommand('revealInExplorer', outcome.outDir);
    };
    this.notifyDrawing(result);
    if (!result.notIssued.length) {
      outcome.message = vscode.l10n.t('Generated {0} documents in {1}.', issued, shownOut);
      void vscode.window.showInformationMessage(outcome.message, reveal).then(revealOutDir);
      return outcome;
    }
    this.report(result);
    outcome.message = vscode.l10n.t(
      'Generated {0} documents in {1}. Not issued because of lint errors: {2}. The copies issued before, if any, stay in force.',
      issued,
      shownOut,
      result.notIssued.map((item) => `${item.code} (${item.source})`).join(', '),
    );
    const showProblems = vscode.l10n.t('Show Problems');
    const showDetails = vscode.l10n.t('Show Details');
    void vscode.window.showWarningMessage(outcome.message, reveal, showDetails, showProblems).then((choice) => {
      if (choice === showProblems) void vscode.commands.executeCommand(PROBLEMS_COMMAND);
      else if (choice === showDetails) this.output?.show(true);
      else revealOutDir(choice);
    });
    return outcome;
  }

  /**
   * One run of the core on the linter's workspace and findings (never reloaded, never changed),
   * with the editor's settings. Failures of the run itself are reported here; a cancellation
   * (GenerateCancelled) is the caller's to report.
   */
  private async run(
    linter: WorkspaceLinter,
    extra: Pick<GenerateOptions, 'only' | 'signal' | 'onProgress'>,
    onFirstDiagram?: () => void,
  ): Promise<{ result: GenerateResult; outcome: GenerateOutcome } | undefined> {
    const workspace = linter.current;
    if (!workspace) return fail(vscode.l10n.t('The QMS workspace {0} is not loaded yet; try again in a moment.', linter.root));
    const settings = vscode.workspace.getConfiguration('qms', vscode.Uri.file(linter.root));
    const findings: Finding[] = workspace.files.flatMap((file) => linter.findingsOf(file.path));
    const render = this.host.renderDiagram;
    let drawing = false;
    try {
      const result = await generateDocuments(workspace, {
        ...extra,
        fs: editorFileSystem,
        defaultFormats: settings.get<Array<'html' | 'md'>>('output.formats'),
        locale: outputLocale(linter.root, systemModel(workspace)),
        renderDiagram: (text) => {
          if (!drawing) onFirstDiagram?.();
          drawing = true;
          return render(text).catch(() => undefined);
        },
        findings,
        today: todayIso(),
        builtinTemplates: { fs: vscodeFileSystem, dir: this.host.builtinTemplatesDir },
        generator: this.host.generator,
        // Workspace templates are the workspace's own markup: used only once the folder is trusted.
        workspaceTemplates: vscode.workspace.isTrusted,
      });
      const outcome: GenerateOutcome = { outDir: vscode.Uri.file(result.outDir), written: urisOf(result.outDir, result.written), notIssued: result.notIssued, message: '' };
      return { result, outcome };
    } catch (error) {
      if (error instanceof GenerateError || error instanceof TemplateError || error instanceof TemplatePathError) {
        return fail(vscode.l10n.t('Could not generate the documents of {0}: {1}', vscode.workspace.asRelativePath(linter.root), error.message));
      }
      throw error;
    }
  }

  /** The not-issued documents with their first errors, in the "QMS Kit" output, as the CLI prints them. */
  private report(result: GenerateResult): void {
    this.output ??= vscode.window.createOutputChannel('QMS Kit');
    this.output.appendLine(vscode.l10n.t('Not issued ({0}), in {1}:', result.notIssued.length, result.outDir));
    for (const item of result.notIssued) {
      const summary = summarizeNotIssued(item);
      this.output.appendLine(`  ${summary.heading}`);
      for (const line of summary.errors) this.output.appendLine(`    ${line}`);
      if (summary.more) this.output.appendLine(`    ${vscode.l10n.t('… and {0} more: see Problems', summary.more)}`);
    }
  }

  private notifyDrawing(result: GenerateResult): void {
    if (result.diagrams.fallback) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} flowchart(s) could not be drawn; their HTML shows the Mermaid source instead. Open the flowchart preview to see why.', result.diagrams.fallback));
    }
  }

  dispose(): void {
    this.output?.dispose();
  }
}

/** Output files (paths relative to the output folder, `/`-separated) as URIs. */
function urisOf(outDir: string, files: readonly WrittenFile[]): vscode.Uri[] {
  return files.map((file) => vscode.Uri.file(path.join(outDir, ...file.path.split('/'))));
}

/**
 * Brings the linter up to the open buffers before generating: an edit made within the lint
 * debounce is linted now, so the gate decides on exactly the text that is issued.
 */
async function catchUp(linter: WorkspaceLinter): Promise<void> {
  for (const document of linter.openDocuments()) {
    const file = document.uri.fsPath;
    const loaded = linter.current?.index.byPath.get(file);
    if (loaded && loaded.parsed.text === document.getText()) continue;
    await linter.update(file, document.getText());
  }
}

/**
 * Shows what was issued. The Markdown, in the editor's Markdown preview: the document as read,
 * beside its YAML, in any VS Code (desktop, remote, web). The HTML is the print form, for a
 * browser; as text in the editor it is unreadable, so when it is the only format it is revealed
 * in the Explorer (and the message offers to open it in the browser).
 */
async function openDocument(markdown: vscode.Uri | undefined, html: vscode.Uri | undefined): Promise<void> {
  if (markdown) {
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', markdown);
    } catch {
      await vscode.window.showTextDocument(markdown, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }
  } else if (html) {
    await vscode.commands.executeCommand('revealInExplorer', html);
  }
}
