import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openActionPopup } from '../support/action-popup';
import { eventTypesOf, extensionPage, send } from '../support/extension-api';
import { expandOverlay, overlayIn, pickerIn } from '../support/extension-browser';
import { inExtensionWorld } from '../support/overlay-driver';
import { usePortalSession } from '../support/portal-session';

/**
 * What the clerk sees and does (issue 15), in Chromium with the test build on the sample portal: the overlay
 * never covers the page's values, 登记 is always in view, the keyboard path, the popup, the language setting.
 */
const session = usePortalSession();
let api: Page;

beforeAll(async () => {
  api = await extensionPage(session.browser);
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;
const PAGES = ['doc-secret.html', 'doc-detail.html', 'doc-detail-2.html', 'circulation.html', 'receive-register.html', 'doc-no-classification.html'];

async function openAt(path: string, size: { width: number; height: number }): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(session.portal.url + path);
  await overlayIn(page).locator('.dt-panel, .dt-rail').first().waitFor();
  return page;
}

/** The overlay's visible rectangle (panel or rail), measured in DocTrail's world without scrolling anything. */
function overlayBox(page: Page): Promise<Box & { kind: string }> {
  return inExtensionWorld(
    page,
    `() => {
      const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('doctrail-overlay'));
      const el = root.querySelector('.dt-panel, .dt-rail');
      const r = el.getBoundingClientRect();
      return { kind: el.classList.contains('dt-panel') ? 'panel' : 'rail', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }`,
    null,
  );
}

/** The page's value cells (not their labels) and its form controls, as rectangles in the window. */
function valueCells(page: Page): Promise<(Box & { text: string })[]> {
  return page.evaluate(`[...document.querySelectorAll('.content td:not(.label), .content input:not([type=hidden]), .content select, .content textarea')]
    .map((el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: (el.value || el.textContent || '').trim().slice(0, 20) }; })
    .filter((r) => r.right > r.left && r.bottom > r.top && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth)`);
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the overlay and the page', () => {
  for (const size of SIZES) {
    it(`covers none of the value cells of the sample pages at ${size.width}×${size.height}`, async () => {
      const seen: string[] = [];
      for (const path of PAGES) {
        const page = await openAt(path, size);
        const box = await overlayBox(page);
        const cells = await valueCells(page);
        expect(cells.length).toBeGreaterThan(3);
        const covered = cells.filter((cell) => overlaps(box, cell)).map((cell) => cell.text);
        expect(covered, `${path}: the ${box.kind} covers ${covered.join(', ')}`).toEqual([]);
        seen.push(`${path} ${box.kind} ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`);
        await page.close();
      }
      console.log(`placements at ${size.width}×${size.height}:\n  ${seen.join('\n  ')}`);
    });
  }

  for (const size of SIZES) {
    it(`shows 登记 without scrolling on a 机密 page at ${size.width}×${size.height}`, async () => {
      const page = await openAt('doc-secret.html', size);
      const overlay = await expandOverlay(page);
      await overlay.locator('.dt-form .dt-primary').waitFor();
      expect(await overlay.locator('.dt-secret-level').textContent()).toContain('机密');
      const view = await inExtensionWorld<{ inBody: boolean; inWindow: boolean; onTop: boolean; scrolled: number; text: string }>(
        page,
        `() => {
          const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('doctrail-overlay'));
          const button = root.querySelector('.dt-form .dt-primary');
          const body = root.querySelector('.dt-body');
          const b = button.getBoundingClientRect();
          const s = body.getBoundingClientRect();
          const hit = root.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
          return {
            inBody: b.top >= s.top && b.bottom <= s.bottom,
            inWindow: b.top >= 0 && b.bottom <= innerHeight && b.left >= 0 && b.right <= innerWidth,
            onTop: hit === button || button.contains(hit),
            scrolled: body.scrollTop,
            text: button.textContent,
          };
        }`,
        null,
      );
      expect(view).toEqual({ inBody: true, inWindow: true, onTop: true, scrolled: 0, text: '登记' });
      await page.close();
    });
  }
});

