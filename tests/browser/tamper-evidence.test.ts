/**
 * Issue 14, tamper evidence, in Chromium (test build): the head leaves the machine in an export; a forged backup
 * whose records its log contradicts is refused field by field; a forged-but-consistent backup (records and log
 * rewritten, chain re-hashed) restores, verifies on its own, and is reported as not extending the head taken from the
 * genuine export; the printed 收文登记簿 carries the head and its QR code and records a checkpoint.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chainEvents, EMPTY_HEAD, type ChainContent } from '@/utils/register/hash-chain';
import { extensionPage, send } from '../support/extension-api';
import { launchWithExtension, newProfileDir, type ExtensionBrowser } from '../support/extension-browser';
import { draft } from '../support/drafts';

let browser: ExtensionBrowser;
let api: Page;
let downloads: string;
let secretId: string;
const SHOTS = process.env.DOCTRAIL_SHOTS ?? 'demo-output';

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  browser = await launchWithExtension();
  downloads = await newProfileDir();
  api = await extensionPage(browser);
  await send(api, { type: 'document.register', draft: draft({ docNumber: '省政办发〔2026〕15号', title: '关于做好冬季安全生产工作的通知', classification: 'none' }) });
  const secret = await send(api, { type: 'document.register', draft: draft({ docNumber: '省保发〔2026〕1号', title: '关于重点目标安全防范工作的部署意见', issuer: '省保密局', classification: 'secret' }) });
  secretId = secret.data.state.document.id;
  await send(api, { type: 'document.logHandling', docId: secretId, action: 'printed', reason: '党组会学习，共 3 份', intercepted: true });
  await send(api, { type: 'document.close', docId: secretId, to: 'completed' });
  const destroyed = await send(api, { type: 'document.close', docId: secretId, to: 'destroyed', approver: '赵主任', witness: '钱科长' });
  expect(destroyed.ok).toBe(true);
});

afterAll(async () => {
  await browser?.close(true);
});

async function dashboard(b: ExtensionBrowser, hash: string, ready: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${b.extensionId}/options.html${hash}`);
  await page.getByTestId(ready).waitFor();
  return page;
}

async function exportAs(page: Page, kind: string): Promise<string> {
  await page.locator(`input[name=export-kind][value=${kind}]`).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-start').click()]);
  const path = join(downloads, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  await page.getByTestId('export-done').waitFor();
  return path;
}

/** 校验 with the given text pasted; returns the verdict's state. */
async function checkKept(page: Page, text: string): Promise<{ state: string | null; text: string | null }> {
  await page.getByTestId('chain-status').and(page.locator(':not([data-state=checking])')).waitFor();
  await page.locator('[data-testid=kept-heads] summary').click();
  await page.getByTestId('kept-input').fill(text);
  await page.locator('[data-testid=kept-heads] button[type=submit]').click();
  const verdict = page.getByTestId('kept-result');
  await verdict.waitFor();
  return { state: await verdict.getAttribute('data-state'), text: await verdict.textContent() };
}

type BackupFile = { documents: Record<string, unknown>[]; events: (ChainContent & { prevHash: string; hash: string })[]; head: unknown; counts: { events: number } };

function writeBackup(header: Record<string, unknown>, documents: unknown[], events: unknown[]): string {
  const list = (xs: unknown[]) => xs.map((x, i) => JSON.stringify(x) + (i < xs.length - 1 ? ',' : ''));
  return [JSON.stringify(header).replace(/\}$/, ','), '"documents":[', ...list(documents), '],', '"events":[', ...list(events), ']}'].join('\n');
}

