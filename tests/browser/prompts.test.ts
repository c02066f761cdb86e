import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { daysBetween, toIsoDate } from '@/utils/deadlines/local-date';
import { eventTypesOf, extensionPage } from '../support/extension-api';
import { expandOverlay, overlayIn } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();
let api: Page;

beforeAll(async () => {
  api = await extensionPage(session.browser);
});

async function open(path: string): Promise<Page> {
  const page = await session.open(path);
  await expandOverlay(page);
  return page;
}

async function register(page: Page): Promise<string> {
  const overlay = overlayIn(page);
  await overlay.locator('.dt-form .dt-primary').click();
  await overlay.locator('.dt-regno').waitFor();
  return (await overlay.locator('.dt-regno').textContent())!;
}

describe('registration prompt', () => {
  it('asks for the 密级 a page does not show, and logs the clerk’s confirmation', async () => {
    const page = await open('doc-no-classification.html');
    const overlay = overlayIn(page);
    await expect.poll(() => overlay.locator('.dt-missing-list').textContent()).toBe('缺少必备要素：密级');
    expect(await overlay.locator('.dt-form .dt-primary').isDisabled()).toBe(true);
    await overlay.locator('select').first().selectOption('internal');
    const number = await register(page);
    expect(await eventTypesOf(api, number)).toEqual([
      { type: 'registered', details: { registrationNo: number, fields: expect.objectContaining({ classification: 'internal' }), classificationScheme: 'standard' } },
      { type: 'classification-confirmed', details: { classification: 'internal', classificationScheme: 'standard' } },
    ]);
    await page.close();
  });

  it('warns instead of registering a 文号 from the same issuer twice, and links to the first entry', async () => {
    const first = await open('doc-detail-3.html');
    const number = await register(first);
    await first.close();
    const page = await open('receive-register.html');
    const overlay = overlayIn(page);
    // The clerk corrects the form to a 文号 and issuer that are already in the register.
    await overlay.locator('.dt-form').waitFor();
    {
      await overlay.locator('.dt-form input').nth(1).fill('市应急发〔2026〕7号');
      await overlay.locator('.dt-form input').nth(2).fill('市应急管理局');
      await overlay.locator('select').first().selectOption('none');
      await overlay.locator('.dt-form .dt-primary').click();
      await expect.poll(() => overlay.locator('.dt-warn[role=alert]').textContent()).toContain(`已登记为 ${number}，未重复登记`);
      expect(await overlay.locator('.dt-warn a').getAttribute('href')).toBe(session.portal.url + 'doc-detail-3.html');
    }
    await page.close();
  });

  it('shows a countdown chip, red and counting the days when the deadline has passed', async () => {
    const page = await open('doc-detail-2.html');
    await register(page);
    const overdueBy = daysBetween('2026-11-20', toIsoDate(new Date()));
    const chip = overlayIn(page).locator('.dt-chip');
    expect(await chip.getAttribute('class')).toContain(overdueBy > 0 ? 'dt-chip-overdue' : 'dt-chip-');
    if (overdueBy > 0) expect(await chip.textContent()).toBe(`已逾期 ${overdueBy} 天`);
    await page.close();
  });
});