describe('the keyboard path', () => {
  it('focuses the overlay on the shortcut, and registering with Enter leaves the focus in it', async () => {
    const page = await openAt('doc-detail-3.html', SIZES[0]);
    await page.locator('h2').first().click();
    await page.keyboard.press('Alt+Shift+D');
    const overlay = overlayIn(page);
    await expect.poll(() => overlay.locator(':focus').count()).toBe(1);
    expect(await page.evaluate('document.activeElement.localName')).toBe('doctrail-overlay');

    // The browser's command reaches the tab as a message from the background: the same focus.
    await page.locator('h2').first().click();
    expect(await overlay.locator(':focus').count()).toBe(0);
    await session.browser.context.serviceWorkers()[0]!.evaluate(
      `chrome.tabs.query({ url: '*://127.0.0.1/*' }).then((tabs) => Promise.all(tabs.filter((t) => t.url.includes('doc-detail-3')).map((t) => chrome.tabs.sendMessage(t.id, { type: 'focus-overlay' }).catch(() => null))))`,
    );
    await expect.poll(() => overlay.locator(':focus').count()).toBe(1);

    await overlay.locator('.dt-form input').first().press('Enter');
    await overlay.locator('.dt-regno').waitFor();
    await expect.poll(() => overlay.locator('.dt-registered:focus').count()).toBe(1);
    expect(await page.evaluate('document.activeElement.localName')).toBe('doctrail-overlay');

    // Esc folds the panel into the rail; the page never hears the key, the focus stays with DocTrail.
    await page.evaluate(`window.__heard = []; document.addEventListener('keydown', (e) => window.__heard.push(e.key)); window.addEventListener('keydown', (e) => window.__heard.push('w:' + e.key))`);
    await page.keyboard.press('Escape');
    await overlay.locator('.dt-rail').waitFor();
    expect(await page.evaluate('window.__heard')).toEqual([]);
    expect(await overlay.locator('.dt-rail:focus').count()).toBe(1);
    await page.keyboard.press('Enter');
    await overlay.locator('.dt-panel').waitFor();
    await page.close();
  });
});

describe('the prompts', () => {
  it('offers preset and recent reasons in one click, leaves no stale notice, and takes 此页不涉密 as a logged correction', async () => {
    const page = await openAt('doc-secret.html', SIZES[0]);
    const overlay = await expandOverlay(page);
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-regno').waitFor();
    const number = (await overlay.locator('.dt-regno').textContent())!;

    await page.locator('h2').first().click();
    await page.keyboard.press('Control+P');
    await overlay.locator('.dt-presets').waitFor();
    expect(await overlay.locator('.dt-presets button').allTextContents()).toEqual(['领导批示要求', '会议使用', '立卷归档', '上级检查']);
    expect(await overlay.locator('.dt-dialog .dt-muted').first().textContent()).toBe('触发：Ctrl+P');
    await overlay.locator('.dt-presets button', { hasText: '会议使用' }).click();
    expect(await overlay.locator('.dt-dialog textarea').inputValue()).toBe('会议使用');
    await overlay.locator('.dt-dialog .dt-primary').click();
    await expect.poll(() => overlay.locator('.dt-notice').textContent()).toBe('已记录：打印');

    // The next prompt: the recent reason first, and no 已记录 notice left under it.
    await page.locator('h2').first().click();
    await page.keyboard.press('Control+P');
    await overlay.locator('.dt-presets').waitFor();
    expect(await overlay.locator('.dt-notice').count()).toBe(0);
    expect((await overlay.locator('.dt-presets button').allTextContents())[0]).toBe('会议使用');

    // 此页不涉密: the clerk gives the right level instead of a reason; it is logged, and nothing more is asked.
    await overlay.locator('.dt-correct-open').click();
    await overlay.locator('.dt-correct select').selectOption('none');
    await overlay.locator('.dt-correct .dt-secondary').click();
    await expect.poll(() => overlay.locator('.dt-notice').textContent()).toBe('已更正密级为非密，已记入处理记录');
    expect(await overlay.locator('.dt-dialog').count()).toBe(0);
    expect(await overlay.locator('.dt-secret').count()).toBe(0);
    const events = await eventTypesOf(api, number);
    expect(events.map((e) => e.type)).toEqual(['registered', 'printed', 'classification-confirmed']);
    expect(events[1]!.details).toMatchObject({ reason: '会议使用', intercepted: true });
    expect(events[2]!.details).toMatchObject({ classification: 'none' });
    await page.close();
  });

  it('proposes the 归还期限 the 传阅单 shows, and says so', async () => {
    const page = await openAt('circulation.html', SIZES[0]);
    const overlay = await expandOverlay(page);
    await overlay.locator('.dt-form .dt-primary').waitFor();
    await page.getByRole('button', { name: '传阅', exact: true }).first().click();
    await overlay.locator('.dt-dialog input[type=date]').waitFor();
    expect(await overlay.locator('.dt-dialog input[type=date]').inputValue()).toBe('2026-11-26');
    const passed = new Date().toISOString().slice(0, 10) > '2026-11-26';
    expect(await overlay.locator('.dt-return-source').textContent()).toBe(`按页面上的期限 2026-11-26${passed ? '（已过期）' : ''}`);
    await page.close();
  });
});

