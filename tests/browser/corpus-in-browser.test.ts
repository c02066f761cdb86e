import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CORPUS_DIR, corpusPages } from '../support/corpus';
import { startPortal, type Portal } from '../../sample-portal/server';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';

const pages = corpusPages();
// Train pages were tuned on and hold the bar; validation pages are measured, never tuned on (CORPUS-LOG.md).
const isTrain = (p: (typeof pages)[number]) => (p.expected.split ?? 'train') === 'train';

// ~90 pages, each up to 6 s where nothing shows: 68 s on an idle machine, more on a loaded CI runner.
const PAGES_TIMEOUT = 300_000;

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
  async function shownKind(file: string): Promise<string | null> {
    await page.goto(portal.url + file);
    const host = page.locator('doctrail-overlay');
    await host.waitFor({ state: 'attached', timeout: 5000 }).catch(() => undefined);
    return host.getAttribute('data-kind', { timeout: 1000 }).catch(() => null);
  }

  it('shows an overlay of the page’s kind on the train document pages (UTF-8 and GBK), and reports validation', async () => {
    const wrong = { train: [] as string[], validation: [] as string[] };
    const documents = pages.filter((p) => p.expected.kind !== 'none');
    for (const p of documents) {
      const kind = await shownKind(p.file);
      if (kind !== p.expected.kind) wrong[isTrain(p) ? 'train' : 'validation'].push(`${p.file}: expected ${p.expected.kind}, got ${kind}`);
    }
    const trainCount = documents.filter(isTrain).length;
    const validationCount = documents.length - trainCount;
    console.log(`in Chromium: train ${trainCount - wrong.train.length}/${trainCount}, validation ${validationCount - wrong.validation.length}/${validationCount} document pages of the right kind`);
    // validation is reported as a count only: naming its missed pages would invite tuning on them
    // the same bar as the corpus unit test: at least 95 % of train document pages
    expect(wrong.train.length, wrong.train.join('\n')).toBeLessThanOrEqual(Math.floor(trainCount * 0.05));
  }, PAGES_TIMEOUT);

  it('leaves every train negative page without an overlay, and reports validation', async () => {
    const touched = { train: [] as string[], validation: [] as string[] };
    for (const p of pages.filter((q) => q.expected.kind === 'none')) {
      await page.goto(portal.url + p.file);
      await page.waitForTimeout(700); // analysis runs at document_idle, before this settles
      if (await page.locator('doctrail-overlay').count()) touched[isTrain(p) ? 'train' : 'validation'].push(p.file);
    }
    const validationNegatives = pages.filter((q) => q.expected.kind === 'none' && !isTrain(q)).length;
    console.log(`in Chromium: validation negatives with an overlay ${touched.validation.length} of ${validationNegatives} (pages not named)`);
    expect(touched.train).toEqual([]);
  }, PAGES_TIMEOUT);
});
