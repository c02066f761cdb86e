import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extensionPage, send, verifyChainFrom } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';
import { toIsoDate } from '@/utils/deadlines/local-date';

let browser: ExtensionBrowser;
let api: Page;
const SHOTS = 'demo-output';
/** The machine is shared: a poll waits up to 15 s, not vitest's 1 s. */
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchWithExtension();
  api = await extensionPage(browser);
});

afterAll(async () => {
  await browser?.close(true);
});

const now = new Date();
const today = toIsoDate(now);
const thisMonth = today.slice(0, 7);
const lastMonthDate = toIsoDate(new Date(now.getFullYear(), now.getMonth() - 1, 3));
const lastMonth = lastMonthDate.slice(0, 7);
const daysAgo = (n: number) => toIsoDate(new Date(now.getTime() - n * 86_400_000));
const inDays = (n: number) => toIsoDate(new Date(now.getTime() + n * 86_400_000));

async function register(draft: Record<string, unknown>): Promise<string> {
  const answer = await send(api, { type: 'document.register', draft: { source: 'paper', ...draft } });
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.data.state.document.id as string;
}

/** The cells of a statistics table's rows (row heading first), as the clerk reads them. */
function tableRows(page: Page, id: string, part: 'tbody' | 'tfoot' = 'tbody'): Promise<string[][]> {
  return page
    .locator(`[data-testid=stats-table][data-table="${id}"] ${part} tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

describe('statistics (#/stats) in Chromium', () => {
  it('shows the register as charts and the same figures as tables, prints the 督办通报, and leaves the chain intact', async () => {
    // Five documents over two months (this month's received today, so the test holds on the 1st of a month too) from three issuers; two 督办 items (one 办结 on time, one past its 时限), one 办结 without 督办.
    const a = await register({ docNumber: '市教发〔2026〕31号', title: '关于开展校园安全检查的通知', issuer: '市教育局', classification: 'none', urgency: 'urgent', receivedDate: lastMonthDate });
    await register({ docNumber: '市教发〔2026〕35号', title: '关于做好寒假安排的通知', issuer: '市教育局', classification: 'internal', urgency: 'normal', receivedDate: today });
    const c = await register({ docNumber: '市财预〔2026〕8号', title: '关于下达预算指标的通知', issuer: '市财政局', classification: 'confidential', urgency: 'very-urgent', receivedDate: today });
    const d = await register({ docNumber: '省政办发〔2026〕77号', title: '关于加强安全生产的意见', issuer: '省人民政府办公厅', classification: 'none', receivedDate: lastMonthDate });
    await register({ title: '区卫健委来函', issuer: '区卫生健康委员会', classification: 'none', receivedDate: today });

    expect((await send(api, { type: 'supervision.set', docId: a, unit: '办公室', handler: '刘科长', dueDate: daysAgo(2) })).ok).toBe(true);
    expect((await send(api, { type: 'supervision.set', docId: c, unit: '财务科', dueDate: inDays(10) })).ok).toBe(true);
    expect((await send(api, { type: 'supervision.complete', docId: c, result: '指标已分解下达' })).ok).toBe(true);
    expect((await send(api, { type: 'document.close', docId: d, to: 'completed', note: '已阅办' })).ok).toBe(true);

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/stats`);
    const stats = page.getByTestId('stats-page');
    await stats.getByTestId('stats-summary').waitFor({ timeout: 30_000 });

    // every figure as a chart: Chartist has drawn an SVG with its bars or line in each
    await poll(() => stats.locator('[data-testid=stats-chart] svg').count()).toBe(8);
    expect(await stats.locator('[data-chart=received] svg .ct-bar').count()).toBe(12);
    expect(await stats.locator('[data-chart=issuer] svg .ct-bar').count()).toBe(4);
    expect(await stats.locator('[data-chart=on-time-month] svg .ct-line').count()).toBe(1);

    // … and the same figures as tables
    const received = await tableRows(page, 'received');
    expect(received).toHaveLength(12);
    expect(received.find(([m]) => m === `${lastMonth.slice(0, 4)}年${lastMonth.slice(5)}月`)?.[1]).toBe('2');
    expect(received.at(-1)).toEqual([`${thisMonth.slice(0, 4)}年${thisMonth.slice(5)}月`, '3']);
    expect(await tableRows(page, 'received', 'tfoot')).toEqual([['合计', '5']]);
    expect(await tableRows(page, 'issuer')).toEqual([
      ['市教育局', '2', '40%'],
      // the same count: in 拼音 order
      ['区卫生健康委员会', '1', '20%'],
      ['省人民政府办公厅', '1', '20%'],
      ['市财政局', '1', '20%'],
    ]);
    expect(await tableRows(page, 'classification')).toEqual([
      ['非密', '3', '60%'],
      ['内部', '1', '20%'],
      ['秘密', '1', '20%'],
    ]);
    expect(await tableRows(page, 'urgency')).toEqual([
      ['平件', '1', '20%'],
      ['加急', '1', '20%'],
      ['特急', '1', '20%'],
      ['未登记', '2', '40%'],
    ]);
    expect(await tableRows(page, 'overdue')).toEqual([
      ['逾期公文', '1'],
      ['逾期督办事项', '1'],
      ['· 办公室', '1'],
    ]);
    expect(await tableRows(page, 'on-time-unit')).toEqual([
      ['办公室', '0', '0', '1', '0', '0%'],
      ['财务科', '1', '0', '0', '0', '100%'],
    ]);
    const closing = await tableRows(page, 'closing', 'tfoot');
    expect(closing[0]!.slice(0, 2)).toEqual(['合计', '2']);
    expect(await stats.getByTestId('stats-summary').textContent()).toMatch(/本期共收文 5 件。督办事项到期 2 件，按时办结 1 件，按时办结率 50%/);
    await page.screenshot({ path: `${SHOTS}/stats.png`, fullPage: true });

    // a shorter period: up to last month
    await page.locator('input[name=to]').fill(lastMonth);
    await page.locator('input[name=to]').dispatchEvent('change');
    await poll(() => tableRows(page, 'received', 'tfoot')).toEqual([['合计', '2']]);

    // the 督办通报: the same figures on paper
    await page.getByTestId('stats-print-link').click();
    const sheet = page.getByTestId('stats-print');
    await sheet.getByTestId('stats-summary').waitFor();
    // the period chosen is printed: up to last month. On most days no 督办 item was 办结 or fell due then (that card says
    // so, without a chart); on the 1st and 2nd of a month the overdue item's 时限 (two days ago) falls in last month.
    const overdueDueLastMonth = daysAgo(2).slice(0, 7) === lastMonth;
    expect(await tableRows(page, 'received', 'tfoot')).toEqual([['合计', '2']]);
    await poll(() => sheet.locator('[data-testid=stats-chart] svg').count()).toBe(overdueDueLastMonth ? 8 : 7);
    const onTimeCard = await sheet.locator('[data-card=on-time-unit]').textContent();
    if (overdueDueLastMonth) expect(onTimeCard).toContain('办公室');
    else expect(onTimeCard).toContain('本期没有到期的督办事项');
    expect(await sheet.locator('h1').textContent()).toBe('督办工作通报');
    expect(await sheet.locator('.stats-period').textContent()).toMatch(new RegExp(`^统计期间：\\d{4}年\\d{2}月 至 ${lastMonth.slice(0, 4)}年${lastMonth.slice(5)}月　统计日期：${today}$`));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/stats-print.png`, fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();

    // reading the statistics wrote nothing to the log; the chain is intact
    expect(await verifyChainFrom(api)).toMatchObject({ state: 'intact' });
  });
});
