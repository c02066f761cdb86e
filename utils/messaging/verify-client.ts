import { browser } from 'wxt/browser';
import type { ExtendsResult, KeptHead, VerifyResult } from '../register/hash-chain';
import { EXTENDS_PORT, VERIFY_PORT, type ExtendsPortMessage, type VerifyPortMessage } from './protocol';

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

/** Asks the background whether today's log still extends the heads the clerk kept, over an `EXTENDS_PORT` port. */
export function checkKeptHeadsOverPort(heads: readonly KeptHead[], onProgress: (checked: number, total: number) => void): Promise<ExtendsResult> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: EXTENDS_PORT });
    let settled = false;
    port.onMessage.addListener((message: unknown) => {
      if (!isPortMessage(message)) return;
      const reply = message as unknown as ExtendsPortMessage;
      if (reply.type === 'progress') {
        onProgress(reply.checked, reply.total);
        return;
      }
      settled = true;
      resolve(reply.result);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      if (!settled) reject(new Error(browser.runtime.lastError?.message ?? 'the background stopped before the check finished'));
    });
    port.postMessage({ type: 'check', heads: [...heads] });
  });
}
