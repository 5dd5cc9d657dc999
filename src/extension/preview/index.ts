import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportFormat, RenderedMessage, WebviewMessage } from '../../shared/preview-protocol';
import type { LintService } from '../lint/lint-service';
import { QMS_SELECTOR } from '../selector';
import { PreviewParser, previewKindOf } from './diagram-source';
import { FlowchartPreview, isPreviewable, PREVIEW_VIEW_TYPE, type CompareOutcome, type PreviewContext, type PreviewEvent } from './panel';
import { WebviewRenderer } from './renderer';

export { PREVIEW_VIEW_TYPE } from './panel';
export type { CompareOutcome, PreviewEvent } from './panel';

/** What the preview offers the rest of the extension (and its tests) through the extension's API. */
export interface PreviewApi {
  /**
   * Mermaid text → SVG drawn by Mermaid in a webview (the open preview's, or a background one):
   * for generating documents from inside the editor. Light theme, SVG text labels, strict.
   */
  renderDiagramInWebview(text: string): Promise<string>;
  /** For tests in the extension host. */
  readonly testing: PreviewTestHooks;
}

export interface PreviewTestHooks {
  /** Resolves with the next `rendered` report of the newest render that `accept` takes. */
  nextRender(accept?: (message: RenderedMessage & PreviewEvent) => boolean, timeoutMs?: number): Promise<RenderedMessage & PreviewEvent>;
  /** Resolves with the next accepted webview message of `type` that `accept` takes. */
  nextMessage<T extends WebviewMessage['type']>(type: T, accept?: (message: Extract<WebviewMessage, { type: T }> & PreviewEvent) => boolean, timeoutMs?: number): Promise<Extract<WebviewMessage, { type: T }> & PreviewEvent>;
  /** Hands `message` to the open preview as if its webview had posted it (validation included). */
  receive(message: unknown): Promise<void>;
  /**
   * The open preview: its document, newest sequence number, whether it is visible, and while it
   * compares with the last release, which release and the nodes its newest picture marks.
   */
  readonly current: { uri: string; latestSeq: number; visible: boolean; comparing: FlowchartPreview['comparing'] } | undefined;
}


/** Arguments of `qms.exportPreview` (all optional): which formats, and whether to ask where. */
export interface ExportPreviewArgs {
  formats?: ExportFormat[];
  ask?: boolean;
}

