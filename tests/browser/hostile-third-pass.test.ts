/**
 * The page is hostile, third red-team pass: three weaknesses left open by the second pass, each played by the
 * attacker against the built test extension in Chromium (hostile pages in tests/fixtures/security-cases/, invented
 * data, served under /oa/ beside the sample portal).
 *
 * - The 教我识别 proposal swapped under the clerk's click on DocTrail's own 核对识别规则 page.
 * - A content script marking a built-in site profile healthy or broken for every site.
 * - A page stylesheet's `!important` rules hiding or moving the 教我识别 picker.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGES_DIR } from '../../sample-portal/server';
import { extensionPage, send } from '../support/extension-api';
import { evaluateInContentScript } from '../support/content-script-world';
import { expandOverlay, overlayIn, pickerIn } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const CASES = join(import.meta.dirname, '../fixtures/security-cases');
const ROOT = mkdtempSync(join(tmpdir(), 'doctrail-hostile-third-'));
cpSync(PAGES_DIR, ROOT, { recursive: true });
mkdirSync(join(ROOT, 'oa'), { recursive: true });
writeFileSync(join(ROOT, 'oa/picker-important.html'), readFileSync(join(CASES, 'picker-important.html'), 'utf8'));
// A page under a built-in profile's addresses (`*://*/seeyon/*`): the one place that profile may be reported from.
mkdirSync(join(ROOT, 'seeyon'), { recursive: true });
writeFileSync(join(ROOT, 'seeyon/doc.html'), readFileSync(join(PAGES_DIR, 'doc-detail.html'), 'utf8').replace(/href="portal\.css"/, 'href="../portal.css"'));

// The registration form's twin of the proposal swap: the page rewrites its 密级 and 标题 at the moment it chooses.
writeFileSync(
  join(ROOT, 'oa/form-swap.html'),
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>收文处理笺</title></head><body>
<h2>收文处理笺</h2><table border="1"><tbody>
<tr><td>来文字号</td><td id="no">演示换发〔2026〕4号</td><td>来文单位</td><td>演示省办公厅</td></tr>
<tr><td>文件标题</td><td colspan="3" id="t">关于机密专项工作的通知</td></tr>
<tr><td>密级</td><td id="level">机密</td><td>收文日期</td><td>2026-11-18</td></tr>
</tbody></table><script>
window.swap = () => { document.getElementById('level').textContent = '秘密'; document.getElementById('t').textContent = '关于一般事项的通知'; };
</script></body></html>`,
);

const session = usePortalSession(ROOT);
const WORLD = /DocTrail|文迹/;
let api: Page;

beforeAll(async () => {
  api = await extensionPage(session.browser);
});

const confirmTabs = () => session.browser.context.pages().filter((p) => p.url().includes('#/confirm-profile/'));

describe('the 核对识别规则 page', () => {
  it('proposal swap: the page replaces what the clerk is reading; the click that lands as it changes saves nothing', async () => {
    const page = await session.open('doc-detail.html');
    await expandOverlay(page);
    // The page drives the picker (or its content script) to propose: first a profile that reads the title where it is…
    const propose = (selector: string) =>
      evaluateInContentScript(
        page,
        WORLD,
        `chrome.runtime.sendMessage({ type: 'profiles.propose', profiles: [{ id: 'taught-127-0-0-1', name: '在 127.0.0.1 教的规则', version: 1, urlPatterns: ['http://127.0.0.1/*'], kinds: [], fields: { title: [{ strategy: 'structural', selector: ${JSON.stringify(selector)} }] } }] })`,
      );
    expect(await propose('td.doc-title')).toMatchObject({ ok: true, data: { opened: true } });
    await expect.poll(() => confirmTabs().length, { timeout: 10_000 }).toBe(1);
    const confirm = confirmTabs()[0]!;
    const selector = confirm.locator('tr[data-field=title] code');
    await expect.poll(() => selector.textContent(), { timeout: 10_000 }).toBe('td.doc-title');
    // The clerk reads it (the 保存 button is where it always is)…
    await confirm.waitForTimeout(2500);
    const button = (await confirm.getByTestId('confirm-save').boundingBox())!;
    // …and as their hand moves to 保存, the page proposes again: same name, same layout, the site's header as 标题.
    expect(await propose('.sys-title')).toMatchObject({ ok: true });
    await expect.poll(() => selector.textContent(), { timeout: 10_000, interval: 20 }).toBe('.sys-title');
    await confirm.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await confirm.waitForTimeout(800);
    const saved = async () => JSON.stringify((await send(api, { type: 'profiles.list' })).data.profiles);
    expect(await saved()).not.toContain('sys-title');
    expect(await confirm.getByTestId('confirm-done').count()).toBe(0);
    // The clerk is told the content changed while they were reading; once they had time to read the new one, 保存 saves it.
    expect(await confirm.getByTestId('confirm-replaced').textContent()).toMatch(/更换|replaced/);
    await confirm.getByTestId('confirm-save').click({ timeout: 10_000 });
    await confirm.getByTestId('confirm-done').waitFor();
    expect(await saved()).toContain('.sys-title');
    await send(api, { type: 'profiles.remove', id: 'taught-127-0-0-1' });
    await confirm.close();
    await page.close();
  });

  it('a 保存 for a proposal that is no longer the one open, or with other content than was shown, is refused', async () => {
    const page = await session.open('doc-detail.html');
    await expandOverlay(page);
    const profile = (selector: string) => ({ id: 'taught-127-0-0-1', name: '规则', version: 1, urlPatterns: ['http://127.0.0.1/*'], kinds: [], fields: { title: [{ strategy: 'structural', selector }] } });
    await evaluateInContentScript(page, WORLD, `chrome.runtime.sendMessage({ type: 'profiles.propose', profiles: [${JSON.stringify(profile('td.first'))}] })`);
    await expect.poll(() => confirmTabs().length, { timeout: 10_000 }).toBe(1);
    const firstId = /confirm-profile\/([\w-]+)/.exec(confirmTabs()[0]!.url())![1]!;
    const first = await send(api, { type: 'profiles.proposal', id: firstId });
    await evaluateInContentScript(page, WORLD, `chrome.runtime.sendMessage({ type: 'profiles.propose', profiles: [${JSON.stringify(profile('td.second'))}] })`);
    await expect.poll(() => confirmTabs()[0]!.url(), { timeout: 10_000 }).not.toContain(firstId);
    const secondId = /confirm-profile\/([\w-]+)/.exec(confirmTabs()[0]!.url())![1]!;
    const second = await send(api, { type: 'profiles.proposal', id: secondId });
    await page.waitForTimeout(1500);
    // The replaced proposal, and the open one with the replaced one's digest: refused, nothing saved.
    expect(await send(api, { type: 'profiles.confirmProposal', id: firstId, digest: first.data.digest })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await send(api, { type: 'profiles.confirmProposal', id: secondId, digest: first.data.digest })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(JSON.stringify((await send(api, { type: 'profiles.list' })).data.profiles)).not.toMatch(/td\.first|td\.second/);
    // What the page showed, confirmed: saved as shown.
    expect(await send(api, { type: 'profiles.confirmProposal', id: secondId, digest: second.data.digest })).toMatchObject({ ok: true });
    expect(JSON.stringify((await send(api, { type: 'profiles.list' })).data.profiles)).toContain('td.second');
    await send(api, { type: 'profiles.remove', id: 'taught-127-0-0-1' });
    await confirmTabs()[0]!.close();
    await page.close();
  });
});

describe('the overlay’s registration form', () => {
  it('form-swap: the page rewrites its 密级 and title as the clerk clicks 登记; the click that lands as the form changes registers nothing', async () => {
    const page = await session.open('oa/form-swap.html');
    const overlay = await expandOverlay(page);
    const title = overlay.locator('.dt-form input').first();
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).toBe('关于机密专项工作的通知');
    const submit = overlay.locator('.dt-form .dt-primary');
    const point = await submit.clickPoint();
    const count = async () => (await send(api, { type: 'register.query', query: {} })).data.total as number;
    const before = await count();
    await page.evaluate('swap()');
    await expect.poll(() => title.inputValue().catch(() => ''), { timeout: 10_000, interval: 20 }).toBe('关于一般事项的通知');
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(1000);
    expect(await count()).toBe(before);
    expect(await overlay.locator('.dt-regno').count()).toBe(0);
    // The same click, once the new form has stood in front of the clerk, registers what it shows.
    // (登记 stands where it stood: the refused click above landed on it.)
    expect(await submit.clickPoint()).toEqual(point);
    await page.mouse.click(point.x, point.y);
    await overlay.locator('.dt-regno').waitFor();
    expect(await count()).toBe(before + 1);
    await page.close();
  });
});

describe('site profiles’ health', () => {
  type Entry = { profile: { id: string }; health: unknown; sites?: { origin: string; health: string }[] };
  const seeyon = async (): Promise<Entry> => ((await send(api, { type: 'profiles.list' })).data.profiles as Entry[]).find((e) => e.profile.id === 'seeyon-cap4-like')!;
  const report = (page: Page, health: string) =>
    evaluateInContentScript(page, WORLD, `chrome.runtime.sendMessage({ type: 'profiles.reportHealth', id: 'seeyon-cap4-like', health: '${health}', url: location.href, missing: ['title'] })`) as Promise<{ ok: boolean }>;

  it('a page the profile does not apply to cannot mark a built-in profile broken (or healthy) for every site', async () => {
    const page = await session.open('doc-detail.html');
    await expandOverlay(page);
    await report(page, 'broken');
    await report(page, 'partial');
    const entry = await seeyon();
    expect(entry.health).toBeNull();
    expect(entry.sites ?? []).toEqual([]);
    await page.close();
  });

  it('a page under the profile’s addresses reports for its own origin only: another portal’s state stands', async () => {
    const port = new URL(session.portal.url).port;
    const here = await session.browser.context.newPage();
    await here.goto(`http://127.0.0.1:${port}/seeyon/doc.html`);
    await overlayIn(here).locator('.dt-panel, .dt-pill').first().waitFor();
    await here.waitForTimeout(2500); // the overlay's own report is in by now
    await report(here, 'ok');
    const elsewhere = await session.browser.context.newPage();
    await elsewhere.goto(`http://localhost:${port}/seeyon/doc.html`);
    await overlayIn(elsewhere).locator('.dt-panel, .dt-pill').first().waitFor();
    await elsewhere.waitForTimeout(2500);
    // The page on localhost says the profile is broken: for localhost.
    expect(await report(elsewhere, 'broken')).toMatchObject({ ok: true });
    const entry = await seeyon();
    const state = Object.fromEntries((entry.sites ?? []).map((site) => [site.origin, site.health]));
    expect(state).toEqual({ [`http://127.0.0.1:${port}`]: 'ok', [`http://localhost:${port}`]: 'broken' });
    // The reported address is the frame's own, as the browser saw it.
    await here.close();
    await elsewhere.close();
  });
});

describe('the 教我识别 picker against the page’s stylesheet', () => {
  for (const variant of ['', 'hide', 'inline']) {
    it(`picker-important${variant ? `?${variant}` : ''}: !important page rules neither hide, fade nor move the picker`, async () => {
      const page = await session.open(`oa/picker-important.html?${variant}`);
      await overlayIn(page).locator('.dt-teach').click();
      const picker = pickerIn(page);
      await picker.locator('.bar').waitFor();
      await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('styled');
      await page.waitForTimeout(300);
      // What the page's own script computes for the host: every rule of its stylesheet (and inline style) lost.
      const style = await page.evaluate(() => {
        const s = getComputedStyle(document.querySelector('doctrail-picker')!);
        return { display: s.display, opacity: s.opacity, transform: s.transform, filter: s.filter, clipPath: s.clipPath, visibility: s.visibility };
      });
      expect(style).toEqual({ display: 'inline', opacity: '1', transform: 'none', filter: 'none', clipPath: 'none', visibility: 'visible' });
      // The toolbar is on screen where the clerk expects it (top right), and the clerk's own click on it works.
      const box = (await picker.locator('.bar').boundingBox())!;
      const viewport = page.viewportSize()!;
      expect(box.x).toBeGreaterThan(viewport.width / 2);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y).toBeGreaterThanOrEqual(0);
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(), [box.x + box.width / 2, box.y + 10]);
      expect(hit).toBe('doctrail-picker');
      await picker.locator('.field[data-field=docNumber]').click();
      await page.locator('#no').click();
      await expect.poll(() => picker.locator('.field[data-field=docNumber] .val').textContent()).toBe('演示发〔2026〕21号');
      await page.keyboard.press('Escape');
      await page.close();
    });
  }
});

describe('what the background mirrors into storage.local', () => {
  it('a content script rewriting the reasons every print dialog offers, the language or the overlay’s English words: put back at once', async () => {
    const page = await session.open('doc-detail.html');
    await expandOverlay(page);
    const KEYS = ['settings.reasonPresets', 'settings.language', 'i18n.overlay.en'];
    const stored = () => api.evaluate(`chrome.storage.local.get(${JSON.stringify(KEYS)})`) as Promise<Record<string, unknown>>;
    const before = await stored();
    expect(before['settings.reasonPresets']).toContain('会议使用');
    // The content script of one portal (compromised) writes for every portal: storage.local is open to content scripts.
    await evaluateInContentScript(
      page,
      WORLD,
      `chrome.storage.local.get('i18n.overlay.en').then((s) => chrome.storage.local.set({
        'settings.reasonPresets': ['领导已口头同意，无需登记'],
        'settings.language': 'en',
        'i18n.overlay.en': Object.fromEntries(Object.keys(s['i18n.overlay.en']).map((k) => [k, 'OK — nothing to record'])),
      }))`,
    );
    await expect.poll(stored, { timeout: 5_000 }).toEqual(before);
    await page.close();
  });
});
