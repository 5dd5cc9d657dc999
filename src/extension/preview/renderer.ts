import * as vscode from 'vscode';
import { describeRefused, isWebviewMessage, type HostMessage } from '../../shared/preview-protocol';
import { FlowchartPreview, pageFor, READY_TIMEOUT_MS, webviewOptions } from './panel';
import { SvgRequests, within } from './requests';

export const RENDERER_VIEW_TYPE = 'qms.renderer';

/** A background renderer is closed after this long without a request. */
const IDLE_MS = 60_000;

/**
 * Mermaid → SVG inside VS Code, for document generation in the editor: the open preview's
 * webview draws it when there is one; otherwise a small renderer panel (the same page, its own
 * view type, never restored after a reload) opens beside the editor without taking focus, and
 * closes itself after a minute without work. A webview is the only browser an extension has.
 */
export class WebviewRenderer implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private requests: SvgRequests | undefined;
  private ready: Promise<void> | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private active = 0;

  constructor(private readonly extensionUri: vscode.Uri) {}

  async render(text: string): Promise<string> {
    const preview = FlowchartPreview.active;
    if (preview) return preview.renderSvg(text);
    this.active++;
    if (this.idle) clearTimeout(this.idle);
    try {
      const requests = this.open();
      await within(this.ready!, READY_TIMEOUT_MS, 'the diagram renderer webview did not start');
      return await requests.render(text);
    } finally {
      if (--this.active === 0) this.idle = setTimeout(() => this.close(), IDLE_MS);
    }
  }

  private open(): SvgRequests {
    if (this.panel && this.requests) return this.requests;
    const panel = vscode.window.createWebviewPanel(RENDERER_VIEW_TYPE, vscode.l10n.t('QMS diagram renderer'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.extensionUri));
    const requests = new SvgRequests((message: HostMessage) => panel.webview.postMessage(message));
    let resolveReady!: () => void;
    this.ready = new Promise((resolve) => (resolveReady = resolve));
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (!isWebviewMessage(message)) return console.warn(`[qmskit] renderer: refused ${describeRefused(message)}`);
      if (message.type === 'ready') resolveReady();
      else requests.handle(message);
    });
    panel.onDidDispose(() => {
      requests.dispose();
      if (this.panel === panel) {
        this.panel = undefined;
        this.requests = undefined;
      }
    });
    panel.webview.html = pageFor(panel.webview, this.extensionUri);
    this.panel = panel;
    this.requests = requests;
    return requests;
  }

  private close(): void {
    this.panel?.dispose();
  }

  dispose(): void {
    if (this.idle) clearTimeout(this.idle);
    this.close();
  }
}
