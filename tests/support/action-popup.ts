import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/**
 * DocTrail's toolbar popup opened the way the clerk opens it: over a portal tab (`chrome.action.openPopup()`, so
 * the popup's "current tab" is that portal, not a tab of its own). Playwright does not list the popup as a page;
 * it is reached through the browser's CDP target, with trusted mouse and keyboard input.
 */
export interface ActionPopup {
  evaluate<T>(expression: string): Promise<T>;
  /** A trusted click at the centre of the first element matching `css`. */
  click(css: string): Promise<void>;
  /** Trusted typing into the focused element, then Enter if asked. */
  type(text: string, enter?: boolean): Promise<void>;
  waitFor(css: string, timeout?: number): Promise<void>;
  screenshot(): Promise<Buffer>;
  /** The popup's size in CSS pixels. */
  size(): Promise<{ width: number; height: number }>;
}

const CALL_TIMEOUT_MS = 10_000;

export async function openActionPopup(browser: ExtensionBrowser, over: Page): Promise<ActionPopup> {
  await over.bringToFront();
  const cdp: CDPSession = await browser.context.browser()!.newBrowserCDPSession();
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
  type Targets = { targetInfos: { type: string; url: string; targetId: string }[] };
  // popup.html may also be open in a tab (tests talk to the background from one): the popup is the new target.
  const before = new Set(((await cdp.send('Target.getTargets')) as Targets).targetInfos.filter((t) => t.url === popupUrl).map((t) => t.targetId));
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  // The popup opens in the portal tab's window, over that tab (made the window's active one).
  const opened = await worker.evaluate(`(async (url) => {
    const [tab] = (await chrome.tabs.query({})).filter((t) => t.url === url);
    if (!tab) return 'no tab at ' + url;
    await chrome.tabs.update(tab.id, { active: true });
    await chrome.windows.update(tab.windowId, { focused: true });
    return chrome.action.openPopup({ windowId: tab.windowId }).then(() => 'ok', (e) => e.message);
  })(${JSON.stringify(over.url())})`);
  if (opened !== 'ok') throw new Error(`action-popup: openPopup failed: ${String(opened)}`);
  let targetId: string | undefined;
  for (let i = 0; i < 50 && !targetId; i++) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as Targets;
    targetId = targetInfos.find((t) => t.url === popupUrl && !before.has(t.targetId))?.targetId;
    if (!targetId) await new Promise((r) => setTimeout(r, 100));
  }
  if (!targetId) throw new Error('action-popup: the popup did not open');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, (message: { result?: any; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  // The popup closes as it opens the dashboard: a call it never answers (the Enter or the mouse release that closed
  // it) must not wait forever. It ends with an error when the popup's target goes, or after CALL_TIMEOUT_MS.
  let gone = false;
  cdp.on('Target.detachedFromTarget', (event: { sessionId?: string; targetId?: string }) => {
    if (event.sessionId !== sessionId && event.targetId !== targetId) return;
    gone = true;
    for (const resolve of waiting.values()) resolve({ error: { message: 'the popup closed' } });
  });
  const call = async (method: string, params: object = {}): Promise<any> => {
    const id = ++next;
    if (gone) throw new Error(`action-popup: ${method}: the popup closed`);
    const answer = new Promise<{ result?: any; error?: { message: string } }>((resolve) => {
      const timer = setTimeout(() => resolve({ error: { message: `no answer within ${CALL_TIMEOUT_MS} ms` } }), CALL_TIMEOUT_MS);
      waiting.set(id, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const message = await answer;
    waiting.delete(id);
    if (message.error) throw new Error(`action-popup: ${method}: ${message.error.message}`);
    return message.result;
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`action-popup: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  };
  const waitFor = async (css: string, timeout = 10_000) => {
    const end = Date.now() + timeout;
    while (!(await evaluate<boolean>(`!!document.querySelector(${JSON.stringify(css)})`))) {
      if (Date.now() > end) throw new Error(`action-popup: ${css} did not appear`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    evaluate,
    waitFor,
    async click(css) {
      await waitFor(css);
      const box = await evaluate<{ x: number; y: number }>(
        `(() => { const r = document.querySelector(${JSON.stringify(css)}).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
      );
      for (const type of ['mousePressed', 'mouseReleased']) {
        // The popup closes as it opens the dashboard: the release may find no page to answer.
        await call('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 }).catch(() => undefined);
      }
    },
    async type(text, enter = false) {
      await call('Input.insertText', { text });
      if (enter) {
        await call('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' }).catch(() => undefined);
        await call('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }).catch(() => undefined);
      }
    },
    async screenshot() {
      const { data } = await call('Page.captureScreenshot', { format: 'png' });
      return Buffer.from(data as string, 'base64');
    },
    size: () => evaluate('({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })'),
  };
}
