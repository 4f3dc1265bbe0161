import { FIT_MARGIN, fitScale, type Size } from './layout';

export interface View {
  scale: number;
  /** The diagram's top-left corner, in CSS pixels from the viewport's top-left corner. */
  x: number;
  y: number;
}

/** A rectangle in the diagram's own pixels (its size at scale 1), measured from its top-left corner. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MAX_SCALE = 4;
/** How much of the diagram a pan must leave in view, so it can never be lost off one edge. */
const KEEP_VISIBLE = 48;

/**
 * Zoom and pan of one diagram inside the viewport. The SVG is resized (not CSS-scaled) so text is laid out
 * again at each zoom and stays sharp, and the layer holding it is moved with a translate.
 * `fitted` means "follow the panel": a resize fits again. Any zoom or pan by the user ends it.
 */
export class PanZoom {
  private svg: SVGSVGElement | undefined;
  private size: Size = { width: 0, height: 0 };
  private view: View = { scale: 1, x: 0, y: 0 };
  fitted = true;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly layer: HTMLElement,
    private readonly onChange: () => void,
  ) {}

  get current(): View {
    return { ...this.view };
  }

  /** Shows a freshly mounted SVG of natural size `size`, at `view` when given, else fitted. */
  mount(svg: SVGSVGElement, size: Size, view?: View): void {
    this.svg = svg;
    this.size = size;
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.style.maxWidth = 'none';
    if (view && Number.isFinite(view.scale) && Number.isFinite(view.x) && Number.isFinite(view.y)) {
      this.fitted = false;
      this.view = { ...view, scale: this.clampScale(view.scale) };
      this.apply();
    } else {
      this.fit();
    }
  }

  fit(): void {
    const box = this.box();
    const scale = fitScale(this.size, box);
    this.fitted = true;
    this.view = { scale, x: (box.width - this.size.width * scale) / 2, y: (box.height - this.size.height * scale) / 2 };
    this.apply();
  }

  /** Zooms by `factor` keeping the point `at` (viewport pixels; its centre by default) where it is. */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    this.zoomTo(this.view.scale * factor, at);
  }

  zoomTo(scale: number, at?: { x: number; y: number }): void {
    const box = this.box();
    const point = at ?? { x: box.width / 2, y: box.height / 2 };
    const next = this.clampScale(scale);
    const ratio = next / this.view.scale;
    this.fitted = false;
    this.view = { scale: next, x: point.x - (point.x - this.view.x) * ratio, y: point.y - (point.y - this.view.y) * ratio };
    this.apply();
  }

  panBy(dx: number, dy: number): void {
    this.fitted = false;
    this.view = { ...this.view, x: this.view.x + dx, y: this.view.y + dy };
    this.apply();
  }

  /** After the panel changed size: fitted diagrams fit again, others keep their zoom. */
  resized(): void {
    if (this.fitted) this.fit();
    else this.apply();
  }

  /**
   * Pans as little as needed, and zooms out if it must, so that `area` is entirely in view. Used for the boxes
   * that carry findings: whatever the zoom, a redraw never leaves them off screen.
   */
  bringIntoView(area: Area): void {
    const box = this.box();
    if (box.width <= 0 || box.height <= 0) return;
    const room = { width: box.width - 2 * FIT_MARGIN, height: box.height - 2 * FIT_MARGIN };
    let { scale, x, y } = this.view;
    const needed = Math.min(room.width / area.width, room.height / area.height);
    if (needed < scale) {
      const next = this.clampScale(Math.max(needed, fitScale(this.size, box)));
      x = box.width / 2 - (box.width / 2 - x) * (next / scale);
      y = box.height / 2 - (box.height / 2 - y) * (next / scale);
      scale = next;
    }
    x += shift(x + area.x * scale, area.width * scale, box.width);
    y += shift(y + area.y * scale, area.height * scale, box.height);
    if (scale === this.view.scale && x === this.view.x && y === this.view.y) return;
    this.fitted = false;
    this.view = { scale, x, y };
    this.apply();
  }

  /** The area of `element` (inside the SVG) in diagram pixels. */
  areaOf(element: Element): Area | undefined {
    if (!this.svg) return undefined;
    const outer = this.svg.getBoundingClientRect();
    const inner = element.getBoundingClientRect();
    const s = this.view.scale;
    return { x: (inner.left - outer.left) / s, y: (inner.top - outer.top) / s, width: inner.width / s, height: inner.height / s };
  }

  private apply(): void {
    if (!this.svg) return;
    this.clampPosition();
    const { scale, x, y } = this.view;
    this.svg.style.width = `${this.size.width * scale}px`;
    this.svg.style.height = `${this.size.height * scale}px`;
    this.layer.style.transform = `translate(${x}px, ${y}px)`;
    this.onChange();
  }

  /** Down to the fitted scale (or half size, for diagrams that fit anyway), up to 400 %. */
  private clampScale(scale: number): number {
    const min = Math.min(fitScale(this.size, this.box()), 0.5);
    return Math.min(MAX_SCALE, Math.max(min, scale));
  }

  private clampPosition(): void {
    const box = this.box();
    const width = this.size.width * this.view.scale;
    const height = this.size.height * this.view.scale;
    const keepX = Math.min(KEEP_VISIBLE, width);
    const keepY = Math.min(KEEP_VISIBLE, height);
    this.view.x = Math.min(box.width - keepX, Math.max(keepX - width, this.view.x));
    this.view.y = Math.min(box.height - keepY, Math.max(keepY - height, this.view.y));
  }

  private box(): Size {
    return { width: this.viewport.clientWidth, height: this.viewport.clientHeight };
  }
}

/** How far to move a span at `start` of `length` so it lies within [margin, extent - margin]. */
function shift(start: number, length: number, extent: number): number {
  if (start < FIT_MARGIN) return FIT_MARGIN - start;
  const end = start + length;
  if (end > extent - FIT_MARGIN) return Math.max(FIT_MARGIN - start, extent - FIT_MARGIN - end);
  return 0;
}
