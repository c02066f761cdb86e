import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/**
 * Stands in for the clerk's "Allow" in the browser's permission prompt, which automation cannot click: grants the
 * origin through chrome://extensions' own API (`developerPrivate.addHostPermission`, what its "Site access → On
 * specific sites → Add" does). Chromium then lets DocTrail's real `permissions.request(...)` resolve `true` without
 * showing the prompt; DocTrail itself still has to ask, and gets the origin only once it has asked.
 */
export async function approveSiteAccess(browser: ExtensionBrowser, origin: string): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(
      ([id, host]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id!, host!),
      [browser.extensionId, origin],
    );
  } finally {
    await page.close();
  }
}

/** What the extension has been granted and what it registered, read from one of its pages. */
export async function grantedAndRegistered(page: Page): Promise<{ origins: string[]; registered: { id: string; matches?: string[]; allFrames?: boolean }[] }> {
  return page.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    return { origins: (await c.permissions.getAll()).origins ?? [], registered: await c.scripting.getRegisteredContentScripts() };
  });
}
