import mermaid from 'mermaid';

/**
 * Mermaid, bundled into this script (nothing is fetched at run time), with the settings every
 * picture of QMS Kit uses: `securityLevel: 'strict'` (labels sanitised, no click callbacks, no
 * scripts), `htmlLabels: false` (labels are SVG text, never HTML in a foreignObject — so the PNG
 * export can draw the SVG on a canvas, and the SVG shows outside a browser), the serif font of
 * the generated documents (what a reviewer previews is what gets issued) and ids that depend
 * only on the order of renders.
 *
 * Mermaid's configuration is global: every render goes through one queue here, each with the
 * configuration (theme) it needs, so that a theme change never leaks into another render.
 */

export type PreviewTheme = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

const FONT = '"Times New Roman", "Liberation Serif", "DejaVu Serif", serif';

/** Mermaid text the generator may produce for a 300-step procedure with its forms is far above Mermaid's defaults. */
const LIMITS = { maxTextSize: 2_000_000, maxEdges: 20_000 };

const BASE = {
  startOnLoad: false,
  // Errors are shown as text by the preview, never as Mermaid's error picture.
  suppressErrorRendering: true,
  securityLevel: 'strict' as const,
  htmlLabels: false,
  flowchart: { htmlLabels: false, useMaxWidth: false },
  fontFamily: FONT,
  deterministicIds: true,
  ...LIMITS,
};

/** Mermaid's theme for each VS Code theme kind; high contrast gets strong lines and borders. */
function themeConfig(theme: PreviewTheme | 'document'): Record<string, unknown> {
  switch (theme) {
    case 'dark':
      return { theme: 'dark', themeVariables: { fontFamily: FONT, fontSize: '14px' } };
    case 'high-contrast':
      return {
        theme: 'base',
        themeVariables: {
          fontFamily: FONT,
          fontSize: '14px',
          darkMode: true,
          background: '#000000',
          primaryColor: '#000000',
          primaryTextColor: '#ffffff',
          // Our nodes have light fills of their own (classDef): their text stays dark.
          nodeTextColor: '#111827',
          primaryBorderColor: '#ffffff',
          lineColor: '#ffffff',
          textColor: '#ffffff',
          clusterBkg: '#000000',
          clusterBorder: '#6fc3df',
          edgeLabelBackground: '#000000',
          titleColor: '#ffffff',
        },
      };
    case 'high-contrast-light':
      return {
        theme: 'base',
        themeVariables: {
          fontFamily: FONT,
          fontSize: '14px',
          background: '#ffffff',
          primaryColor: '#ffffff',
          primaryTextColor: '#000000',
          primaryBorderColor: '#000000',
          lineColor: '#000000',
          textColor: '#000000',
          clusterBkg: '#ffffff',
          clusterBorder: '#0f4a85',
          edgeLabelBackground: '#ffffff',
          titleColor: '#000000',
        },
      };
    case 'document':
      // The CLI's settings for generated documents (src/cli/mermaid-svg.ts).
      return { theme: 'neutral', themeVariables: { fontFamily: FONT, fontSize: '14px' } };
    case 'light':
    default:
      return { theme: 'default', themeVariables: { fontFamily: FONT, fontSize: '14px' } };
  }
}

/** The theme kind VS Code gives the webview, read from the classes it puts on `<body>`. */
export function themeOfBody(body: HTMLElement): PreviewTheme {
  const classes = body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

export class MermaidFailure extends Error {}

let chain: Promise<unknown> = Promise.resolve();
let scratch: HTMLElement | undefined;

/**
 * Where Mermaid draws and measures before it serialises: off screen and with its layout
 * contained, so that the text measurements Mermaid makes for every label do not lay out the
 * picture on screen (or the toolbar) again each time.
 */
function scratchContainer(): HTMLElement {
  if (!scratch || !scratch.isConnected) {
    scratch = document.createElement('div');
    scratch.setAttribute('aria-hidden', 'true');
    scratch.style.cssText = 'position:absolute;left:-100000px;top:0;visibility:hidden;pointer-events:none;contain:layout style;';
    document.body.append(scratch);
  }
  return scratch;
}
let counter = 0;

/** Runs `work` after every render queued before it. */
function queued<T>(work: () => Promise<T>): Promise<T> {
  const run = chain.then(work, work);
  chain = run.catch(() => undefined);
  return run;
}

/**
 * Parses, then renders: a text Mermaid rejects fails with its parser's message (as text, never
 * as an error picture in the page). Resolves with the SVG markup.
 */
export function renderSvg(text: string, theme: PreviewTheme | 'document'): Promise<string> {
  return queued(async () => {
    mermaid.initialize({ ...BASE, ...themeConfig(theme), deterministicIDSeed: `qms${counter}` } as Parameters<typeof mermaid.initialize>[0]);
    try {
      await mermaid.parse(text);
    } catch (error) {
      throw new MermaidFailure(messageOf(error));
    }
    const id = `qms-svg-${counter++}`;
    try {
      const { svg } = await mermaid.render(id, text, scratchContainer());
      return svg;
    } catch (error) {
      throw new MermaidFailure(messageOf(error));
    } finally {
      // Mermaid leaves its drawing behind when a render fails.
      scratchContainer().replaceChildren();
    }
  });
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  return String(text ?? 'Mermaid could not draw the diagram').slice(0, 4000);
}
