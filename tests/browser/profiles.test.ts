import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGES_DIR, startPortal } from '../../sample-portal/server';
import { extensionPage, send } from '../support/extension-api';
import { expandOverlay, launchWithExtension, overlayIn, pickerIn, type ShadowLocator } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

/** The sample portal plus, under the built-in ecology-like profile's URL pattern, a page of that layout. */
const ROOT = mkdtempSync(join(tmpdir(), 'doctrail-portal-'));
cpSync(PAGES_DIR, ROOT, { recursive: true });
mkdirSync(join(ROOT, 'spa/workflow/static4form'), { recursive: true });
cpSync(resolve('tests/fixtures/profiles/ecology-like.html'), join(ROOT, 'spa/workflow/static4form/index.html'));
const ECOLOGY = JSON.parse(readFileSync(resolve('tests/fixtures/profiles/ecology-like.expected.json'), 'utf8')) as { fields: Record<string, string> };

const TAUGHT_ID = 'taught-127-0-0-1-teach';
const TAUGHT = {
  title: '关于做好2027年元旦春节期间安全生产工作的通知',
  docNumber: 'X府办函〔2026〕88号',
  issuer: 'XX市人民政府办公室',
  classification: 'confidential',
  urgency: 'urgent',
  receivedDate: '2026-11-20',
  deadline: '2026-12-05',
};

/** What the overlay's registration form proposes (its inputs and selects in order). */
async function proposed(overlay: ShadowLocator): Promise<Record<string, string>> {
  const form = overlay.locator('.dt-form');
  await form.waitFor();
  const inputs = form.locator('input');
  const selects = form.locator('select');
  return {
    title: await inputs.nth(0).inputValue(),
    docNumber: await inputs.nth(1).inputValue(),
    issuer: await inputs.nth(2).inputValue(),
    classification: await selects.nth(0).inputValue(),
    urgency: await selects.nth(1).inputValue(),
    receivedDate: await inputs.nth(3).inputValue(),
    deadline: await inputs.nth(4).inputValue(),
  };
}

const correct = (got: Record<string, string>, want: Record<string, string>) => Object.keys(got).filter((k) => want[k] && got[k] === want[k]).length;

async function waitForFrame(page: Page, path: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes(path))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes(path))!;
  await frame.waitForLoadState();
  return frame;
}

