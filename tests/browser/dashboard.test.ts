import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, send } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';
import { draft } from '../support/drafts';

let browser: ExtensionBrowser;
let api: Page;
const SHOTS = process.env.DOCTRAIL_SHOTS; // a directory: the test also leaves screenshots there to look at

beforeAll(async () => {
  browser = await launchWithExtension();
  api = await extensionPage(browser);
  const docs = [
    draft({ docNumber: '省政办发〔2026〕15号', title: '关于进一步加强公文处理工作的通知', issuer: '省人民政府办公厅', classification: 'confidential', receivedDate: '2026-11-02', deadline: '2026-11-10' }),
    draft({ docNumber: '市教发〔2026〕3号', title: '关于开展校园安全专项检查的通知', issuer: '市教育局', classification: 'none', receivedDate: '2026-11-12', deadline: '2099-12-15' }),
    draft({ docNumber: '省档发〔2026〕7号', title: '关于做好年度档案移交工作的函', issuer: '省档案局', classification: 'secret', receivedDate: '2026-11-18', deadline: undefined }),
    draft({ docNumber: '县政发〔2026〕21号', title: '<img src=x onerror=alert(1)>关于报送材料的通知', issuer: '县人民政府', classification: 'internal', receivedDate: '2026-11-20', deadline: '2099-11-30' }),
  ];
  for (const d of docs) await send(api, { type: 'document.register', draft: d });
  const first = await send(api, { type: 'register.query', query: { text: '公文处理' } });
  await send(api, { type: 'circulation.send', docId: first.data.rows[0].id, recipients: ['王局长', '陈主任'], purpose: 'read', expectedReturn: '2026-11-12' });
  await send(api, { type: 'circulation.return', docId: first.data.rows[0].id, recipient: '王局长' });
});

afterAll(async () => {
  await browser?.close(true);
});

async function dashboard(hash = '#/'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
  return page;
}

const titles = (page: Page) => page.getByTestId('register-row').locator('td:nth-child(5)').allTextContents();

describe('the dashboard in Chromium', () => {
  it('lists the register with the 收文登记簿 columns, the overdue document in red, hostile text as text', async () => {
    const page = await dashboard();
    await expect.poll(() => page.getByTestId('register-row').count()).toBe(4);
    const headers = await page.getByTestId('register-table').locator('thead th').allTextContents();
    expect(headers.map((h) => h.replace(/[▲▼↑↓\s]/g, ''))).toEqual(['收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '份数', '紧急程度', '办理期限', '当前去向', '状态']);
    expect(await titles(page)).toContain('<img src=x onerror=alert(1)>关于报送材料的通知');
    expect(await page.locator('img').count()).toBe(0);
    const overdueRow = page.getByTestId('register-row').filter({ hasText: '省政办发〔2026〕15号' });
    expect(await overdueRow.getAttribute('class')).toMatch(/overdue/);
    await expect.poll(() => page.getByTestId('chain-status').getAttribute('data-state')).toBe('intact');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/dashboard-register.png`, fullPage: true });
  });

  it('filters by overdue, by 密级 and by text, and keeps the filter in the address', async () => {
    const page = await dashboard();
    await expect.poll(() => page.getByTestId('register-row').count()).toBe(4);
    await page.locator('input[name=overdue]').check();
    await expect.poll(() => titles(page)).toEqual(['关于进一步加强公文处理工作的通知']);
    expect(page.url()).toContain('overdue=1');
    await page.locator('input[name=overdue]').uncheck();
    await page.locator('input[name=classification][value=secret]').check();
    await expect.poll(() => titles(page)).toEqual(['关于做好年度档案移交工作的函']);
    await page.locator('input[name=classification][value=secret]').uncheck();
    await page.locator('input[type=search]').fill('校园');
    await expect.poll(() => titles(page)).toEqual(['关于开展校园安全专项检查的通知']);
  });

  it('opens a document: fields, timeline and circulation; records the last return and completes it', async () => {
    const page = await dashboard('#/?overdue=1');
    await expect.poll(() => page.getByTestId('register-row').count()).toBe(1);
    await page.getByTestId('register-row').first().click();
    const doc = page.getByTestId('document-page');
    await doc.waitFor();
    expect(await doc.getByTestId('document-fields').textContent()).toContain('省政办发〔2026〕15号');
    const timeline = await page.getByTestId('timeline').textContent();
    expect(timeline).toMatch(/登记[\s\S]*王局长[\s\S]*陈主任/);
    const rows = page.getByTestId('circulation-row');
    expect(await rows.count()).toBe(2);
    expect(await page.getByTestId('document-actions').locator('[data-action=completed]').count()).toBe(0); // 陈主任 still has it
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/dashboard-document.png`, fullPage: true });
    await rows.filter({ hasText: '陈主任' }).locator('button.return').click();
    await rows.filter({ hasText: '陈主任' }).locator('button.primary').click();
    await page.getByTestId('document-actions').locator('[data-action=completed]').click();
    await page.getByTestId('closing-form').locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('document-fields').textContent()).toMatch(/办结/);
    // Waited for: the fields name 办结 before the actions re-render (办结日期 is one of the fields).
    await expect.poll(() => page.getByTestId('document-actions').locator('[data-action=destroyed]').count()).toBe(1);
    const history = await send(api, { type: 'register.query', query: { text: '公文处理' } });
    expect(history.data.rows[0]).toMatchObject({ status: 'completed' });
    expect(history.data.rows[0].dueDate).toBeUndefined();
  });

  it('reports an event altered behind DocTrail’s back: which record, and what kind of break', async () => {
    // Someone edits the stored reason of an event directly in IndexedDB, bypassing the extension.
    const sequence = (await api.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('doctrail');
      open.onsuccess = () => {
        const tx = open.result.transaction('events', 'readwrite');
        const store = tx.objectStore('events');
        const get = store.get(3);
        get.onsuccess = () => { store.put({ ...get.result, details: { ...get.result.details, recipient: '张三' } }); };
        tx.oncomplete = () => { open.result.close(); resolve(3); };
        tx.onerror = () => reject(tx.error);
      };
    })`)) as number;
    const page = await dashboard();
    await expect.poll(() => page.getByTestId('chain-status').getAttribute('data-state')).toBe('broken');
    const text = await page.getByTestId('chain-status').textContent();
    expect(text).toContain(String(sequence));
    expect(text).toMatch(/改动|changed/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/dashboard-chain-broken.png` });
  });
});
