/**
 * `npm run demo`: the sample portal plus Chromium with DocTrail loaded.
 * With a display it stays open for you to try; without one (headless, CI) it walks the
 * clerk's flow, prints each step and saves screenshots to demo-output/.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startPortal } from '../sample-portal/server';
import { expandOverlay, launchWithExtension, requireChromium, overlayIn, proposedTitle, type ExtensionBrowser } from '../tests/support/extension-browser';
import { openActionPopup } from '../tests/support/action-popup';

requireChromium();
const OUT = resolve('demo-output');
const interactive = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

let step = 0;
function say(text: string): void {
  console.log(`[demo ${String(++step).padStart(2, '0')}] ${text}`);
}

async function shot(page: Page, name: string): Promise<void> {
  const file = resolve(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  say(`  screenshot → ${file}`);
}

/**
 * Headless Chromium draws no toolbar, so the popup (captured from its own target) is laid over the portal tab's
 * screenshot where the browser shows it: under the toolbar at the window's right edge.
 */
async function shotPopupOver(browser: ExtensionBrowser, page: Page, popupPng: Buffer, size: { width: number; height: number }, name: string): Promise<void> {
  const pagePng = await page.screenshot();
  const canvas = await browser.context.newPage();
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await canvas.setViewportSize(viewport);
  await canvas.setContent(`<body style="margin:0;position:relative">
    <img src="data:image/png;base64,${pagePng.toString('base64')}" style="display:block">
    <img src="data:image/png;base64,${popupPng.toString('base64')}" style="position:absolute;top:4px;right:12px;width:${size.width}px;box-shadow:0 4px 18px rgba(0,0,0,.35);border:1px solid #bbb;border-radius:8px">
  </body>`);
  await shot(canvas, name);
  await canvas.close();
}