describe('site profiles and 教我识别 in the browser', () => {
  const session = usePortalSession(ROOT);
  let exported: string;

  /** Starts the picker in every frame of the tab, as the popup's 教我识别此页 does (same scripting call). */
  async function startPicker(pathPart: string): Promise<void> {
    const ext = await extensionPage(session.browser);
    await ext.evaluate(async (part) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const tabs = await c.tabs.query({ url: 'http://127.0.0.1/*' });
      const tab = tabs.find((t: { url: string }) => t.url.includes(part));
      await c.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['picker.js'] });
    }, pathPart);
    await ext.close();
  }

  it('teaches an unknown layout inside an iframe: pointing at each value yields the fields, and nothing reaches the portal', async () => {
    const page = await session.open('teach/shell.html');
    const frame = await waitForFrame(page, 'unknown-layout.html');
    await page.waitForTimeout(1500);
    expect(await overlayIn(frame).count()).toBe(0); // the generic engine reads nothing here

    await startPicker('teach/shell.html');
    const bar = pickerIn(page).locator('.bar');
    await bar.waitFor();
    const value = (label: string) => frame.locator('.x-row', { has: frame.locator('i', { hasText: new RegExp(`^${label}$`) }) }).locator('b');
    // [field, the value's element, what the picker shows: the value as DocTrail reads it]
    const picks: [string, Locator, string][] = [
      ['title', value('件名').locator('a'), `标题：${TAUGHT.title}`],
      ['docNumber', value('字轨'), `文号：${TAUGHT.docNumber}`],
      ['issuer', value('出处'), `来文单位：${TAUGHT.issuer}`],
      ['classification', value('涉密属性'), '密级：秘密'],
      ['urgency', value('时效性'), '紧急程度：加急'],
      ['receivedDate', value('入口日期'), '收文日期：2026-11-20'],
      ['deadline', value('须回复于'), '办理期限：2026-12-05'],
      ['copies', value('件数'), '份数：2'],
    ];
    for (const [field, element, shown] of picks) {
      await bar.locator(`.field[data-field=${field}]`).click();
      // Hovering a value that is not this field says so; the field's value is shown live beside the highlight.
      if (field === 'receivedDate') {
        await value('出处').hover();
        await expect.poll(() => pickerIn(frame).locator('.tip').textContent()).toBe('不是有效的「收文日期」：XX市人民政府办公室');
      }
      await element.hover();
      await expect.poll(() => pickerIn(frame).locator('.tip').textContent()).toBe(shown);
      if (field === 'classification') await page.screenshot({ path: '/tmp/doctrail-picker.png' }).catch(() => undefined);
      await element.click();
      await bar.locator(`.field.done[data-field=${field}]`).waitFor();
    }
    expect(await bar.locator('.field[data-field=docNumber] .val').textContent()).toBe(TAUGHT.docNumber);
    expect(await bar.locator('.field[data-field=classification] .val').textContent()).toBe('秘密');
    await page.screenshot({ path: '/tmp/doctrail-picker-done.png' }).catch(() => undefined);
    // The portal saw none of these clicks, and its link was not followed.
    expect(await frame.evaluate(() => (window as unknown as { __portalClicks: number }).__portalClicks)).toBe(0);
    expect(frame.url()).toContain('unknown-layout.html?id=A-2026-0088');

    // 保存 in the page only proposes the profile: DocTrail's own page opens, and the clerk saves it there.
    const [confirm] = await Promise.all([session.browser.context.waitForEvent('page'), bar.locator('.save').click()]);
    await confirm.getByTestId('confirm-profile').waitFor();
    expect(await confirm.locator('tr[data-field=title]').count()).toBe(1);
    expect((await send(await extensionPage(session.browser), { type: 'profiles.list' })).data.profiles.some((e: { profile: { id: string } }) => e.profile.id === TAUGHT_ID)).toBe(false);
    await confirm.getByTestId('confirm-save').click();
    await confirm.getByTestId('confirm-done').waitFor();
    await confirm.close();
    await page.locator('doctrail-picker').waitFor({ state: 'detached' });

    // Open pages re-read their profiles: the overlay appears in the frame, with the taught fields.
    const overlay = await expandOverlay(frame);
    expect(await overlay.getAttribute('data-kind')).toBe('detail');
    expect(await proposed(overlay)).toEqual(TAUGHT);

    const ext = await extensionPage(session.browser);
    const list = await send(ext, { type: 'profiles.list' });
    const taught = list.data.profiles.find((e: { profile: { id: string } }) => e.profile.id === TAUGHT_ID);
    expect(taught.profile).toMatchObject({ urlPatterns: ['http://127.0.0.1/teach/*'], documentKey: { from: 'query', param: 'id' } });
    expect(Object.keys(taught.profile.fields).sort()).toEqual(['classification', 'copies', 'deadline', 'docNumber', 'issuer', 'receivedDate', 'title', 'urgency']);
    await expect.poll(async () => (await send(ext, { type: 'profiles.list' })).data.profiles.find((e: { profile: { id: string } }) => e.profile.id === TAUGHT_ID).health?.health, { timeout: 8000 }).toBe('ok');
    await ext.close();
  });

  it('the overlay’s 教我识别 starts the picker; Esc ends it and the page works as before', async () => {
    const page = await session.open('doc-detail.html');
    const overlay = await expandOverlay(page);
    await overlay.locator('.dt-teach').click();
    const bar = pickerIn(page).locator('.bar');
    await bar.waitFor();
    await page.keyboard.press('Escape');
    await page.locator('doctrail-picker').waitFor({ state: 'detached' });
    expect(await overlayIn(page).count()).toBe(1);
  });

  it('notices a profile that stops matching (the portal was redesigned), shows it in the dashboard, and can switch it off', async () => {
    const page = await session.open('teach/unknown-layout-v2.html?id=A-2026-0089');
    await page.waitForTimeout(500);
    const ext = await extensionPage(session.browser);
    const health = async () => (await send(ext, { type: 'profiles.list' })).data.profiles.find((e: { profile: { id: string } }) => e.profile.id === TAUGHT_ID).health?.health;
    await expect.poll(health, { timeout: 8000 }).toBe('broken');

    const settings = await session.browser.context.newPage();
    await settings.goto(`chrome-extension://${session.browser.extensionId}/options.html#/settings`);
    const section = settings.locator('[data-testid=profiles-section]');
    const alert = section.locator('[data-testid=profile-broken]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('门户可能已改版');
    const row = section.locator(`tr[data-profile=${TAUGHT_ID}]`);
    expect(await row.locator('.health').getAttribute('data-health')).toBe('broken');
    await settings.screenshot({ path: '/tmp/doctrail-settings-profiles.png', fullPage: true }).catch(() => undefined);

    await row.locator('input[type=checkbox]').uncheck();
    await expect.poll(() => row.locator('.health').getAttribute('data-health')).toBe('off');
    expect(await alert.count()).toBe(0);
    const forUrl = await send(ext, { type: 'profiles.forUrl', url: `${session.portal.url}teach/unknown-layout.html?id=1` });
    expect(forUrl.data.profiles).toEqual([]);
    await row.locator('input[type=checkbox]').check();
    await expect.poll(() => row.locator('.health').getAttribute('data-health')).not.toBe('off');

    // Export it as a file, as an office's IT staff would hand it on.
    const download = settings.waitForEvent('download');
    await row.locator('.export-one').click();
    exported = join(mkdtempSync(join(tmpdir(), 'doctrail-export-')), (await download).suggestedFilename());
    await (await download).saveAs(exported);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ format: 'doctrail-profile', formatVersion: 1, profiles: [{ id: TAUGHT_ID }] });
    await ext.close();
  });
  // The generic engine has since learned this layout too (weighted evidence, #12): the profile must read every field
  // and never do worse than the engine without it.
  it('a built-in profile reads every field of its layout (e-cology-like form), never worse than the generic engine', async () => {
    const path = 'spa/workflow/static4form/index.html?requestid=90017';
    const withProfile = await proposed(await expandOverlay(await session.open(path)));
    const ext = await extensionPage(session.browser);
    await send(ext, { type: 'profiles.toggle', id: 'ecology-like', off: true });
    const generic = await proposed(await expandOverlay(await session.open(path)));
    await send(ext, { type: 'profiles.toggle', id: 'ecology-like', off: false });
    await ext.close();

    const want = ECOLOGY.fields;
    expect(withProfile).toMatchObject({ issuer: want.issuer, docNumber: want.docNumber, title: want.title, classification: want.classification, urgency: want.urgency, deadline: want.deadline });
    expect(correct(withProfile, want)).toBe(7);
    expect(correct(generic, want)).toBeLessThanOrEqual(correct(withProfile, want));
  });

  it('an exported profile imported into a fresh browser profile works; an invalid file is refused with a clear message', async () => {
    const fresh = await launchWithExtension();
    const portal = await startPortal(0, ROOT);
    try {
      const settings = await fresh.context.newPage();
      await settings.goto(`chrome-extension://${fresh.extensionId}/options.html#/settings`);
      const section = settings.locator('[data-testid=profiles-section]');
      await section.locator(`tr[data-profile=ecology-like]`).waitFor();
      expect(await section.locator(`tr[data-profile=${TAUGHT_ID}]`).count()).toBe(0);

      const bad = join(tmpdir(), 'bad-profile.json');
      const broken = JSON.parse(readFileSync(exported, 'utf8'));
      broken.profiles[0].urlPatterns = ['127.0.0.1/teach'];
      writeFileSync(bad, JSON.stringify(broken));
      await section.locator('input[name=profileFiles]').setInputFiles(bad);
      const error = section.locator('[data-testid=profiles-error]');
      await error.waitFor();
      expect(await error.textContent()).toContain('bad-profile.json 未导入：profiles[0].urlPatterns[0]: not a valid match pattern');

      await section.locator('input[name=profileFiles]').setInputFiles(exported);
      await section.getByText('已导入 1 条识别规则').waitFor();
      await section.locator(`tr[data-profile=${TAUGHT_ID}]`).waitFor();

      const page = await fresh.context.newPage();
      await page.goto(`${portal.url}teach/unknown-layout.html?id=B-2026-0001`);
      expect(await proposed(await expandOverlay(page))).toEqual(TAUGHT);
    } finally {
      await fresh.close(true);
      await portal.close();
    }
  });

  afterAll(() => undefined);
});
