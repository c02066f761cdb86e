/**
 * An old 收文登记簿 with a 办结日期 column, imported at #/import as a clerk would (issue 16, item 5): a 2026 ledger as
 * .xlsx (办结日期 written 2026年3月5日, 2026.3.16, or as an Excel date cell) and one as a GBK .csv with other header
 * words (办结时间 beside 办结时限, dates written 2026/03/11, 2026年3月19日, 2026.6.11). Each file first comes with one
 * 办结日期 that does not exist, which the preview shows and which keeps the import closed; the corrected file is then
 * imported. What the clerk then sees: the documents the ledger shows as closed are 办结 (or 归档) on their page with
 * their 办结日期; they are not overdue (badge, register's overdue filter, statistics), only the ledger's open rows past
 * their 办理期限 are; the 督办台账 holds only the item the clerk set; the median working days 收文→办结 counts them; the
 * chain verifies intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionPage, send, verifyChainFrom } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';
import { encodeGbk } from '../support/gbk';
import { createXlsxWriter, type SheetColumn } from '@/utils/export/xlsx';

let browser: ExtensionBrowser;
let api: Page;
let dir: string;
const SHOTS = 'demo-output';
/** The machine is shared: a poll waits up to 30 s, not vitest's 1 s. */
const poll = <T,>(fn: () => T | Promise<T>, timeout = 30_000) => expect.poll(fn, { timeout, interval: 200 });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'doctrail-completed-ledger-'));
  browser = await launchWithExtension();
  api = await extensionPage(browser);
});

