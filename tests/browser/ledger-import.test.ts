import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionPage, send, verifyChainFrom } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';
import { csvLedger, makeLedger } from '../../scripts/make-ledger-fixtures';

let browser: ExtensionBrowser;
let api: Page;
const SHOTS = 'demo-output';
const LEDGERS = resolve('tests/fixtures/ledgers');
/** The machine is shared: a poll waits up to 60 s for a 200-row import, not vitest's 1 s. */
const poll = <T,>(fn: () => T | Promise<T>, timeout = 60_000) => expect.poll(fn, { timeout, interval: 200 });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchWithExtension();
  api = await extensionPage(browser);
});

afterAll(async () => {
  await browser?.close(true);
});

async function importPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#/import`);
  await page.getByTestId('ledger-import').waitFor();
  return page;
}

const summary = (page: Page) => page.getByTestId('import-summary');
const problemCount = (page: Page) => summary(page).getAttribute('data-problems');
const rowText = (page: Page, row: number) => page.locator(`[data-testid=import-preview] tr[data-row="${row}"]`).textContent();
const total = async () => (await send(api, { type: 'register.query', query: {} })).data.total as number;

/** Chooses the file, waits for the preview of `rows` rows. */
async function choose(page: Page, file: string, rows = 200): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(join(LEDGERS, file));
  await poll(() => summary(page).getAttribute('data-rows')).toBe(String(rows));
}

/** Clicks a button and waits for the background's answer; returns the milliseconds it took. */
async function run(page: Page, button: 'import-dry-run' | 'import-run', kind: string): Promise<number> {
  const started = Date.now();
  await page.getByTestId(button).click();
  await poll(() => page.getByTestId('import-outcome').getAttribute('data-kind')).toBe(kind);
  return Date.now() - started;
}

