import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportRequests, PendingRequests, pngBytes, pngSize, SvgRequests, within } from '../../src/extension/preview/requests';
import { isHostMessage, type HostMessage, type WebviewMessage } from '../../src/shared/preview-protocol';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>a</text></svg>';
/** A 1×1 PNG. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A stand-in webview: records what the host posts and answers through `reply`. */
function fakeWebview(reply: (message: HostMessage) => WebviewMessage | undefined) {
  const posted: HostMessage[] = [];
  let deliver: (message: WebviewMessage) => void = () => undefined;
  const post = (message: HostMessage) => {
    expect(isHostMessage(message), `the host posted a message outside the protocol: ${JSON.stringify(message)}`).toBe(true);
    posted.push(message);
    const answer = reply(message);
    if (answer) queueMicrotask(() => deliver(answer));
    return Promise.resolve(true);
  };
  return { posted, post, connect: (handler: (message: WebviewMessage) => void) => (deliver = handler) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('headless rendering through a webview (renderSvg → svg)', () => {
  it('sends the text and resolves with the SVG the webview answers for that request', async () => {
    const webview = fakeWebview((m) => (m.type === 'renderSvg' ? { type: 'svg', requestId: m.requestId, svg: SVG.replace('a', m.text) } : undefined));
    const requests = new SvgRequests(webview.post);
    webview.connect((m) => requests.handle(m));
    const [one, two] = await Promise.all([requests.render('one'), requests.render('two')]);
    expect(one).toContain('<text>one</text>');
    expect(two).toContain('<text>two</text>');
    expect(webview.posted.map((m) => m.type === 'renderSvg' && m.requestId)).toEqual([1, 2]);
  });

  it('answers out of order go to the right request', async () => {
    const held: HostMessage[] = [];
    const webview = fakeWebview((m) => {
      held.push(m);
      return undefined;
    });
    const requests = new SvgRequests(webview.post);
    const first = requests.render('first');
    const second = requests.render('second');
    await Promise.resolve();
    for (const m of held.reverse()) if (m.type === 'renderSvg') requests.handle({ type: 'svg', requestId: m.requestId, svg: `<svg>${m.text}</svg>` });
    expect(await first).toBe('<svg>first</svg>');
    expect(await second).toBe('<svg>second</svg>');
  });

  it('rejects with Mermaid\'s message when the webview could not draw it', async () => {
    const webview = fakeWebview((m) => (m.type === 'renderSvg' ? { type: 'svg', requestId: m.requestId, error: 'Parse error on line 1' } : undefined));
    const requests = new SvgRequests(webview.post);
    webview.connect((m) => requests.handle(m));
    await expect(requests.render('flowchart TD\n  a -->')).rejects.toThrow(/Parse error on line 1/);
  });

  it('rejects at once when the message cannot be delivered, and after the deadline when no answer comes', async () => {
    const gone = new SvgRequests(() => false);
    await expect(gone.render('x')).rejects.toThrow(/gone/);
    vi.useFakeTimers();
    const silent = new SvgRequests(() => true, 1_000);
    const pending = silent.render('x');
    const check = expect(pending).rejects.toThrow(/within 1000 ms/);
    await vi.advanceTimersByTimeAsync(1_001);
    await check;
  });

  it('ignores answers to requests it never made or already settled', async () => {
    const requests = new SvgRequests(() => true);
    expect(requests.handle({ type: 'svg', requestId: 99, svg: SVG })).toBe(true);
    expect(requests.handle({ type: 'rendered', seq: 1, nodeCount: 0, stepIds: [], labels: {}, ms: 0, at: 0 })).toBe(false);
    const pending = requests.render('x');
    await Promise.resolve();
    requests.handle({ type: 'svg', requestId: 1, svg: SVG });
    requests.handle({ type: 'svg', requestId: 1, error: 'late' });
    expect(await pending).toBe(SVG);
  });

  it('fails what is open when the webview closes', async () => {
    const requests = new SvgRequests(() => true);
    const pending = requests.render('x');
    requests.dispose();
    await expect(pending).rejects.toThrow(/closed/);
  });
});

describe('export requests (export → exported / exportFailed)', () => {
  it('resolves with the data of the format asked for', async () => {
    const webview = fakeWebview((m) => (m.type === 'export' ? { type: 'exported', requestId: m.requestId, format: m.format, data: m.format === 'svg' ? SVG : PNG } : undefined));
    const exports = new ExportRequests(webview.post);
    webview.connect((m) => exports.handle(m));
    expect(await exports.request('svg')).toBe(SVG);
    expect(await exports.request('png')).toBe(PNG);
  });

  it('rejects with the webview\'s reason, and when the format answered is not the one asked', async () => {
    const failing = fakeWebview((m) => (m.type === 'export' ? { type: 'exportFailed', requestId: m.requestId, message: 'there is no picture to export yet' } : undefined));
    const a = new ExportRequests(failing.post);
    failing.connect((m) => a.handle(m));
    await expect(a.request('png')).rejects.toThrow(/no picture/);
    const confused = fakeWebview((m) => (m.type === 'export' ? { type: 'exported', requestId: m.requestId, format: 'svg', data: SVG } : undefined));
    const b = new ExportRequests(confused.post);
    confused.connect((m) => b.handle(m));
    await expect(b.request('png')).rejects.toThrow(/asked for png/);
  });
});

describe('PNG checks', () => {
  it('reads width and height from the IHDR chunk', () => {
    const bytes = pngBytes(PNG);
    expect(pngSize(bytes)).toEqual({ width: 1, height: 1 });
  });

  it('refuses what is not a PNG', () => {
    expect(() => pngBytes('data:image/svg+xml;base64,PHN2Zz4=')).toThrow(/PNG data URL/);
    expect(() => pngBytes('data:image/png;base64,PHN2Zz4=')).toThrow(/not a valid PNG/);
    expect(pngSize(new Uint8Array(10))).toBeUndefined();
  });
});

describe('PendingRequests', () => {
  it('numbers requests from 1 and forgets settled ones', async () => {
    const pending = new PendingRequests<number>(10_000, 'test');
    const a = pending.open();
    const b = pending.open();
    expect([a.id, b.id]).toEqual([1, 2]);
    expect(pending.size).toBe(2);
    expect(pending.resolve(1, 10)).toBe(true);
    expect(pending.resolve(1, 11)).toBe(false);
    pending.rejectAll(new Error('gone'));
    expect(await a.answer).toBe(10);
    await expect(b.answer).rejects.toThrow('gone');
    expect(pending.size).toBe(0);
  });
});

describe('within', () => {
  it('passes a settled promise through, and says what did not happen in time', async () => {
    expect(await within(Promise.resolve(42), 1_000, 'x')).toBe(42);
    vi.useFakeTimers();
    const never = within(new Promise<never>(() => undefined), 500, 'the webview did not start');
    const check = expect(never).rejects.toThrow('the webview did not start within 500 ms');
    await vi.advanceTimersByTimeAsync(501);
    await check;
  });
});
