/**
 * Issue #14, hole 6 (and hole 1's background half): a compromised content script — code evaluated in DocTrail's own
 * isolated world on an enabled portal page, as ../shared/cases/security/content-script-console.js does from DevTools —
 * must not read the register, change settings, import a calendar or stream a backup, and must learn nothing about
 * documents registered from another site.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateInContentScript } from '../support/content-script-world';
import { expandOverlay, overlayIn } from '../support/extension-browser';
import { usePortalSession } from '../support/portal-session';

const session = usePortalSession();
const WORLD = /DocTrail|文迹/;

/** The reproduction, collecting what the background answered instead of logging it. */
const REPRODUCTION = `(async () => {
  const s = (m) => chrome.runtime.sendMessage(m);
  const out = {};
  out.query = await s({ type: 'register.query', query: { limit: 500 } });
  out.settings = await s({ type: 'settings.update', patch: { maskClassifiedTitles: false, reminderTime: '23:59' } });
  out.calendar = await s({ type: 'calendar.import', file: { holidays: { '2026-12-01': 'x,假日,1' }, workdays: {} } });
  out.toggle = await s({ type: 'profiles.toggle', id: 'xinhu-like', off: true });
  out.history = await s({ type: 'register.summary' });
  out.port = await new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: 'register.export' });
    let size = 0;
    port.onMessage.addListener((m) => {
      if (m.type === 'chunk') { size += m.data.length; port.postMessage({ type: 'ack' }); }
      else if (m.type === 'done' || m.type === 'error') resolve({ end: m.type, size });
    });
    port.onDisconnect.addListener(() => resolve({ end: 'disconnected', size }));
    port.postMessage({ type: 'start', kind: 'backup', maskClassified: false });
    setTimeout(() => resolve({ end: 'silence', size }), 3000);
  });
  out.verify = await new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: 'chain.verify' });
    port.onMessage.addListener((m) => m.type === 'result' && resolve('verified'));
    port.onDisconnect.addListener(() => resolve('disconnected'));
    setTimeout(() => resolve('silence'), 3000);
  });
  return out;
})()`;

async function dashboard(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
  return page;
}

/** Asks the background from DocTrail's own page, as the dashboard does. */
function askFromDashboard(page: Page, message: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  return page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
}

describe('what a content script may ask the background', () => {
  it('refuses the reproduction: no register, no settings, no calendar, no profiles, no export or verify port', async () => {
    const page = await session.open('doc-detail.html');
    const overlay = await expandOverlay(page);
    await overlay.locator('.dt-form .dt-primary').click();
    await overlay.locator('.dt-regno').waitFor();
    const answers = (await evaluateInContentScript(page, WORLD, REPRODUCTION)) as Record<string, unknown>;
    const forbidden = { ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } };
    expect(answers).toEqual({
      query: forbidden,
      settings: forbidden,
      calendar: forbidden,
      toggle: forbidden,
      history: forbidden,
      port: { end: 'disconnected', size: 0 },
      verify: 'disconnected',
    });
    // Nothing changed, and DocTrail's own page still gets everything.
    const own = await dashboard();
    const settings = (await askFromDashboard(own, { type: 'settings.get' })) as { ok: true; data: { settings: { reminderTime: string; maskClassifiedTitles: boolean }; calendar: { importedYears: number[] } } };
    expect(settings.data.settings).toMatchObject({ reminderTime: '09:00', maskClassifiedTitles: true });
    expect(settings.data.calendar.importedYears).toEqual([]);
    expect(await askFromDashboard(own, { type: 'register.query', query: { limit: 500 } })).toMatchObject({ ok: true, data: { total: 1 } });
    const profiles = (await askFromDashboard(own, { type: 'profiles.list' })) as { data: { profiles: { profile: { id: string }; off: boolean }[] } };
    expect(profiles.data.profiles.find((p) => p.profile.id === 'xinhu-like')?.off).toBe(false);
    await own.close();
    await page.close();
  });

  it('tells a page on another site only that a document is registered: no number, title, holder or recipients', async () => {
    // The same document's page, served under another enabled origin (localhost instead of 127.0.0.1).
    const home = await session.open('doc-detail.html');
    await overlayIn(home).locator('.dt-regno').waitFor();
    const elsewhereUrl = session.portal.url.replace('127.0.0.1', 'localhost') + 'doc-detail.html';
    const elsewhere = await session.browser.context.newPage();
    await elsewhere.goto(elsewhereUrl);
    const overlay = await expandOverlay(elsewhere);
    await overlay.locator('.dt-elsewhere').waitFor();
    expect(await overlay.locator('.dt-regno').count()).toBe(0);
    expect(await overlay.locator('.dt-form').count()).toBe(0);

    const lookup = `(async () => {
      const docNumber = '省政办发〔2026〕15号';
      const here = await chrome.runtime.sendMessage({ type: 'document.lookup', lookup: { docNumber, sourceUrl: location.href } });
      const asHome = await chrome.runtime.sendMessage({ type: 'document.lookup', lookup: { docNumber, sourceUrl: location.href.replace('localhost', '127.0.0.1') } });
      const register = await chrome.runtime.sendMessage({ type: 'document.register', draft: { docNumber, title: '探测', classification: 'none', sourceUrl: location.href } });
      return { here, asHome, register };
    })()`;
    const answers = (await evaluateInContentScript(elsewhere, WORLD, lookup)) as Record<string, unknown>;
    expect(answers.here).toEqual({ ok: true, data: { state: null, registeredElsewhere: true } });
    expect(answers.asHome).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(answers.register).toMatchObject({ ok: false, error: { code: 'registered-elsewhere' } });
    expect(JSON.stringify(answers)).not.toMatch(/收〔2026〕|公文处理|registrationNo|currentHolder/);

    // On the page it was registered from, the overlay's content script still gets the details.
    const homeAnswer = (await evaluateInContentScript(
      home,
      WORLD,
      `chrome.runtime.sendMessage({ type: 'document.lookup', lookup: { docNumber: '省政办发〔2026〕15号', sourceUrl: location.href } })`,
    )) as { ok: boolean; data: { state: { document: { registrationNo: string } } } };
    expect(homeAnswer.data.state.document.registrationNo).toMatch(/^收〔2026〕0001号$/);
    await Promise.all([home.close(), elsewhere.close()]);
  });
});
