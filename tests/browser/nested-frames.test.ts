import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { overlayIn } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();

describe('frames without an address of their own', () => {
  it('reads the document in an about:srcdoc frame inside a document.write frame inside an about:srcdoc frame', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.portal.url + 'shell-nested-frames.html', { waitUntil: 'domcontentloaded', timeout: 60_000 });
    let deep: Frame | null = null;
    await expect.poll(() => (deep = page.frame({ name: 'deep' })) && deep.url(), { timeout: 30_000 }).toBe('about:srcdoc');
    // the chain really is srcdoc → about:blank (document.write) → srcdoc
    expect(page.frame({ name: 'inner' })!.url()).toBe('about:blank');
    expect(page.frame({ name: 'tab' })!.url()).toBe('about:srcdoc');
    const overlay = overlayIn(deep!);
    await expect.poll(() => overlay.getAttribute('data-kind'), { timeout: 30_000 }).toBe('detail');
    // only the frame with the document gets an overlay
    expect(await overlayIn(page).count()).toBe(0);
    expect(await overlayIn(page.frame({ name: 'inner' })!).count()).toBe(0);
    await page.close();
  }, 60_000);
});
