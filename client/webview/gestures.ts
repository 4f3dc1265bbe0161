import type { PanZoom } from './panzoom';

/** One button or key press zooms by this factor. */
export const ZOOM_STEP = 1.25;
const PAN_STEP = 48;
/** A press that moves less than this is a click (which may reveal YAML), not a drag. */
const DRAG_THRESHOLD = 4;

/**
 * Mouse, touch and keyboard control of the diagram:
 * - wheel (or a trackpad pinch) zooms around the pointer; Shift+wheel and sideways scrolling pan;
 * - dragging pans; a press that does not move stays a click;
 * - `+`/`=` and `-` zoom, `0` fits, `1` shows the actual size, arrow keys pan (Shift: further).
 * Keys with Ctrl, Alt or Cmd are left to VS Code.
 */
export function bindGestures(viewport: HTMLElement, view: PanZoom, fit: () => void): void {
  viewport.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? viewport.clientHeight : 1;
      const dx = event.deltaX * unit;
      const dy = event.deltaY * unit;
      if (event.shiftKey || (!event.ctrlKey && Math.abs(dx) > Math.abs(dy))) {
        // Browsers report Shift+wheel as vertical or as horizontal depending on the platform.
        view.panBy(-(dx || dy), event.shiftKey ? 0 : -dy);
        return;
      }
      const rect = viewport.getBoundingClientRect();
      // A pinch arrives as Ctrl+wheel with small deltas; a mouse notch is about 100 px.
      view.zoomBy(Math.exp(-dy * (event.ctrlKey ? 0.01 : 0.0015)), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    },
    { passive: false },
  );

  let press: { id: number; x: number; y: number; dragging: boolean } | undefined;
  let swallowClick = false;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || !event.isPrimary) return;
    press = { id: event.pointerId, x: event.clientX, y: event.clientY, dragging: false };
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!press || event.pointerId !== press.id) return;
    const dx = event.clientX - press.x;
    const dy = event.clientY - press.y;
    if (!press.dragging) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      // Captured only once it is a drag: a capture would retarget the click that reveals a box's YAML.
      press.dragging = true;
      viewport.setPointerCapture(event.pointerId);
      viewport.classList.add('dragging');
    }
    press.x = event.clientX;
    press.y = event.clientY;
    view.panBy(dx, dy);
  });
  const release = (event: PointerEvent) => {
    if (!press || event.pointerId !== press.id) return;
    if (press.dragging) {
      swallowClick = true;
      viewport.classList.remove('dragging');
      if (viewport.hasPointerCapture(event.pointerId)) viewport.releasePointerCapture(event.pointerId);
    }
    press = undefined;
  };
  viewport.addEventListener('pointerup', release);
  viewport.addEventListener('pointercancel', release);
  // The click that ends a drag is not a click on a box.
  viewport.addEventListener(
    'click',
    (event) => {
      if (!swallowClick) return;
      swallowClick = false;
      event.stopPropagation();
      event.preventDefault();
    },
    true,
  );
  viewport.addEventListener('pointerdown', () => (swallowClick = false), true);

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const step = event.shiftKey ? PAN_STEP * 4 : PAN_STEP;
    const actions: Record<string, () => void> = {
      '+': () => view.zoomBy(ZOOM_STEP),
      '=': () => view.zoomBy(ZOOM_STEP),
      '-': () => view.zoomBy(1 / ZOOM_STEP),
      _: () => view.zoomBy(1 / ZOOM_STEP),
      '0': fit,
      '1': () => view.zoomTo(1),
      ArrowLeft: () => view.panBy(step, 0),
      ArrowRight: () => view.panBy(-step, 0),
      ArrowUp: () => view.panBy(0, step),
      ArrowDown: () => view.panBy(0, -step),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
}
