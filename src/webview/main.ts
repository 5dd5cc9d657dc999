/**
 * The flowchart preview's script (bundled to dist/webview/preview.js, loaded by nonce under the
 * host's CSP). It draws what the host sends, reports what it drew, turns clicks on nodes into
 * messages, and keeps its view with `setState` so that a reload restores it.
 *
 * Every incoming message is checked with `isHostMessage`; everything posted is a `WebviewMessage`.
 */
import './preview.css';
import {
  CHANGE_KINDS,
  CLICKABLE_KINDS,
  isHostMessage,
  isPreviewState,
  type ChangedNodes,
  type CompareInfo,
  type ExportFormat,
  type PreviewNodeKind,
  type PreviewState,
  type RenderMessage,
  type WebviewMessage,
} from '../shared/preview-protocol';
import { MermaidFailure, renderSvg, themeOfBody, type PreviewTheme } from './mermaid-renderer';
import { PanZoom } from './pan-zoom';
import { labelOnlyChanges } from './label-changes';
import { inertSvg, labelOf, nodeElements, pngOf, setLabelLines, standaloneSvg } from './svg';

const vscode = acquireVsCodeApi<PreviewState>();
const post = (message: WebviewMessage) => vscode.postMessage(message);

const viewport = element('viewport');
const canvas = element('canvas');
const problem = element('problem');
const title = element('title');
const status = element('status');
const legend = element('legend');
const legendNote = element('legend-note');

/** The newest render the host asked for; anything older is dropped. */
let latestSeq = -1;
/** The render on screen (its message), for theme changes and exports. */
let shown: RenderMessage | undefined;
let pending: RenderMessage | undefined;
/** How long typing must pause before Mermaid lays out a picture whose new words are already shown. */
const LAYOUT_AFTER_TYPING_MS = 400;
let settling: ReturnType<typeof setTimeout> | undefined;
/** The Mermaid text the picture on screen shows (its render's, or a newer one whose labels were written in). */
let onScreenText: string | undefined;
let busy = false;
let nodes = new Map<string, SVGGElement>();
let kinds: Record<string, PreviewNodeKind> = {};
/** The nodes the host asked to highlight. */
let wanted: string[] = [];
let theme: PreviewTheme = themeOfBody(document.body);

const saved = vscode.getState();
let state: PreviewState | undefined = isPreviewState(saved) ? saved : undefined;

const panZoom = new PanZoom(viewport, canvas, (view) => {
  if (!state) return;
  state = { ...state, view };
  vscode.setState(state);
});
if (state) panZoom.restore(state.view);

window.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (!isHostMessage(message)) {
    console.warn('[qms preview] ignored a message that is not part of the protocol');
    return;
  }
  switch (message.type) {
    case 'render':
      if (message.seq <= latestSeq) return;
      latestSeq = message.seq;
      pending = message;
      clearTimeout(settling);
      // New words are on screen: Mermaid (which holds this page for a second or more on a big
      // chart) waits until typing pauses, so that the next keystrokes show at once too.
      if (showNewLabels(message)) settling = setTimeout(() => void pump(), LAYOUT_AFTER_TYPING_MS);
      else void pump();
      return;
    case 'problem':
      if (message.seq < latestSeq) return;
      latestSeq = message.seq;
      pending = undefined;
      showProblem(message.message, 'host', message.seq);
      return;
    case 'highlight': {
      wanted = message.nodeIds;
      const marked = markHighlighted();
      const first = marked[0] === undefined ? undefined : nodes.get(marked[0]);
      if (first) panZoom.reveal(boxInContent(first));
      post({ type: 'highlighted', nodeIds: marked });
      return;
    }
    case 'export':
      void exportPicture(message.format).then(
        (data) => post({ type: 'exported', requestId: message.requestId, format: message.format, data }),
        (error: unknown) => post({ type: 'exportFailed', requestId: message.requestId, message: errorText(error) }),
      );
      return;
    case 'renderSvg':
      void renderSvg(message.text, 'document').then(
        (markup) => post({ type: 'svg', requestId: message.requestId, svg: standaloneSvg(markup, '#ffffff').svg }),
        (error: unknown) => post({ type: 'svg', requestId: message.requestId, error: errorText(error) }),
      );
      return;
  }
});

/** Draws the newest pending render; renders never overlap, and a render overtaken by a newer one is dropped. */
async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    while (pending) {
      const message = pending;
      pending = undefined;
      await draw(message);
    }
  } finally {
    busy = false;
  }
}

