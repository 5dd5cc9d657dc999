import * as path from 'node:path';
import * as vscode from 'vscode';
import { compareWithRelease } from '../../core/change/compare';
import { describeVersion, type LockEntry, type WorkspaceLock } from '../../core/change/lock';
import type { Diagram } from '../../core/diagram';
import { parseYaml } from '../../core/yaml/parse';
import { rangeAtPointer } from '../../core/yaml/pointer';
import { describeRefused, isPreviewState, isWebviewMessage, type ChangedNodes, type ExportFormat, type HostMessage, type WebviewMessage } from '../../shared/preview-protocol';
import { editorLocale, toRange } from '../convert';
import type { LintService } from '../lint/lint-service';
import type { WorkspaceLinter } from '../lint/workspace-linter';
import { vscodeFileSystem } from '../vscode-file-system';
import { nodesAtOffset, previewKindOf, previewSource, type PreviewComparison, type PreviewParser, type PreviewSettings, type PreviewSource } from './diagram-source';
import { exportTargets, writeAtomically, type ExportTarget } from './files';
import { makeNonce, previewHtml } from './html';
import { ExportRequests, pngBytes, SvgRequests, within } from './requests';

/** How long a webview may take to load its script and say `ready`. */
export const READY_TIMEOUT_MS = 30_000;

export const PREVIEW_VIEW_TYPE = 'qms.preview';

/**
 * Typing is drawn this long after the last keystroke: just enough to take a paste or a
 * multi-cursor edit as one change. A render costs the host a few milliseconds, and the webview
 * writes changed labels into the picture on screen at once, keeping Mermaid's full render for
 * when typing pauses.
 */
export const TYPING_DEBOUNCE_MS = 15;

/** What "Compare with last release" did: the comparison is on, or it is off (and, when it was refused, why). */
export type CompareOutcome = { comparing: true } | { comparing: false; refused?: string };

/** What every panel shares: the extension, the linter, the preview's own parser, the event tests listen to. */
export interface PreviewContext {
  readonly extensionUri: vscode.Uri;
  readonly lint: LintService;
  readonly parser: PreviewParser;
  /** Every accepted message from a preview webview, after it was handled. */
  readonly messages: vscode.EventEmitter<PreviewEvent>;
}

/** A webview message as the host saw it: which document the panel showed, and the host's newest sequence number. */
export type PreviewEvent = WebviewMessage & { readonly uri: string; readonly latestSeq: number };

/** The webview's options: scripts on, resources only from dist/webview, nothing else. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    // Keeps Mermaid loaded and the view as it is while the tab is in the background.
    retainContextWhenHidden: true,
  };
}

export function pageFor(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  return previewHtml({
    cspSource: webview.cspSource,
    scriptUri: asset('preview.js'),
    styleUri: asset('preview.css'),
    nonce: makeNonce(),
    lang: vscode.env.language,
    labels: {
      title: vscode.l10n.t('QMS flowchart preview'),
      zoomIn: vscode.l10n.t('Zoom in (+)'),
      zoomOut: vscode.l10n.t('Zoom out (−)'),
      fit: vscode.l10n.t('Fit to window (0)'),
      exportSvg: vscode.l10n.t('Export as SVG beside the YAML'),
      exportPng: vscode.l10n.t('Export as PNG beside the YAML'),
      loading: vscode.l10n.t('Loading…'),
      legend: vscode.l10n.t('Changes since the last release'),
      added: vscode.l10n.t('Added'),
      changed: vscode.l10n.t('Changed'),
      removed: vscode.l10n.t('Removed'),
    },
  });
}

export function previewSettings(uri: vscode.Uri): PreviewSettings {
  const config = vscode.workspace.getConfiguration('qms.preview', uri);
  const direction = config.get<string>('direction', 'TD');
  return { direction: direction === 'LR' ? 'LR' : 'TD', showForms: config.get<boolean>('showForms', true) !== false, editorLocale: editorLocale() };
}

/** Is this document one the preview can draw (a procedure, a process, qms.yaml)? */
export function isPreviewable(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && /(^|[\\/])(qms\.yaml|[^\\/]+\.qms\.yaml)$/.test(document.uri.fsPath) && previewKindOf(document.uri.fsPath, document.getText()) !== undefined;
}

/**
 * The flowchart preview: one panel that follows the active QMS editor, draws as the user types
 * (debounced, numbered, stale renders dropped on both sides), keeps the last good picture when
 * the YAML breaks, takes clicks on nodes back to the YAML and shows where the cursor is.
 */
