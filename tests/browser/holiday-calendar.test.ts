import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, send } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';
import { draft } from '../support/drafts';

const SHOTS = 'demo-output';
let browser: ExtensionBrowser;
let api: Page;
let docId: string;

// The lines of a future year's notice as the issue quotes them (dates illustrative).
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）放假，与周末连休。
二、春节：2月5日（农历除夕、周五）至12日（农历正月初八、周五）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。`;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchWithExtension();
  api = await extensionPage(browser);
  const answer = await send(api, {
    type: 'document.register',
    draft: draft({ docNumber: '省政办发〔2027〕2号', title: '关于做好2027年春节期间值班工作的通知', receivedDate: '2027-02-01', deadline: undefined, deadlineWorkingDays: 5 }),
  });
  docId = answer.data.state.document.id;
});

afterAll(async () => {
  await browser?.close(true);
});

async function dashboard(hash: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
  return page;
}

describe('deadlines past the official holiday arrangement', () => {
  it('are marked as a forecast in the register and on the document page', async () => {
    const page = await dashboard('#/');
    const row = page.getByTestId('register-row').filter({ hasText: '省政办发〔2027〕2号' });
    await expect.poll(() => row.count()).toBe(1);
    // 5 个工作日 from 2027-02-01 over the statutory 春节 days off (02-05, 02-08)
    expect(await row.textContent()).toContain('2027-02-10');
    await expect.poll(() => row.getByTestId('forecast-mark').count()).toBe(1);
    expect(await row.getByTestId('forecast-mark').getAttribute('title')).toBe('按法定节日推算，未含调休');
    await page.screenshot({ path: `${SHOTS}/forecast-register.png` });
    const doc = await dashboard(`#/doc/${encodeURIComponent(docId)}`);
    await expect.poll(() => doc.getByTestId('document-fields').textContent()).toContain('2027-02-10（按法定节日推算，未含调休）');
  });

  it('the clerk pastes the State Council notice, checks the year as a calendar, saves it, and the deadline moves', async () => {
    const page = await dashboard('#/settings');
    // From 1 November the dashboard reminds the clerk to import next year's arrangement
    await expect.poll(() => page.getByTestId('calendar-reminder').count()).toBe(1);
    expect(await page.getByTestId('calendar-reminder').textContent()).toContain('2027 年的节假日安排尚未导入');
    await page.locator('textarea[name=notice]').fill(NOTICE_2027);
    await page.getByRole('button', { name: '读取通知' }).click();
    const preview = page.getByTestId('notice-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('读出 2027 年：放假 9 天，调休上班 2 天');
    expect(await preview.locator('td.off[data-date="2027-02-05"]').count()).toBe(1);
    expect(await preview.locator('td.work[data-date="2027-02-20"]').count()).toBe(1);
    await preview.screenshot({ path: `${SHOTS}/holiday-notice-preview.png` });
    await preview.getByRole('button', { name: '确认并保存' }).click();
    await expect.poll(() => page.getByTestId('calendar-covered').textContent()).toContain('2027');
    expect(await page.getByRole('status').filter({ hasText: '重新计算了 1 件公文' }).count()).toBe(1);
    // the reminder to import 2027 is gone once it is imported
    await expect.poll(() => page.getByTestId('calendar-reminder').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/holiday-notice-saved.png`, fullPage: true });
    // on the imported arrangement 春节 runs to 02-12 and 02-14 is a working Sunday: 02-02, 03, 04, 14, 15
    const history = await send(api, { type: 'document.history', docId });
    expect(history.data.document.deadline).toBe('2027-02-15');
    const register = await dashboard('#/');
    const row = register.getByTestId('register-row').filter({ hasText: '省政办发〔2027〕2号' });
    await expect.poll(() => row.textContent()).toContain('2027-02-15');
    expect(await row.getByTestId('forecast-mark').count()).toBe(0);
    await expect.poll(() => register.getByTestId('chain-status').getAttribute('data-state')).toBe('intact');
  });
});