async function draw(message: RenderMessage): Promise<void> {
  const started = performance.now();
  status.textContent = '…';
  let markup: string;
  try {
    markup = await renderSvg(message.text, theme);
  } catch (error) {
    if (message.seq === latestSeq) showProblem(errorText(error), error instanceof MermaidFailure ? 'mermaid' : 'host', message.seq);
    return;
  }
  if (message.seq !== latestSeq) return; // a newer render arrived meanwhile: this one is stale
  const svg = inertSvg(markup);
  canvas.replaceChildren(svg);
  canvas.classList.remove('stale');
  shown = message;
  onScreenText = message.text;
  kinds = message.nodes;
  nodes = nodeElements(svg);
  for (const [id, node] of nodes) if (CLICKABLE_KINDS.includes(kinds[id]!)) node.classList.add('qms-clickable');
  problem.hidden = true;
  problem.textContent = '';
  title.textContent = message.title;
  title.title = message.title;
  status.textContent = '';
  showLegend(message.compare);

  // Another document starts fitted; the same document keeps the user's pan and zoom. A big
  // picture is entered at its start, or when compared with its release, at its first change.
  const compared = message.compare;
  const firstChange = compared && [...compared.changed, ...compared.added, ...compared.removed].map((id) => nodes.get(id)).find((node) => node !== undefined);
  const entry = firstChange ?? [...nodes].find(([id]) => kinds[id] === 'start')?.[1];
  panZoom.setAnchor(entry ? boxInContent(entry) : undefined);
  if (!state || state.uri !== message.uri) {
    state = { uri: message.uri, view: { scale: 1, x: 0, y: 0, fit: true } };
    panZoom.restore(state.view);
  } else if (panZoom.current.fit) {
    panZoom.fit(panZoom.fittedWhole);
  }
  vscode.setState(state);
  markHighlighted();

  const labels: Record<string, string> = {};
  const stepIds: string[] = [];
  let nodeCount = 0;
  for (const [id, node] of nodes) {
    const kind = kinds[id];
    if (!kind) continue;
    nodeCount++;
    labels[id] = labelOf(node).slice(0, 10_000);
    if (kind === 'step' || kind === 'decision') stepIds.push(id);
  }
  const at = Date.now();
  const ms = Math.round(performance.now() - started);
  // For UI tests and benchmarks: when the picture went in, and how long drawing it took.
  document.body.dataset.renderedSeq = String(message.seq);
  document.body.dataset.renderedAt = String(at);
  document.body.dataset.renderMs = String(ms);
  const compare = message.compare ? { ...markedNodes(), legend: legend.textContent!.replace(/\s+/g, ' ').trim() } : undefined;
  post({ type: 'rendered', seq: message.seq, nodeCount, stepIds, labels, ms, at, ...(compare ? { compare } : {}) });
}

/**
 * Typing in a step's name changes only labels: the new words are written into the picture on
 * screen at once, and Mermaid's full render (layout included; over a second for 100 steps)
 * replaces it when done. Anything else, or a label that would wrap into another number of rows,
 * waits for Mermaid.
 */
function showNewLabels(message: RenderMessage): boolean {
  if (!shown || shown.uri !== message.uri || onScreenText === undefined || !sameExtras(shown, message)) return false;
  const changes = labelOnlyChanges(onScreenText, message.text);
  if (!changes?.size) return false;
  const targets: Array<readonly [Element, readonly string[]]> = [];
  for (const [id, lines] of changes) {
    const node = nodes.get(id);
    if (!node) return false;
    targets.push([node, lines]);
  }
  if (!setLabelLines(targets)) return false;
  onScreenText = message.text;
  // For UI tests and benchmarks: when the new words were on screen.
  document.body.dataset.labelsSeq = String(message.seq);
  document.body.dataset.labelsAt = String(Date.now());
  return true;
}

/** The same comparison (or none): a label-only patch cannot change what the legend counts. */
function sameExtras(a: RenderMessage, b: RenderMessage): boolean {
  return JSON.stringify(a.compare) === JSON.stringify(b.compare);
}

/** The legend of a compared flowchart (hidden for a plain one): how many nodes of each kind of change, and what the chart cannot show. */
function showLegend(compare: CompareInfo | undefined): void {
  legend.hidden = !compare;
  if (!compare) return;
  for (const kind of CHANGE_KINDS) {
    const count = compare[kind].length;
    const item = legend.querySelector(`.legend-item.${kind}`);
    item?.classList.toggle('none', count === 0);
    const counter = item?.querySelector('.count');
    if (counter) counter.textContent = `(${count})`;
  }
  legendNote.textContent = compare.note; // as text: never markup
  legendNote.hidden = compare.note === '';
}

