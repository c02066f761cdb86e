export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export function cornerRect(corner: Corner, panel: { width: number; height: number }, viewport: { width: number; height: number }, margin: number): Rect {
  const left = corner.endsWith('right') ? viewport.width - panel.width - margin : margin;
  const top = corner.startsWith('bottom') ? viewport.height - panel.height - margin : margin;
  return { left, top, ...panel };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * The first corner where the panel covers none of the portal's controls, or `null` when
 * every corner would cover one (the overlay then starts collapsed).
 */
export function chooseCorner(
  controls: readonly Rect[],
  panel: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 12,
): Corner | null {
  return CORNERS.find((corner) => !controls.some((c) => intersects(cornerRect(corner, panel, viewport, margin), c))) ?? null;
}

export const PANEL_SIZE = { width: 360, height: 440 };
export const PILL_SIZE = { width: 240, height: 32 };

export interface Placement {
  corner: Corner;
  /** True when no corner can hold the full panel without covering a control. */
  startCollapsed: boolean;
}

/** Docks the panel where it covers nothing; failing that, the collapsed pill where it covers nothing. */
export function placeOverlay(controls: readonly Rect[], viewport: { width: number; height: number }): Placement {
  const panelCorner = chooseCorner(controls, PANEL_SIZE, viewport);
  if (panelCorner) return { corner: panelCorner, startCollapsed: false };
  return { corner: chooseCorner(controls, PILL_SIZE, viewport) ?? 'bottom-right', startCollapsed: true };
}
