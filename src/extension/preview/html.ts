import { randomBytes } from 'node:crypto';

/**
 * The preview's page, built by a pure function so that its CSP can be tested without an editor.
 * Nothing but our own bundle runs: `default-src 'none'`, the script only by nonce, styles and
 * images only from the extension's webview folder (and `data:` images, for the PNG export);
 * Mermaid puts `<style>` elements in its SVG, hence `'unsafe-inline'` for styles only.
 */

export interface PreviewHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri(dist/webview/preview.js)`, as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(dist/webview/preview.css)`, as a string. */
  styleUri: string;
  /** A fresh nonce for this page (`makeNonce()`). */
  nonce: string;
  /** `<html lang>`: the editor's display language. */
  lang: string;
  /** Page title and the toolbar's labels, already localised. */
  labels: PreviewLabels;
}

export interface PreviewLabels {
  title: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  exportSvg: string;
  exportPng: string;
  loading: string;
  /** The legend shown while the flowchart is compared with the last release: its caption and one label per kind of change. */
  legend: string;
  added: string;
  changed: string;
  removed: string;
}

/** 32 random bytes, base64: a nonce no page can guess. */
export function makeNonce(): string {
  return randomBytes(32).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function previewHtml(options: PreviewHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(options.nonce)) throw new Error('the nonce must be base64 text of at least 16 characters');
  const e = escapeHtml;
  const l = options.labels;
  const button = (action: string, text: string, label: string) => `<button type="button" data-action="${action}" title="${e(label)}" aria-label="${e(label)}">${e(text)}</button>`;
  return `<!DOCTYPE html>
<html lang="${e(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(options.styleUri)}">
<title>${e(l.title)}</title>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="${e(l.title)}">
<span class="title" id="title"></span>
<span class="status" id="status" aria-live="polite">${e(l.loading)}</span>
${button('zoom-out', '−', l.zoomOut)}
${button('zoom-in', '+', l.zoomIn)}
${button('fit', '⤢', l.fit)}
<span class="separator"></span>
${button('export-svg', 'SVG', l.exportSvg)}
${button('export-png', 'PNG', l.exportPng)}
</div>
<div class="legend" id="legend" role="note" aria-label="${e(l.legend)}" hidden>
<span class="legend-caption">${e(l.legend)}:</span>
${(['added', 'changed', 'removed'] as const).map((kind) => `<span class="legend-item ${kind}"><span class="swatch"></span>${e(l[kind])} <span class="count" data-count="${kind}"></span></span>`).join('\n')}
<span class="legend-note" id="legend-note"></span>
</div>
<div class="problem" id="problem" role="alert" hidden></div>
<div class="viewport" id="viewport"><div class="canvas" id="canvas"></div></div>
<script nonce="${e(options.nonce)}" src="${e(options.scriptUri)}"></script>
</body>
</html>
`;
}
