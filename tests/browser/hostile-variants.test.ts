/**
 * The page is hostile, second red-team pass: new variants of the kinds of attack in hostile-page.test.ts and
 * sender-allow-list.test.ts, each played by the attacker against the built test extension in Chromium. Hostile pages
 * are in tests/fixtures/security-cases/ (invented data), served under /oa/ beside the sample portal.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGES_DIR } from '../../sample-portal/server';
import { extensionPage, send } from '../support/extension-api';
import { evaluateInContentScript } from '../support/content-script-world';
import { expandOverlay, overlayIn } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const CASES = join(import.meta.dirname, '../fixtures/security-cases');
const ROOT = mkdtempSync(join(tmpdir(), 'doctrail-hostile-variants-'));
cpSync(PAGES_DIR, ROOT, { recursive: true });
mkdirSync(join(ROOT, 'oa'), { recursive: true });
for (const name of ['docnumber-lookalike.html', 'print-events-by-page.html', 'overlay-size-oracle.html']) writeFileSync(join(ROOT, 'oa', name), readFileSync(join(CASES, name), 'utf8'));

const session = usePortalSession(ROOT);
const WORLD = /DocTrail|文迹/;
let api: Page;

beforeAll(async () => {
  api = await extensionPage(session.browser);
});

async function documentCount(): Promise<number> {
  return (await send(api, { type: 'register.query', query: {} })).data.total as number;
}

/** The 收文编号 the overlay shows, or null when it offers to register (form) or asks 是否为已登记的 …？. */
async function registeredNo(page: Page): Promise<string | null> {
  const overlay = await expandOverlay(page);
  await overlay.locator('.dt-regno, .dt-form, .dt-near').first().waitFor();
  return (await overlay.locator('.dt-regno').count()) ? (await overlay.locator('.dt-regno').textContent())!.trim() : null;
}

describe('look-alike 文号', () => {
  it('docnumber-lookalike: blank fillers and combining marks in a 文号 are the registered document, not a second one', async () => {
    const clean = await session.open('oa/docnumber-lookalike.html?v=0');
    const overlay = await expandOverlay(clean);
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-regno').waitFor();
    const number = (await overlay.locator('.dt-regno').textContent())!.trim();
    await clean.close();
    const before = await documentCount();
    // U+2800 braille blank, U+0332 low line, U+0301 acute, U+20DD enclosing circle: each looks like the clean 文号.
    for (const v of [1, 2, 3, 4]) {
      const variant = await session.open(`oa/docnumber-lookalike.html?v=${v}`);
      expect(await registeredNo(variant), `variant ${v}`).toBe(number);
      await variant.close();
    }
    expect(await documentCount()).toBe(before);
  });
});

describe('the overlay’s size', () => {
  it('overlay-size-oracle: the area the overlay covers is the same for a registered 文号 and an unknown one', async () => {
    const first = await session.open('oa/overlay-size-oracle.html?n=1');
    const overlay = await expandOverlay(first);
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-regno').waitFor();
    await first.close();
    type Box = { left: number; top: number; right: number; bottom: number } | null;
    const measured: Box[] = [];
    for (const n of [1, 2]) {
      const page = await session.open(`oa/overlay-size-oracle.html?n=${n}`);
      // The overlay shows its final state: the 收文编号 of the registered document, the form for the unknown one.
      expect(await registeredNo(page) !== null, `document ${n} registered`).toBe(n === 1);
      await page.mouse.move(0, 0);
      measured.push((await page.evaluate('measureOverlay()')) as Box);
      await page.close();
    }
    expect(measured[0]).not.toBeNull();
    expect(measured[0]).toEqual(measured[1]);
  });
});

