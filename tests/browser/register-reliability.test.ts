import { execSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionPage, send, verifyChainFrom } from '../support/extension-api';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension-browser';

let browser: ExtensionBrowser | undefined;
afterEach(async () => {
  await browser?.close(true);
  browser = undefined;
});

const draftJson = (n: number, tab: string) =>
  JSON.stringify({ title: `关于${tab}第${n}件事项的通知`, docNumber: `${tab}发〔2026〕${n}号`, issuer: '市政府办公室', classification: 'none', sourceUrl: 'http://127.0.0.1/doc.html' });

async function burst(page: import('playwright-core').Page, tab: string, count: number): Promise<number> {
  const drafts = Array.from({ length: count }, (_, i) => draftJson(i + 1, tab));
  return page.evaluate(`(async () => {
    const drafts = [${drafts.join(',')}];
    const ask = (m) => chrome.runtime.sendMessage(m);
    const registered = await Promise.all(drafts.map((draft) => ask({ type: 'document.register', draft })));
    const ids = registered.map((r) => r.data.state.document.id);
    const printed = await Promise.all(ids.map((docId) => ask({ type: 'document.logHandling', docId, action: 'printed', reason: '会议学习', intercepted: true })));
    return printed.filter((r) => r.ok).length;
  })()`);
}

const BURST = 400;

function killChromium(profileDir: string): number {
  let killed = 0;
  const lines = execSync('ps -eo pid=,args=', { encoding: 'utf8' }).split('\n');
  for (const line of lines) {
    const [pid, ...args] = line.trim().split(/\s+/);
    if (args.join(' ').includes(profileDir) && /chrom/.test(args[0] ?? '')) {
      try {
        process.kill(Number(pid), 'SIGKILL');
        killed++;
      } catch {
        // already gone
      }
    }
  }
  return killed;
}

describe('the register under pressure, in Chromium', () => {
  it('three tabs and the dashboard writing at once: every write lands once, numbers are unique, the chain is intact', async () => {
    browser = await launchWithExtension();
    const pages = [await extensionPage(browser), await extensionPage(browser), await extensionPage(browser)];
    const dashboard = await browser.context.newPage();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const done = await Promise.all([...pages, dashboard].map((page, i) => burst(page, ['甲', '乙', '丙', '丁'][i]!, 15)));
    expect(done).toEqual([15, 15, 15, 15]);
    const all = await send(pages[0]!, { type: 'register.query', query: { limit: 500 } });
    expect(all.data.total).toBe(60);
    expect(new Set(all.data.rows.map((d: { registrationNo: string }) => d.registrationNo)).size).toBe(60);
    expect(await verifyChainFrom(pages[0]!)).toMatchObject({ state: 'intact', count: 120 });
  });

  it('the browser killed in the middle of a burst of writes: nothing half-written and the chain still verifies', async () => {
    browser = await launchWithExtension();
    const page = await extensionPage(browser);
    const drafts = Array.from({ length: BURST }, (_, i) => draftJson(i + 1, '停'));
    await page.evaluate(`window.__answered = 0; window.__burst = Promise.allSettled([${drafts.join(',')}].map((draft) =>
      chrome.runtime.sendMessage({ type: 'document.register', draft }).then((r) => { window.__answered++;
        return r && r.ok ? chrome.runtime.sendMessage({ type: 'circulation.send', docId: r.data.state.document.id, recipients: ['王局长', '陈主任'], purpose: 'read' }) : r; }))); 0`); // not awaited: the burst is still going
    while (((await page.evaluate('window.__answered')) as number) < 100) await page.waitForTimeout(10);
    // Harsher than stopping the worker (Chromium lets a stopping worker finish its events): every
    // Chromium process of this profile is killed at once, as a power cut or a crash would.
    const { profileDir } = browser;
    expect(killChromium(profileDir)).toBeGreaterThan(0);
    await browser.context.close().catch(() => undefined);
    browser = await launchWithExtension({ profileDir });
    const fresh = await extensionPage(browser);
    const docs: { id: string; status: string }[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await send(fresh, { type: 'register.query', query: { limit: 500, offset } });
      docs.push(...page.data.rows);
      if (docs.length >= page.data.total) break;
    }
    const sent = docs.filter((d) => d.status === 'in-circulation').length;
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length + sent).toBeLessThan(2 * BURST); // the kill came before the burst's changes were all made
    const histories = (await fresh.evaluate(`Promise.all(${JSON.stringify(docs.map((d) => d.id))}.map((docId) =>
      chrome.runtime.sendMessage({ type: 'document.history', docId }).then((r) => r.data.events.map((e) => e.type))))`)) as string[][];
    for (const [i, doc] of docs.entries()) {
      const types = histories[i]!;
      // A document and its registration event exist together; a send is both recipients and the status, or none of it.
      expect(types[0]).toBe('registered');
      expect(types.filter((t) => t === 'sent').length).toBe(doc.status === 'in-circulation' ? 2 : 0);
    }
    const verified = await verifyChainFrom(fresh);
    expect(verified.state).toBe('intact');
    console.log(`killed mid-burst: ${docs.length} of ${BURST} registered, ${docs.filter((d) => d.status === 'in-circulation').length} sent; chain of ${verified.count} events intact`);
  });
});
