import { describe, expect, it } from 'vitest';
import { chooseCorner, placeOverlay } from '@/utils/overlay-placement';

const viewport = { width: 1280, height: 800 };
const panel = { width: 340, height: 240 };

describe('where the overlay docks', () => {
  it('docks bottom-right when nothing of the portal is there', () => {
    expect(chooseCorner([{ left: 200, top: 100, width: 80, height: 30 }], panel, viewport)).toBe('bottom-right');
  });

  it('moves to another corner rather than cover a portal button', () => {
    const saveButton = { left: 1100, top: 700, width: 80, height: 30 };
    expect(chooseCorner([saveButton], panel, viewport)).toBe('bottom-left');
  });

  it('gives up (starts collapsed) when every corner holds a control', () => {
    const everywhere = [
      { left: 1100, top: 700, width: 80, height: 30 },
      { left: 20, top: 700, width: 80, height: 30 },
      { left: 1100, top: 20, width: 80, height: 30 },
      { left: 20, top: 20, width: 80, height: 30 },
    ];
    expect(chooseCorner(everywhere, panel, viewport)).toBeNull();
  });
});

describe('placing the overlay on a crowded page', () => {
  it('starts collapsed in a corner where the small pill covers nothing', () => {
    const crowded = [
      { left: 1100, top: 600, width: 80, height: 30 }, // a link in the bottom-right panel area, above the pill
      { left: 20, top: 700, width: 80, height: 30 },
      { left: 1100, top: 20, width: 80, height: 30 },
      { left: 20, top: 20, width: 80, height: 30 },
    ];
    expect(placeOverlay(crowded, viewport)).toEqual({ corner: 'bottom-right', startCollapsed: true });
  });

  it('shows the full panel when a corner is free', () => {
    expect(placeOverlay([], viewport)).toEqual({ corner: 'bottom-right', startCollapsed: false });
  });
});
