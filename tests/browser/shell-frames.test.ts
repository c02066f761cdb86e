import { describe, expect, it } from 'vitest';
import { overlayIn } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();

describe('one overlay per tab, the right one (x04)', () => {
  it('with a 收文单 open in a modal iframe over the 收文 list, only the document’s overlay is shown and its 登记 is reachable; the list’s comes back when the modal closes', async () => {
    const page = await session.open('shell/modal-shell.html');
    const detail = page.frames().find((f) => f.name() === 'openinputiframe')!;
    const top = overlayIn(page).locator('.dt-panel, .dt-pill').first();
    const inModal = overlayIn(detail).locator('.dt-panel, .dt-pill').first();
    await inModal.waitFor();
    expect(await overlayIn(detail).getAttribute('data-kind')).toBe('detail');
    await expect.poll(() => overlayIn(page).count(), { timeout: 5000 }).toBe(0);
    if (await overlayIn(detail).locator('.dt-pill').count()) await overlayIn(detail).locator('.dt-pill').click();
    await overlayIn(detail).locator('button.dt-primary').clickPoint({ timeout: 5000 });

    await page.click('#close');
    await expect.poll(() => top.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await overlayIn(page).getAttribute('data-kind')).toBe('list');
    await page.close();
  });
});
