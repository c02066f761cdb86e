import { browser, type Browser } from 'wxt/browser';
import { declaredMatches } from '@/utils/portal-registration';
import { webOrigins } from '@/utils/portals';
import { matchesPattern } from '@/utils/site-profiles/match-pattern';
import { classifySender, portAllowed, type Sender, type SenderContext } from '@/utils/messaging/sender-policy';

/**
 * The background's side of the sender allow-list (utils/messaging/sender-policy.ts): which origins are enabled
 * portals (granted host permissions plus the manifest's own content-script matches), kept in memory and dropped
 * whenever a permission is granted or removed.
 */
export function createSenderContext(): SenderContext {
  let portals: Promise<string[]> | undefined;
  const load = () =>
    (portals ??= browser.permissions.getAll().then(
      (all) => [...new Set([...webOrigins(all.origins), ...declaredMatches(browser)])],
      (error: unknown) => {
        portals = undefined;
        throw error;
      },
    ));
  const forget = () => (portals = undefined);
  browser.permissions.onAdded.addListener(forget);
  browser.permissions.onRemoved.addListener(forget);
  return {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    isPortal: async (url) => (await load()).some((pattern) => matchesPattern(pattern, url)),
  };
}

/** Who opened a port, if it may open one of that name; otherwise the port is disconnected and undefined returned. */
export async function admitPort(port: Browser.runtime.Port, context: SenderContext): Promise<Sender | undefined> {
  const sender = await classifySender(port.sender, context);
  if (portAllowed(port.name, sender)) return sender;
  port.disconnect();
  return undefined;
}
