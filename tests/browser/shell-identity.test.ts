import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expandOverlay, overlayIn } from '../support/extension-browser';
import { extensionPage, send } from '../support/extension-api';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();

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

async function documentCount(): Promise<number> {
  const api = await extensionPage(session.browser);
  const answer = await send(api, { type: 'register.query', query: {} });
  await api.close();
  return answer.data.total as number;
}

describe('one identity per document', () => {
  it('a document without 文号 opened again with a volatile parameter (x08) is the registered one; no second entry', async () => {
    const before = await documentCount();
    const first = await session.open('shell/no-docnumber.html?mid=10');
    const number = await register(first);
    await first.close();
    for (const variant of ['?mid=10&callback=opegs1796044', '?callback=opegs2000001&mid=10', '?mid=10&_=1764830000000', '?mid=10#detail']) {
      const again = await session.open(`shell/no-docnumber.html${variant}`);
      expect(await registeredNo(again), variant).toBe(number);
      await again.close();
    }
    // Another document at its own address is not taken for it.
    const other = await session.open('shell/no-docnumber.html?mid=11');
    expect(await registeredNo(other)).toBe(number); // same 来文单位 + 标题 + 收文日期: the same letter
    await other.close();
    expect(await documentCount()).toBe(before + 1);
  });

  it('a 文号 typed with 【】 in the overlay and read as 〔〕 on another page (x09) is one document', async () => {
    const before = await documentCount();
    const first = await session.open('shell/typed-docnumber.html');
    const overlay = await expandOverlay(first);
    await overlay.locator('label.dt-field', { hasText: /^\s*文号/ }).locator('input').fill('明安委办【2026】14号');
    const number = await register(first);
    await first.close();
    const second = await session.open('shell/read-docnumber.html');
    expect(await registeredNo(second)).toBe(number);
    await second.close();
    // And the first page, where no 文号 is read, still knows it.
    const back = await session.open('shell/typed-docnumber.html?t=1764830000');
    expect(await registeredNo(back)).toBe(number);
    await back.close();
    expect(await documentCount()).toBe(before + 1);
  });

  it('a near match asks 是否为已登记的 …？: 是 shows the registered one, nothing new is written', async () => {
    const before = await documentCount();
    // Registered from the list first, without 文号 or 收文日期 …
    const api = await extensionPage(session.browser);
    const made = await send(api, {
      type: 'document.register',
      draft: { title: '关于做好2027年春运工作的通知', issuer: '莆田市人民政府办公室', classification: 'none', sourceUrl: `${session.portal.url}shell/list.html` },
    });
    expect(made.ok).toBe(true);
    // … then the document itself, with its 文号.
    const page = await session.open('shell/near-detail.html');
    const overlay = await expandOverlay(page);
    await overlay.locator('.dt-near').waitFor();
    expect(await overlay.locator('.dt-near').textContent()).toContain(`是否为已登记的 ${made.data.state.document.registrationNo}？`);
    await overlay.locator('.dt-near-yes').click();
    await overlay.locator('.dt-regno').waitFor();
    expect((await overlay.locator('.dt-regno').textContent())!.trim()).toBe(made.data.state.document.registrationNo);
    expect(await documentCount()).toBe(before + 1);
    await page.close();
    await api.close();
  });
});
