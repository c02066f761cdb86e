import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { expandOverlay, overlayIn, proposedTitle } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();

/** The kind of the overlay the clerk can see in this frame ('none' when there is none). */
async function shownKind(scope: Page | Frame): Promise<string> {
  if (!(await overlayIn(scope).locator('.dt-panel, .dt-pill').first().isVisible())) return 'none';
  return (await overlayIn(scope).getAttribute('data-kind')) ?? 'none';
}

describe('hidden → shown: the overlay follows the shell’s tab shown now (issue 13, point 7)', () => {
  it('switching tabs without a reload (display:none ↔ shown) brings up the list’s, the document’s, the framed document’s, and no overlay', async () => {
    const page = await session.open('shell/tabs.html');
    const framed = page.frames().find((f) => f.name() === 'tabframe')!;
    await page.waitForTimeout(1500);
    // 首页 is shown: the hidden list, document and frame are not the page.
    expect(await shownKind(page)).toBe('none');
    expect(await shownKind(framed)).toBe('none');

    await page.click('#tab-list');
    await expect.poll(() => shownKind(page), { timeout: 8000 }).toBe('list');
    expect(await overlayIn(page).locator('.dt-panel, .dt-pill').first().textContent()).toMatch(/3/);

    await page.click('#tab-doc');
    await expect.poll(() => shownKind(page), { timeout: 8000 }).toBe('detail');
    expect(await proposedTitle(await expandOverlay(page))).toBe('关于做好2027年寒假学生安全教育的通知');

    // The tab that holds its page in an iframe: the frame's overlay comes up, the top page's goes.
    await page.click('#tab-frame');
    await expect.poll(() => shownKind(framed), { timeout: 8000 }).toBe('detail');
    await expect.poll(() => shownKind(page), { timeout: 8000 }).toBe('none');

    await page.click('#tab-home');
    await expect.poll(() => shownKind(framed), { timeout: 8000 }).toBe('none');
    expect(await shownKind(page)).toBe('none');

    // And back to the list once more.
    await page.click('#tab-list');
    await expect.poll(() => shownKind(page), { timeout: 8000 }).toBe('list');
    expect(await shownKind(framed)).toBe('none');
    await page.close();
  });
});