/** The nodes the SVG draws with each change class (Mermaid puts a node's classes on its element). */
function markedNodes(): ChangedNodes {
  const marked: ChangedNodes = { added: [], changed: [], removed: [] };
  for (const [id, node] of nodes) for (const kind of CHANGE_KINDS) if (node.classList.contains(kind)) marked[kind].push(id);
  return marked;
}

function showProblem(text: string, source: 'mermaid' | 'host', seq: number): void {
  problem.textContent = text; // as text: never markup
  problem.hidden = false;
  status.textContent = '';
  const keptPicture = canvas.querySelector('svg') !== null;
  canvas.classList.toggle('stale', keptPicture);
  post({ type: 'renderError', seq, source, message: text.slice(0, 10_000), keptPicture });
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Marks the nodes the editor's cursor is on (kept across renders) with a ring drawn around each:
 * Mermaid styles its shapes inline with `!important`, so no stylesheet can restyle them.
 * Returns the ids found.
 */
function markHighlighted(): string[] {
  const marked: string[] = [];
  for (const ring of Array.from(canvas.querySelectorAll('.qms-ring'))) ring.remove();
  for (const [id, node] of nodes) {
    const on = wanted.includes(id);
    node.classList.toggle('qms-highlight', on);
    if (!on) continue;
    marked.push(id);
    // A sibling of the node with the node's transform: outside `.node`, where Mermaid's rules do not reach.
    const box = node.getBBox();
    const ring = document.createElementNS(SVG_NS, 'rect');
    ring.setAttribute('class', 'qms-ring');
    const transform = node.getAttribute('transform');
    if (transform) ring.setAttribute('transform', transform);
    ring.setAttribute('x', String(box.x - 5));
    ring.setAttribute('y', String(box.y - 5));
    ring.setAttribute('width', String(box.width + 10));
    ring.setAttribute('height', String(box.height + 10));
    ring.setAttribute('rx', '6');
    node.after(ring);
  }
  return marked;
}

/** A node's box in the picture's own coordinates. */
function boxInContent(node: SVGGElement): { x: number; y: number; width: number; height: number } {
  const nodeRect = node.getBoundingClientRect();
  const canvasRect = canvas.getBoundingClientRect();
  const scale = panZoom.current.scale;
  return { x: (nodeRect.left - canvasRect.left) / scale, y: (nodeRect.top - canvasRect.top) / scale, width: nodeRect.width / scale, height: nodeRect.height / scale };
}

canvas.addEventListener('click', (event) => {
  if (panZoom.dragged) return;
  const target = event.target instanceof Element ? event.target.closest('g.node') : null;
  if (!target) return;
  for (const [id, node] of nodes) {
    if (node === target && CLICKABLE_KINDS.includes(kinds[id]!)) {
      document.body.dataset.lastNodeClick = id; // for UI tests: the click reached the node
      post({ type: 'nodeClick', nodeId: id });
      return;
    }
  }
});

document.querySelector('.toolbar')?.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  switch (button?.getAttribute('data-action')) {
    case 'zoom-in':
      return panZoom.zoomBy(1.25);
    case 'zoom-out':
      return panZoom.zoomBy(0.8);
    case 'fit':
      return panZoom.fit(true);
    case 'export-svg':
      return post({ type: 'exportClick', format: 'svg' });
    case 'export-png':
      return post({ type: 'exportClick', format: 'png' });
  }
});

window.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '+' || event.key === '=') panZoom.zoomBy(1.25);
  else if (event.key === '-') panZoom.zoomBy(0.8);
  else if (event.key === '0') panZoom.fit(true);
});

// VS Code swaps the body's classes when the colour theme changes: draw again in the new theme.
new MutationObserver(() => {
  const next = themeOfBody(document.body);
  if (next === theme) return;
  theme = next;
  if (shown && !pending && shown.seq === latestSeq) {
    pending = shown;
    void pump();
  }
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

/** The last picture drawn for a file: SVG and PNG of the same text are drawn once. */
let documentPicture: { text: string; picture: Promise<{ svg: string; width: number; height: number }> } | undefined;

/** The picture on screen as a file, drawn again for documents (light theme, white background). */
async function exportPicture(format: ExportFormat): Promise<string> {
  if (!shown) throw new Error('there is no picture to export yet');
  const text = shown.text;
  if (documentPicture?.text !== text) {
    const picture = renderSvg(text, 'document').then((markup) => standaloneSvg(markup, '#ffffff'));
    documentPicture = { text, picture };
    picture.catch(() => {
      if (documentPicture?.picture === picture) documentPicture = undefined;
    });
  }
  const { svg, width, height } = await documentPicture.picture;
  return format === 'svg' ? svg : pngOf(svg, width, height, '#ffffff');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the preview page has no #${id}`);
  return found;
}

post({ type: 'ready', ...(state ? { state } : {}) });