describe('confidentiality prompt on a 机密 page', () => {
  it('shows the banner with the handling rules and the classification period', async () => {
    const page = await open('doc-secret.html');
    const banner = overlayIn(page).locator('.dt-secret');
    await expect.poll(() => banner.locator('.dt-secret-level').textContent()).toBe('机密公文（保密期限 10年）');
    // one line in the panel; 详情 opens the full rules
    await banner.locator('.dt-more').click();
    await expect.poll(() => banner.textContent()).toContain('复制（复印、汇编、摘抄）须经本机关负责人批准');
    expect(await banner.textContent()).toContain('浏览器菜单中的打印无法事先拦截');
    await page.close();
  });
  it('asks for a reason before Ctrl+P; cancel logs nothing, proceeding registers the document and logs the print', async () => {
    const page = await open('doc-secret.html');
    const overlay = overlayIn(page);
    await page.locator('h2').click();
    await page.keyboard.press('Control+P');
    await overlay.locator('[role=dialog]').waitFor();
    expect(await overlay.locator('[role=dialog] h3').textContent()).toBe('打印涉密公文');
    await overlay.locator('.dt-dialog .dt-secondary').click();
    expect(await overlay.locator('[role=dialog]').count()).toBe(0);
    expect(await overlay.locator('.dt-regno').count()).toBe(0); // cancelled: nothing registered, nothing logged

    await page.keyboard.press('Control+P');
    await overlay.locator('.dt-dialog textarea').fill('呈送王局长批阅');
    await overlay.locator('.dt-dialog .dt-primary').click();
    await overlay.locator('.dt-notice').waitFor();
    expect(await overlay.locator('.dt-notice').textContent()).toBe('已记录：打印');
    const number = (await overlay.locator('.dt-regno').textContent())!;
    expect((await eventTypesOf(api, number)).map((e) => e.type)).toEqual(['registered', 'printed']);
    expect((await eventTypesOf(api, number))[1]!.details).toEqual({ reason: '呈送王局长批阅', intercepted: true, detail: 'Ctrl+P' });
    await page.close();
  });
  it('holds the page’s own print button and attachment download until a reason is given', async () => {
    const page = await open('doc-secret.html');
    const overlay = overlayIn(page);
    await overlay.locator('.dt-regno').waitFor();
    const number = (await overlay.locator('.dt-regno').textContent())!;

    await page.getByRole('button', { name: '打印', exact: true }).click();
    await overlay.locator('.dt-dialog textarea').fill('存档备查');
    await overlay.locator('.dt-dialog .dt-primary').click();
    await overlay.locator('.dt-notice').waitFor();

    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('link', { name: /正文）\.pdf$/ }).click();
    await overlay.locator('.dt-dialog .dt-secondary').click();
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /正文）\.pdf$/ }).click();
    await overlay.locator('.dt-dialog textarea').fill('报送审阅');
    await overlay.locator('.dt-dialog .dt-primary').click();
    expect((await download).suggestedFilename()).toBe('SW-2026-0463-zhengwen.pdf');

    const events = await eventTypesOf(api, number);
    expect(events.slice(2).map((e) => [e.type, e.details.reason])).toEqual([
      ['printed', '存档备查'],
      ['downloaded', '报送审阅'],
    ]);
    await page.close();
  });

  it('asks afterwards about a print it could not hold (the browser menu), and logs only the clerk’s answer', async () => {
    const page = await open('doc-secret.html');
    const overlay = overlayIn(page);
    await overlay.locator('.dt-regno, .dt-form').first().waitFor();
    const number = (await overlay.locator('.dt-form').count()) ? await register(page) : (await overlay.locator('.dt-regno').textContent())!;
    const logged = (await eventTypesOf(api, number)).length;
    await page.evaluate(() => window.print()); // as the browser's own menu does: no key, no button
    const question = overlay.locator('.dt-question');
    await question.waitFor();
    expect(await question.locator('h3').textContent()).toBe('检测到打印，来源不明：是您打印的吗？');
    expect((await eventTypesOf(api, number)).length).toBe(logged); // nothing written until the clerk answers
    await question.locator('textarea').fill('从浏览器菜单打印存档');
    await question.locator('.dt-primary').click();
    await expect.poll(async () => (await eventTypesOf(api, number)).at(-1)).toEqual({ type: 'printed', details: { intercepted: false, mine: true, reason: '从浏览器菜单打印存档' } });
    await page.close();
  });
  it('asks before selected text is copied', async () => {
    const page = await open('doc-secret.html');
    const overlay = overlayIn(page);
    await overlay.locator('.dt-regno').waitFor();
    await page.locator('td', { hasText: '关于做好重要目标安全防护工作的通知' }).last().selectText();
    await page.keyboard.press('Control+C');
    await overlay.locator('[role=dialog]').waitFor();
    expect(await overlay.locator('[role=dialog] h3').textContent()).toBe('复制涉密公文内容');
    await overlay.locator('.dt-dialog textarea').fill('摘录要点');
    await overlay.locator('.dt-dialog .dt-primary').click();
    await overlay.locator('.dt-notice').waitFor();
    const number = (await overlay.locator('.dt-regno').textContent())!;
    const copied = (await eventTypesOf(api, number)).at(-1);
    expect(copied).toMatchObject({ type: 'copied', details: { reason: '摘录要点', intercepted: true } });
    expect(copied!.details.detail).toMatch(/^\d+ 字$/);
    await page.close();
  });
});

