import type { PreviewView } from '../shared/preview-protocol';

/**
 * Pan and zoom of one element inside a viewport, by a CSS transform: wheel zooms around the
 * pointer, dragging pans, `zoomBy` and `fit` serve the toolbar and the keyboard. While `fit` is
 * on, the picture follows the size of the window; any zoom or pan by the user turns it off, and
 * a new picture of the same document keeps the view the user chose.
 */
/** The automatic fit never shrinks a picture below this: its text stays readable (the fit button shows all of it). */
const READABLE_SCALE = 0.6;

export class PanZoom {
  private view: PreviewView = { scale: 1, x: 0, y: 0, fit: true };
  /** The last fit was the fit button's (the whole picture, however small). */
  private whole = false;
  /** Where a picture too big for the window is entered (a flowchart's start), in picture coordinates. */
  private anchor: Box | undefined;
  private drag: { x: number; y: number; startX: number; startY: number; moved: boolean } | undefined;
  /** True while the last pointer press moved the picture: the click that ends a drag is not a node click. */
  dragged = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly content: HTMLElement,
    private readonly onChange: (view: PreviewView) => void,
  ) {
    viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    viewport.addEventListener('pointermove', (event) => this.onPointerMove(event));
    viewport.addEventListener('pointerup', (event) => this.onPointerUp(event));
    viewport.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    new ResizeObserver(() => {
      if (this.view.fit) this.fit(this.whole);
    }).observe(viewport);
  }

  /** Whether the current fit shows the whole picture (the fit button) rather than a readable part. */
  get fittedWhole(): boolean {
    return this.whole;
  }

  get current(): PreviewView {
    return { ...this.view };
  }

  /** Restores a view (from the webview's state); `fit` views are fitted to the current window. */
  restore(view: PreviewView): void {
    this.view = { ...view };
    this.whole = false;
    if (view.fit) this.fit();
    else this.apply();
  }

  /** Zooms by `factor` around a point of the viewport (its centre by default). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const rect = this.viewport.getBoundingClientRect();
    const px = at ? at.x : rect.width / 2;
    const py = at ? at.y : rect.height / 2;
    const scale = clamp(this.view.scale * factor, 0.05, 20);
    const k = scale / this.view.scale;
    this.view = { scale, x: px - (px - this.view.x) * k, y: py - (py - this.view.y) * k, fit: false };
    this.apply();
  }

  /**
   * Fits the picture into the window, and keeps fitting it as the window changes. `whole` (the
   * fit button) shows all of it however small; otherwise a big picture is shown at a readable
   * scale around its anchor (a flowchart's start; its top left without one), and the user pans
   * from there.
   */
  fit(whole = false): void {
    this.whole = whole;
    const size = this.contentSize();
    const rect = this.viewport.getBoundingClientRect();
    if (!size || rect.width <= 0 || rect.height <= 0) {
      this.view = { ...this.view, fit: true };
      return this.apply();
    }
    const margin = 16;
    let scale = clamp(Math.min((rect.width - 2 * margin) / size.width, (rect.height - 2 * margin) / size.height), 0.05, 2);
    if (!whole && scale < READABLE_SCALE) scale = READABLE_SCALE;
    const width = size.width * scale;
    const height = size.height * scale;
    const anchor = this.anchor;
    const x =
      width <= rect.width - 2 * margin
        ? (rect.width - width) / 2
        : anchor
          ? clamp(rect.width / 2 - (anchor.x + anchor.width / 2) * scale, rect.width - margin - width, margin)
          : margin;
    const y = height <= rect.height - 2 * margin ? (rect.height - height) / 2 : anchor ? clamp(2 * margin - anchor.y * scale, rect.height - margin - height, margin) : margin;
    this.view = { scale, x, y, fit: true };
    this.apply();
  }

  /** Sets (or clears) the point a readable fit enters a big picture at. */
  setAnchor(box: Box | undefined): void {
    this.anchor = box;
  }

  /** Pans so that `box` (content coordinates) is in view, when it is not already. */
  reveal(box: Box): void {
    const rect = this.viewport.getBoundingClientRect();
    const { scale, x, y } = this.view;
    const left = box.x * scale + x;
    const top = box.y * scale + y;
    const right = left + box.width * scale;
    const bottom = top + box.height * scale;
    if (left >= 0 && top >= 0 && right <= rect.width && bottom <= rect.height) return;
    this.view = { scale, x: rect.width / 2 - (box.x + box.width / 2) * scale, y: rect.height / 2 - (box.y + box.height / 2) * scale, fit: false };
    this.apply();
  }

  private contentSize(): { width: number; height: number } | undefined {
    const svg = this.content.querySelector('svg');
    if (!svg) return undefined;
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    return width > 0 && height > 0 ? { width, height } : undefined;
  }

  private apply(): void {
    const { scale, x, y } = this.view;
    this.content.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    this.onChange(this.current);
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.viewport.getBoundingClientRect();
    // Trackpads send small deltas often, mouse wheels large ones seldom: zoom by the delta.
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    this.zoomBy(Math.exp(-clamp(delta, -200, 200) / 300), { x: event.clientX - rect.left, y: event.clientY - rect.top });
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.drag = { x: this.view.x, y: this.view.y, startX: event.clientX, startY: event.clientY, moved: false };
    this.dragged = false;
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      this.viewport.setPointerCapture(event.pointerId);
      this.viewport.classList.add('dragging');
    }
    this.view = { ...this.view, x: drag.x + dx, y: drag.y + dy, fit: false };
    this.apply();
  }

  private onPointerUp(event: PointerEvent): void {
    const drag = this.drag;
    this.drag = undefined;
    if (!drag) return;
    this.dragged = drag.moved;
    if (drag.moved) {
      this.viewport.classList.remove('dragging');
      if (this.viewport.hasPointerCapture(event.pointerId)) this.viewport.releasePointerCapture(event.pointerId);
    }
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
