/**
 * SVG handling in the webview: Mermaid's markup made into inert DOM (defence in depth behind
 * `securityLevel: 'strict'` and the CSP), Mermaid nodes found by their ids, and the picture as
 * files (an SVG document, a PNG drawn on a canvas).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements that have no business in a flowchart: removed wherever they appear. */
const FORBIDDEN = new Set(['script', 'foreignobject', 'iframe', 'img', 'image', 'object', 'embed', 'audio', 'video', 'link', 'meta', 'animate', 'set', 'animatemotion', 'animatetransform']);

/**
 * Mermaid's SVG markup as an element that is not yet in the page. Parsed in a `<template>`
 * (whose content is inert: nothing loads, no handler runs), then cleaned: forbidden elements,
 * `on*` attributes and links other than same-document fragments are removed.
 */
export function inertSvg(markup: string): SVGSVGElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const svg = template.content.querySelector('svg');
  if (!svg) throw new Error('Mermaid returned no SVG');
  for (const element of Array.from(template.content.querySelectorAll('*'))) {
    if (FORBIDDEN.has(element.localName.toLowerCase())) {
      element.remove();
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) element.removeAttribute(attribute.name);
      else if ((name === 'href' || name === 'xlink:href' || name === 'src') && !attribute.value.trim().startsWith('#')) element.removeAttribute(attribute.name);
    }
  }
  sizeFromViewBox(svg);
  return svg;
}

/** Gives the SVG its natural size in pixels (Mermaid writes a viewBox and a max-width style). */
export function sizeFromViewBox(svg: SVGSVGElement): { width: number; height: number } {
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = box.length === 4 && box[2]! > 0 ? box[2]! : Number.parseFloat(svg.getAttribute('width') ?? '') || 800;
  const height = box.length === 4 && box[3]! > 0 ? box[3]! : Number.parseFloat(svg.getAttribute('height') ?? '') || 600;
  svg.setAttribute('width', String(Math.ceil(width)));
  svg.setAttribute('height', String(Math.ceil(height)));
  svg.style.maxWidth = '';
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/**
 * Mermaid's id of a node element. Flowchart nodes carry it as `data-id` in Mermaid 11; older
 * layouts only in the element id (`<svgId>-flowchart-s3-12` / `flowchart-s3-12`).
 */
export function mermaidIdOf(element: Element): string | undefined {
  const data = element.getAttribute('data-id');
  if (data) return data;
  const match = /(?:^|-)flowchart-(.+)-\d+$/.exec(element.id);
  return match?.[1];
}

/** The node elements of a flowchart, by Mermaid id (the first element wins). */
export function nodeElements(svg: SVGSVGElement): Map<string, SVGGElement> {
  const found = new Map<string, SVGGElement>();
  for (const element of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
    const id = mermaidIdOf(element);
    if (id && !found.has(id)) found.set(id, element);
  }
  return found;
}

/** The text of a node as a reader sees it: its lines joined by single spaces. */
export function labelOf(element: Element): string {
  const lines = labelRows(element);
  const parts = lines.length ? lines.map((line) => line.textContent ?? '') : Array.from(element.querySelectorAll('text, .nodeLabel')).map((t) => t.textContent ?? '');
  return parts
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Writes new lines into node labels, one per row Mermaid drew, keeping each row's position and
 * font. All or nothing: false (nothing changed) when a node has another number of rows than its
 * lines, since then only Mermaid, which wraps and sizes labels, can draw it.
 */
export function setLabelLines(changes: ReadonlyArray<readonly [Element, readonly string[]]>): boolean {
  const rowsOf = changes.map(([element]) => labelRows(element));
  if (changes.some(([, lines], i) => rowsOf[i]!.length !== lines.length)) return false;
  changes.forEach(([, lines], i) => {
    rowsOf[i]!.forEach((row, r) => {
      const word = row.querySelector('tspan');
      const only = word ? (word.cloneNode(false) as Element) : row;
      only.textContent = lines[r]!;
      if (only !== row) row.replaceChildren(only);
    });
  });
  return true;
}

function labelRows(element: Element): Element[] {
  return Array.from(element.querySelectorAll('text tspan.text-outer-tspan, text tspan.row'));
}

/** A stand-alone SVG document: namespace, natural size and a background, ready to save. */
export function standaloneSvg(markup: string, background: string): { svg: string; width: number; height: number } {
  const element = inertSvg(markup);
  element.setAttribute('xmlns', SVG_NS);
  const { width, height } = sizeFromViewBox(element);
  element.style.backgroundColor = background;
  return { svg: new XMLSerializer().serializeToString(element), width, height };
}

/**
 * An SVG document drawn on a canvas, as a `data:image/png;base64,` URL: twice its size for print,
 * less for a big chart (at most ~16 million pixels: larger PNGs take seconds to encode and gain
 * nothing on paper).
 */
export async function pngOf(svg: string, width: number, height: number, background: string): Promise<string> {
  const scale = Math.max(1, Math.min(2, Math.sqrt(16_000_000 / (width * height))));
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const image = new Image();
  image.decoding = 'async';
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the SVG could not be drawn as an image'));
    image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  });
  // Browsers refuse canvases above ~16k pixels a side or ~268M pixels: scale down to fit.
  const limit = Math.min(1, 16_000 / (width * scale), 16_000 / (height * scale), Math.sqrt(200_000_000 / (width * height * scale * scale)));
  const k = scale * limit;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * k));
  canvas.height = Math.max(1, Math.round(height * k));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
