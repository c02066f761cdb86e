/**
 * The nine field cases from a live 信呼 OA run (tests/fixtures/xinhu-cases, copied from ../shared/cases/browser), checked
 * as their expected files say, through the closed-root driver (the shared browser-check.mjs reads an open root, which
 * the overlay no longer has).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { expandOverlay, overlayIn } from '../support/extension-browser';
import { extensionPage, send } from '../support/extension-api';
import { usePortalSession } from '../support/portal-session';

const DIR = resolve('tests/fixtures/xinhu-cases');
const session = usePortalSession(DIR);
const expected = (name: string) => JSON.parse(readFileSync(resolve(DIR, `${name}.expected.json`), 'utf8'));
const LABELS: Record<string, string> = { 标题: 'title', 文号: 'docNumber', 来文单位: 'issuer', 密级: 'classification', 紧急程度: 'urgency', 收文日期: 'receivedDate' };

async function formFields(scope: Page | Frame): Promise<Record<string, string>> {
  const overlay = await expandOverlay(scope);
  await overlay.locator('.dt-form, .dt-regno').first().waitFor();
  const out: Record<string, string> = {};
  for (const [label, key] of Object.entries(LABELS)) {
    const field = overlay.locator('label.dt-field', { hasText: new RegExp(`^\\s*${label}`) }).locator('input, select').first();
    if (!(await field.count())) continue;
    const value = await field.inputValue();
    if (value) out[key] = value;
  }
  return out;
}

async function documentCount(): Promise<number> {
  const api = await extensionPage(session.browser);
  const answer = await send(api, { type: 'register.query', query: {} });
  await api.close();
  return answer.data.total as number;
}

async function register(page: Page): Promise<string> {
  const overlay = await expandOverlay(page);
  await overlay.locator('button.dt-primary').click();
  await overlay.locator('.dt-regno').waitFor();
  return (await overlay.locator('.dt-regno').textContent())!.trim();
}

async function registeredNo(page: Page): Promise<string | null> {
  const overlay = await expandOverlay(page);
  await overlay.locator('.dt-regno, .dt-form, .dt-near').first().waitFor();
  return (await overlay.locator('.dt-regno').count()) ? (await overlay.locator('.dt-regno').textContent())!.trim() : null;
}

describe('信呼 field cases x01–x09 (closed-root driver)', () => {
  it('x01: 公文编号 / 公文等级 / 公文密级 labels are read', async () => {
    const page = await session.open('x01-detail-gongwen-prefixed-labels.html');
    await overlayIn(page).locator('.dt-panel, .dt-pill').first().waitFor();
    const want = expected('x01-detail-gongwen-prefixed-labels');
    expect(await overlayIn(page).getAttribute('data-kind')).toBe(want.kind);
    expect(await formFields(page)).toEqual(want.fields);
    await page.close();
  });

  it('x02: the 12-column list is a list of its 3 documents', async () => {
    const page = await session.open('x02-list-gongwen-columns.html');
    await overlayIn(page).locator('.dt-panel, .dt-pill').first().waitFor();
    expect(await overlayIn(page).getAttribute('data-kind')).toBe('list');
    expect(await overlayIn(page).locator('.dt-panel, .dt-pill').first().textContent()).toMatch(/3/);
    await page.close();
  });

  it('x03: blank → no overlay; typed → the registration prompt with what was typed', async () => {
    const page = await session.open('x03-registration-form-typed.html');
    await page.waitForTimeout(1500);
    expect(await overlayIn(page).count()).toBe(0);
    await page.click('input[name=wh]');
    await page.keyboard.type('漳政【2026】33号');
    await page.click('input[name=bt]');
    await page.keyboard.type('关于加强2027年元旦春节期间值班值守工作的通知');
    await page.click('input[name=lwdw]');
    await page.keyboard.type('漳州市人民政府办公室');
    await page.selectOption('select[name=mj]', '秘密');
    await page.selectOption('select[name=hj]', '加急');
    await expect.poll(() => overlayIn(page).getAttribute('data-kind').catch(() => null), { timeout: 5000 }).toBe('registration');
    const want = expected('x03-registration-form-typed');
    await expect.poll(() => formFields(page), { timeout: 5000 }).toEqual(want.fields);
    await page.close();
  });

  it('x04: list with a modal 收文单: one overlay, the document’s, 登记 reachable', async () => {
    const page = await session.open('x04-shell-list-with-modal-detail.html');
    const detail = page.frames().find((f) => f.name() === 'openinputiframe')!;
    await overlayIn(detail).locator('.dt-panel, .dt-pill').first().waitFor({ timeout: 15_000 });
    expect(await overlayIn(detail).getAttribute('data-kind')).toBe('detail');
    await expect.poll(() => overlayIn(page).count(), { timeout: 5000 }).toBe(0);
    await expandOverlay(detail);
    await overlayIn(detail).locator('button.dt-primary').clickPoint({ timeout: 5000 });
    await page.close();
  });

  it('x05: a list left in a hidden tab is not the page', async () => {
    const page = await session.open('x05-shell-hidden-list-tab.html');
    await page.waitForTimeout(2500);
    expect(await overlayIn(page).count()).toBe(0);
    await page.close();
  });

  it('x06: the 打印全部 menu <li> on a 机密 page is held for a reason', async () => {
    const page = await session.open('x06-print-menu-li.html');
    await overlayIn(page).locator('.dt-panel, .dt-pill').first().waitFor();
    await page.waitForTimeout(600);
    await page.click('#showmenu');
    await page.click('#menu li[data-act=print]');
    await overlayIn(page).locator('.dt-dialog').waitFor();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(0);
    await page.close();
  });

  it('x07: Esc in the overlay collapses it and the portal window stays open', async () => {
    const page = await session.open('x07-esc-closes-portal-window.html');
    const overlay = await expandOverlay(page);
    const input = overlay.locator('.dt-panel input').first();
    await input.click();
    await input.press('Escape');
    await expect.poll(() => overlay.locator('.dt-pill').count()).toBe(1);
    expect(await page.evaluate(() => document.body.getAttribute('data-closed'))).toBeNull();
    await page.close();
    // Esc is remembered for later overlays: open them again for the next cases.
    const api = await extensionPage(session.browser);
    await api.evaluate("chrome.storage.local.remove('overlay.collapsed')");
    await api.close();
  });

  it('x08: the same document at ?mid=10 and ?mid=10&callback=… is one entry', async () => {
    const before = await documentCount();
    const first = await session.open('x08-detail-without-docnumber.html?mid=10');
    const number = await register(first);
    await first.close();
    const second = await session.open('x08-detail-without-docnumber.html?mid=10&callback=opegs1796044');
    expect(await registeredNo(second)).toBe(number);
    await second.close();
    expect(await documentCount()).toBe(before + 1);
  });

  it('x09: a 文号 typed with 【】 and read as 〔〕 is one document', async () => {
    const before = await documentCount();
    const first = await session.open('x09a-page-without-docnumber.html');
    const overlay = await expandOverlay(first);
    await overlay.locator('label.dt-field', { hasText: /^\s*文号/ }).locator('input').fill('明安委办【2026】14号');
    const number = await register(first);
    await first.close();
    const second = await session.open('x09b-page-with-docnumber.html');
    expect(await registeredNo(second)).toBe(number);
    await second.close();
    expect(await documentCount()).toBe(before + 1);
  });
});
