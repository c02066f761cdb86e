import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionPage, send } from '../support/extension-api';
import { expandOverlay } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const SHOTS = 'demo-output';

/**
 * Issue #12, "Learn from the clerk", on the invented 启航 portal (sample-portal/pages/learn/): its 来文单位 is labelled
 * 报送机关 and the generic engine takes the footer's 印发机关 line instead. The clerk corrects it once, agrees to
 * remember where it stood, and the portal's next document is read right.
 */
describe('learning a rule from the clerk’s correction', () => {
  const session = usePortalSession();

  it('the clerk corrects 来文单位, registers, agrees to remember, and the next document of that portal is read right; the rule is listed with its document and can be switched off', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await session.open('learn/card-1.html?id=QH-0041');
    await page.setViewportSize({ width: 1200, height: 800 });
    const overlay = await expandOverlay(page);
    const issuer = overlay.locator('.dt-form input').nth(2);
    await issuer.waitFor();
    expect(await issuer.inputValue()).toMatch(/^启航市人民政府办公室/);
    await issuer.fill('市生态环境局');
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-registered').waitFor();
    const registrationNo = (await overlay.locator('.dt-regno').textContent())!.trim();

    // The proposal: one line in the panel, with the label the value stood beside.
    const ask = overlay.locator('.dt-learn');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('记住此位置？以后本门户的「来文单位」读「报送机关」旁的值。');
    await page.screenshot({ path: `${SHOTS}/learn-proposal.png` });
    // Nothing is saved before the clerk agrees.
    const ext = await extensionPage(session.browser);
    expect((await send(ext, { type: 'profiles.list' })).data.learned).toEqual([]);
    await overlay.locator('.dt-learn-yes').click();
    await expect.poll(async () => (await send(ext, { type: 'profiles.list' })).data.learned.length, { timeout: 8000 }).toBe(1);

    // The next document of that portal: 来文单位 comes from 报送机关.
    const next = await session.open('learn/card-2.html?id=QH-0017');
    const nextOverlay = await expandOverlay(next);
    await nextOverlay.locator('.dt-form input').nth(2).waitFor();
    await expect.poll(() => nextOverlay.locator('.dt-form input').nth(2).inputValue(), { timeout: 8000 }).toBe('市应急管理局');

    // 识别规则 in the dashboard: the learned rule under the portal's learned profile, with its document and a switch.
    const settings = await session.browser.context.newPage();
    await settings.setViewportSize({ width: 1200, height: 900 });
    await settings.goto(`chrome-extension://${session.browser.extensionId}/options.html#/settings`);
    const rule = settings.locator('[data-testid=profiles-section] tr.learned-rules li[data-field=issuer]');
    await rule.waitFor();
    const text = await rule.textContent();
    expect(text).toContain('来文单位：读「报送机关」旁的值');
    expect(text).toContain(`学自 ${registrationNo}《关于开展2026年度大气污染防治专项检查的通知》`);
    await rule.scrollIntoViewIfNeeded();
    await settings.locator('[data-testid=profiles-section]').screenshot({ path: `${SHOTS}/learn-dashboard.png` });

    // Switched off: the portal's next document is read as before, without the rule.
    await rule.locator('input[type=checkbox]').uncheck();
    await expect.poll(async () => (await send(ext, { type: 'profiles.list' })).data.learned[0].off).toBe(true);
    expect((await send(ext, { type: 'profiles.forUrl', url: `${session.portal.url}learn/card-2.html?id=QH-0017` })).data.profiles).toEqual([]);
    const again = await session.open('learn/card-2.html?id=QH-0017');
    const againOverlay = await expandOverlay(again);
    await againOverlay.locator('.dt-form input').nth(2).waitFor();
    expect(await againOverlay.locator('.dt-form input').nth(2).inputValue()).toMatch(/^启航市人民政府办公室/);
    await ext.close();
  });

  it('proposes nothing when the corrected value stands in two places on the page', async () => {
    const page = await session.open('learn/card-1.html?id=QH-0099');
    // The page names the unit twice (the 流转记录 line and the 报送机关 cell): neither place is the value's own.
    await page.evaluate(() => {
      document.querySelector('.qh-log')!.textContent = '流转记录：市财政局 报送';
      document.querySelectorAll('table.qh-card td')[7]!.textContent = '市财政局';
      document.querySelectorAll('table.qh-card td')[3]!.textContent = '市财〔2026〕3号';
    });
    const overlay = await expandOverlay(page);
    const issuer = overlay.locator('.dt-form input').nth(2);
    await expect.poll(() => overlay.locator('.dt-form input').nth(1).inputValue(), { timeout: 8000 }).toBe('市财〔2026〕3号');
    await issuer.fill('市财政局');
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-registered').waitFor();
    await page.waitForTimeout(800);
    expect(await overlay.locator('.dt-learn').count()).toBe(0);
  });
});
