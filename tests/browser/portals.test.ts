import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../sample-portal/server';
import { PRODUCTION_BUILD } from '../support/build-production';
import { launchWithExtension, newProfileDir, overlayIn, type ExtensionBrowser } from '../support/extension-browser';
import { approveSiteAccess, grantedAndRegistered } from '../support/site-access';

/**
 * The production build: no host access at install, the overlay only where the clerk enabled a portal.
 * What is simulated: the click on "Allow" in Chromium's permission prompt (see approveSiteAccess). The rest is
 * real: the dashboard's button, DocTrail's permissions.request, the background's run-time registration, the overlay.
 */
describe('portals: least privilege in the production build', () => {
  let portal: Portal;
  let browser: ExtensionBrowser;
  let profileDir: string;
  const origin = 'http://127.0.0.1/*';

  beforeAll(async () => {
    portal = await startPortal(0);
    profileDir = await newProfileDir();
    browser = await launchWithExtension({ extensionDir: PRODUCTION_BUILD, profileDir });
  });
  afterAll(async () => {
    await browser?.close(true);
    await portal?.close();
  });

  const shown = (scope: Page) => overlayIn(scope).locator('.dt-panel, .dt-pill').first().waitFor();
  const extensionPage = async (path = 'popup.html') => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return page;
  };

  /** A portal page, recording (in the page's own world) every element anyone adds, and the isolated worlds that start in it. */
  async function watchedPage(path: string): Promise<{ page: Page; added: () => Promise<string[]>; isolatedWorlds: () => string[] }> {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      // Whatever is added once the page has loaded (a content script runs at document_idle, after that).
      const added: string[] = [];
      (window as unknown as { __added: string[] }).__added = added;
      document.addEventListener('DOMContentLoaded', () =>
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) added.push((n as Element).localName);
        }).observe(document, { childList: true, subtree: true, attributes: false }),
      );
    });
    const cdp = await browser.context.newCDPSession(page);
    const worlds: string[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: { name: string; origin: string; auxData?: { type?: string } } }) => {
      // Playwright's own utility world aside, an isolated world in a page is an extension's content script.
      if (event.context.auxData?.type === 'isolated' && !event.context.name.startsWith('__playwright')) worlds.push(event.context.name);
    });
    await cdp.send('Runtime.enable');
    await page.goto(portal.url + path);
    return { page, added: () => page.evaluate(() => (window as unknown as { __added: string[] }).__added), isolatedWorlds: () => worlds };
  }

  it('asks for no host at install and declares no content script', () => {
    const manifest = JSON.parse(readFileSync(join(PRODUCTION_BUILD, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting', 'activeTab']);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  });

  it('a site not enabled gets no script and no change to its page', async () => {
    const { page, added, isolatedWorlds } = await watchedPage('doc-detail.html');
    await page.waitForTimeout(2500);
    expect(await overlayIn(page).count()).toBe(0);
    expect(await added()).toEqual([]);
    expect(isolatedWorlds()).toEqual([]);
    const ext = await extensionPage();
    expect(await grantedAndRegistered(ext)).toEqual({ origins: [], registered: [] });
    await ext.close();
    await page.close();
  });

  it('enabling the portal in settings asks for its origin, and the overlay appears — in open tabs, new pages and after a restart', async () => {
    const open = await browser.context.newPage();
    await open.goto(portal.url + 'doc-detail.html');
    await approveSiteAccess(browser, origin);

    const settings = await extensionPage('options.html#/settings');
    const section = settings.locator('[data-testid=portals-section]');
    await expect.poll(() => section.locator('[data-testid=portals-none]').count()).toBe(1);
    // The clerk pastes the portal's address; DocTrail asks for that origin only.
    await section.locator('input[name=portalAddress]').fill(`${portal.url}doc-detail.html?id=7`);
    await expect.poll(() => section.textContent()).toContain(`浏览器将询问是否允许访问 ${origin}`);
    await section.getByRole('button', { name: '启用' }).click();
    await section.getByText('已启用 http://127.0.0.1').waitFor();
    await section.locator(`li[data-origin="${origin}"]`).waitFor();

    const state = await grantedAndRegistered(settings);
    expect(state.origins).toEqual([origin]);
    expect(state.registered).toEqual([expect.objectContaining({ id: 'doctrail-portals', matches: [origin], allFrames: true, js: ['content-scripts/overlay.js'] })]);

    // The tab that was already open gets it without a reload; new pages, frames included, get it as they load.
    await shown(open);
    expect(await overlayIn(open).getAttribute('data-kind')).toBe('detail');
    // The same watch that saw nothing on a site not enabled sees DocTrail's world here.
    const watched = await watchedPage('doc-detail-3.html');
    await shown(watched.page);
    expect(watched.isolatedWorlds().length).toBeGreaterThan(0);
    const fresh = await browser.context.newPage();
    await fresh.goto(portal.url + 'shell.html');
    const inFrame = async () => {
      for (const frame of fresh.frames()) if (frame !== fresh.mainFrame() && (await overlayIn(frame).count())) return true;
      return false;
    };
    await expect.poll(inFrame, { timeout: 10_000 }).toBe(true);

    // A browser restart keeps the portal enabled (the registration persists and is re-synced at start-up).
    await browser.close();
    browser = await launchWithExtension({ extensionDir: PRODUCTION_BUILD, profileDir });
    const after = await browser.context.newPage();
    await after.goto(portal.url + 'receive-register.html');
    await shown(after);
    expect(await overlayIn(after).getAttribute('data-kind')).toBe('registration');
  });

  it('disabling the portal takes the overlay down and nothing runs there again', async () => {
    const open = await browser.context.newPage();
    await open.goto(portal.url + 'doc-detail.html');
    await shown(open);

    const settings = await extensionPage('options.html#/settings');
    const row = settings.locator(`[data-testid=portals-section] li[data-origin="${origin}"]`);
    await row.getByRole('button', { name: '停用' }).click();
    await settings.locator('[data-testid=portals-none]').waitFor();
    expect(await grantedAndRegistered(settings)).toEqual({ origins: [], registered: [] });

    await expect.poll(() => overlayIn(open).count(), { timeout: 10_000 }).toBe(0);
    const { page, isolatedWorlds } = await watchedPage('doc-detail-2.html');
    await page.waitForTimeout(2000);
    expect(await overlayIn(page).count()).toBe(0);
    expect(isolatedWorlds()).toEqual([]);
  });
});
