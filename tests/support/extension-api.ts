import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/** An extension page to talk to the background from, as the dashboard will. */
export async function extensionPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** Sends one protocol message from an extension page and returns the raw answer. */
export async function send(page: Page, message: object): Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }> {
  return page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
}

/** The event types logged for the document registered under `registrationNo`. */
export async function eventTypesOf(page: Page, registrationNo: string): Promise<{ type: string; details: Record<string, unknown> }[]> {
  const summary = await send(page, { type: 'register.summary' });
  const doc = (summary.data.latest as { id: string; registrationNo: string }[]).find((d) => d.registrationNo === registrationNo);
  if (!doc) throw new Error(`${registrationNo} not among the latest registered documents`);
  const history = await send(page, { type: 'document.history', docId: doc.id });
  return (history.data.events as { type: string; details: Record<string, unknown> }[]).map(({ type, details }) => ({ type, details }));
}

/** Verifies the register's chain through the background's port, as the dashboard does. */
export async function verifyChainFrom(page: Page): Promise<{ state: string; count: number; firstBreak?: { kind: string; sequence: number } }> {
  return page.evaluate(`new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: 'chain.verify' });
    port.onMessage.addListener((m) => { if (m.type === 'result') { resolve(m.result); port.disconnect(); } });
  })`);
}
