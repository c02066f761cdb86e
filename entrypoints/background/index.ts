import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { broadcastProfilesChanged, relayTeach, startPortals, startTeaching } from './portals';
import { listenForExports } from './export-port';
import { createReminders } from './reminders';
import { listenForVerification } from './verify-port';

export default defineBackground(() => {
  let opened: Promise<RegisterDB> | undefined;
  const db = () =>
    (opened ??= openRegister().catch((error: unknown) => {
      opened = undefined; // let the next message try again instead of failing forever
      throw error;
    }));
  const now = () => new Date();
  const reminders = createReminders({ db, now });
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const handle = createMessageHandler({
    db,
    now,
    extensionId: browser.runtime.id,
    onRegisterChanged: () => {
      clearTimeout(recheck);
      recheck = setTimeout(() => void reminders.check(), 300);
    },
    onProfilesChanged: () => void broadcastProfilesChanged(),
    startTeaching,
    relayTeach,
    backup: {
      fetchBlob: (url) => fetch(url).then((response) => response.blob()),
      origin: new URL(browser.runtime.getURL('/')).origin,
      languages: navigator.languages,
    },
  });
  // Returning the promise answers the sender; nothing is registered for external messages,
  // so web pages have no way in.
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
  listenForVerification(db);
  listenForExports(db);
  startPortals();
  reminders.listen();
  // Every start of the worker (browser start, install, update, a wake-up by the alarm) runs a round
  // and schedules the next: alarms are not guaranteed to survive a browser restart.
  void reminders.check();
});
