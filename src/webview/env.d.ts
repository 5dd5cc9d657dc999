/** What VS Code gives a webview's script (once: a second call throws). */
interface VsCodeWebviewApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State = unknown>(): VsCodeWebviewApi<State>;

/** esbuild emits imported CSS as dist/webview/preview.css, linked by the host's HTML. */
declare module '*.css';
