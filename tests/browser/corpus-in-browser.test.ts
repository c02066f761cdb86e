import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CORPUS_DIR, corpusPages } from '../support/corpus';
import { startPortal, type Portal } from '../../sample-portal/server';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';

const pages = corpusPages();

let portal: Portal;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  portal = await startPortal(0, CORPUS_DIR);
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  // Saved pages link to portal resources that are not here; the test needs only their own HTML.
  await page.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.continue() : route.abort()));
});

afterAll(async () => {
  await browser?.close(true);
  await portal?.close();
});

describe('the built extension on every corpus page, in Chromium', () => {
  it('shows an overlay of the page’s kind on every document page (UTF-8 and GBK)', async () => {
    const wrong: string[] = [];
    for (const { file, expected } of pages.filter((p) => p.expected.kind !== 'none')) {
      await page.goto(portal.url + file);
      const host = page.locator('doctrail-overlay');
      await host.waitFor({ state: 'attached', timeout: 5000 }).catch(() => undefined);
      const kind = await host.getAttribute('data-kind', { timeout: 1000 }).catch(() => null);
      if (kind !== expected.kind) wrong.push(`${file}: expected ${expected.kind}, got ${kind}`);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves every negative page without an overlay', async () => {
    const touched: string[] = [];
    for (const { file } of pages.filter((p) => p.expected.kind === 'none')) {
      await page.goto(portal.url + file);
      await page.waitForTimeout(700); // analysis runs at document_idle, before this settles
      if (await page.locator('doctrail-overlay').count()) touched.push(file);
    }
    expect(touched).toEqual([]);
  });
});