export class FlowchartPreview implements vscode.Disposable {
  private static current: FlowchartPreview | undefined;

  /** The open preview, if any. */
  static get active(): FlowchartPreview | undefined {
    return FlowchartPreview.current;
  }

  /** Shows the preview of `uri`: the open panel switches to it, or a new one opens. */
  static createOrShow(context: PreviewContext, uri: vscode.Uri, toSide: boolean): FlowchartPreview {
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = FlowchartPreview.current;
    if (existing) {
      existing.panel.reveal(undefined, toSide);
      existing.show(uri);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, titleFor(uri), { viewColumn: column, preserveFocus: toSide }, webviewOptions(context.extensionUri));
    return new FlowchartPreview(context, panel, uri);
  }

  /** A panel VS Code restored after a reload, with the state the webview had kept. */
  static revive(context: PreviewContext, panel: vscode.WebviewPanel, state: unknown): FlowchartPreview | undefined {
    const active = vscode.window.activeTextEditor?.document;
    const uri = isPreviewState(state) ? vscode.Uri.parse(state.uri) : active && isPreviewable(active) ? active.uri : undefined;
    if (!uri) {
      panel.dispose();
      return undefined;
    }
    panel.webview.options = webviewOptions(context.extensionUri);
    FlowchartPreview.current?.dispose();
    return new FlowchartPreview(context, panel, uri);
  }

  private uri: vscode.Uri;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly svgRequests: SvgRequests;
  private readonly exports: ExportRequests;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private lastPosted: string | undefined;
  private lastHighlight = '';
  /** The newest drawable source (the last good picture's nodes stay clickable while the YAML is broken). */
  private drawn: Extract<PreviewSource, { ok: true }> | undefined;
  /** While comparing with the last release: the released copy of the document shown, and the lock it was found with. */
  private comparison: { lock: WorkspaceLock | undefined; entry: LockEntry; view: PreviewComparison } | undefined;
  private readyResolve: (() => void) | undefined;
  /** Settles when the webview's script has said `ready`. */
  ready: Promise<void>;
  private disposed = false;