describe('importing an old 收文登记簿 at #/import, in Chromium', () => {
  it('shows the bad rows of a 200-row XLSX ledger in the preview and writes nothing', async () => {
    const page = await importPage();
    await choose(page, '收文登记簿-2025-有误.xlsx');
    // the header mapped with page analysis's vocabulary; 序号 and 备注 are not imported
    const mapping = page.getByTestId('import-mapping');
    expect(await mapping.locator('select[data-header="收文编号"]').inputValue()).toBe('registrationNo');
    expect(await mapping.locator('select[data-header="来文单位"]').inputValue()).toBe('issuer');
    expect(await mapping.locator('select[data-header="办理状态"]').inputValue()).toBe('status');
    expect(await mapping.locator('select[data-header="序号"]').inputValue()).toBe('');
    await poll(() => problemCount(page)).toBe('5');
    expect(await rowText(page, 18)).toContain('收文日期不是有效日期：2025年2月30日');
    expect(await rowText(page, 49)).toContain('密级无法识别：保密');
    expect(await rowText(page, 96)).toContain('文号与第 95 行重复');
    expect(await page.locator('[data-testid=import-preview] tr.bad').count()).toBe(3); // the first 100 rows are listed
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.locator('input[name=onlyProblems]').check();
    expect(await page.locator('[data-testid=import-preview] tbody tr').count()).toBe(5);
    expect(await rowText(page, 134)).toContain('缺少标题');
    expect(await rowText(page, 179)).toContain('办理期限不是有效日期：尽快');
    await run(page, 'import-dry-run', 'dry-run');
    expect(await page.getByTestId('import-outcome').textContent()).toContain('试导入发现 5 行有问题');
    await mapping.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/ledger-import-mapping.png` });
    await summary(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/ledger-import-preview.png`, fullPage: true });
    expect(await total()).toBe(0);
    await page.close();
  });

  it('imports the good XLSX ledger: 200 documents with their old numbers, the counter moved past them', async () => {
    const page = await importPage();
    await choose(page, '收文登记簿-2025.xlsx');
    await poll(() => problemCount(page)).toBe('0');
    await run(page, 'import-dry-run', 'dry-run');
    expect(await page.getByTestId('import-outcome').textContent()).toContain('试导入通过：将写入 200 件公文');
    expect(await total()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/ledger-import-dry-run.png`, fullPage: true });
    expect(await page.getByTestId('import-run').isDisabled()).toBe(false);
    const ms = await run(page, 'import-run', 'done');
    console.log(`[ledger-import] 200-row XLSX written in ${ms} ms (click to answer)`);
    const outcome = page.getByTestId('import-outcome');
    expect(await outcome.getAttribute('data-written')).toBe('200');
    expect(await outcome.textContent()).toContain('2025 年收文编号计数：0 → 200，下一件登记为第 201 号');
    expect(await total()).toBe(200);
    const found = await send(api, { type: 'register.query', query: { text: '收〔2025〕0017号' } });
    expect(found.data.rows[0]).toMatchObject({ registrationNo: '收〔2025〕0017号', receivedDate: expect.stringMatching(/^2025-/) });
    await page.close();
  });

  it('reads a GBK CSV ledger under its title line, lets the clerk adjust a column, shows its bad rows, then imports the good one', async () => {
    const page = await importPage();
    await choose(page, '收文登记簿-2024-有误-gbk.csv');
    expect(await page.getByTestId('import-read').textContent()).toContain('GBK');
    expect(await page.getByTestId('import-read').textContent()).toContain('表头在第 2 行');
    await poll(() => problemCount(page)).toBe('5');
    expect(await rowText(page, 19)).toContain('收文日期不是有效日期：2024/2/30');
    expect(await rowText(page, 50)).toContain('密级无法识别：保密');
    // the clerk takes 文件标题 out of the mapping: every row lacks its title; put back, five problems again
    const title = page.locator('select[data-header="文件标题"]');
    expect(await title.inputValue()).toBe('title');
    await title.selectOption('');
    await poll(() => problemCount(page)).toBe('200');
    await title.selectOption('title');
    await poll(() => problemCount(page)).toBe('5');
    await page.screenshot({ path: `${SHOTS}/ledger-import-gbk-csv.png` });

    await choose(page, '收文登记簿-2024-gbk.csv');
    await poll(() => problemCount(page)).toBe('0');
    await run(page, 'import-run', 'done');
    expect(await page.getByTestId('import-outcome').getAttribute('data-written')).toBe('200');
    expect(await total()).toBe(400);
    // The same file again: every row is already in the register, and the dry run says so.
    await run(page, 'import-dry-run', 'dry-run');
    await poll(() => problemCount(page)).toBe('200');
    expect(await rowText(page, 3)).toMatch(/文号已登记为 SW2024-001|收文编号 SW2024-001 已被登记簿占用/);
    await page.close();
  });

  it('shows the imported documents in the register, with the chain intact after both imports', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/?q=SW2024-00`);
    await poll(() => page.getByTestId('register-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('register-table').textContent()).toContain('SW2024-001');
    await poll(() => page.getByTestId('chain-status').getAttribute('data-state')).toBe('intact');
    await page.screenshot({ path: `${SHOTS}/ledger-import-register.png` });
    const chain = await verifyChainFrom(api);
    expect(chain).toMatchObject({ state: 'intact', count: 402 }); // 200 + 200 documents, one import event per file
    await page.close();
  });

  it('measures a 5,000-row CSV ledger: preview and the one-transaction write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctrail-ledger-'));
    const path = join(dir, '收文登记簿-2023-5000.csv');
    writeFileSync(path, '\ufeff' + csvLedger(makeLedger(2023, 5000, (year, n) => `收〔${year}〕${String(n).padStart(4, '0')}号`, 7), '2023年收文登记簿'));
    const page = await importPage();
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles(path);
    await poll(() => summary(page).getAttribute('data-rows'), 120_000).toBe('5000');
    const previewMs = Date.now() - started;
    const problems = Number(await problemCount(page));
    // Generated without spoiled rows: a 文号 may repeat by chance only if the generator is wrong.
    expect(problems).toBe(0);
    const dryMs = await run(page, 'import-dry-run', 'dry-run');
    const writeMs = await run(page, 'import-run', 'done');
    console.log(`[ledger-import] 5000-row CSV: read+map+preview ${previewMs} ms, dry run ${dryMs} ms, write ${writeMs} ms`);
    expect(await total()).toBe(5400);
    expect(await verifyChainFrom(api)).toMatchObject({ state: 'intact', count: 5403 });
    await page.close();
  }, 300_000); // 5,000 rows: about a minute on a loaded two-core machine
});
