import type { Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/**
 * Evaluates an expression inside DocTrail's content-script world of the page's main frame
 * (where `chrome.runtime` is the extension's), as a compromised or buggy content script would.
 */
export async function evaluateInContentScript(page: Page, extensionName: RegExp, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && extensionName.test(c.name));
  if (!world) throw new Error(`no content-script world; saw ${contexts.map((c) => `${c.auxData?.type}:${c.name}`).join(', ')}`);
  const result = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
  return result.result.value;
}
