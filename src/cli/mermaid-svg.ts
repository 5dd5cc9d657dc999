import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../core/io/node-file-system';
import type { Browser, Page } from 'playwright-core';

/**
 * Mermaid → SVG for generated documents, in a headless Chromium that is already on the machine
 * (Debian's `chromium`, or the one `QMSKIT_CHROMIUM` names). Never downloads a browser, never
 * touches the network: Mermaid is the copy shipped with the CLI (`dist/vendor/mermaid.min.js`),
 * loaded into one blank page, and every request the page would make is refused.
 *
 * One browser and ONE page per batch: diagrams requested together (the core asks for all of
 * them at once) are drawn in a single evaluation, one after another, in that page. The browser
 * starts on the first request, so a run without HTML output never starts it.
 *
 * Settings for SVG that displays outside a browser and is safe to embed: `securityLevel:
 * 'strict'` (Mermaid sanitises labels, no click handlers), `htmlLabels: false` (text in SVG
 * `<text>`, never HTML in `<foreignObject>`), a serif font that Times New Roman readers share
 * metrics with, and deterministic ids (the same diagram draws the same SVG every run).
 */

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Values of `QMSKIT_CHROMIUM` that turn diagram drawing off. */
const DISABLED = new Set(['none', 'off', 'false', '0']);

export type ChromiumLookup =
  | { kind: 'found'; path: string }
  | { kind: 'disabled' }
  | { kind: 'missing'; tried: string[]; configured?: string };

/** The browser to use: the configured one (which must exist), else the first usual path that does. */
export function findChromium(configured: string | undefined, exists: (file: string) => boolean = existsSync): ChromiumLookup {
  if (configured !== undefined && configured.trim() !== '') {
    if (DISABLED.has(configured.trim().toLowerCase())) return { kind: 'disabled' };
    return exists(configured) ? { kind: 'found', path: configured } : { kind: 'missing', tried: [configured], configured };
  }
  const found = CHROMIUM_PATHS.find((candidate) => exists(candidate));
  return found ? { kind: 'found', path: found } : { kind: 'missing', tried: CHROMIUM_PATHS };
}

/** Mermaid's bundled browser build: shipped next to the CLI bundle, or straight from node_modules when running from source. */
export function findMermaidScript(exists: (file: string) => boolean = existsSync): string | undefined {
  const candidates = [
    path.join(__dirname, 'vendor', 'mermaid.min.js'),
    path.join(__dirname, '..', 'dist', 'vendor', 'mermaid.min.js'),
    path.join(__dirname, '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js'),
    path.join(__dirname, '..', '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js'),
  ];
  return candidates.find((candidate) => exists(candidate));
}

export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  htmlLabels: false,
  flowchart: { htmlLabels: false, useMaxWidth: true },
  theme: 'neutral',
  themeVariables: { fontFamily: '"Times New Roman", "Liberation Serif", serif', fontSize: '14px' },
  fontFamily: '"Times New Roman", "Liberation Serif", serif',
  deterministicIds: true,
  deterministicIDSeed: 'qmskit',
  // Mermaid 11 draws some shapes (terminals) with rough.js: a fixed seed makes their paths repeatable.
  handDrawnSeed: 1,
} as const;

/** Bumped whenever what this module makes of Mermaid's SVG changes: cached drawings of older versions are not reused. */
const SVG_FORMAT_VERSION = 2;

export interface MermaidRenderer {
  /** The SVG of one diagram, or undefined when it cannot be drawn. Calls made together are drawn together. */
  render(text: string): Promise<string | undefined>;
  /** Closes the browser (if it was started). */
  close(): Promise<void>;
}

export interface MermaidRendererOptions {
  /** The Chromium executable. */
  executablePath: string;
  /** `mermaid.min.js`. */
  mermaidScript: string;
  /** Where to report a browser that cannot start (once). */
  onError?: (message: string) => void;
  /** Time allowed for the browser to start, in ms. */
  launchTimeout?: number;
  /**
   * A folder of SVGs already drawn, by a hash of Mermaid's script, the settings and the diagram:
   * a diagram drawn once is never drawn again (the browser is not even started when every
   * diagram is there). See `diagramCacheDir`.
   */
  cacheDir?: string;
}

/**
 * The current user's diagram cache (`<tmp>/qmskit-diagrams-<uid>`), created private (0700); undefined
 * when it cannot be used safely (owned by someone else, or open to others).
 */
