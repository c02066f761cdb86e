import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, send } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';
import { draft } from '../support/drafts';

let browser: ExtensionBrowser;
let api: Page;
let slipDocId: string;
const SHOTS = process.env.DOCTRAIL_SHOTS;

beforeAll(async () => {
  browser = await launchWithExtension();
  api = await extensionPage(browser);
  await send(api, { type: 'settings.update', patch: { clerkName: '李文书', department: '市教育局办公室' } });
  for (let i = 1; i <= 12; i++) {
    await send(api, {
      type: 'document.register',
      draft: draft({ docNumber: `省政办发〔2026〕${i}号`, title: `关于做好第${i}项重点工作的通知`, receivedDate: `2026-11-${String(i + 3).padStart(2, '0')}`, classification: i % 4 ? 'none' : 'confidential', copies: '2' }),
    });
  }
  const found = await send(api, { type: 'register.query', query: { text: '第1项' } });
  slipDocId = found.data.rows[0].id;
  await send(api, { type: 'circulation.send', docId: slipDocId, recipients: ['王局长', '陈主任', '刘科长'], purpose: 'read', expectedReturn: '2026-11-26' });
  await send(api, { type: 'circulation.return', docId: slipDocId, recipient: '王局长' });
});

afterAll(async () => {
  await browser?.close(true);
});

/** Page sizes of a PDF in points, from its MediaBox entries. */
function pageSizes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
}

describe('printed forms', () => {
  it('收文登记簿: the filtered register in registration order with the book’s columns, on A4 landscape', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/?classification=none`);
    await page.getByTestId('print-register-link').click();
    const sheet = page.getByTestId('print-register');
    await sheet.locator('tbody tr').first().waitFor();
    expect(await sheet.locator('h1').textContent()).toBe('收文登记簿');
    expect(await sheet.locator('thead th').allTextContents()).toEqual(['收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '份数', '份号', '紧急程度', '办理期限', '当前去向', '状态', '备注']);
    const numbers = await sheet.locator('tbody tr td:first-child').allTextContents();
    expect(numbers).toHaveLength(9); // the 3 秘密 documents are filtered out, as on screen
    expect(numbers[0]).toBe('收〔2026〕0001号');
    expect(await sheet.textContent()).toContain('单位：市教育局办公室');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/print-register.png`, fullPage: true });
    expect(new Set(pageSizes(await page.pdf({ preferCSSPageSize: true })))).toEqual(new Set(['842x595']));
  });

  it('文件传阅单: the document’s elements, every reader with sent / due / returned times and blank rows to sign, on A4 portrait', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/doc/${slipDocId}`);
    await page.getByTestId('print-slip-link').click();
    const slip = page.getByTestId('print-slip');
    await slip.waitFor();
    expect(await slip.locator('h1').textContent()).toBe('文件传阅单');
    expect(await slip.locator('.slip-head').textContent()).toMatch(/收〔2026〕0001号[\s\S]*省政办发〔2026〕1号[\s\S]*关于做好第1项重点工作的通知/);
    const readers = slip.locator('.slip-readers tbody tr');
    expect(await readers.count()).toBe(6); // three readers and three blank lines
    expect(await readers.nth(0).textContent()).toMatch(/王局长阅知.*2026-11-26.*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await readers.nth(1).locator('td').nth(5).textContent()).toBe(''); // 陈主任 has not returned it
    expect(await slip.locator('.slip-boxes th').allTextContents()).toEqual(['拟办意见', '领导批示', '办理结果']);
    await page.emulateMedia({ media: 'print' });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/print-slip.png`, fullPage: true });
    expect(new Set(pageSizes(await page.pdf({ preferCSSPageSize: true })))).toEqual(new Set(['595x842']));
  });
});
