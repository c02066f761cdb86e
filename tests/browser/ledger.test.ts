import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extensionPage, send, verifyChainFrom } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';

let browser: ExtensionBrowser;
let api: Page;
const SHOTS = 'demo-output';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchWithExtension();
  api = await extensionPage(browser);
});

afterAll(async () => {
  await browser?.close(true);
});

async function dashboard(hash = '#/'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
  return page;
}

describe('the whole ledger from the dashboard, in Chromium', () => {
  let docUrl = '';

  it('registers a paper document at #/new with numbering, 来源 and the duplicate check', async () => {
    const page = await dashboard('#/new');
    const form = page.getByTestId('new-document');
    await form.locator('select[name=source]').selectOption('paper');
    await form.locator('input[name=title]').fill('关于报送2026年度安全生产工作总结的通知');
    await form.locator('input[name=docNumber]').fill('市安委办〔2026〕12号');
    await form.locator('input[name=issuer]').fill('市安全生产委员会办公室');
    // the 密级 is mandatory, as in the overlay: nothing can be registered without it
    expect(await form.locator('button[type=submit]').isDisabled()).toBe(true);
    await form.locator('select[name=classification]').selectOption('internal');
    await form.locator('input[name=receivedDate]').fill('2026-11-20');
    await form.locator('input[name=deadline]').fill('2026-12-04');
    await form.locator('button[type=submit]').click();
    const outcome = page.getByTestId('new-outcome');
    await expect.poll(() => outcome.getAttribute('data-kind')).toBe('created');
    expect(await outcome.textContent()).toMatch(/已登记为 收〔\d{4}〕\d{4}号/);
    await page.screenshot({ path: `${SHOTS}/ledger-new.png`, fullPage: true });
    // the same 文号 from the same issuer again: told where it is, not registered twice
    await form.locator('input[name=title]').fill('关于报送2026年度安全生产工作总结的通知');
    await form.locator('input[name=docNumber]').fill('市安委办〔2026〕12号');
    await form.locator('input[name=issuer]').fill('市安全生产委员会办公室');
    await form.locator('select[name=classification]').selectOption('internal');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => outcome.getAttribute('data-kind')).toBe('duplicate');
    const query = await send(api, { type: 'register.query', query: { text: '安全生产' } });
    expect(query.data.total).toBe(1);
    expect(query.data.rows[0]).toMatchObject({ source: 'paper', classification: 'internal', deadline: '2026-12-04' });
    expect(query.data.rows[0].sourceUrl).toBeUndefined();
    await outcome.locator('a').click();
    await page.getByTestId('document-page').waitFor();
    docUrl = page.url();
    expect(await page.getByTestId('document-fields').textContent()).toContain('纸质');
    await page.close();
  });

  it('corrects the title with a reason: the register shows the new title, the timeline the old and new', async () => {
    const page = await browser.context.newPage();
    await page.goto(docUrl);
    await page.getByTestId('correct-open').click();
    const form = page.getByTestId('correction-form');
    await form.locator('input[name=title]').fill('关于报送2026年度安全生产工作总结的紧急通知');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('correction').locator('[role=alert]').textContent()).toContain('更正理由');
    await form.locator('input[name=reason]').fill('登记时漏抄“紧急”二字');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('关于报送2026年度安全生产工作总结的紧急通知');
    const corrected = page.getByTestId('timeline').locator('[data-type=corrected]');
    await expect.poll(() => corrected.count()).toBe(1);
    const text = await corrected.textContent();
    expect(text).toContain('原值：关于报送2026年度安全生产工作总结的通知');
    expect(text).toContain('新值：关于报送2026年度安全生产工作总结的紧急通知');
    expect(text).toContain('登记时漏抄“紧急”二字');
    const register = await dashboard('#/?q=' + encodeURIComponent('安全生产'));
    await expect.poll(() => register.getByTestId('register-row').first().textContent()).toContain('紧急通知');
    await register.close();
    await page.close();
  });

  it('circulates from the dashboard, records a return, undoes that 收回, then takes both back', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(docUrl);
    const send = page.getByTestId('send-form');
    await send.locator('input[name=recipients]').fill('王局长、陈主任');
    await send.locator('select[name=purpose]').selectOption('handle');
    await send.locator('input[name=expectedReturn]').fill('2026-11-27');
    await send.locator('button[type=submit]').click();
    const rows = page.getByTestId('circulation-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('document-fields').textContent()).toContain('传阅中');
    await rows.filter({ hasText: '王局长' }).locator('button.return').click();
    await rows.filter({ hasText: '王局长' }).locator('button.primary').click();
    await expect.poll(() => rows.filter({ hasText: '王局长' }).locator('button.return').count()).toBe(0);
    // the 收回 was recorded by mistake: undo it with a reason
    await expect.poll(() => page.getByTestId('undo').getAttribute('data-step')).toBe('returned');
    await page.getByTestId('undo-open').click();
    await page.getByTestId('undo-form').locator('input[name=reason]').fill('误点收回，文件仍在王局长处');
    await page.getByTestId('undo-form').locator('button[type=submit]').click();
    await expect.poll(() => rows.filter({ hasText: '王局长' }).locator('button.return').count()).toBe(1);
    const undone = page.getByTestId('timeline').locator('[data-type=undone]');
    const undoneText = await undone.textContent();
    expect(undoneText).toContain('撤销的步骤：收回');
    expect(undoneText).toContain('理由：误点收回，文件仍在王局长处');
    await page.screenshot({ path: `${SHOTS}/ledger-document.png`, fullPage: true });
    for (const who of ['王局长', '陈主任']) {
      await rows.filter({ hasText: who }).locator('button.return').click();
      await rows.filter({ hasText: who }).locator('button.primary').click();
      await expect.poll(() => rows.filter({ hasText: who }).locator('button.return').count()).toBe(0);
    }
    await expect.poll(() => page.getByTestId('document-fields').textContent()).toContain('已收回');
    const types = (await page.getByTestId('timeline').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-type'))));
    expect(types).toEqual(['registered', 'corrected', 'sent', 'sent', 'returned', 'undone', 'returned', 'returned']);
    await page.close();
  });

  it('keeps the chain intact after all of it', async () => {
    expect(await verifyChainFrom(api)).toMatchObject({ state: 'intact' });
  });
});
