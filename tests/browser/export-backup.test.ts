import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, send, verifyChainFrom } from '../support/extension-api';
import { launchWithExtension, newProfileDir, type ExtensionBrowser } from '../support/extension-browser';
import { draft } from '../support/drafts';

let browser: ExtensionBrowser;
let api: Page;
let downloads: string;
const SHOTS = process.env.DOCTRAIL_SHOTS;

const TITLES = {
  quoted: '关于转发《“十四五”公文处理规范》的通知',
  comma: '关于报送2026年度预算、决算和绩效材料的通知',
  formula: '=HYPERLINK("http://evil.example","点击查看")',
  secret: '关于重点目标安全防范工作的部署意见',
};

beforeAll(async () => {
  browser = await launchWithExtension();
  downloads = await newProfileDir();
  api = await extensionPage(browser);
  await send(api, { type: 'settings.update', patch: { clerkName: '李文书', department: '市教育局办公室' } });
  await send(api, { type: 'document.register', draft: draft({ docNumber: '省政办发〔2026〕15号', title: TITLES.quoted, classification: 'none', copies: '3' }) });
  await send(api, { type: 'document.register', draft: draft({ docNumber: '市财发〔2026〕8号', title: TITLES.comma, issuer: '市财政局', classification: 'internal' }) });
  await send(api, { type: 'document.register', draft: draft({ docNumber: '县政发〔2026〕2号', title: TITLES.formula, issuer: '县人民政府', classification: 'none' }) });
  const secret = await send(api, { type: 'document.register', draft: draft({ docNumber: '省保发〔2026〕1号', title: TITLES.secret, issuer: '省保密局', classification: 'secret' }) });
  const id = secret.data.state.document.id;
  await send(api, { type: 'circulation.send', docId: id, recipients: ['王局长', '陈主任'], purpose: 'read', expectedReturn: '2026-11-30' });
  await send(api, { type: 'circulation.return', docId: id, recipient: '王局长' });
  await send(api, { type: 'document.logHandling', docId: id, action: 'printed', reason: '党组会学习，共 3 份', intercepted: true });
});

afterAll(async () => {
  await browser?.close(true);
});

async function backupPage(b: ExtensionBrowser, hash = '#/backup'): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${b.extensionId}/options.html${hash}`);
  await page.getByTestId('backup-page').waitFor();
  return page;
}

/** Chooses a format, exports, and returns the downloaded file's path and name. */
async function exportAs(page: Page, kind: string): Promise<{ path: string; name: string }> {
  await page.locator(`input[name=export-kind][value=${kind}]`).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-start').click()]);
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  await page.getByTestId('export-done').waitFor();
  return { path, name: download.suggestedFilename() };
}

async function registerOf(page: Page) {
  const all = await send(page, { type: 'register.query', query: { limit: 500, sort: 'registrationNo', direction: 'asc' } });
  return all.data.rows as Record<string, unknown>[];
}

describe('export and backup in Chromium', () => {
  it('downloads the register as CSV that Excel/WPS read: BOM, Chinese headers, quoting, formulas neutralised, 机密 titles withheld', async () => {
    const page = await backupPage(browser);
    const { path, name } = await exportAs(page, 'register-csv');
    expect(name).toMatch(/^文迹-收文登记簿-\d{8}-\d{4}\.csv$/);
    const text = await readFile(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // First line: the chain head when the file was written, as 校验 reads it back.
    const [title, header, ...rows] = parsed.data;
    expect(title).toEqual([expect.stringMatching(/^文迹处理记录链头 #\d+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · [0-9a-f]{16}…$/)]);
    expect(header).toEqual(['收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '份数', '份号', '紧急程度', '办理期限', '期限说明', '当前去向', '状态', '办结日期']);
    expect(rows.map((r) => r[4])).toEqual([TITLES.quoted, TITLES.comma, `'${TITLES.formula}`, '（涉密标题已隐去）']);
    expect(rows[3]).toEqual(expect.arrayContaining(['收〔2026〕0004号', '省保发〔2026〕1号', '机密', '陈主任', '传阅中']));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-done.png` });
  });

  it('downloads an XLSX workbook with the register and the log as two sheets and dates as dates', async () => {
    const page = await backupPage(browser, '#/backup?classification=secret');
    expect(await page.getByTestId('export-section').textContent()).toContain('按台账当前筛选导出：机密');
    await page.locator('input[name=mask]').uncheck();
    const { path } = await exportAs(page, 'xlsx');
    const sheets = await readXlsxFile(await readFile(path));
    expect(sheets.map((s) => s.sheet)).toEqual(['登记簿', '处理记录', '链头']);
    const [, ...register] = sheets[0]!.data;
    expect(register).toHaveLength(1); // the filter: 机密 only
    expect(register[0]![4]).toBe(TITLES.secret); // masking was turned off
    expect(register[0]![1]).toBeInstanceOf(Date);
    const log = sheets[1]!.data.slice(1);
    expect(log.map((row) => row[5])).toEqual(expect.arrayContaining([expect.stringMatching(/登记/), expect.stringMatching(/送出/), expect.stringMatching(/收回/), expect.stringMatching(/打印/)]));
    expect(log[0]![1]).toBeInstanceOf(Date);
  });

  it('a full backup restores into a fresh browser profile: the same register and the same intact chain; each export was logged', async () => {
    const page = await backupPage(browser);
    const before = await verifyChainFrom(page);
    const { path } = await exportAs(page, 'backup');
    const after = await verifyChainFrom(page);
    expect(after).toMatchObject({ state: 'intact', count: before.count + 1 }); // the backup logged itself
    const original = await registerOf(page);

    const fresh = await launchWithExtension();
    try {
      const target = await backupPage(fresh);
      await target.getByTestId('restore-file').setInputFiles(path);
      const preview = target.getByTestId('restore-preview');
      await preview.waitFor();
      expect(await preview.textContent()).toMatch(/新增 4 件，更新 0 件，跳过 0 件/);
      if (SHOTS) await target.screenshot({ path: `${SHOTS}/restore-preview.png` });
      await target.getByTestId('restore-confirm').click();
      await target.getByTestId('restore-done').waitFor();
      expect(await registerOf(target)).toEqual(original);
      const restored = await verifyChainFrom(target);
      expect(restored.state).toBe('intact');
      expect(restored.count).toBe(after.count); // the backup's events (its own export was logged after it was read), plus the import
      const settings = await send(target, { type: 'settings.get' });
      expect(settings.data.settings).toMatchObject({ clerkName: '李文书', department: '市教育局办公室' });
    } finally {
      await fresh.close(true);
    }
  });

  it('a backup edited by hand is refused with where the chain breaks, and the register is untouched', async () => {
    const page = await backupPage(browser);
    const { path } = await exportAs(page, 'backup');
    const tampered = (await readFile(path, 'utf8')).replace('党组会学习，共 3 份', '党组会学习，共 1 份');
    const tamperedPath = join(downloads, 'tampered.json');
    await writeFile(tamperedPath, tampered);
    const before = { register: await registerOf(page), chain: await verifyChainFrom(page) };
    await page.getByTestId('restore-file').setInputFiles(tamperedPath);
    const refused = page.getByTestId('restore-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/台账未作任何改动.*第 \d+ 条.*内容被改动/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/restore-refused.png` });
    expect(await registerOf(page)).toEqual(before.register);
    expect(await verifyChainFrom(page)).toEqual(before.chain);
  });
});