describe('tamper evidence in Chromium', () => {
  it('refuses a backup whose destroyed 机密 record was edited into a registered 非密 one, listing each field', async () => {
    const page = await dashboard(browser, '#/backup', 'backup-page');
    const genuine = JSON.parse(await readFile(await exportAs(page, 'backup'), 'utf8')) as BackupFile;
    const { documents, events, ...header } = genuine;
    // Prints dropped and the chain re-hashed, as the field case's forge-backup.mjs does; the record edited too.
    const kept = events.filter((e) => e.type !== 'printed').map((e, i) => ({ ...e, sequence: i + 1 }));
    const chained = await chainEvents(EMPTY_HEAD, kept);
    const forged = writeBackup(
      { ...header, head: { sequence: chained.length, hash: chained.at(-1)!.hash }, counts: { ...header.counts, events: chained.length } },
      documents.map((d) => (d.id === secretId ? { ...d, status: 'registered', classification: 'none' } : d)),
      chained,
    );
    const path = join(downloads, 'forged-record.json');
    await writeFile(path, forged);
    await page.getByTestId('restore-file').setInputFiles(path);
    const refused = page.getByTestId('restore-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/备份中的登记记录与它自己的处理记录不符/);
    const rows = await page.locator('[data-testid=restore-contradictions] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['收〔2026〕0002号', '密级', '非密', '机密'],
      ['收〔2026〕0002号', '状态', '已登记', '销毁'],
    ]);
    await page.screenshot({ path: `${SHOTS}/restore-contradicted.png`, fullPage: true });
    await page.close();
  });

  it('a forged-but-consistent backup restores and verifies on its own, but does not extend the head kept from a CSV export', async () => {
    const page = await dashboard(browser, '#/backup', 'backup-page');
    const csv = await readFile(await exportAs(page, 'events-csv'), 'utf8');
    const headLine = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(headLine).toMatch(/^文迹处理记录链头 #\d+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · [0-9a-f]{16}…$/);
    const genuine = JSON.parse(await readFile(await exportAs(page, 'backup'), 'utf8')) as BackupFile;
    await page.close();

    // The careful forger: the 机密 document's print, 办结 and 销毁 dropped, its registration rewritten as 非密, re-hashed.
    const { documents, events, ...header } = genuine;
    const rewritten = events
      .filter((e) => e.docId !== secretId || e.type === 'registered')
      .map((e, i) => ({ ...e, sequence: i + 1, details: e.docId === secretId ? { ...e.details, fields: { ...(e.details.fields as object), classification: 'none' } } : e.details }));
    const chained = await chainEvents(EMPTY_HEAD, rewritten);
    const forged = writeBackup(
      { ...header, head: { sequence: chained.length, hash: chained.at(-1)!.hash }, counts: { ...header.counts, events: chained.length } },
      documents.map((d) => (d.id === secretId ? { ...d, status: 'registered', classification: 'none' } : d)),
      chained,
    );
    const path = join(downloads, 'forged-consistent.json');
    await writeFile(path, forged);

    const fresh = await launchWithExtension();
    try {
      const target = await dashboard(fresh, '#/backup', 'backup-page');
      await target.getByTestId('restore-file').setInputFiles(path);
      await target.getByTestId('restore-preview').waitFor();
      await target.getByTestId('restore-confirm').click();
      await target.getByTestId('restore-done').waitFor();
      await target.goto(`chrome-extension://${fresh.extensionId}/options.html#/`);
      await target.reload();
      const status = target.getByTestId('chain-status');
      await status.and(target.locator('[data-state=intact]')).waitFor();
      // On its own: intact, and the records agree with the (forged) log.
      expect(await target.getByTestId('audit-result').getAttribute('data-state')).toBe('clean');
      // With the head from the genuine CSV export: not extended.
      const verdict = await checkKept(target, headLine);
      expect(['diverged', 'shorter']).toContain(verdict.state);
      await target.screenshot({ path: `${SHOTS}/kept-head-not-extended.png` });
    } finally {
      await fresh.close(true);
    }
  });

  it('an in-storage edit of a record is listed by verify against its log', async () => {
    const page = await dashboard(browser, '#/', 'chain-status');
    await page.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('doctrail');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = db.transaction('documents', 'readwrite').objectStore('documents');
      const record = await new Promise<Record<string, unknown>>((resolve) => (store.get(id).onsuccess = (e) => resolve((e.target as IDBRequest).result)));
      await new Promise((resolve) => (store.put({ ...record, status: 'registered', classification: 'none' }).onsuccess = resolve));
      db.close();
    }, secretId);
    await page.reload();
    const audit = page.getByTestId('audit-result');
    await audit.waitFor();
    expect(await audit.getAttribute('data-state')).toBe('contradicted');
    expect(await audit.textContent()).toMatch(/台账与处理记录不符：2 处/);
    await page.screenshot({ path: `${SHOTS}/verify-contradicted.png` });
    await page.close();
  });

  it('the printed 收文登记簿 shows the head and its QR code, records a checkpoint, and 校验 checks the log against it', async () => {
    const page = await dashboard(browser, '#/', 'chain-status');
    await page.getByTestId('print-register-link').click();
    await page.getByTestId('print-head').waitFor();
    const line = await page.getByTestId('print-head-line').textContent();
    expect(line).toMatch(/^文迹处理记录链头 #\d+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · [0-9a-f]{16}…$/);
    const qr = page.getByTestId('print-head-qr');
    expect(await qr.getAttribute('data-text')).toMatch(/^DocTrail head #\d+ \d{4}-\d{2}-\d{2} \d{2}:\d{2} [0-9a-f]{64}$/);
    expect((await qr.boundingBox())!.width).toBeGreaterThan(40);
    await page.evaluate(() => (window.print = () => undefined)); // the dialog itself is the browser's
    await page.locator('.print-bar button.primary').click();
    await expect.poll(async () => (await send(api, { type: 'checkpoint.list' })).data.checkpoints.filter((c: { reason: string }) => c.reason === 'print').length).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/print-register-head.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/`);
    await page.getByTestId('chain-status').waitFor();
    await page.locator('[data-testid=kept-heads] summary').click();
    const list = page.getByTestId('checkpoint-list');
    await list.waitFor();
    expect(await list.locator('li[data-reason=print]').count()).toBe(1);
    expect(await list.locator('li[data-reason=week]').count()).toBe(1); // the first opening this ISO week
    await page.getByTestId('checkpoints-check').click();
    const verdict = page.getByTestId('kept-result');
    await verdict.waitFor();
    // The in-storage record edit above left the log itself untouched: it still extends every checkpoint.
    expect(await verdict.getAttribute('data-state')).toBe('extends');
    await page.screenshot({ path: `${SHOTS}/checkpoint-list.png` });
  });
});
