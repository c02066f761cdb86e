import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toIsoDate } from '@/utils/deadlines/local-date';
import { defaultCalendar } from '@/utils/deadlines/working-days';
import { extensionPage, send } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';
import { draft } from '../support/drafts';

let browser: ExtensionBrowser | undefined;
afterEach(async () => {
  await browser?.close(true);
  browser = undefined;
});

/** A reminder time at least 15 s ahead, so the round is the alarm's doing and not the settings change's. */
function nextMinute(): { time: string; at: Date } {
  const at = new Date(Date.now() + 60_000);
  at.setSeconds(0, 0);
  if (at.getTime() - Date.now() < 15_000) at.setMinutes(at.getMinutes() + 1);
  return { time: `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`, at };
}

/** The reminder round runs on working days only; on a weekend or holiday the test declares today a make-up working day, as an imported calendar could. */
async function makeTodayAWorkingDay(page: Page): Promise<void> {
  const today = toIsoDate(new Date());
  if (defaultCalendar().isWorkingDay(today)) return;
  const answer = await send(page, { type: 'calendar.import', file: { holidays: {}, workdays: { [today]: 'Test,测试调休,1' } } });
  expect(answer.ok).toBe(true);
}

async function notifications(page: Page): Promise<string[]> {
  return page.evaluate('chrome.notifications.getAll().then((all) => Object.keys(all))');
}

async function waitForNotification(page: Page, id: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await notifications(page)).includes(id)) return Date.now();
    await page.waitForTimeout(500);
  }
  throw new Error(`no notification ${id} within ${timeoutMs} ms; have ${(await notifications(page)).join(', ')}`);
}

async function registerOverdue(page: Page): Promise<string> {
  const answer = await send(page, {
    type: 'document.register',
    draft: draft({ docNumber: '省政办发〔2026〕88号', title: '关于报送年度工作总结的通知', classification: 'none', deadline: '2026-01-05' }),
  });
  return answer.data.state.document.id;
}

describe('reminders', () => {
  it('the alarm fires at the reminder time: an overdue notification and the badge count appear', async () => {
    browser = await launchWithExtension();
    const page = await extensionPage(browser);
    await makeTodayAWorkingDay(page);
    const slot = nextMinute();
    await send(page, { type: 'settings.update', patch: { reminderTime: slot.time } });
    const docId = await registerOverdue(page);
    await page.waitForTimeout(1000);
    // Registered before the reminder time: nothing yet, but the badge already counts it and the alarm waits for the slot.
    expect(await notifications(page)).toEqual([]);
    expect(await page.evaluate('chrome.action.getBadgeText({})')).toBe('1');
    const alarm = (await page.evaluate("chrome.alarms.get('doctrail.reminders')")) as { scheduledTime: number };
    expect(alarm.scheduledTime).toBe(slot.at.getTime());
    const shownAt = await waitForNotification(page, `doctrail:doc:${docId}`, 100_000);
    expect(shownAt).toBeGreaterThanOrEqual(slot.at.getTime());
    // The next round waits for the next working day.
    const next = (await page.evaluate("chrome.alarms.get('doctrail.reminders')")) as { scheduledTime: number };
    expect(next.scheduledTime).toBeGreaterThan(Date.now() + 3_600_000);
  }, 150_000);

  it('after the browser is closed and started again, the reminder still fires', async () => {
    browser = await launchWithExtension();
    let page = await extensionPage(browser);
    await makeTodayAWorkingDay(page);
    const slot = nextMinute();
    await send(page, { type: 'settings.update', patch: { reminderTime: slot.time } });
    const docId = await registerOverdue(page);
    await page.waitForTimeout(1000);
    expect(await notifications(page)).toEqual([]);
    const { profileDir } = browser;
    await browser.close();
    browser = await launchWithExtension({ profileDir });
    page = await extensionPage(browser);
    await waitForNotification(page, `doctrail:doc:${docId}`, 100_000);
    expect(await page.evaluate('chrome.action.getBadgeText({})')).toBe('1');
  }, 150_000);

  it('with every alarm cleared, a browser started after the reminder time still shows the reminder', async () => {
    browser = await launchWithExtension();
    let page = await extensionPage(browser);
    await makeTodayAWorkingDay(page);
    const slot = nextMinute();
    await send(page, { type: 'settings.update', patch: { reminderTime: slot.time } });
    const docId = await registerOverdue(page);
    await page.waitForTimeout(1000);
    await page.evaluate('chrome.alarms.clearAll()');
    expect(await page.evaluate('chrome.alarms.getAll()')).toEqual([]);
    const { profileDir } = browser;
    await browser.close();
    // The browser stays closed across the reminder time; nothing is scheduled.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, slot.at.getTime() - Date.now()) + 1500));
    browser = await launchWithExtension({ profileDir });
    page = await extensionPage(browser);
    await waitForNotification(page, `doctrail:doc:${docId}`, 60_000);
    expect(await page.evaluate('chrome.action.getBadgeText({})')).toBe('1');
    // and the next round is scheduled again
    expect(((await page.evaluate('chrome.alarms.getAll()')) as unknown[]).length).toBe(1);
  }, 180_000);
});