export function diagramCacheDir(): string | undefined {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const dir = path.join(os.tmpdir(), `qmskit-diagrams-${uid ?? 'user'}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = statSync(dir);
    if (!info.isDirectory() || (uid !== undefined && info.uid !== uid) || (process.platform !== 'win32' && (info.mode & 0o077) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

interface Pending {
  text: string;
  resolve: (svg: string | undefined) => void;
}

/**
 * Mermaid 11 with `htmlLabels: false` escapes the ampersand of an entity code it has already
 * turned into a character reference in edge labels (`#59;` → `&#59;` → `&amp;#59;`), so `;`
 * would print as `&#59;`. Numeric character references are text in SVG as in HTML: giving them
 * back their ampersand prints the character and cannot create markup.
 */
export function fixEntityCodes(svg: string): string {
  return svg.replace(/&amp;#(\d{1,7}|x[0-9a-fA-F]{1,6});/g, '&#$1;');
}

/** A diagram's id: from its text, so that the same diagram gets the same SVG ids every run. */
export function diagramId(text: string): string {
  return `qms-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12)}`;
}

export function createMermaidRenderer(options: MermaidRendererOptions): MermaidRenderer {
  let cacheSalt: string | undefined;
  const cacheFile = (text: string): string | undefined => {
    if (!options.cacheDir) return undefined;
    try {
      cacheSalt ??= createHash('sha256').update(`qmskit-svg-${SVG_FORMAT_VERSION}`).update(readFileSync(options.mermaidScript)).update(JSON.stringify(MERMAID_CONFIG)).update(options.executablePath).digest('hex');
    } catch {
      return undefined;
    }
    return path.join(options.cacheDir, `${createHash('sha256').update(cacheSalt).update('\0').update(text, 'utf8').digest('hex')}.svg`);
  };
  const cached = (text: string): string | undefined => {
    const file = cacheFile(text);
    if (!file) return undefined;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  const pendingWrites: Array<Promise<void>> = [];
  const remember = (text: string, svg: string | undefined) => {
    const file = cacheFile(text);
    if (file && svg) pendingWrites.push(writeFileAtomic(file, svg).catch(() => undefined));
  };

  let browser: Browser | undefined;
  let page: Promise<Page | undefined> | undefined;
  let failed = false;
  let queue: Pending[] = [];
  let scheduled = false;
  let chain: Promise<void> = Promise.resolve();

  const start = async (): Promise<Page | undefined> => {
    try {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: options.executablePath, args: CHROMIUM_ARGS, headless: true, timeout: options.launchTimeout ?? 60_000 });
      const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
      const created = await context.newPage();
      await created.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await created.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
      await created.addScriptTag({ path: options.mermaidScript });
      await created.evaluate((config) => {
        (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
      }, MERMAID_CONFIG as unknown as Record<string, unknown>);
      return created;
    } catch (error) {
      failed = true;
      options.onError?.(`could not start ${options.executablePath} to draw flowcharts (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); they are included as Mermaid source instead.`);
      return undefined;
    }
  };

  const flush = async (batch: Pending[]) => {
    page ??= start();
    const ready = await page;
    if (!ready || failed) {
      batch.forEach((p) => p.resolve(undefined));
      return;
    }
    try {
      const results = await ready.evaluate(async (items: Array<{ id: string; text: string }>) => {
        const mermaid = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        const out: Array<string | null> = [];
        for (const item of items) {
          try {
            out.push((await mermaid.render(item.id, item.text)).svg);
          } catch {
            out.push(null);
            // Mermaid leaves an error diagram in the page when a render fails.
            const doc = (globalThis as unknown as { document: { getElementById(id: string): { remove(): void } | null } }).document;
            doc.getElementById(item.id)?.remove();
            doc.getElementById(`d${item.id}`)?.remove();
          }
        }
        return out;
      }, batch.map((p) => ({ id: diagramId(p.text), text: p.text })));
      batch.forEach((p, i) => {
        const svg = results[i] === null || results[i] === undefined ? undefined : fixEntityCodes(results[i]!);
        remember(p.text, svg);
        p.resolve(svg);
      });
    } catch (error) {
      options.onError?.(`flowcharts could not be drawn (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); they are included as Mermaid source instead.`);
      batch.forEach((p) => p.resolve(undefined));
    }
  };

  return {
    render(text) {
      const hit = cached(text);
      if (hit !== undefined) return Promise.resolve(hit);
      if (failed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        queue.push({ text, resolve });
        if (scheduled) return;
        scheduled = true;
        // Everything requested in this turn is drawn in one evaluation, batches one after another.
        setImmediate(() => {
          scheduled = false;
          const batch = queue;
          queue = [];
          chain = chain.then(() => flush(batch));
        });
      });
    },
    async close() {
      await chain.catch(() => undefined);
      await Promise.all(pendingWrites);
      await browser?.close().catch(() => undefined);
      browser = undefined;
    },
  };
}
