import { describe, expect, it } from 'vitest';
import { PANEL, RAIL, panelBesideRail, placeOverlay, type Occupancy, type Rect } from '@/utils/overlay-placement';

const STEP = 16;

/** A window of `width`×`height` with the given content rectangles, sampled at cell centres as the content script does. */
function page(width: number, height: number, content: Rect[]): Occupancy {
  const cols = Math.floor(width / STEP);
  const rows = Math.floor(height / STEP);
  const cells = new Uint8Array(cols * rows);
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < cols; col++) {
      const x = col * STEP + STEP / 2;
      const y = row * STEP + STEP / 2;
      cells[row * cols + col] = content.some((r) => x >= r.left && x < r.left + r.width && y >= r.top && y < r.top + r.height) ? 1 : 0;
    }
  return { step: STEP, cols, rows, cells };
}

const intersects = (a: Rect, b: Rect) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

// The sample portal's 收文处理笺 at 1280×800: the banner, the menu, the toolbar and the table of values.
const banner = { left: 0, top: 0, width: 1265, height: 96 };
const menu = { left: 0, top: 128, width: 187, height: 400 };
const toolbar = { left: 219, top: 150, width: 1030, height: 36 };
const table = { left: 256, top: 340, width: 806, height: 600 };

describe('where the overlay goes', () => {
  it('puts the panel in the gutter beside the main table, covering none of it', () => {
    const content = [banner, menu, toolbar, table];
    const { panel } = placeOverlay(page(1265, 785, content), { width: 1280, height: 800 });
    expect(panel).not.toBeNull();
    for (const r of content) expect(intersects(panel!, r)).toBe(false);
    expect(panel!.left).toBeGreaterThanOrEqual(1062);
    expect(panel!.width).toBeGreaterThanOrEqual(PANEL.min);
    expect(panel!.height).toBeGreaterThanOrEqual(PANEL.minHeight);
  });

  it('takes the full width where the page leaves room', () => {
    const { panel } = placeOverlay(page(1600, 900, [banner, menu, { ...table, width: 900 }]), { width: 1600, height: 900 });
    expect(panel!.width).toBe(PANEL.max);
    expect(panel!.left + panel!.width).toBeLessThanOrEqual(1600);
  });

  it('starts as a rail at a window edge, over no content, when no free space holds the panel', () => {
    // 1024×768: the table reaches past the right edge; only the left column below the menu is free.
    const content = [banner, menu, toolbar, { left: 256, top: 200, width: 806, height: 700 }];
    const placement = placeOverlay(page(1009, 753, content), { width: 1024, height: 768 });
    expect(placement.panel).toBeNull();
    expect(placement.rail.side).toBe('left');
    const rail = { left: 0, top: placement.rail.top, width: RAIL.width, height: RAIL.height };
    for (const r of content) expect(intersects(rail, r)).toBe(false);
  });

  it('prefers the right edge for the rail when it is free', () => {
    const placement = placeOverlay(page(1000, 700, [{ left: 0, top: 0, width: 900, height: 700 }]), { width: 1000, height: 700 });
    expect(placement.rail.side).toBe('right');
  });

  it('opens the rail into a panel at its edge, inside the window', () => {
    const rect = panelBesideRail({ side: 'left', top: 600 }, { width: 1024, height: 768 });
    expect(rect.left).toBe(8);
    expect(rect.top + rect.height).toBeLessThanOrEqual(768);
    expect(rect.top).toBeGreaterThanOrEqual(0);
  });
});
