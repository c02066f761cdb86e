import { browser } from 'wxt/browser';
import { createPortalRegistrar } from '@/utils/portal-registration';
import { PICKER_SCRIPT } from '@/utils/portals';
import type { TeachMessage } from '@/utils/messaging/profile-protocol';

/** Open pages re-read their profiles when one is saved, removed or switched. */
export const PROFILES_CHANGED = 'doctrail.profilesChanged';
/** A picker message passed between the frames of one tab. */
export const TEACH_MESSAGE = 'doctrail.teach';

/** Enabled portals: the overlay's run-time registration follows the granted host permissions. */
export function startPortals(): void {
  const registrar = createPortalRegistrar(browser);
  registrar.listen();
  // Every start of the background: Chrome drops registered scripts on an update, Firefox on a restart of the add-on.
  void registrar.sync().catch((error: unknown) => console.warn('DocTrail: could not register the overlay on enabled portals', error));
}

export async function broadcastProfilesChanged(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, { type: PROFILES_CHANGED }).catch(() => undefined);
}

/** Starts 教我识别 in every frame of the tab DocTrail may script (an enabled portal). */
export async function startTeaching(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [PICKER_SCRIPT] });
    return true;
  } catch (error) {
    console.warn('DocTrail: could not start the picker', error);
    return false;
  }
}

export async function relayTeach(tabId: number, message: TeachMessage, toTop: boolean): Promise<boolean> {
  const sent = { type: TEACH_MESSAGE, ...message };
  return browser.tabs
    .sendMessage(tabId, sent, toTop ? { frameId: 0 } : undefined)
    .then(() => true)
    .catch(() => false);
}
