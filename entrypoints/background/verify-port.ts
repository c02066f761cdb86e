import { browser, type Browser } from 'wxt/browser';
import { verifyRegister } from '@/utils/register/chain-store';
import { VERIFY_PORT, type VerifyPortMessage } from '@/utils/messaging/protocol';
import type { RegisterDB } from '@/utils/register/register-db';
import type { SenderContext } from '@/utils/messaging/sender-policy';
import { admitPort } from './senders';

/** The dashboard opens a port to verify the chain and sees progress as the log streams through. */
export function listenForVerification(db: () => Promise<RegisterDB>, senders: SenderContext): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== VERIFY_PORT) return; // another listener's port
    let open = true;
    port.onDisconnect.addListener(() => (open = false));
    const post = (message: VerifyPortMessage) => open && port.postMessage(message);
    const started = performance.now();
    void (async () => {
      // Only DocTrail's own pages (sender-policy.ts PORT_RULES).
      if (!(await admitPort(port, senders))) return;
      const result = await verifyRegister(await db(), (checked, total) => post({ type: 'progress', checked, total }));
      post({ type: 'result', result, elapsedMs: Math.round(performance.now() - started) });
    })();
  });
}