describe('the toolbar popup', () => {
  it('opens over a portal tab: its counts open the filtered register, its rows a document, its search the register', async () => {
    const registered = await send(api, {
      type: 'document.register',
      draft: { title: '关于做好年终文件清退工作的通知', docNumber: '办发〔2026〕31号', issuer: '市政府办公室', classification: 'none', sourceUrl: `${session.portal.url}doc-detail-2.html` },
    });
    expect(registered.ok).toBe(true);
    const tab = await openAt('doc-detail.html', SIZES[0]);
    const popup = await openActionPopup(session.browser, tab);
    await popup.waitFor('[data-testid=count-in-progress]');
    expect(await popup.evaluate<string>(`document.querySelector('[data-testid=popup-portal]').dataset.state`)).toBe('pre-enabled');
    const context = session.browser.context;

    let opened = context.waitForEvent('page');
    await popup.click('[data-testid=count-in-progress]');
    let dashboard = await opened;
    await dashboard.waitForURL(/options\.html#\/\?status=open$/);
    await dashboard.getByTestId('register-row').first().waitFor();
    await dashboard.close();

    const again = await openActionPopup(session.browser, tab);
    await again.waitFor('[data-testid=popup-row]');
    const firstNumber = await again.evaluate<string>(`document.querySelector('[data-testid=popup-row] .regno').textContent`);
    opened = context.waitForEvent('page');
    await again.click('[data-testid=popup-row]');
    dashboard = await opened;
    await dashboard.waitForURL(/options\.html#\/doc\//);
    await expect.poll(() => dashboard.locator('main').textContent()).toContain(firstNumber);
    await dashboard.close();

    const third = await openActionPopup(session.browser, tab);
    await third.waitFor('[data-testid=popup-search]');
    await third.evaluate(`document.querySelector('[data-testid=popup-search]').focus()`);
    opened = context.waitForEvent('page');
    await third.type('关于', true);
    dashboard = await opened;
    await dashboard.waitForURL(/options\.html#\/\?q=/);
    expect(decodeURIComponent(dashboard.url())).toContain('q=关于');
    await dashboard.close();

    const fourth = await openActionPopup(session.browser, tab);
    opened = context.waitForEvent('page');
    await fourth.click('[data-testid=open-register]');
    dashboard = await opened;
    await dashboard.waitForURL(/options\.html#\/$/);
    await dashboard.close();
    await tab.close();
  });
});

describe('one language setting', () => {
  it('shows English in the popup and the overlay once English is set in the dashboard, with the standard level names', async () => {
    const settings = await session.browser.context.newPage();
    await settings.goto(`chrome-extension://${session.browser.extensionId}/options.html#/settings`);
    await settings.locator('select[name=language]').selectOption('en');
    await settings.getByTestId('settings-form').locator('button[type=submit]').click();
    await settings.getByRole('status').filter({ hasText: /Saved|已保存/ }).waitFor();

    // 秘密★5年 (doc-secret is corrected to 非密 by the prompts test above).
    const page = await openAt('doc-detail.html', SIZES[0]);
    const overlay = await expandOverlay(page);
    await expect.poll(() => overlay.locator('.dt-secret-level').textContent()).toBe('Confidential document (classified for 5 years)');
    expect(await overlay.locator('.dt-form .dt-primary').textContent()).toBe('Register');
    expect(await overlay.locator('select option[value=confidential]').textContent()).toBe('Confidential');
    expect(await overlay.locator('select option[value=top-secret]').textContent()).toBe('Top Secret');
    // The 教我识别 picker follows the same setting (it is injected into the page when asked).
    await overlay.locator('.dt-teach').click();
    await expect.poll(() => pickerIn(page).locator('.bar .intro').textContent()).toBe('Choose a field, then click its value on the page.');
    await page.keyboard.press('Escape');

    const popup = await openActionPopup(session.browser, page);
    await popup.waitFor('[data-testid=count-in-progress]');
    const text = await popup.evaluate<string>('document.body.innerText');
    expect(text).toContain('Open the register');
    expect(text).toContain('In progress');
    await popup.evaluate('window.close()').catch(() => undefined);

    await send(api, { type: 'settings.update', patch: { language: 'auto' } });
    await settings.close();
    await page.close();
  });
});

describe('first run', () => {
  it('opened the welcome page on install: what is and is not intercepted, the portal, the clerk, the calendar', async () => {
    const welcome = session.browser.context.pages().find((p) => p.url().endsWith('/welcome.html'));
    expect(welcome, 'no welcome tab after install').toBeDefined();
    await send(api, { type: 'settings.update', patch: { language: 'zh-CN' } });
    await welcome!.reload();
    await welcome!.getByTestId('welcome-calendar').waitFor();
    const text = (await welcome!.locator('main').textContent())!;
    expect(text).toContain('文迹不会做的');
    expect(text).toContain('截屏和拍照');
    expect(await welcome!.getByTestId('portals-section').count()).toBe(1);
    expect(await welcome!.getByTestId('welcome-calendar').textContent()).toMatch(/日历覆盖至 \d{4} 年/);
    await welcome!.locator('input[name=clerkName]').fill('张敏');
    await welcome!.locator('input[name=department]').fill('办公室文书科');
    await welcome!.getByTestId('welcome-clerk').locator('button[type=submit]').click();
    await welcome!.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const saved = await send(api, { type: 'settings.get' });
    expect(saved.data.settings).toMatchObject({ clerkName: '张敏', department: '办公室文书科' });
  });
});