afterAll(async () => {
  await browser?.close(true);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * One ledger row: 收文编号, 收文日期, 来文单位, 文号, 标题, 密级, 紧急程度, 办理期限, 办理状态, 办结日期, 备注. `days`: the
 * working days from 收文 to 办结 (收文日期 not counted; March and early June 2026 have no holiday or make-up day).
 */
type Row = [string, string, string, string, string, string, string, string, string, string, string];
interface Entry {
  row: Row;
  days?: number;
}

// The 2026 XLSX ledger. The bad version has 2026年4月31日 (April has 30 days) in row 7 (the header is row 1).
const XLSX_ENTRIES: Entry[] = [
  { row: ['收〔2026〕0001号', '2026-03-02', '市应急管理局', '市应急发〔2026〕12号', '关于做好春季森林防火工作的通知', '非密', '急件', '2026-03-06', '已办结', '2026年3月5日', ''], days: 3 },
  // no 办理状态: the 办结日期 says it was 办结
  { row: ['收〔2026〕0002号', '2026-03-09', '市教育局', '市教发〔2026〕21号', '关于开展校园安全专项检查的通知', '内部', '平件', '2026-03-20', '', '2026.3.16', ''], days: 5 },
  // 办结 after its 办理期限 (2026-03-25): late then, but not overdue now; its 办结日期 an Excel date cell
  { row: ['收〔2026〕0003号', '2026-03-16', '市财政局', '市财发〔2026〕9号', '关于下达2026年部门预算的通知', '秘密★5年', '特急', '2026-03-25', '已办结', '2026-03-27', '原件存档'], days: 9 },
  // still open and past its 办理期限: the one the reminders must show
  { row: ['收〔2026〕0004号', '2026-04-01', '市卫生健康委员会', '市卫健发〔2026〕33号', '关于做好春季传染病防控工作的通知', '非密', '急件', '2026-04-10', '在办', '', ''] },
  { row: ['收〔2026〕0005号', '2026-06-08', '市生态环境局', '市环发〔2026〕17号', '关于生态环境保护督察整改情况的通报', '非密', '平件', '', '已归档', '2026年6月10日', ''], days: 2 },
  { row: ['收〔2026〕0006号', '2026-04-27', '中共市委办公室', '市委办发〔2026〕8号', '关于做好“五一”期间值班工作的通知', '工作秘密', '特急', '2026-04-29', '已办结', '2026年4月30日', ''], days: 3 },
];
const XLSX_BAD_ROW = 7;
const XLSX_BAD_DATE = '2026年4月31日';

// The 2026 GBK CSV ledger, under a title line (header on row 2). The bad version has 2026/03/32 in row 7.
const CSV_ENTRIES: Entry[] = [
  { row: ['SW2026-001', '2026/3/3', '省人民政府办公厅', '省政办发〔2026〕5号', '关于进一步优化营商环境的意见', '非密', '平件', '2026/3/13', '已办结', '2026/03/11', ''], days: 6 },
  { row: ['SW2026-002', '2026/3/10', '市人力资源和社会保障局', '市人社发〔2026〕14号', '关于做好根治欠薪冬季专项行动的通知', '非密', '急件', '2026/3/20', '办结', '2026年3月19日', ''], days: 7 },
  // open, past its 办结时限
  { row: ['SW2026-003', '2026/3/11', '市住房和城乡建设局', '市建发〔2026〕22号', '关于开展自建房安全排查整治的通知', '内部', '特急', '2026/3/20', '在办', '', ''] },
  { row: ['SW2026-004', '2026/6/1', '市农业农村局', '市农发〔2026〕30号', '关于切实做好粮食安全工作的通知', '非密', '平件', '', '已办结', '2026.6.11', ''], days: 8 },
  { row: ['SW2026-005', '2026/3/16', '市公安局', '市公通〔2026〕3号', '关于防范电信网络诈骗的通报', '秘密', '急件', '', '已办结', '2026/03/30', ''], days: 10 },
];
const CSV_BAD_ROW = 7;
const CSV_BAD_DATE = '2026/03/32';

const XLSX_HEADERS = ['序号', '收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '紧急程度', '办理期限', '办理状态', '办结日期', '备注'];
const CSV_HEADERS = ['收文号', '签收日期', '来文机关', '发文字号', '文件标题', '密级及保密期限', '缓急', '办结时限', '状态', '办结时间', '备注'];

function writeXlsx(name: string, entries: readonly Entry[]): string {
  const kinds: SheetColumn['kind'][] = ['number', 'text', 'date', 'text', 'text', 'text', 'text', 'text', 'date', 'text', 'date', 'text'];
  const columns: SheetColumn[] = XLSX_HEADERS.map((header, i) => ({ header, kind: kinds[i]!, width: 14 }));
  const parts: Uint8Array[] = [];
  const writer = createXlsxWriter([{ name: '收文登记簿', columns }], (chunk) => parts.push(chunk));
  writer.startSheet('收文登记簿');
  // A 'date' column writes an ISO date as an Excel date cell and anything else (2026年3月5日) as the text the clerk typed.
  writer.addRows(entries.map((e, i) => [i + 1, ...e.row]));
  writer.endSheet();
  writer.finish();
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

function writeGbkCsv(name: string, entries: readonly Entry[]): string {
  const lines = [['2026年收文登记簿', ...Array(CSV_HEADERS.length - 1).fill('')], CSV_HEADERS, ...entries.map((e) => e.row)];
  const path = join(dir, name);
  writeFileSync(path, encodeGbk(lines.map((line) => line.join(',')).join('\r\n') + '\r\n'));
  return path;
}

/** The entries with the 办结日期 of the `at`-th row replaced by a day that does not exist. */
function spoiled(entries: readonly Entry[], at: number, date: string): Entry[] {
  return entries.map((e, i) => (i === at ? { ...e, row: e.row.map((cell, c) => (c === 9 ? date : cell)) as Row } : e));
}

async function importPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#/import`);
  await page.getByTestId('ledger-import').waitFor();
  return page;
}

const summary = (page: Page) => page.getByTestId('import-summary');
const rowText = (page: Page, row: number) => page.locator(`[data-testid=import-preview] tr[data-row="${row}"]`).textContent();

async function choose(page: Page, path: string, rows: number): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(path);
  await poll(() => summary(page).getAttribute('data-rows')).toBe(String(rows));
}

/** Clicks a button and waits for the background's answer; returns the milliseconds from the click to the answer shown. */
async function run(page: Page, button: 'import-dry-run' | 'import-run', kind: string): Promise<number> {
  const started = Date.now();
  await page.getByTestId(button).click();
  await poll(() => page.getByTestId('import-outcome').getAttribute('data-kind'), 60_000).toBe(kind);
  return Date.now() - started;
}

async function documentByNumber(registrationNo: string): Promise<{ id: string; status: string; completedOn?: string; dueDate?: string }> {
  const found = await send(api, { type: 'register.query', query: { text: registrationNo } });
  const doc = (found.data.rows as { id: string; registrationNo: string; status: string; completedOn?: string; dueDate?: string }[]).find((d) => d.registrationNo === registrationNo);
  if (!doc) throw new Error(`${registrationNo} is not in the register`);
  return doc;
}

/** The cells of a statistics table's rows (row heading first), as the clerk reads them. */
function tableRows(page: Page, id: string, part: 'tbody' | 'tfoot' = 'tbody'): Promise<string[][]> {
  return page
    .locator(`[data-testid=stats-table][data-table="${id}"] ${part} tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

describe('importing a 收文登记簿 with a 办结日期 column, in Chromium', () => {
  it('shows the 办结日期 that does not exist in the preview of the XLSX ledger, then imports the corrected file', async () => {
    const page = await importPage();
    await choose(page, writeXlsx('收文登记簿-2026-有误.xlsx', spoiled(XLSX_ENTRIES, XLSX_BAD_ROW - 2, XLSX_BAD_DATE)), XLSX_ENTRIES.length);
    expect(await page.locator('select[data-header="办结日期"]').inputValue()).toBe('completedOn');
    await poll(() => summary(page).getAttribute('data-problems')).toBe('1');
    expect(await rowText(page, XLSX_BAD_ROW)).toContain(`办结日期不是有效日期：${XLSX_BAD_DATE}`);
    expect(await page.locator('[data-testid=import-preview] tr.bad').getAttribute('data-row')).toBe(String(XLSX_BAD_ROW));
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    const firstDryRunMs = await run(page, 'import-dry-run', 'dry-run');
    expect(await page.getByTestId('import-outcome').textContent()).toContain('试导入发现 1 行有问题');
    await page.screenshot({ path: `${SHOTS}/ledger-import-completed-bad.png`, fullPage: true });

    await choose(page, writeXlsx('收文登记簿-2026.xlsx', XLSX_ENTRIES), XLSX_ENTRIES.length);
    await poll(() => summary(page).getAttribute('data-problems')).toBe('0');
    const secondDryRunMs = await run(page, 'import-dry-run', 'dry-run');
    console.log(`[ledger-import-completed] 试导入 of ${XLSX_ENTRIES.length} rows: first ${firstDryRunMs} ms, second ${secondDryRunMs} ms`);
    expect(await page.getByTestId('import-outcome').textContent()).toContain(`试导入通过：将写入 ${XLSX_ENTRIES.length} 件公文`);
    await run(page, 'import-run', 'done');
    expect(await page.getByTestId('import-outcome').getAttribute('data-written')).toBe(String(XLSX_ENTRIES.length));
    await page.close();
  });

  it('reads 办结时间 (not 办结时限) of a GBK CSV ledger, shows its bad date, then imports the corrected file', async () => {
    const page = await importPage();
    await choose(page, writeGbkCsv('收文登记簿-2026-有误.csv', spoiled(CSV_ENTRIES, CSV_BAD_ROW - 3, CSV_BAD_DATE)), CSV_ENTRIES.length);
    expect(await page.getByTestId('import-read').textContent()).toContain('GBK');
    expect(await page.locator('select[data-header="办结时间"]').inputValue()).toBe('completedOn');
    expect(await page.locator('select[data-header="办结时限"]').inputValue()).toBe('deadline');
    await poll(() => summary(page).getAttribute('data-problems')).toBe('1');
    expect(await rowText(page, CSV_BAD_ROW)).toContain(`办结日期不是有效日期：${CSV_BAD_DATE}`);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);

    await choose(page, writeGbkCsv('收文登记簿-2026.csv', CSV_ENTRIES), CSV_ENTRIES.length);
    await poll(() => summary(page).getAttribute('data-problems')).toBe('0');
    await run(page, 'import-run', 'done');
    expect(await page.getByTestId('import-outcome').getAttribute('data-written')).toBe(String(CSV_ENTRIES.length));
    await page.close();
  });

  it('shows each closed document as 办结 (or 归档) with its 办结日期 on its page', async () => {
    const expected: [string, string, string][] = [
      ['收〔2026〕0001号', '办结', '2026-03-05'],
      ['收〔2026〕0002号', '办结', '2026-03-16'],
      ['收〔2026〕0003号', '办结', '2026-03-27'],
      ['收〔2026〕0005号', '归档', '2026-06-10'],
      ['SW2026-001', '办结', '2026-03-11'],
      ['SW2026-002', '办结', '2026-03-19'],
      ['SW2026-004', '办结', '2026-06-11'],
    ];
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    for (const [registrationNo, status, date] of expected) {
      const doc = await documentByNumber(registrationNo);
      await page.goto(`chrome-extension://${browser.extensionId}/options.html#/doc/${encodeURIComponent(doc.id)}`);
      const fields = page.getByTestId('document-fields');
      await fields.waitFor();
      const value = (label: string) => fields.locator('.field').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').textContent();
      expect(await value('状态'), registrationNo).toBe(status);
      expect(await value('办结日期'), registrationNo).toBe(date);
      // nothing is due on a closed document
      expect(await value('最近到期'), registrationNo).toBe('—');
      // the import is the document's one event, and says the 办结日期 in words
      const imported = page.getByTestId('timeline').locator('li[data-type=imported]');
      expect(await imported.count()).toBe(1);
      expect(await imported.textContent()).toContain(`办结日期：${date}`);
      if (registrationNo === '收〔2026〕0003号') await page.screenshot({ path: `${SHOTS}/ledger-import-completed-document.png`, fullPage: true });
    }
    // an open row keeps no 办结日期, and is due by its 办理期限
    const open = await documentByNumber('收〔2026〕0004号');
    expect(open).toMatchObject({ status: 'registered', dueDate: '2026-04-10' });
    expect(open.completedOn).toBeUndefined();
    await page.close();
  });

  it('reminds of the two open rows past their 办理期限 only: badge, overdue filter, 督办台账', async () => {
    // Only the two open rows are overdue, in the register's overdue filter and its summary…
    const overdue = await send(api, { type: 'register.query', query: { overdue: true } });
    expect((overdue.data.rows as { registrationNo: string }[]).map((d) => d.registrationNo).sort()).toEqual(['SW2026-003', '收〔2026〕0004号']);
    expect((await send(api, { type: 'register.summary' })).data.overdue).toBe(2);
    // …and on the toolbar badge the reminder round sets after the import.
    await poll(() => api.evaluate('chrome.action.getBadgeText({})')).toBe('2');

    // The 督办台账: the clerk puts the open row under 督办 with a 时限 passed; it is the one item, overdue.
    const open = await documentByNumber('收〔2026〕0004号');
    expect((await send(api, { type: 'supervision.set', docId: open.id, unit: '疾控科', handler: '王科长', dueDate: '2026-04-20' })).ok).toBe(true);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/supervision`);
    const rows = page.getByTestId('board-row');
    await poll(() => rows.count()).toBe(1);
    expect(await rows.getAttribute('data-state')).toBe('overdue');
    expect(await rows.textContent()).toContain('关于做好春季传染病防控工作的通知');

    // The register's 逾期 view lists the same two.
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/?overdue=1`);
    await poll(() => page.getByTestId('register-row').count()).toBe(2);
    const listed = await page.getByTestId('register-table').textContent();
    expect(listed).toContain('收〔2026〕0004号');
    expect(listed).toContain('SW2026-003');
    expect(listed).not.toContain('收〔2026〕0003号');
    await page.close();
  });

  it('counts the imported 办结 documents in the statistics: median working days 收文→办结, overdue now', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/stats`);
    const stats = page.getByTestId('stats-page');
    await stats.getByTestId('stats-summary').waitFor({ timeout: 30_000 });
    await page.locator('input[name=from]').fill('2026-01');
    await page.locator('input[name=from]').dispatchEvent('change');
    await page.locator('input[name=to]').fill('2026-12');
    await page.locator('input[name=to]').dispatchEvent('change');
    const closed = [...XLSX_ENTRIES, ...CSV_ENTRIES].flatMap((e) => (e.days === undefined ? [] : [e.days]));
    expect(closed).toHaveLength(9);
    expect(median(closed)).toBe(6); // 2 3 3 5 [6] 7 8 9 10
    await poll(() => tableRows(page, 'closing', 'tfoot')).toEqual([['合计', '9', '6']]);
    // by month of 办结: March 6 (3 5 9 6 7 10 → median 6.5), April 1 (3), June 2 (2 8 → 5)
    const byMonth = Object.fromEntries((await tableRows(page, 'closing')).filter(([, count]) => count !== '0').map(([month, count, days]) => [month, [count, days]]));
    expect(byMonth).toEqual({ '2026年03月': ['6', '6.5'], '2026年04月': ['1', '3'], '2026年06月': ['2', '5'] });
    expect(await tableRows(page, 'received', 'tfoot')).toEqual([['合计', String(XLSX_ENTRIES.length + CSV_ENTRIES.length)]]);
    expect((await tableRows(page, 'overdue'))[0]).toEqual(['逾期公文', '2']);
    await stats.locator('[data-card=closing]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/ledger-import-completed-stats.png`, fullPage: true });
    await page.close();
  });

  it('verifies the chain intact: one imported event per document, one per file, and the 督办 set', async () => {
    expect(await verifyChainFrom(api)).toMatchObject({ state: 'intact', count: XLSX_ENTRIES.length + CSV_ENTRIES.length + 2 + 1 });
  });
});