export function registerPreview(context: vscode.ExtensionContext, lint: LintService): PreviewApi {
  const messages = new vscode.EventEmitter<PreviewEvent>();
  const previewContext: PreviewContext = { extensionUri: context.extensionUri, lint, parser: new PreviewParser(), messages };
  const renderer = new WebviewRenderer(context.extensionUri);

  const targetOf = (arg: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    const document = vscode.window.activeTextEditor?.document;
    if (document && isPreviewable(document)) return document.uri;
    return FlowchartPreview.active?.documentUri;
  };
  const open = (toSide: boolean) => (arg: unknown) => {
    const uri = targetOf(arg);
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a QMS procedure, process or qms.yaml to preview its flowchart.'));
      return undefined;
    }
    FlowchartPreview.createOrShow(previewContext, uri, toSide);
    return uri;
  };

  const nextMessage: PreviewTestHooks['nextMessage'] = (type, accept, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const subscription = messages.event((message) => {
        if (message.type !== type) return;
        const typed = message as Extract<WebviewMessage, { type: typeof type }> & PreviewEvent;
        if (accept && !accept(typed)) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(typed);
      });
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no "${type}" message from the preview within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  const nextRender: PreviewTestHooks['nextRender'] = (accept, timeoutMs) => nextMessage('rendered', (m) => m.seq === m.latestSeq && (!accept || accept(m)), timeoutMs);

  const exportPreview = async (arg: unknown): Promise<vscode.Uri[] | undefined> => {
    const args: ExportPreviewArgs = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as ExportPreviewArgs) : {};
    const formats = (args.formats ?? ['svg', 'png']).filter((f): f is ExportFormat => f === 'svg' || f === 'png');
    let preview = FlowchartPreview.active;
    if (!preview) {
      const uri = targetOf(arg instanceof vscode.Uri ? arg : undefined);
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a QMS procedure, process or qms.yaml to export its flowchart.'));
        return undefined;
      }
      const drawn = nextRender(undefined, 30_000);
      preview = FlowchartPreview.createOrShow(previewContext, uri, true);
      await drawn;
    }
    try {
      const written = await preview.exportFormats(formats, args.ask === true);
      if (written.length) void vscode.window.showInformationMessage(vscode.l10n.t('Flowchart exported: {0}', written.map((u) => vscode.workspace.asRelativePath(u)).join(', ')));
      return written;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the flowchart: {0}', error instanceof Error ? error.message : String(error)));
      throw error;
    }
  };

  /**
   * Toggles the comparison of the preview with the document's last release: opens the preview
   * beside the editor first when there is none, or switches it to the document asked for.
   * Arguments (optional): a Uri, or `{ uri?: Uri, compare?: boolean }` (on or off rather than
   * toggle); the document defaults to the active editor's, else the preview's.
   */
  const compareWithRelease = async (arg: unknown): Promise<CompareOutcome> => {
    // Menus may pass their own context object: only a Uri and a boolean are taken from it.
    const given = arg instanceof vscode.Uri ? { uri: arg } : arg && typeof arg === 'object' ? (arg as Record<string, unknown>) : {};
    const compare = typeof given.compare === 'boolean' ? given.compare : undefined;
    const uri = given.uri instanceof vscode.Uri ? given.uri : targetOf(undefined);
    let preview = FlowchartPreview.active;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a QMS procedure to compare its flowchart with its last release.'));
      return { comparing: false };
    }
    const shownAlready = preview?.documentUri.toString() === uri.toString();
    if (!preview || !shownAlready) preview = FlowchartPreview.createOrShow(previewContext, uri, true);
    const on = compare ?? !(shownAlready && preview.comparing);
    const outcome = await preview.setComparing(on);
    if (!outcome.comparing && outcome.refused) void vscode.window.showInformationMessage(outcome.refused);
    return outcome;
  };

  context.subscriptions.push(
    messages,
    renderer,
    { dispose: () => FlowchartPreview.active?.dispose() },
    vscode.commands.registerCommand('qms.openPreview', open(false)),
    vscode.commands.registerCommand('qms.openPreviewToSide', open(true)),
    vscode.commands.registerCommand('qms.exportPreview', exportPreview),
    vscode.commands.registerCommand('qms.exportPreviewAs', () => exportPreview({ ask: true })),
    vscode.commands.registerCommand('qms.compareWithRelease', compareWithRelease),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        FlowchartPreview.revive(previewContext, panel, state);
      },
    }),
    vscode.languages.registerCodeLensProvider(QMS_SELECTOR, new PreviewCodeLensProvider()),
  );

  return {
    renderDiagramInWebview: (text) => renderer.render(text),
    testing: {
      nextRender,
      nextMessage,
      async receive(message) {
        const preview = FlowchartPreview.active;
        if (!preview) throw new Error('no preview is open');
        await preview.receive(message);
      },
      get current() {
        const preview = FlowchartPreview.active;
        return preview ? { uri: preview.documentUri.toString(), latestSeq: preview.latestSeq, visible: preview.panel.visible, comparing: preview.comparing } : undefined;
      },
    },
  };
}

/** "Open flowchart" above a procedure, "Open process map" above a process or qms.yaml. */
export class PreviewCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    const kind = previewKindOf(document.uri.fsPath, text);
    if (!kind) return [];
    const match = /^kind:/m.exec(text);
    const line = match ? document.positionAt(match.index).line : 0;
    const title = kind === 'procedure' ? vscode.l10n.t('Open flowchart') : vscode.l10n.t('Open process map');
    return [
      new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title,
        tooltip: vscode.l10n.t('Preview {0} beside the editor', path.basename(document.uri.fsPath)),
        command: 'qms.openPreviewToSide',
        arguments: [document.uri],
      }),
    ];
  }
}