async function walkThrough(portalUrl: string): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const browser = await launchWithExtension();
  say(`Chromium started with DocTrail (extension id ${browser.extensionId})`);
  try {
    const page = await browser.context.newPage();
    await page.goto(portalUrl);
    say('Portal home (not a document page): DocTrail stays out of the way');
    await page.waitForTimeout(1000);
    say(`  overlays on the home page: ${await page.locator('doctrail-overlay').count()}`);
    await shot(page, '01-portal-home');

    await page.goto(portalUrl + 'doc-detail.html');
    let overlay = await expandOverlay(page);
    await overlay.locator('.dt-form .dt-primary').waitFor();
    say(`Opened 收文处理笺: overlay kind "${await overlay.getAttribute('data-kind')}", proposes "${await proposedTitle(overlay)}"`);
    say(`  confidentiality banner: ${await overlay.locator('.dt-secret-level').textContent()}`);
    await shot(page, '02-detail-not-registered');

    // A 机密 page on a small screen: the banner is one line and 登记 stays in view without scrolling.
    const small = await browser.context.newPage();
    await small.setViewportSize({ width: 1024, height: 768 });
    await small.goto(portalUrl + 'doc-secret.html');
    const smallOverlay = await expandOverlay(small);
    const register = await smallOverlay.locator('.dt-form .dt-primary').boundingBox();
    say(`机密 page at 1024×768: 登记 at y=${Math.round(register?.y ?? -1)} of 768, ${await smallOverlay.locator('.dt-secret-level').textContent()}`);
    await shot(small, '02b-secret-1024x768');
    await small.close();

    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-regno').waitFor();
    say(`Clicked 登记: registered as ${await overlay.locator('.dt-regno').textContent()}, deadline chip "${await overlay.locator('.dt-chip').textContent()}"`);
    await shot(page, '03-detail-registered');

    await page.locator('h2').first().click();
    await page.keyboard.press('Control+P');
    await overlay.locator('[role=dialog]').waitFor();
    await overlay.locator('.dt-dialog textarea').fill('呈送王局长批阅');
    say('Pressed Ctrl+P on a 秘密 page: DocTrail asks for a reason first');
    await shot(page, '04-print-needs-reason');
    await overlay.locator('.dt-dialog .dt-primary').click();
    await overlay.locator('.dt-notice').waitFor();
    say(`  proceeded: ${await overlay.locator('.dt-notice').textContent()}`);

    await page.goto(portalUrl + 'doc-no-classification.html');
    overlay = await expandOverlay(page);
    await overlay.locator('.dt-missing-list').waitFor();
    say(`A page without 密级: ${await overlay.locator('.dt-missing-list').textContent()}`);
    await shot(page, '05-confirm-classification');

    await page.goto(portalUrl + 'circulation.html');
    overlay = await expandOverlay(page);
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-regno').waitFor();
    await page.getByRole('button', { name: '传阅', exact: true }).first().click();
    await overlay.locator('[role=dialog]').waitFor();
    say(`Used the portal's own 传阅 button: DocTrail records to whom — ${await overlay.locator('.dt-dialog input').first().inputValue()}`);
    await shot(page, '06-circulation-prompt');
    await overlay.locator('.dt-dialog .dt-primary').click();
    await overlay.locator('.dt-out', { hasText: '陈主任' }).locator('button').click();
    await overlay.locator('.dt-confirm .dt-primary').click(); // 收回 asks first
    await overlay.locator('.dt-back').waitFor();
    say(`  after 陈主任 returned it: ${await overlay.locator('.dt-circ-head > span').textContent()}`);
    await shot(page, '07-circulation-returns');

    await page.goto(portalUrl + 'shell.html');
    const frameOverlay = await expandOverlay(page.frame({ name: 'mainFrame' })!);
    say(`OA shell with the document in an iframe: overlay inside the frame, kind "${await frameOverlay.getAttribute('data-kind')}"`);
    await shot(page, '08-iframe-shell');

    await page.goto(portalUrl + 'todo.html');
    const pill = overlayIn(page).locator('.dt-pill');
    await pill.waitFor();
    say(`待办 list: every corner holds portal links, so DocTrail waits collapsed as "${await pill.textContent()}"`);
    await shot(page, '09-todo-list-collapsed');

    // The toolbar popup, opened the way the clerk opens it: over the portal tab (its "current tab" is the portal).
    const popup = await openActionPopup(browser, page);
    await popup.waitFor('[data-testid=count-in-progress]');
    const popupText = await popup.evaluate<{ inProgress: string; overdue: string; latest: string[] }>(
      `({ inProgress: document.querySelector('[data-testid=count-in-progress] .value')?.textContent ?? '', overdue: document.querySelector('[data-testid=count-overdue] .value')?.textContent ?? '', latest: [...document.querySelectorAll('.latest .regno')].map((e) => e.textContent) })`,
    );
    say(`Popup over the portal tab: 在办 ${popupText.inProgress}, 逾期 ${popupText.overdue}, latest: ${popupText.latest.join(', ')}`);
    await shotPopupOver(browser, page, await popup.screenshot(), await popup.size(), '10-popup-over-portal');
    await popup.evaluate('window.close()').catch(() => undefined);

    await page.goto(portalUrl + 'doc-detail-2.html');
    overlay = await expandOverlay(page);
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-regno').waitFor();
    say(`Registered an overdue document: ${await overlay.locator('.dt-regno').textContent()}, chip "${await overlay.locator('.dt-chip').textContent()}"`);

    const dashboard = await browser.context.newPage();
    await dashboard.setViewportSize({ width: 1360, height: 860 });
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#/`);
    await dashboard.getByTestId('register-row').first().waitFor();
    await dashboard.locator('[data-testid=chain-status][data-state=intact]').waitFor();
    say(`Dashboard 收文登记簿: ${await dashboard.getByTestId('register-row').count()} documents; ${await dashboard.getByTestId('chain-status').textContent()}`);
    await shot(dashboard, '11-dashboard-register');
    await dashboard.locator('input[name=overdue]').check();
    await dashboard.getByTestId('register-row').first().click();
    await dashboard.getByTestId('timeline').waitFor();
    say(`  opened the overdue document: ${await dashboard.locator('h1, h2').first().textContent()}`);
    await shot(dashboard, '12-dashboard-document');

    // Past the bundled holiday data (it ends with 2026) working days are counted on the statutory holidays alone.
    await page.goto(portalUrl + 'doc-detail-2027.html');
    overlay = await expandOverlay(page);
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-chip[data-forecast=true]').waitFor();
    say(`A deadline in 2027 (收文后7个工作日 from 2026-12-24): chip "${await overlay.locator('.dt-chip').textContent()}" — ${await overlay.locator('.dt-chip').getAttribute('title')}`);
    await shot(page, '12b-forecast-chip');
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#/`);
    await dashboard.getByTestId('forecast-mark').first().waitFor();
    say(`  dashboard row: ${await dashboard.getByTestId('register-row').filter({ has: dashboard.getByTestId('forecast-mark') }).first().textContent()}`);
    await shot(dashboard, '12c-dashboard-forecast');
    const reminderPopup = await browser.context.newPage();
    // The reminder to import next year's arrangement speaks from 1 November: out of season, the demo shows 30 November.
    const today = new Date();
    if (today.getMonth() < 10) await reminderPopup.clock.setFixedTime(new Date(today.getFullYear(), 10, 30, 9, 0));
    await reminderPopup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await reminderPopup.setViewportSize({ width: 360, height: 480 });
    await reminderPopup.getByTestId('count-in-progress').waitFor();
    const calendarReminder = reminderPopup.getByTestId('popup-calendar-reminder');
    if (await calendarReminder.count()) say(`Popup reminder: ${await calendarReminder.locator('p').textContent()}`);
    else say('Popup: no calendar reminder (next year\'s arrangement is imported already)');
    await shot(reminderPopup, '12d-popup-calendar-reminder');
    await reminderPopup.close();

    // The daily reminder round: at the reminder time on a working day, overdue documents come up.
    await dashboard.evaluate(`chrome.runtime.sendMessage({ type: 'settings.update', patch: { reminderTime: '00:00' } })`);
    await dashboard.waitForTimeout(1500);
    const shown = (await dashboard.evaluate('chrome.notifications.getAll().then((all) => Object.keys(all).length)')) as number;
    const badge = (await dashboard.evaluate('chrome.action.getBadgeText({})')) as string;
    say(`Reminders: ${shown} notification(s) shown (none on weekends and holidays), toolbar badge "${badge}" overdue`);

    // One language setting: English in the dashboard turns the overlay and the popup English, standard level names.
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#/settings`);
    await dashboard.locator('select[name=language]').selectOption('en');
    await dashboard.getByTestId('settings-form').locator('button[type=submit]').click();
    await dashboard.getByRole('status').filter({ hasText: /Saved|已保存/ }).waitFor();
    await page.goto(portalUrl + 'doc-secret.html');
    overlay = await expandOverlay(page);
    say(`English set in the dashboard: overlay says "${await overlay.locator('.dt-secret-level').textContent()}", button "${await overlay.locator('.dt-form .dt-primary').textContent()}"`);
    await shot(page, '13-english-overlay');
    const englishPopup = await openActionPopup(browser, page);
    await englishPopup.waitFor('[data-testid=count-in-progress]');
    await shotPopupOver(browser, page, await englishPopup.screenshot(), await englishPopup.size(), '14-english-popup-over-portal');
    await englishPopup.evaluate('window.close()').catch(() => undefined);
    await dashboard.evaluate(`chrome.runtime.sendMessage({ type: 'settings.update', patch: { language: 'auto' } })`);
  } finally {
    await browser.close(true);
  }
}

const portal = await startPortal();
say(`Sample portal running at ${portal.url}`);
if (interactive) {
  const browser = await launchWithExtension({ headless: false });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(portal.url);
  say('Chromium is open with DocTrail loaded: open a document, press 登记, click the toolbar icon. Ctrl+C ends the demo.');
  browser.context.on('close', () => void portal.close().then(() => process.exit(0)));
  process.on('SIGINT', () => void browser.close(true).then(() => portal.close()).then(() => process.exit(0)));
} else {
  try {
    await walkThrough(portal.url);
    say(`Done. Screenshots are in ${OUT}`);
  } finally {
    await portal.close();
  }
}
