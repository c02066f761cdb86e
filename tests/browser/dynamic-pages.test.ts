import { describe, expect, it } from 'vitest';
import { expandOverlay, overlayIn, proposedTitle } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();
const open = session.open;

describe('portal pages that change without a reload', () => {
  it('follows a single-page portal from its list to a document and back, with one overlay throughout', async () => {
    const page = await open('spa.html');
    const overlay = overlayIn(page);
    await expect.poll(() => overlay.getAttribute('data-kind'), { timeout: 5000 }).toBe('list');

    await page.getByRole('link', { name: '关于加强冬春季传染病防控工作的通知' }).click();
    await expect.poll(() => overlay.getAttribute('data-kind'), { timeout: 5000 }).toBe('detail');
    await expandOverlay(page);
    await expect.poll(() => proposedTitle(overlay)).toBe('关于加强冬春季传染病防控工作的通知');
    expect(await page.locator('doctrail-overlay').count()).toBe(1);

    await page.goBack();
    await expect.poll(() => overlay.getAttribute('data-kind'), { timeout: 5000 }).toBe('list');
    expect(await page.locator('doctrail-overlay').count()).toBe(1);
    await page.close();
  });

  it('removes the overlay when the page stops showing a document', async () => {
    const page = await open('doc-detail.html');
    await expandOverlay(page);
    await page.evaluate(() => {
      document.querySelector('.content')!.innerHTML = '<p>会话已超时，请重新登录。</p>';
    });
    await expect.poll(() => page.locator('doctrail-overlay').count(), { timeout: 5000 }).toBe(0);
    await page.close();
  });
});
