import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expandOverlay, overlayIn } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();

/** The overlay's form value under a label (标题, 文号 …), as the clerk reads it. */
async function formValue(page: Page, label: string): Promise<string> {
  return overlayIn(page).locator('label.dt-field', { hasText: label }).locator('input, select').first().inputValue();
}

describe('a registration form filled in only by typing (x03)', () => {
  it('shows no overlay while blank, then the registration prompt with what the clerk typed and chose', async () => {
    const page = await session.open('shell/typed-register.html');
    await page.waitForTimeout(1500);
    expect(await overlayIn(page).count()).toBe(0);

    await page.click('input[name=wh]');
    await page.keyboard.type('榕政【2026】71号');
    await page.click('input[name=bt]');
    await page.keyboard.type('关于做好2027年春节期间安全生产工作的通知');
    await page.click('input[name=lwdw]');
    await page.keyboard.type('福州市人民政府');
    await page.selectOption('select[name=mj]', '秘密');
    await page.selectOption('select[name=hj]', '特急');

    await expect.poll(() => overlayIn(page).getAttribute('data-kind').catch(() => null), { timeout: 5000 }).toBe('registration');
    await expandOverlay(page);
    await expect.poll(() => formValue(page, '标题')).toBe('关于做好2027年春节期间安全生产工作的通知');
    await expect.poll(() => formValue(page, '文号')).toBe('榕政〔2026〕71号');
    await expect.poll(() => formValue(page, '来文单位')).toBe('福州市人民政府');
    await expect.poll(() => formValue(page, '紧急程度')).toBe('very-urgent');
    await expect.poll(() => formValue(page, '密级')).not.toBe('');

    // A correction typed later is followed too.
    await page.fill('input[name=bt]', '');
    await page.click('input[name=bt]');
    await page.keyboard.type('关于做好2027年春节期间安全生产工作的紧急通知');
    await expect.poll(() => formValue(page, '标题').catch(() => ''), { timeout: 5000 }).toBe('关于做好2027年春节期间安全生产工作的紧急通知');
    await page.close();
  });
});

describe('keys pressed in the overlay stay in the overlay (x07)', () => {
  it('Esc collapses the panel and never reaches the portal; Enter, Tab, Alt+C and typing neither', async () => {
    const page = await session.open('shell/esc-window.html');
    const overlay = await expandOverlay(page);
    const title = overlay.locator('.dt-form input').first();
    await title.click();
    await page.keyboard.type('补');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Alt+c');
    await title.click();
    await title.press('Escape');
    await expect.poll(() => overlay.locator('.dt-pill').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { portalKeys: string[] }).portalKeys)).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.closed ?? null)).toBeNull();

    // Keys outside the overlay still reach the portal: only the overlay's own are kept in.
    await page.locator('#sheet').click();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.body.dataset.closed ?? null)).toBe('1');
    await page.close();
  });
  it('Enter in the overlay form does not submit the portal', async () => {
    const page = await session.open('shell/esc-window.html');
    const overlay = await expandOverlay(page);
    await overlay.locator('.dt-form input').nth(1).click();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.body.dataset.submitted ?? null)).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { portalKeys: string[] }).portalKeys)).toEqual([]);
    await page.close();
  });
});

describe('the portal’s own print commands in any element (x06)', () => {
  const printCalls = (page: Page) => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);

  for (const [id, what] of [
    ['#li-all', 'a menu li 打印全部...'],
    ['#li-body', 'a menu li 只打印内容...'],
    ['#span-print', 'a span 打印此页'],
    ['#a-print', 'an a without href 打印预览'],
    ['#div-print', 'a div 打印'],
    ['#icon-title', 'an icon titled 打印'],
    ['#icon-aria', 'an icon whose aria-label is 打印本页'],
  ] as const) {
    it(`holds ${what} on a 机密 page until the clerk gives a reason`, async () => {
      const page = await session.open('shell/print-menus.html');
      const overlay = overlayIn(page);
      await overlay.locator('.dt-panel, .dt-pill').first().waitFor();
      await page.click(id);
      await overlay.locator('.dt-dialog textarea').waitFor();
      expect(await printCalls(page)).toBe(0);
      await overlay.locator('.dt-dialog .dt-secondary').click();
      expect(await printCalls(page)).toBe(0);
      await page.close();
    });
  }
  it('prints once a reason is given, and leaves other menu items alone', async () => {
    const page = await session.open('shell/print-menus.html');
    const overlay = overlayIn(page);
    await overlay.locator('.dt-panel, .dt-pill').first().waitFor();
    await page.click('#li-refresh');
    expect(await page.evaluate(() => (window as unknown as { refreshed: number }).refreshed)).toBe(1);
    expect(await overlay.locator('.dt-dialog').count()).toBe(0);
    await page.click('#li-all');
    await overlay.locator('.dt-dialog textarea').fill('报送分管领导');
    await overlay.locator('.dt-dialog .dt-primary').click();
    await expect.poll(() => printCalls(page)).toBe(1);
    await page.close();
  });
  it('a control it did not know prints blank after the clerk’s click, asks for a reason, and is held the next time', async () => {
    const page = await session.open('shell/print-menus.html');
    const overlay = overlayIn(page);
    await overlay.locator('.dt-panel, .dt-pill').first().waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { hidden: boolean[] };
      w.hidden = [];
      window.addEventListener('beforeprint', () => setTimeout(() => w.hidden.push(getComputedStyle(document.body).visibility === 'visible')));
    });
    await page.click('#sneaky');
    await overlay.locator('.dt-dialog textarea').waitFor();
    expect(await printCalls(page)).toBe(1);
    await overlay.locator('.dt-dialog .dt-secondary').click();
    await page.click('#sneaky');
    await overlay.locator('.dt-dialog textarea').waitFor();
    expect(await printCalls(page)).toBe(1);
    await page.close();
  });
});