describe('circulation prompt', () => {
  it('records the portal’s 传阅 with the recipients it selected, then each return until all are back', async () => {
    const page = await open('circulation.html');
    const overlay = overlayIn(page);
    const number = await register(page);
    await page.getByRole('button', { name: '传阅', exact: true }).first().click();
    const names = overlay.locator('.dt-dialog input').first();
    await expect.poll(() => names.inputValue()).toBe('陈主任、刘科长');
    await overlay.locator('.dt-dialog .dt-primary').click();
    await expect.poll(() => overlay.locator('.dt-circ-head').textContent()).toContain('未收回 2 人');

    // 收回 asks first: nothing is recorded until the clerk confirms who gave it back.
    await overlay.locator('.dt-out', { hasText: '陈主任' }).locator('button').click();
    await overlay.locator('.dt-confirm', { hasText: '陈主任 已交回？' }).waitFor();
    expect(await overlay.locator('.dt-circ-head').textContent()).toContain('未收回 2 人');
    await overlay.locator('.dt-confirm .dt-primary').click();
    await expect.poll(() => overlay.locator('.dt-circ-head').textContent()).toContain('未收回 1 人');
    await overlay.locator('.dt-out', { hasText: '刘科长' }).locator('button').click();
    await overlay.locator('.dt-confirm .dt-primary').click();
    await expect.poll(() => overlay.locator('.dt-circ-head').textContent()).toContain('已全部收回');
    expect(await overlay.locator('.dt-fields').textContent()).toContain('已收回');

    const events = await eventTypesOf(api, number);
    expect(events.map((e) => [e.type, e.details.recipient ?? null])).toEqual([
      ['registered', null],
      ['sent', '陈主任'],
      ['sent', '刘科长'],
      ['returned', '陈主任'],
      ['returned', '刘科长'],
    ]);
    await page.close();
  });
});

describe('the page cannot act for the clerk', () => {
  it('ignores scripted clicks on the overlay and on the portal’s send buttons', async () => {
    const page = await open('doc-detail.html');
    const overlay = overlayIn(page);
    await overlay.locator('.dt-form').waitFor();
    // The page cannot reach into the closed root at all; it clicks what it can reach: the host and its own 传阅.
    expect(await page.evaluate(() => document.querySelector('doctrail-overlay')!.shadowRoot)).toBeNull();
    await page.evaluate(() => {
      (document.querySelector('doctrail-overlay') as HTMLElement).click();
      [...document.querySelectorAll('button')].find((b) => b.textContent === '传阅')!.click();
    });
    await page.waitForTimeout(500);
    expect(await overlay.locator('.dt-regno').count()).toBe(0);
    expect(await overlay.locator('[role=dialog]').count()).toBe(0);
    await page.close();
  });

  it('remembers that the clerk collapsed it, and Esc collapses it from the keyboard', async () => {
    const page = await open('doc-detail.html');
    await overlayIn(page).locator('.dt-form input').first().focus();
    await page.keyboard.press('Escape');
    await overlayIn(page).locator('.dt-pill').waitFor();
    await page.reload();
    await overlayIn(page).locator('.dt-pill').waitFor();
    await overlayIn(page).locator('.dt-pill').click();
    await overlayIn(page).locator('.dt-panel').waitFor();
    await page.close();
  });
});
