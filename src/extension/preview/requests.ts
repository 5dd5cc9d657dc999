import type { ExportFormat, HostMessage, WebviewMessage } from '../../shared/preview-protocol';

/**
 * Requests the host makes of a webview and answers it waits for (an export, an SVG for a
 * document): numbered, answered by number, each with a deadline. Pure: no `vscode`, so the
 * protocol part of headless rendering is unit-tested without an editor.
 */
export class PendingRequests<T> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly timeoutMs: number, private readonly what: string) {}

  get size(): number {
    return this.pending.size;
  }

  /** A new request id and the promise its answer settles. */
  open(): { id: number; answer: Promise<T> } {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.what}: no answer from the preview within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
    return { id, answer };
  }

  /** Settles request `id`; false when it is unknown (answered already, timed out, or never asked). */
  resolve(id: number, value: T): boolean {
    const entry = this.take(id);
    entry?.resolve(value);
    return entry !== undefined;
  }

  reject(id: number, error: Error): boolean {
    const entry = this.take(id);
    entry?.reject(error);
    return entry !== undefined;
  }

  /** Fails every open request (the webview went away). */
  rejectAll(error: Error): void {
    for (const id of [...this.pending.keys()]) this.reject(id, error);
  }

  private take(id: number) {
    const entry = this.pending.get(id);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    return entry;
  }
}

/** `promise`, or a rejection after `ms` saying what did not happen. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Posts to a webview: false (or a rejected promise) when the message could not be delivered. */
export type Post = (message: HostMessage) => PromiseLike<boolean> | boolean;

/**
 * Mermaid text → SVG through a webview: `renderSvg` out, `svg` back. The same object serves the
 * preview panel and the background renderer (renderer.ts).
 */
export class SvgRequests {
  private readonly requests: PendingRequests<string>;

  constructor(private readonly post: Post, timeoutMs = 30_000) {
    this.requests = new PendingRequests<string>(timeoutMs, 'rendering a diagram');
  }

  async render(text: string): Promise<string> {
    const { id, answer } = this.requests.open();
    let delivered: boolean;
    try {
      delivered = await this.post({ type: 'renderSvg', requestId: id, text });
    } catch {
      delivered = false;
    }
    if (!delivered) this.requests.reject(id, new Error('the preview webview is gone'));
    return answer;
  }

  /** Takes the `svg` answers; returns true when the message was one. */
  handle(message: WebviewMessage): boolean {
    if (message.type !== 'svg') return false;
    if (message.svg !== undefined) this.requests.resolve(message.requestId, message.svg);
    else this.requests.reject(message.requestId, new Error(`Mermaid could not draw the diagram: ${message.error ?? 'unknown error'}`));
    return true;
  }

  dispose(): void {
    this.requests.rejectAll(new Error('the preview webview was closed'));
  }
}

/** The picture on screen as a file: `export` out, `exported` / `exportFailed` back. */
export class ExportRequests {
  private readonly requests: PendingRequests<{ format: ExportFormat; data: string }>;

  constructor(private readonly post: Post, timeoutMs = 60_000) {
    this.requests = new PendingRequests(timeoutMs, 'exporting the flowchart');
  }

  async request(format: ExportFormat): Promise<string> {
    const { id, answer } = this.requests.open();
    let delivered: boolean;
    try {
      delivered = await this.post({ type: 'export', requestId: id, format });
    } catch {
      delivered = false;
    }
    if (!delivered) this.requests.reject(id, new Error('the preview webview is gone'));
    const result = await answer;
    if (result.format !== format) throw new Error(`asked for ${format}, the preview answered ${result.format}`);
    return result.data;
  }

  handle(message: WebviewMessage): boolean {
    if (message.type === 'exported') {
      this.requests.resolve(message.requestId, { format: message.format, data: message.data });
      return true;
    }
    if (message.type === 'exportFailed') {
      this.requests.reject(message.requestId, new Error(message.message));
      return true;
    }
    return false;
  }

  dispose(): void {
    this.requests.rejectAll(new Error('the preview webview was closed'));
  }
}

/** The bytes of a `data:image/png;base64,` URL, checked to be a PNG (signature and IHDR). */
export function pngBytes(dataUrl: string): Uint8Array {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) throw new Error('not a PNG data URL');
  const bytes = Uint8Array.from(Buffer.from(dataUrl.slice(prefix.length), 'base64'));
  const size = pngSize(bytes);
  if (!size) throw new Error('the PNG the preview made is not a valid PNG');
  return bytes;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const type = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (type !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