describe('what a compromised content script may still do', () => {
  it('a storm of 200-row lookups is refused beyond a few at a time; the clerk’s own pages and the overlay still get answers', async () => {
    const page = await session.open('doc-detail.html');
    await expandOverlay(page);
    const storm = `(async () => {
      const rows = [];
      for (let i = 0; i < 200; i++) rows.push({ docNumber: '探测发〔2026〕' + i + '号', title: '探测标题' + i, issuer: '探测单位', sourceUrl: location.origin + '/x?id=' + i });
      const answers = await Promise.all(Array.from({ length: 300 }, () => chrome.runtime.sendMessage({ type: 'rows.lookup', rows })));
      return { ok: answers.filter((a) => a.ok).length, refused: answers.filter((a) => !a.ok && a.error.code === 'refused').length };
    })()`;
    const [answers, settings] = await Promise.all([
      evaluateInContentScript(page, WORLD, storm) as Promise<{ ok: number; refused: number }>,
      page.waitForTimeout(300).then(() => send(api, { type: 'settings.get' })),
    ]);
    expect(settings.ok).toBe(true);
    expect(answers.ok).toBeGreaterThanOrEqual(1);
    expect(answers.refused).toBeGreaterThan(250);
    // Once the storm is over, the same content script is answered again.
    const after = await evaluateInContentScript(page, WORLD, `chrome.runtime.sendMessage({ type: 'document.lookup', lookup: { docNumber: '探测发〔2026〕1号', sourceUrl: location.href } })`);
    expect(after).toMatchObject({ ok: true });
    await page.close();
  });

  it('a storm of 教我识别 proposals opens one confirmation tab, not one per message', async () => {
    const page = await session.open('doc-detail.html');
    await expandOverlay(page);
    const tabs = () => session.browser.context.pages().filter((p) => p.url().includes('#/confirm-profile/')).length;
    const before = tabs();
    const storm = `(async () => {
      const profile = (i) => ({ id: 'taught-127-0-0-1', name: '探测' + i, version: 1, urlPatterns: ['http://127.0.0.1/*'], kinds: [], fields: { title: [{ strategy: 'label', label: '文件标题' }] } });
      const answers = [];
      for (let i = 0; i < 12; i++) answers.push(await chrome.runtime.sendMessage({ type: 'profiles.propose', profiles: [profile(i)] }));
      return answers.filter((a) => a && a.ok).length;
    })()`;
    expect(await evaluateInContentScript(page, WORLD, storm)).toBe(12);
    await page.waitForTimeout(1500);
    expect(tabs() - before).toBe(1);
    // The one tab shows the last proposal; nothing was saved.
    const confirm = session.browser.context.pages().find((p) => p.url().includes('#/confirm-profile/'))!;
    await expect.poll(() => confirm.locator('body').textContent(), { timeout: 10_000 }).toContain('探测11');
    const profiles = await send(api, { type: 'profiles.list' });
    expect(JSON.stringify(profiles.data)).not.toContain('探测');
    await confirm.close();
    await page.close();
  });
});

describe('print events the page dispatches itself', () => {
  it('print-events-by-page: a synthetic beforeprint after the clerk’s click asks and learns nothing; a synthetic afterprint leaves a held print blank', async () => {
    const page = await session.open('oa/print-events-by-page.html');
    const overlay = overlayIn(page);
    await overlay.locator('.dt-panel, .dt-pill').first().waitFor();
    await page.waitForTimeout(1000);
    // 下一条: the page fakes `beforeprint` 50 ms after the clerk's click. No question, and 下一条 is not taken for a print control.
    for (let i = 0; i < 2; i++) {
      await page.click('#next');
      await page.waitForTimeout(1000);
      expect(await overlay.locator('.dt-dialog').count(), `click ${i + 1}`).toBe(0);
    }
    // 输出 really prints: the sheet is blanked while DocTrail asks, and the page's own `afterprint` does not undo that.
    await page.click('#sneaky');
    await overlay.locator('.dt-dialog textarea').waitFor();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { blankWhilePrinting: boolean[] }).blankWhilePrinting)).toEqual([true]);
    await page.close();
  });
});
