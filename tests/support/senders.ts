/**
 * Message senders as the browser reports them (runtime.MessageSender), for unit tests of the background's handler:
 * one of DocTrail's own pages, or its content script on a portal page. See utils/messaging/sender-policy.ts.
 */
export function extensionPage(extensionId: string, page = 'options.html'): { id: string; url: string; origin: string } {
  return { id: extensionId, url: `chrome-extension://${extensionId}/${page}`, origin: `chrome-extension://${extensionId}` };
}

export function contentScript(extensionId: string, url: string, tabId = 7): { id: string; url: string; origin: string; tab: { id: number }; frameId: number } {
  return { id: extensionId, url, origin: new URL(url).origin, tab: { id: tabId }, frameId: 0 };
}

/** The test build's pre-enabled portals (utils/portals.ts PRE_ENABLED_MATCHES), as the background's `isPortal`. */
export const testPortals = (url: string): boolean => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url);
