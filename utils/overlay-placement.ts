/**
 * Where the overlay goes so that it never covers what the clerk reads on the page: the full panel in free
 * space (a gutter, the margin beside the main table), else a slim rail at a window edge that opens on demand.
 * The page is seen as a grid of cells, each marked where something of the page's content (a value cell, a
 * label, text, a control) lies under the cell's centre.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** `cells[row * cols + col]` is 1 where the page shows content. */
export interface Occupancy {
  step: number;
  cols: number;
  rows: number;
  cells: Uint8Array;
}

export type Side = 'left' | 'right';

export interface Placement {
  /** The full panel's place in free space; null when there is none: the overlay starts as the rail. */
  panel: Rect | null;
  /** The rail (the collapsed overlay) at a window edge, where it covers no content if it can. */
  rail: { side: Side; top: number };
}

/** The panel is at most 360 px wide, and no narrower than a form can be read in. */
export const PANEL = { min: 180, max: 360, minHeight: 280, maxHeight: 620 };
export const RAIL = { width: 30, height: 150 };
const MARGIN = 8;

/** The largest free rectangle that holds the panel (rightmost on a tie), the panel's rectangle inside it. */
export function freePanelRect({ step, cols, rows, cells }: Occupancy): Rect | null {
  // A cell counts as free from its centre: keep half a cell clear of the content around the free area.
  const gap = step / 2;
  const heights = new Array<number>(cols).fill(0);
  let best: Rect | null = null;
  let bestScore = 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) heights[col] = cells[row * cols + col] ? 0 : heights[col]! + 1;
    for (let left = 0; left < cols; left++) {
      let free = Infinity;
      for (let right = left; right < cols && heights[right]; right++) {
        free = Math.min(free, heights[right]!);
        const width = Math.min((right - left + 1) * step - 2 * gap, PANEL.max);
        const height = Math.min(free * step - 2 * gap, PANEL.maxHeight);
        if (width < PANEL.min || height < PANEL.minHeight) continue;
        const score = width * height + right;
        if (score > bestScore) {
          bestScore = score;
          best = { left: (right + 1) * step - gap - width, top: (row + 1) * step - gap - height, width, height };
        }
      }
    }
  }
  return best;
}

/** The rail's place: the lowest free stretch of the right edge, else of the left edge. */
export function railSpot({ step, cols, rows, cells }: Occupancy, viewport: Viewport): Placement['rail'] {
  const edgeCols = Math.max(1, Math.ceil((RAIL.width + 4) / step));
  for (const side of ['right', 'left'] as const) {
    let run = 0;
    for (let row = rows - 1; row >= 0; row--) {
      let free = true;
      for (let i = 0; i < edgeCols && free; i++) free = !cells[row * cols + (side === 'right' ? cols - 1 - i : i)];
      run = free ? run + 1 : 0;
      if (run * step >= RAIL.height + step) return { side, top: row * step + step / 2 };
    }
  }
  return { side: 'right', top: Math.max(MARGIN, viewport.height - RAIL.height - 48) };
}

export function placeOverlay(occupancy: Occupancy, viewport: Viewport): Placement {
  return { panel: freePanelRect(occupancy), rail: railSpot(occupancy, viewport) };
}

/** The panel opened from the rail (on demand, so it may cover the page): at the rail's edge, its bottom by the rail's. */
export function panelBesideRail(rail: Placement['rail'], viewport: Viewport): Rect {
  const width = Math.min(PANEL.max, viewport.width - 2 * MARGIN);
  const height = Math.min(PANEL.maxHeight, viewport.height - 2 * MARGIN);
  const top = Math.max(MARGIN, Math.min(rail.top + RAIL.height - height, viewport.height - height - MARGIN));
  return { left: rail.side === 'right' ? viewport.width - width - MARGIN : MARGIN, top, width, height };
}

/** A position the clerk dragged the panel to, kept inside the window. */
export function clampPosition(position: { left: number; top: number }, size: { width: number }, viewport: Viewport): { left: number; top: number } {
  return {
    left: Math.round(Math.max(0, Math.min(position.left, viewport.width - size.width))),
    top: Math.round(Math.max(0, Math.min(position.top, viewport.height - 80))),
  };
}

const CONTENT =
  'td,th,dd,dt,li,p,h1,h2,h3,h4,h5,h6,label,a,button,input,select,textarea,img,svg,canvas,iframe,object,embed,video,pre,table,caption,legend,[role=button],[onclick],[contenteditable]';

/**
 * Samples the page at the centre of every `step` px cell of the window (hit testing, so the cost follows the
 * window's size, not the page's). `skip` is the overlay's own host, hidden from the hit test meanwhile.
 */
export function sampleOccupancy(doc: Document, skip?: HTMLElement, step = 16): Occupancy {
  const root = doc.documentElement;
  const cols = Math.floor(root.clientWidth / step);
  const rows = Math.floor(root.clientHeight / step);
  const cells = new Uint8Array(cols * rows);
  const known = new Map<Element, number>();
  const display = skip?.style.display;
  if (skip) skip.style.display = 'none';
  try {
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const hit = doc.elementFromPoint(col * step + step / 2, row * step + step / 2);
        if (!hit) continue;
        let content = known.get(hit);
        if (content === undefined) known.set(hit, (content = hit.closest(CONTENT) || ownText(hit) ? 1 : 0));
        cells[row * cols + col] = content;
      }
    }
  } finally {
    if (skip) skip.style.display = display ?? '';
  }
  return { step, cols, rows, cells };
}

function ownText(element: Element): boolean {
  for (const node of element.childNodes) if (node.nodeType === 3 && node.textContent?.trim()) return true;
  return false;
}
