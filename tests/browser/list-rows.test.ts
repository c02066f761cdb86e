import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { overlayIn, shadowIn } from '../support/extension-browser';
import { extensionPage, send } from '../support/extension-api';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();
const marks = (page: Page) => shadowIn(page, 'doctrail-row').locator('button');

async function documentCount(): Promise<number> {
  const api = await extensionPage(session.browser);
  const answer = await send(api, { type: 'register.query', query: {} });
  await api.close();
  return answer.data.total as number;
}

describe('待办 / 收文 lists: a mark in each row, 登记 for chosen rows after one confirmation (issue 13, point 6)', () => {
  it('marks the registered row, registers two chosen rows with their own numbers after one confirmation, and never twice', async () => {
    // Row 1 registered before (from its list page).
    const api = await extensionPage(session.browser);
    const made = await send(api, {
      type: 'document.register',
      draft: { docNumber: '宁政办〔2026〕21号', title: '关于做好2027年元旦期间森林防火工作的通知', issuer: '宁德市人民政府办公室', classification: 'none', receivedDate: '2026-12-02', sourceUrl: `${session.portal.url}shell/list-rows.html` },
    });
    expect(made.ok).toBe(true);
    await api.close();
    const before = await documentCount();

    const page = await session.open('shell/list-rows.html');
    await expect.poll(() => marks(page).allTextContents(), { timeout: 10_000 }).toEqual(['✓ 已登记', '登记', '登记', '登记', '登记']);
    expect(await overlayIn(page).getAttribute('data-kind')).toBe('list');

    // The portal's layout did not move: every cell where it is without the marks.
    const withMarks = await page.evaluate('cellBoxes()');
    // What the page can learn of the marks: no root, no text, the same (empty) box for a registered row and another.
    const seen = (await page.evaluate('readMarks()')) as Record<string, unknown>[];
    expect(seen).toHaveLength(5);
    expect(seen[0]).toMatchObject({ root: null, text: '', width: 0, height: 0 });
    for (const mark of seen) expect(mark).toEqual(seen[1]);

    // Choosing: a trusted click on rows 2 and 3's 登记; the portal's row handler never hears it.
    await marks(page).nth(1).click();
    await marks(page).nth(2).click();
    expect(await page.evaluate('window.rowOpened')).toBe(0);
    expect(await marks(page).allTextContents()).toEqual(['✓ 已登记', '✓ 已选', '✓ 已选', '登记', '登记']);
    const overlay = overlayIn(page);
    await overlay.locator('.dt-rows-chosen').waitFor();
    expect(await overlay.locator('.dt-rows-chosen li').allTextContents()).toEqual(['关于开展冬季消防安全检查的通知', '关于做好2026年度财政决算工作的通知']);
    expect(await documentCount()).toBe(before); // choosing writes nothing

    mkdirSync('demo-output', { recursive: true });
    await page.screenshot({ path: 'demo-output/list-rows-chosen.png' });
    await overlay.locator('button.dt-rows-register').click();
    await overlay.locator('.dt-rows-done').waitFor();
    const done = await overlay.locator('.dt-rows-done li').allTextContents();
    expect(done).toHaveLength(2);
    const numbers = done.map((line) => /收〔\d{4}〕\d+号/.exec(line)?.[0]);
    expect(numbers.every(Boolean) && new Set(numbers).size).toBe(2);
    expect(await marks(page).allTextContents()).toEqual(['✓ 已登记', '✓ 已登记', '✓ 已登记', '登记', '登记']);
    expect(await documentCount()).toBe(before + 2);
    await page.screenshot({ path: 'demo-output/list-rows-registered.png' });
    expect(await page.evaluate('cellBoxes()')).toEqual(withMarks);
    await page.evaluate("document.querySelectorAll('doctrail-row').forEach((host) => host.remove())");
    expect(await page.evaluate('cellBoxes()')).toEqual(withMarks);
    await page.close();

    // Each its own registered event in the log.
    const log = await extensionPage(session.browser);
    const rows = (await send(log, { type: 'register.query', query: {} })).data.rows as { id: string; title: string }[];
    for (const title of ['关于开展冬季消防安全检查的通知', '关于做好2026年度财政决算工作的通知']) {
      const doc = rows.find((row) => row.title === title)!;
      const history = await send(log, { type: 'document.history', docId: doc.id });
      expect((history.data.events as { type: string }[]).filter((e) => e.type === 'registered')).toHaveLength(1);
    }
    await log.close();

    // Opened again: the three are marked, nothing new is written.
    const again = await session.open('shell/list-rows.html');
    await expect.poll(() => marks(again).allTextContents(), { timeout: 10_000 }).toEqual(['✓ 已登记', '✓ 已登记', '✓ 已登记', '登记', '登记']);
    expect(await documentCount()).toBe(before + 2);
    await again.close();
  });

  it('rows without 密级 wait for the clerk to choose one; a page’s synthetic clicks choose and register nothing', async () => {
    const page = await session.open('shell/list-rows.html');
    await expect.poll(() => marks(page).count(), { timeout: 10_000 }).toBe(5);
    const before = await documentCount();
    // The page clicks the marks' hosts itself (it cannot reach into the closed roots).
    await page.evaluate("document.querySelectorAll('doctrail-row').forEach((host) => host.click())");
    await page.waitForTimeout(300);
    expect(await overlayIn(page).locator('.dt-rows-chosen').count()).toBe(0);

    await marks(page).nth(3).click();
    await marks(page).nth(4).click();
    const overlay = overlayIn(page);
    const button = overlay.locator('button.dt-rows-register');
    await button.waitFor();
    expect(await button.isDisabled()).toBe(true);
    await overlay.locator('.dt-field select').selectOption('none');
    await expect.poll(() => button.isDisabled()).toBe(false);
    await button.click();
    await overlay.locator('.dt-rows-done').waitFor();
    expect(await marks(page).allTextContents()).toEqual(['✓ 已登记', '✓ 已登记', '✓ 已登记', '✓ 已登记', '✓ 已登记']);
    expect(await documentCount()).toBe(before + 2);
    await page.close();
  });
});
