/**
 * Deadlines past the official holiday arrangement (the bundled data ends with 2026), as the clerk meets them: a
 * 收文处理笺 received 2026-12-24 with 办理期限 收文后7个工作日内办结 is registered from the sample portal; the overlay's
 * chip, the dashboard row and the printed 收文登记簿 say 推算 (按法定节日推算，未含调休); the toolbar popup reminds the
 * clerk, from 1 November, to import next year's arrangement. Screenshots go to demo-output/ to be looked at.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expandOverlay } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const SHOTS = 'demo-output';
mkdirSync(SHOTS, { recursive: true });
const session = usePortalSession();

async function dashboard(hash: string, fixedTime?: Date): Promise<Page> {
  const page = await session.browser.context.newPage();
  if (fixedTime) await page.clock.setFixedTime(fixedTime);
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(`chrome-extension://${session.browser.extensionId}/options.html${hash}`);
  return page;
}

describe('a deadline that falls in 2027', () => {
  it('the overlay chip says 推算 once the document is registered (7 个工作日 from 2026-12-24 is 2027-01-05)', async () => {
    const page = await session.open('doc-detail-2027.html');
    await page.setViewportSize({ width: 1280, height: 800 });
    const overlay = await expandOverlay(page);
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-regno').waitFor();
    const chip = overlay.locator('.dt-chip');
    await expect.poll(() => chip.getAttribute('data-forecast')).toBe('true');
    expect(await chip.textContent()).toContain('推算');
    expect(await chip.getAttribute('title')).toBe('2027-01-05 · 按法定节日推算，未含调休');
    await page.screenshot({ path: `${SHOTS}/forecast-overlay-chip.png` });
    await page.close();
  });

  it('the register row and the printed 收文登记簿 mark it 推算 and say why', async () => {
    const register = await dashboard('#/');
    const row = register.getByTestId('register-row').filter({ hasText: '市政办发〔2026〕31号' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('2027-01-05');
    await expect.poll(() => row.getByTestId('forecast-mark').count()).toBe(1);
    await register.screenshot({ path: `${SHOTS}/forecast-dashboard-row.png` });
    const print = await dashboard('#/print/register');
    await print.getByTestId('print-register').waitFor();
    await expect.poll(() => print.getByTestId('print-forecast-mark').count()).toBe(1);
    expect(await print.getByTestId('print-forecast-note').textContent()).toContain('按法定节日推算，未含调休');
    await print.screenshot({ path: `${SHOTS}/forecast-print-register.png`, fullPage: true });
  });

  it('the popup reminds the clerk to import the 2027 arrangement (on 30 November), and 知道了 hides it for the day', async () => {
    const popup = await session.browser.context.newPage();
    await popup.clock.setFixedTime(new Date(2026, 10, 30, 9, 0));
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
    await popup.setViewportSize({ width: 360, height: 480 });
    const reminder = popup.getByTestId('popup-calendar-reminder');
    await expect.poll(() => reminder.count()).toBe(1);
    expect(await reminder.textContent()).toContain('2027 年的节假日安排尚未导入');
    await popup.screenshot({ path: `${SHOTS}/forecast-popup-reminder.png` });
    await reminder.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => reminder.count()).toBe(0);
    await popup.reload();
    await popup.getByTestId('count-in-progress').waitFor();
    expect(await reminder.count()).toBe(0);
    await popup.close();
    // the popup and the dashboard share the dismissal
    const page = await dashboard('#/', new Date(2026, 10, 30, 10, 0));
    await page.getByTestId('register-row').first().waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByTestId('calendar-reminder').count()).toBe(0);
    // and the next day it is back
    const tomorrow = await dashboard('#/', new Date(2026, 11, 1, 9, 0));
    await expect.poll(() => tomorrow.getByTestId('calendar-reminder').count()).toBe(1);
  });
});