  private constructor(
    private readonly context: PreviewContext,
    readonly panel: vscode.WebviewPanel,
    uri: vscode.Uri,
  ) {
    FlowchartPreview.current = this;
    this.uri = uri;
    this.ready = new Promise((resolve) => (this.readyResolve = resolve));
    const post = (message: HostMessage) => this.panel.webview.postMessage(message);
    this.svgRequests = new SvgRequests(post);
    this.exports = new ExportRequests(post);
    panel.title = titleFor(uri);
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'qms-file.svg');
    panel.webview.html = pageFor(panel.webview, context.extensionUri);

    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.uri.toString() && event.contentChanges.length) this.schedule(TYPING_DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.uri.toString() !== this.uri.toString() && isPreviewable(editor.document)) this.show(editor.document.uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() === this.uri.toString()) this.postHighlight(event.textEditor);
      }),
      // Another file changed what this one's picture shows (a role's name, a process): draw again.
      context.lint.onDidLint((linter) => {
        if (linter.owns(this.uri.fsPath)) this.schedule(0);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('qms.preview', this.uri)) this.schedule(0, true);
      }),
    );
  }

  get documentUri(): vscode.Uri {
    return this.uri;
  }

  get latestSeq(): number {
    return this.seq;
  }

  /** The picture of the YAML as it is now. */
  get diagram(): Diagram | undefined {
    return this.drawn?.diagram;
  }

  /** The comparison on screen, if any: which release, and the nodes marked in the picture drawn last. */
  get comparing(): { release: string; date: string; changes: ChangedNodes | undefined } | undefined {
    const comparison = this.comparison;
    if (!comparison) return undefined;
    const compare = this.drawn?.compare;
    return { release: comparison.entry.label, date: comparison.entry.date, changes: compare && { added: compare.added, changed: compare.changed, removed: compare.removed } };
  }

  /**
   * Turns the comparison with the last release on or off. Turning it on finds the document's
   * release and reads its released copy; when there is none (or it cannot be trusted), the
   * comparison stays off and the result says why.
   */
  async setComparing(on: boolean): Promise<CompareOutcome> {
    if (!on) {
      this.comparison = undefined;
      this.schedule(0, true);
      return { comparing: false };
    }
    const refused = await this.findRelease();
    this.schedule(0, true);
    return this.comparison ? { comparing: true } : { comparing: false, ...(refused === undefined ? {} : { refused }) };
  }

  /** Finds the release of the document shown and keeps it as the baseline; otherwise says why not (in the editor's language). */
  private async findRelease(): Promise<string | undefined> {
    this.comparison = undefined;
    const uri = this.uri;
    const document = await vscode.workspace.openTextDocument(uri);
    const locale = editorLocale();
    const name = path.basename(uri.fsPath);
    if (previewKindOf(uri.fsPath, document.getText()) !== 'procedure') return vscode.l10n.t('{0} is not a procedure: only a procedure\'s flowchart can be compared with its last release.', name);
    const linter = await this.loadedLinterFor(uri.fsPath);
    const workspace = linter?.current;
    if (!linter || !workspace) return vscode.l10n.t('{0} is not in a QMS workspace (a folder with a qms.yaml): there is no qms.lock to find its release in.', name);
    const file = this.context.parser.parse(uri.fsPath, document.getText());
    if (file.parsed.findings.length) return vscode.l10n.t('{0} has YAML syntax errors: fix them (see the Problems panel), then compare again.', name);
    const result = await compareWithRelease(vscodeFileSystem, linter.root, workspace.lock, file.model);
    if (!result.ok) return result.message[locale];
    // The user moved to another document meanwhile: that one is drawn plain.
    if (uri.toString() !== this.uri.toString()) return undefined;
    const code = (file.model as { code?: unknown } | undefined)?.code;
    const version = describeVersion(result.entry.version)[locale];
    this.comparison = {
      lock: workspace.lock,
      entry: result.entry,
      view: {
        released: result.released,
        releasedFile: result.releasedFile,
        title: vscode.l10n.t('{0} — changes since {1} ({2})', typeof code === 'string' ? code : name, version, result.entry.date),
        note: ({ elsewhere, reordered }) =>
          [
            elsewhere.length ? vscode.l10n.t('Also changed, not shown in the flowchart: {0}.', elsewhere.join(', ')) : '',
            reordered ? vscode.l10n.t('The steps are in another order.') : '',
          ]
            .filter(Boolean)
            .join(' '),
      },
    };
    return undefined;
  }

  /**
   * The linter of the workspace holding `file`, once it has loaded: right after activation (the
   * command can be the first thing a user runs) the workspace may not be found or read yet.
   */
  private async loadedLinterFor(file: string): Promise<WorkspaceLinter | undefined> {
    const lint = this.context.lint;
    if (!lint.linterFor(file)) await lint.discover();
    const linter = lint.linterFor(file);
    if (!linter || linter.current) return linter;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const subscription = lint.onDidLint((linted) => {
        if (linted === linter && linter.current) done();
      });
      const timer = setTimeout(done, READY_TIMEOUT_MS);
    });
    return linter;
  }

  /** Switches to another document. */
  show(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return this.schedule(0);
    this.uri = uri;
    this.panel.title = titleFor(uri);
    // A comparison is about one document: the next one is drawn plain until asked again.
    this.comparison = undefined;
    this.drawn = undefined;
    this.lastHighlight = '';
    this.schedule(0, true);
  }

  /** Mermaid text → SVG in this panel's webview (for documents: light theme, no HTML labels). */
  async renderSvg(text: string): Promise<string> {
    await within(this.ready, READY_TIMEOUT_MS, 'the preview webview did not start');
    return this.svgRequests.render(text);
  }

  /** Writes the picture as SVG and/or PNG files; returns the files written. */
  async exportTo(targets: ExportTarget[]): Promise<vscode.Uri[]> {
    await within(this.ready, READY_TIMEOUT_MS, 'the preview webview did not start');
    const written: vscode.Uri[] = [];
    for (const target of targets) {
      const data = await this.exports.request(target.format);
      const bytes = target.format === 'svg' ? new TextEncoder().encode(data) : pngBytes(data);
      await writeAtomically(target.uri, bytes);
      written.push(target.uri);
    }
    return written;
  }

  /** Beside the YAML, or (`ask`) where the user picks. */
  async exportFormats(formats: ExportFormat[], ask: boolean): Promise<vscode.Uri[]> {
    const targets = await exportTargets(this.uri, formats, ask);
    return targets.length ? this.exportTo(targets) : [];
  }

  /** Handles a message from the webview (or from a test, as if the webview had sent it). */
  async receive(message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) {
      console.warn(`[qmskit] preview: refused ${describeRefused(message)}`);
      return;
    }
    try {
      await this.handle(message);
    } finally {
      this.context.messages.fire({ ...message, uri: this.uri.toString(), latestSeq: this.seq });
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.readyResolve?.();
        // A fresh page (first load, or reloaded by VS Code): it has nothing on screen yet.
        this.lastPosted = undefined;
        this.lastHighlight = '';
        this.update(true);
        return;
      case 'nodeClick':
        await this.revealNode(message.nodeId);
        return;
      case 'exportClick':
        await vscode.commands.executeCommand('qms.exportPreview', { formats: [message.format] });
        return;
      case 'svg':
        this.svgRequests.handle(message);
        return;
      case 'exported':
      case 'exportFailed':
        this.exports.handle(message);
        return;
      case 'rendered':
      case 'renderError':
      case 'highlighted':
        return;
    }
  }

  private schedule(delay: number, force = false): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update(force);
    }, delay);
  }

  private update(force: boolean): void {
    if (this.disposed) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
    if (!document) {
      // Not open in the editor (a restored preview): read it, then draw.
      void vscode.workspace.openTextDocument(this.uri).then(
        () => this.update(force),
        (error: unknown) => this.postProblem(vscode.l10n.t('Cannot open {0}: {1}', this.uri.fsPath, error instanceof Error ? error.message : String(error))),
      );
      return;
    }
    const file = this.context.parser.parse(this.uri.fsPath, document.getText());
    const workspace = this.context.lint.linterFor(this.uri.fsPath)?.current;
    const comparison = this.comparison;
    if (comparison && workspace && workspace.lock !== comparison.lock) {
      // qms.lock was read again (a release, a merge): find the release anew, then draw.
      comparison.lock = workspace.lock;
      void this.findRelease().then((refused) => {
        if (refused !== undefined) void vscode.window.showInformationMessage(refused);
        this.schedule(0, true);
      });
    }
    let source: PreviewSource;
    try {
      source = previewSource(workspace, file, previewSettings(this.uri), this.comparison?.view);
    } catch (error) {
      // A bug in the diagram code must not leave the preview blank without a word.
      console.error('[qmskit] preview: drawing failed', error);
      source = { ok: false, file, message: `QMS Kit could not draw ${path.basename(this.uri.fsPath)}: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!source.ok) {
      this.postProblem(source.message);
      return;
    }
    this.drawn = source;
    if (!force && source.diagram.text === this.lastPosted) return;
    this.lastPosted = source.diagram.text;
    const message: HostMessage = { type: 'render', seq: ++this.seq, uri: this.uri.toString(), text: source.diagram.text, nodes: source.nodes, title: source.title };
    if (source.compare) message.compare = source.compare;
    void this.panel.webview.postMessage(message);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    if (editor) this.postHighlight(editor);
  }

  private postProblem(message: string): void {
    this.lastPosted = undefined;
    void this.panel.webview.postMessage({ type: 'problem', seq: ++this.seq, message: message.slice(0, 10_000) } satisfies HostMessage);
  }

  private postHighlight(editor: vscode.TextEditor): void {
    const drawn = this.drawn;
    if (!drawn) return;
    const offset = editor.document.offsetAt(editor.selection.active);
    const file = this.context.parser.parse(this.uri.fsPath, editor.document.getText());
    if (file.parsed.findings.length) return;
    const ids = nodesAtOffset(drawn.diagram, file, offset);
    const key = ids.join(',');
    if (key === this.lastHighlight) return;
    this.lastHighlight = key;
    void this.panel.webview.postMessage({ type: 'highlight', nodeIds: ids } satisfies HostMessage);
  }

  /** A click on a node: its definition, selected in the editor. */
  private async revealNode(nodeId: string): Promise<void> {
    const node = this.drawn?.diagram.nodes[nodeId];
    if (!node) return;
    const uri = vscode.Uri.file(node.file);
    const document = await vscode.workspace.openTextDocument(uri);
    let selection = new vscode.Selection(0, 0, 0, 0);
    if (node.pointer) {
      const range = toRange(rangeAtPointer(parseYaml(document.getText(), node.file), node.pointer));
      // Selected from its end back to its start: the cursor (and the view) at the step's first line.
      selection = new vscode.Selection(range.end, range.start);
    }
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, preview: false });
    editor.selection = selection; // (the `selection` option would lose the direction)
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (FlowchartPreview.current === this) FlowchartPreview.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.svgRequests.dispose();
    this.exports.dispose();
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function titleFor(uri: vscode.Uri): string {
  return vscode.l10n.t('Preview {0}', path.basename(uri.fsPath));
}
