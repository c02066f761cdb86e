import { browser } from 'wxt/browser';
import type { VerifyResult } from '../register/hash-chain';
import { VERIFY_PORT, type VerifyPortMessage } from './protocol';

function isPortMessage(message: unknown): message is VerifyPortMessage {
  return typeof message === 'object' && message !== null && ((message as { type?: unknown }).type === 'progress' || (message as { type?: unknown }).type === 'result');
}

/**
 * Asks the background to verify the whole event chain over a `VERIFY_PORT` port: it posts
 * progress messages, then the result. A port closed before the result (the worker stopped) fails.
 */
export function verifyChainOverPort(onProgress: (checked: number, total: number) => void): Promise<VerifyResult> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: VERIFY_PORT });
    let settled = false;
    port.onMessage.addListener((message: unknown) => {
      if (!isPortMessage(message)) return;
      if (message.type === 'progress') {
        onProgress(message.checked, message.total);
        return;
      }
      settled = true;
      resolve(message.result);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      if (!settled) reject(new Error(browser.runtime.lastError?.message ?? 'the background stopped before the check finished'));
    });
  });
}
