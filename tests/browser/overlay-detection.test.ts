import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expandOverlay, overlayIn, proposedTitle } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const { open } = usePortalSession();

/** Give the content script (run at document_idle) time to decide, then report what it left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
}

describe('overlay on the sample portal', () => {
  it.each([
    ['doc-detail.html', 'detail', '关于进一步加强公文处理工作的通知'],
    ['receive-register.html', 'registration', '关于做好2026年度部门预算编制工作的通知'],
    ['circulation.html', 'circulation', '国务院办公厅关于印发2026年政务公开工作要点的通知'],
  ])('%s gets an overlay of kind %s showing the title', async (path, kind, title) => {
    const page = await open(path);
    const overlay = await expandOverlay(page);
    await expect.poll(() => overlay.getAttribute('data-kind')).toBe(kind);
    await expect.poll(() => proposedTitle(overlay)).toBe(title);
    await expect.poll(() => overlay.locator('.dt-form .dt-primary').textContent()).toBe('登记');
    expect(await overlay.count()).toBe(1);
    await page.close();
  });

  it('marks the 待办 list as a list and counts its documents', async () => {
    const page = await open('todo.html');
    const overlay = overlayIn(page);
    await expect.poll(() => overlay.getAttribute('data-kind')).toBe('list');
    // Every corner of this full-width list holds links, so the overlay waits as a pill.
    await expect.poll(() => overlay.locator('.dt-pill').textContent()).toBe('文迹 本页 12 件');
    await overlay.locator('.dt-pill').click();
    await expect.poll(() => overlay.locator('.dt-title').textContent()).toMatch(/本页列出 \d+ 件公文/);
    await page.close();
  });

  it('shows the overlay inside the OA shell iframe that holds the document, not in the shell', async () => {
    const page = await open('shell.html');
    const frame = page.frame({ name: 'mainFrame' });
    expect(frame).not.toBeNull();
    const inFrame = await expandOverlay(frame!);
    await expect.poll(() => inFrame.getAttribute('data-kind')).toBe('detail');
    await expect.poll(() => proposedTitle(inFrame)).toBe('关于做好2027年元旦春节期间有关工作的通知');
    await settle(page);
    expect(await overlayIn(page).count()).toBe(0);
    await page.close();
  });

  it.each(['about.html', 'index.html'])('leaves the non-document page %s untouched', async (path) => {
    const page = await open(path);
    await settle(page);
    expect(await page.locator('doctrail-overlay').count()).toBe(0);
    await page.close();
  });

  it('shows hostile page text as text and runs none of it', async () => {
    const page = await open('doc-hostile.html');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const overlay = await expandOverlay(page);
    await expect.poll(() => proposedTitle(overlay)).toBe('<img src=x onerror=alert(1)>关于测试的通知');
    expect(await overlay.locator('img').count()).toBe(0);
    await settle(page);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('docks where it covers none of the portal’s own buttons, links or fields', async () => {
    for (const path of ['doc-detail.html', 'receive-register.html', 'circulation.html', 'todo.html']) {
      const page = await open(path);
      const panel = overlayIn(page).locator('.dt-panel, .dt-pill');
      await panel.waitFor();
      const box = (await panel.boundingBox())!;
      const covered = await page.evaluate((box) => {
        const right = box.x + box.width;
        const bottom = box.y + box.height;
        return [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.left < right && box.x < r.right && r.top < bottom && box.y < r.bottom;
          })
          .map((el) => el.outerHTML.slice(0, 80));
      }, box);
      expect(covered, path).toEqual([]);
      await page.close();
    }
  });
});
