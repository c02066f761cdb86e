import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateInContentScript } from '../support/content-script-world';
import { expandOverlay, openPopup, overlayIn } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const REG_NO = /^收〔\d{4}〕(\d{4})号$/;
const session = usePortalSession();
const open = session.open;

async function registerOn(page: Page): Promise<string> {
  const overlay = await expandOverlay(page);
  await overlay.locator('.dt-form .dt-primary').click();
  await overlay.locator('.dt-regno').waitFor();
  return (await overlay.locator('.dt-regno').textContent()) ?? '';
}

async function popupLatest(): Promise<{ titles: string[]; numbers: string[]; inProgress: string }> {
  const popup = await openPopup(session.browser);
  await popup.locator('[data-testid=count-in-progress]').waitFor();
  const result = {
    titles: await popup.locator('.latest .title').allTextContents(),
    numbers: await popup.locator('.latest .regno').allTextContents(),
    inProgress: (await popup.locator('[data-testid=count-in-progress] .value').textContent()) ?? '',
  };
  await popup.close();
  return result;
}

describe('registering documents from the portal', () => {
  it('registers the detail page’s document and the popup lists it', async () => {
    const page = await open('doc-detail.html');
    const number = await registerOn(page);
    expect(number).toMatch(REG_NO);
    expect(number.match(REG_NO)![1]).toBe('0001');
    const popup = await popupLatest();
    expect(popup.titles).toEqual(['关于进一步加强公文处理工作的通知']);
    expect(popup.numbers).toEqual([number]);
    expect(popup.inProgress).toBe('1');
    await page.close();
  });

  it('shows the number instead of the button when the document is opened again', async () => {
    const page = await open('doc-detail.html');
    await expect.poll(() => overlayIn(page).locator('.dt-regno').textContent()).toMatch(/0001号$/);
    expect(await overlayIn(page).locator('.dt-form').count()).toBe(0);
    await page.close();
  });

  it('gives two tabs registering at the same moment distinct consecutive numbers', async () => {
    const [a, b] = await Promise.all([open('doc-detail-2.html'), open('doc-detail-3.html')]);
    await Promise.all([a, b].map(async (p) => (await expandOverlay(p)).locator('.dt-form .dt-primary').waitFor()));
    const numbers = await Promise.all([registerOn(a), registerOn(b)]);
    const sequences = numbers.map((n) => n.match(REG_NO)![1]).sort();
    expect(sequences).toEqual(['0002', '0003']);
    await Promise.all([a.close(), b.close()]);
  });

  it('rejects a malformed message from a content script and writes nothing', async () => {
    const page = await open('doc-detail.html');
    await overlayIn(page).locator('.dt-regno').waitFor();
    const answers = await evaluateInContentScript(
      page,
      /DocTrail|文迹/,
      `Promise.all([
        chrome.runtime.sendMessage({ type: 'document.register', draft: { title: 42, sourceUrl: 'not a url' } }),
        chrome.runtime.sendMessage({ type: 'document.register', draft: { title: '伪造', sourceUrl: location.href, registrationNo: '收〔2026〕9999号' } }),
        chrome.runtime.sendMessage({ type: 'database.clear' }),
      ])`,
    );
    expect(answers).toEqual([
      { ok: false, error: { code: 'invalid-message', message: expect.stringContaining('draft.title') } },
      { ok: false, error: { code: 'invalid-message', message: expect.stringContaining('registrationNo') } },
      // Not a message a content script may send (utils/messaging/sender-policy.ts): refused before it is read.
      { ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } },
    ]);
    const popup = await popupLatest();
    expect(popup.inProgress).toBe('3');
    expect(popup.titles).not.toContain('伪造');
    await page.close();
  });

  it('keeps the register after the browser is closed and started again with the same profile', async () => {
    await session.relaunch();
    const popup = await popupLatest();
    expect(popup.numbers).toHaveLength(3);
    expect(popup.inProgress).toBe('3');
    const page = await open('doc-detail.html');
    await expect.poll(() => overlayIn(page).locator('.dt-regno').textContent()).toMatch(/0001号$/);
    await page.close();
  });
});
