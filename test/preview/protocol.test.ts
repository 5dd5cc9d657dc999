import { describe, expect, it } from 'vitest';
import { describeRefused, isHostMessage, isPreviewState, isWebviewMessage, LIMITS, type HostMessage, type WebviewMessage } from '../../src/shared/preview-protocol';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const VIEW = { scale: 1.5, x: -20, y: 10, fit: false };

const validHost: HostMessage[] = [
  { type: 'render', seq: 3, uri: 'file:///ws/procedures/QT-01.qms.yaml', text: 'flowchart TD\n  s0("A")', nodes: { st: 'start', s0: 'step', s1: 'decision', e1: 'end', f0: 'form' }, title: 'QT-01 — flowchart' },
  { type: 'problem', seq: 4, message: 'QT-01.qms.yaml:3:1: bad indentation' },
  { type: 'highlight', nodeIds: ['s0', 'lane-1', 'outp_2'] },
  { type: 'highlight', nodeIds: [] },
  { type: 'export', requestId: 1, format: 'svg' },
  { type: 'export', requestId: 2, format: 'png' },
  { type: 'renderSvg', requestId: 7, text: 'flowchart LR\n a-->b' },
];

const validWebview: WebviewMessage[] = [
  { type: 'ready' },
  { type: 'ready', state: { uri: 'file:///ws/qms.yaml', view: VIEW } },
  { type: 'rendered', seq: 3, nodeCount: 2, stepIds: ['s0'], labels: { st: 'Start', s0: '<img src=x onerror=alert(1)>' }, ms: 12.5, at: 1_700_000_000_000 },
  { type: 'renderError', seq: 4, source: 'mermaid', message: 'Parse error on line 2', keptPicture: true },
  { type: 'renderError', seq: 5, source: 'host', message: 'bad YAML', keptPicture: false },
  { type: 'nodeClick', nodeId: 's12' },
  { type: 'highlighted', nodeIds: ['s1'] },
  { type: 'exportClick', format: 'png' },
  { type: 'exported', requestId: 1, format: 'svg', data: SVG },
  { type: 'exported', requestId: 2, format: 'png', data: PNG },
  { type: 'exportFailed', requestId: 3, message: 'no picture yet' },
  { type: 'svg', requestId: 7, svg: SVG },
  { type: 'svg', requestId: 8, error: 'Parse error' },
];

describe('preview protocol: host → webview', () => {
  it.each(validHost.map((m) => [m.type, m] as const))('accepts a valid %s', (_type, message) => {
    expect(isHostMessage(message)).toBe(true);
    // JSON round trip: what postMessage delivers is structurally the same.
    expect(isHostMessage(JSON.parse(JSON.stringify(message)))).toBe(true);
  });

  it('never takes a webview message for a host message, nor the other way round', () => {
    for (const m of validWebview) expect(isHostMessage(m)).toBe(false);
    for (const m of validHost) expect(isWebviewMessage(m)).toBe(false);
  });

  it.each([
    ['not an object', 'render'],
    ['null', null],
    ['an array', [{ type: 'render' }]],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['an extra key', { type: 'highlight', nodeIds: [], html: '<b>' }],
    ['a negative seq', { ...validHost[0], seq: -1 }],
    ['a fractional seq', { ...validHost[0], seq: 1.5 }],
    ['a non-file uri', { ...validHost[0], uri: 'https://evil.example/x.qms.yaml' }],
    ['a node id with markup', { ...validHost[0], nodes: { '<img>': 'step' } }],
    ['an unknown node kind', { ...validHost[0], nodes: { s0: 'script' } }],
    ['text above the limit', { ...validHost[0], text: 'x'.repeat(LIMITS.text + 1) }],
    ['a title that is not a string', { ...validHost[0], title: 42 }],
    ['a highlight id that is not a node id', { type: 'highlight', nodeIds: ['s0', 'a b'] }],
    ['an unknown export format', { type: 'export', requestId: 1, format: 'pdf' }],
    ['a renderSvg without text', { type: 'renderSvg', requestId: 1 }],
  ])('refuses %s', (_what, message) => {
    expect(isHostMessage(message)).toBe(false);
  });
});

describe('preview protocol: webview → host', () => {
  it.each(validWebview.map((m) => [m.type, m] as const))('accepts a valid %s', (_type, message) => {
    expect(isWebviewMessage(message)).toBe(true);
    expect(isWebviewMessage(JSON.parse(JSON.stringify(message)))).toBe(true);
  });

  it.each([
    ['a click on an id that is not a node id', { type: 'nodeClick', nodeId: '../../etc/passwd' }],
    ['a click with an extra command', { type: 'nodeClick', nodeId: 's0', command: 'workbench.action.terminal.new' }],
    ['a ready with a state for a remote uri', { type: 'ready', state: { uri: 'vscode-vfs://x', view: VIEW } }],
    ['a ready with a broken view', { type: 'ready', state: { uri: 'file:///x', view: { ...VIEW, scale: Infinity } } }],
    ['a rendered without labels', { type: 'rendered', seq: 1, nodeCount: 1, stepIds: [], ms: 1, at: 1 }],
    ['a rendered with a label that is not text', { type: 'rendered', seq: 1, nodeCount: 1, stepIds: [], labels: { s0: 1 }, ms: 1, at: 1 }],
    ['a rendered with a negative time', { type: 'rendered', seq: 1, nodeCount: 1, stepIds: [], labels: {}, ms: -1, at: 1 }],
    ['an error from an unknown source', { type: 'renderError', seq: 1, source: 'user', message: 'x', keptPicture: false }],
    ['an SVG export that is not SVG', { type: 'exported', requestId: 1, format: 'svg', data: '<html><script>alert(1)</script>' }],
    ['a PNG export that is not a PNG data URL', { type: 'exported', requestId: 1, format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' }],
    ['a PNG export with junk after the base64', { type: 'exported', requestId: 1, format: 'png', data: `${PNG}"><script>` }],
    ['an SVG export above the limit', { type: 'exported', requestId: 1, format: 'svg', data: `<svg>${'x'.repeat(LIMITS.svg)}` }],
    ['an svg answer with both svg and error', { type: 'svg', requestId: 1, svg: SVG, error: 'x' }],
    ['an svg answer with neither', { type: 'svg', requestId: 1 }],
    ['an export click for an unknown format', { type: 'exportClick', format: 'exe' }],
  ])('refuses %s', (_what, message) => {
    expect(isWebviewMessage(message)).toBe(false);
  });

  it('describes a refused message without echoing its content', () => {
    const text = describeRefused({ type: 'nodeClick', nodeId: '<script>secret</script>' });
    expect(text).toContain('"nodeClick"');
    expect(text).not.toContain('secret');
    expect(describeRefused(null)).toContain('null');
  });
});

describe('preview state', () => {
  it('is restorable only for a file with a sane view', () => {
    expect(isPreviewState({ uri: 'file:///ws/qms.yaml', view: VIEW })).toBe(true);
    expect(isPreviewState({ uri: 'file:///ws/qms.yaml', view: { ...VIEW, fit: 'yes' } })).toBe(false);
    expect(isPreviewState({ uri: 'file:///ws/qms.yaml', view: { ...VIEW, scale: 0 } })).toBe(false);
    expect(isPreviewState({ uri: 'untitled:1', view: VIEW })).toBe(false);
    expect(isPreviewState(undefined)).toBe(false);
  });
});
