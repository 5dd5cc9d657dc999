import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, escapeHtml, makeNonce, previewHtml, type PreviewHtmlOptions } from '../../src/extension/preview/html';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

function options(overrides: Partial<PreviewHtmlOptions> = {}): PreviewHtmlOptions {
  return {
    cspSource: CSP_SOURCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.css',
    nonce: makeNonce(),
    lang: 'vi',
    labels: { title: 'Xem trước', zoomIn: 'Phóng to', zoomOut: 'Thu nhỏ', fit: 'Vừa khung', exportSvg: 'SVG', exportPng: 'PNG', loading: 'Đang tải…', legend: 'Thay đổi so với lần ban hành trước', added: 'Thêm', changed: 'Sửa', removed: 'Bỏ' },
    ...overrides,
  };
}

/** The CSP of a page, from its meta tag (attribute value unescaped). */
function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  expect(match, 'the page has a CSP meta tag').not.toBeNull();
  return match![1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)]),
  );
}

describe('preview page: CSP and nonce', () => {
  it('has exactly the strict policy: nothing by default, the script by nonce, styles and images from the extension', () => {
    const o = options();
    const d = directives(cspOf(previewHtml(o)));
    expect([...d.keys()].sort()).toEqual(['default-src', 'font-src', 'img-src', 'script-src', 'style-src']);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual([`'nonce-${o.nonce}'`]);
    expect(d.get('style-src')).toEqual([CSP_SOURCE, "'unsafe-inline'"]);
    expect(d.get('img-src')).toEqual([CSP_SOURCE, 'data:']);
    expect(d.get('font-src')).toEqual([CSP_SOURCE]);
  });

  it('never allows eval, inline scripts, or any host but the webview source', () => {
    const csp = cspOf(previewHtml(options()));
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
    expect(directives(csp).get('script-src')!.join(' ')).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/\*(?!\.vscode-cdn\.net)|https?:\/\/(?!\*\.vscode-cdn\.net)/);
    expect(contentSecurityPolicy('vscode-webview://x', 'AAAA')).toBe("default-src 'none'; img-src vscode-webview://x data:; script-src 'nonce-AAAA'; style-src vscode-webview://x 'unsafe-inline'; font-src vscode-webview://x");
  });

  it('loads exactly one script, the bundle, with the nonce; no inline script or handler', () => {
    const o = options();
    const html = previewHtml(o);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe(` nonce="${o.nonce}" src="${o.scriptUri}"`);
    expect(scripts[0]![2]).toBe('');
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('fetches nothing from outside the extension (no CDN)', () => {
    const o = options();
    const html = previewHtml(o);
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.sort()).toEqual([o.scriptUri, o.styleUri].sort());
  });

  it('makes a fresh nonce each time: 32 random bytes in base64', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => makeNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(32);
  });

  it('refuses a nonce that could break out of the policy or the attribute', () => {
    for (const nonce of ['', 'short', `abc' 'unsafe-inline`, 'a"><script>alert(1)</script>AAAAAAAA', "AAAAAAAAAAAAAAAA'; script-src *"]) {
      expect(() => previewHtml(options({ nonce }))).toThrow(/nonce/);
    }
  });

  it('escapes every label and attribute it writes', () => {
    const hostile = '"><img src=x onerror=alert(1)>\'';
    const html = previewHtml(options({ lang: hostile, labels: { title: hostile, zoomIn: hostile, zoomOut: hostile, fit: hostile, exportSvg: hostile, exportPng: hostile, loading: hostile, legend: hostile, added: hostile, changed: hostile, removed: hostile } }));
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(hostile));
    // Parsed as a browser would: no element or handler came out of the labels, and they read as written.
    const document = new JSDOM(html).window.document;
    expect(document.querySelectorAll('img')).toHaveLength(0);
    const handlers = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name));
    expect(handlers).toEqual([]);
    expect(document.title).toBe(hostile);
    expect(document.documentElement.lang).toBe(hostile);
    expect(document.querySelector('[data-action="fit"]')!.getAttribute('title')).toBe(hostile);
    expect(document.querySelector('#legend')!.getAttribute('aria-label')).toBe(hostile);
    expect(document.querySelector('.legend-item.changed')!.textContent!.trim()).toBe(hostile);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
