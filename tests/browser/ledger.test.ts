import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extensionPage, send, verifyChainFrom } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';
import { toIsoDate } from '@/utils/deadlines/local-date';
import { defaultCalendar } from '@/utils/deadlines/working-days';

let browser: ExtensionBrowser;
let api: Page;
const SHOTS = 'demo-output';
/** The machine is shared: a poll waits up to 10 s, not vitest's 1 s. */
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

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
    await poll(() => outcome.getAttribute('data-kind')).toBe('created');
    expect(await outcome.textContent()).toMatch(/已登记为 收〔\d{4}〕\d{4}号/);
    await page.screenshot({ path: `${SHOTS}/ledger-new.png`, fullPage: true });
    // the same 文号 from the same issuer again: told where it is, not registered twice
    await form.locator('input[name=title]').fill('关于报送2026年度安全生产工作总结的通知');
    await form.locator('input[name=docNumber]').fill('市安委办〔2026〕12号');
    await form.locator('input[name=issuer]').fill('市安全生产委员会办公室');
    await form.locator('select[name=classification]').selectOption('internal');
    await form.locator('button[type=submit]').click();
    await poll(() => outcome.getAttribute('data-kind')).toBe('duplicate');
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
    await poll(() => page.getByTestId('correction').locator('[role=alert]').textContent()).toContain('更正理由');
    await form.locator('input[name=reason]').fill('登记时漏抄“紧急”二字');
    await form.locator('button[type=submit]').click();
    await poll(() => page.locator('.doc-title').textContent()).toBe('关于报送2026年度安全生产工作总结的紧急通知');
    const corrected = page.getByTestId('timeline').locator('[data-type=corrected]');
    await poll(() => corrected.count()).toBe(1);
    const text = await corrected.textContent();
    expect(text).toContain('原值：关于报送2026年度安全生产工作总结的通知');
    expect(text).toContain('新值：关于报送2026年度安全生产工作总结的紧急通知');
    expect(text).toContain('登记时漏抄“紧急”二字');
    const register = await dashboard('#/?q=' + encodeURIComponent('安全生产'));
    await poll(() => register.getByTestId('register-row').first().textContent()).toContain('紧急通知');
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
    await poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('document-fields').textContent()).toContain('传阅中');
    await rows.filter({ hasText: '王局长' }).locator('button.return').click();
    await rows.filter({ hasText: '王局长' }).locator('button.primary').click();
    await poll(() => rows.filter({ hasText: '王局长' }).locator('button.return').count()).toBe(0);
    // the 收回 was recorded by mistake: undo it with a reason
    await poll(() => page.getByTestId('undo').getAttribute('data-step')).toBe('returned');
    await page.getByTestId('undo-open').click();
    await page.getByTestId('undo-form').locator('input[name=reason]').fill('误点收回，文件仍在王局长处');
    await page.getByTestId('undo-form').locator('button[type=submit]').click();
    await poll(() => rows.filter({ hasText: '王局长' }).locator('button.return').count()).toBe(1);
    const undone = page.getByTestId('timeline').locator('[data-type=undone]');
    const undoneText = await undone.textContent();
    expect(undoneText).toContain('撤销的步骤：收回');
    expect(undoneText).toContain('理由：误点收回，文件仍在王局长处');
    await page.screenshot({ path: `${SHOTS}/ledger-document.png`, fullPage: true });
    for (const who of ['王局长', '陈主任']) {
      await rows.filter({ hasText: who }).locator('button.return').click();
      await rows.filter({ hasText: who }).locator('button.primary').click();
      await poll(() => rows.filter({ hasText: who }).locator('button.return').count()).toBe(0);
    }
    await poll(() => page.getByTestId('document-fields').textContent()).toContain('已收回');
    const types = (await page.getByTestId('timeline').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-type'))));
    expect(types).toEqual(['registered', 'corrected', 'sent', 'sent', 'returned', 'undone', 'returned', 'returned']);
    await page.close();
  });

  it('puts a document under 督办 with a 时限 that has passed: 反馈 and 催办 logged, overdue in #/supervision and in a reminder', async () => {
    const today = toIsoDate(new Date());
    if (!defaultCalendar().isWorkingDay(today)) {
      expect((await send(api, { type: 'calendar.import', file: { holidays: {}, workdays: { [today]: 'Test,测试调休,1' } } })).ok).toBe(true);
    }
    // the daily reminder round is already due today, so a newly overdue item is brought up at once
    await send(api, { type: 'settings.update', patch: { reminderTime: '00:00' } });
    const registered = await send(api, {
      type: 'document.register',
      draft: { docNumber: '区政办发〔2026〕40号', title: '关于整改安全隐患问题的通知', issuer: '区人民政府办公室', classification: 'none', receivedDate: '2026-11-02', source: 'paper' },
    });
    const id = registered.data.state.document.id as string;
    const page = await dashboard(`#/doc/${encodeURIComponent(id)}`);
    const panel = page.getByTestId('supervision-panel');
    await panel.locator('button[data-mode=set]').click();
    const form = page.getByTestId('supervision-form');
    await form.locator('input[name=unit]').fill('区应急管理局');
    await form.locator('input[name=handler]').fill('刘科长');
    await form.locator('input[name=leader]').fill('张副区长');
    await form.locator('input[name=requirement]').fill('逐项整改并书面报告整改结果');
    const passed = new Date(Date.now() - 6 * 86_400_000);
    await form.locator('input[name=dueDate]').fill(toIsoDate(passed));
    await form.locator('button[type=submit]').click();
    await poll(() => panel.getAttribute('data-state')).toBe('overdue');
    expect(await page.getByTestId('supervision-state').textContent()).toMatch(/逾期 \d+ 天/);
    await panel.locator('button[data-mode=feedback]').click();
    await page.getByTestId('feedback-form').locator('input[name=text]').fill('已完成三项，余两项正在整改');
    await page.getByTestId('feedback-form').locator('button[type=submit]').click();
    await poll(() => panel.textContent()).toContain('已完成三项，余两项正在整改');
    await panel.locator('button[data-mode=chase]').click();
    await page.getByTestId('chase-form').locator('input[name=text]').fill('电话催办，要求本周内报结果');
    await page.getByTestId('chase-form').locator('button[type=submit]').click();
    await poll(() => panel.textContent()).toContain('催办 1 次');
    const types = await page.getByTestId('timeline').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-type')));
    expect(types).toEqual(['registered', 'supervised', 'feedback', 'chased']);
    await page.screenshot({ path: `${SHOTS}/ledger-supervision-document.png`, fullPage: true });
    await panel.getByTestId('chase-print').click();
    await poll(() => page.getByTestId('chase-slip').textContent()).toContain('区应急管理局');
    await page.screenshot({ path: `${SHOTS}/ledger-chase-slip.png`, fullPage: true });

    const board = await dashboard('#/supervision');
    const group = board.getByTestId('board-group').filter({ hasText: '区应急管理局' });
    await poll(() => group.getByTestId('board-row').count()).toBe(1);
    expect(await group.getByTestId('board-row').getAttribute('data-state')).toBe('overdue');
    expect(await group.getByTestId('board-row').textContent()).toMatch(/关于整改安全隐患问题的通知[\s\S]*刘科长[\s\S]*张副区长[\s\S]*逾期 \d+ 天/);
    await board.locator('select[name=state]').selectOption('overdue');
    await poll(() => board.url()).toContain('state=overdue');
    await poll(() => board.getByTestId('board-row').count()).toBe(1);
    await board.screenshot({ path: `${SHOTS}/ledger-supervision-board.png`, fullPage: true });

    // the reminder covers the overdue 督办 item like any overdue document
    const started = Date.now();
    let shown: string[] = [];
    while (Date.now() - started < 30_000) {
      shown = (await api.evaluate('chrome.notifications.getAll().then((all) => Object.keys(all))')) as string[];
      if (shown.includes(`doctrail:doc:${id}`)) break;
      await api.waitForTimeout(500);
    }
    expect(shown).toContain(`doctrail:doc:${id}`);

    // 办结 with its 办理结果 takes it off the 督办台账
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/doc/${encodeURIComponent(id)}`);
    await page.getByTestId('supervision-panel').locator('button[data-mode=complete]').click();
    await page.getByTestId('complete-form').locator('input[name=result]').fill('五项隐患全部整改完毕，已书面报告');
    await page.getByTestId('complete-form').locator('button[type=submit]').click();
    await poll(() => page.getByTestId('supervision-panel').getAttribute('data-state')).toBe('completed');
    const after = await send(api, { type: 'supervision.board' });
    expect(after.data.groups.flatMap((g: { items: { id: string }[] }) => g.items.map((i) => i.id))).not.toContain(id);
    await page.close();
    await board.close();
  });

  it('keeps the chain intact after all of it', async () => {
    expect(await verifyChainFrom(api)).toMatchObject({ state: 'intact' });
  });
});
