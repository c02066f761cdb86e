import { browser, type Browser } from 'wxt/browser';
import { verifyRegister, verifyRegisterExtends } from '@/utils/register/chain-store';
import { EXTENDS_PORT, extendsCheckSchema, VERIFY_PORT, type ExtendsPortMessage, type VerifyPortMessage } from '@/utils/messaging/protocol';
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

/** The dashboard asks whether today's log still extends heads the clerk kept outside (one check per port). */
export function listenForExtendsChecks(db: () => Promise<RegisterDB>, senders: SenderContext): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== EXTENDS_PORT) return;
    let open = true;
    let asked = false;
    port.onDisconnect.addListener(() => (open = false));
    const post = (message: ExtendsPortMessage) => open && port.postMessage(message);
    const admitted = admitPort(port, senders);
    port.onMessage.addListener((message: unknown) => {
      if (asked) return;
      asked = true;
      void (async () => {
        if (!(await admitted)) return;
        const check = extendsCheckSchema.safeParse(message);
        if (!check.success) return port.disconnect();
        const result = await verifyRegisterExtends(await db(), check.data.heads, (checked, total) => post({ type: 'progress', checked, total }));
        post({ type: 'result', result });
      })();
    });
  });
}
