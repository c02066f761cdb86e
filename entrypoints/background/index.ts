import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { statsBuckets, statsStale } from '@/utils/register/stats-store';
import { readSettings } from '@/utils/register/settings-store';
import { LANGUAGE_KEY, OVERLAY_ENGLISH_KEY, PRESETS_KEY } from '@/utils/i18n';
import { en as overlayEnglish } from '@/utils/i18n/en';
import { FOCUS_OVERLAY } from '@/utils/portals';
import { broadcastProfilesChanged, relayTeach, startPortals, startTeaching } from './portals';
import { listenForExports } from './export-port';
import { createReminders } from './reminders';
import { listenForExtendsChecks, listenForVerification } from './verify-port';
import { coordinateFrames } from './frames';
import { guardMirrors } from './mirrors';
import { createSenderContext } from './senders';
import { createPrintQuestions } from '@/utils/messaging/print-questions';
import { createProposals } from '@/utils/messaging/proposals';

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
  // The statistics' buckets are built again ahead of the clerk when a write went around them (an import, a restore,
  // an upgrade), so #/stats does not wait for it.
  const refreshStats = () =>
    void db()
      .then(async (register) => {
        if (await statsStale(register)) await statsBuckets(register);
      })
      .catch(() => undefined);
  // Who may send what: utils/messaging/sender-policy.ts.
  const senders = createSenderContext();
  // A print DocTrail did not hold is asked about in the tab's top frame; the frame's DocTrail answers `true` when it shows it.
  const printQuestions = createPrintQuestions((tabId, frameId, message) =>
    browser.tabs.sendMessage(tabId, message, { frameId }).then((shown) => shown === true),
  );
  /** The open proposals of 教我识别 (utils/messaging/proposals.ts) and the tab showing them. */
  const session = browser.storage.session;
  const proposals = createProposals({
    get: async (key) => (await session.get(key))[key],
    set: (key, value) => session.set({ [key]: value }),
    remove: (key) => session.remove(key),
  });
  let proposalTab: number | undefined;
  browser.tabs.onRemoved.addListener((tabId) => {
    printQuestions.forgetTab(tabId);
    if (proposalTab === tabId) proposalTab = undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') printQuestions.forgetTab(tabId);
  });
  const handle = createMessageHandler({
    db,
    now,
    extensionId: senders.extensionId,
    extensionOrigin: senders.extensionOrigin,
    isPortal: senders.isPortal,
    onRegisterChanged: () => {
      clearTimeout(recheck);
      recheck = setTimeout(() => (void reminders.check(), refreshStats()), 300);
    },
    onProfilesChanged: () => void broadcastProfilesChanged(),
    startTeaching,
    relayTeach,
    printQuestions,
    proposals: {
      // Kept for the browser session (survives the worker stopping); the clerk confirms it on an extension page,
      // which saves only what it showed (utils/messaging/proposals.ts). One proposal (and one tab for it) at a time:
      // a page proposing in a loop replaces it, never opening tabs by the hundred or filling the session storage.
      async propose(profile) {
        const id = await proposals.put(profile);
        const url = browser.runtime.getURL(`/options.html#/confirm-profile/${id}`);
        const reused = proposalTab !== undefined && (await browser.tabs.update(proposalTab, { url, active: true }).catch(() => undefined));
        if (!reused) proposalTab = (await browser.tabs.create({ url })).id;
        return true;
      },
      read: (id) => proposals.read(id),
      confirm: (id, digest) => proposals.confirm(id, digest),
    },
    backup: {
      fetchBlob: (url) => fetch(url).then((response) => response.blob()),
      origin: new URL(browser.runtime.getURL('/')).origin,
      languages: navigator.languages,
    },
  });
  // The 界面语言 setting, mirrored where every surface (popup, overlay, picker) reads it at start.
  const mirror = (settings: { language?: unknown; reasonPresets?: unknown }) =>
    void browser.storage.local.set({ [LANGUAGE_KEY]: settings.language, [PRESETS_KEY]: settings.reasonPresets }).catch(() => undefined);
  void db()
    .then(readSettings)
    .then(mirror, () => undefined);
  void browser.storage.local.set({ [OVERLAY_ENGLISH_KEY]: overlayEnglish }).catch(() => undefined);
  // Nobody else may change them (a content script can write storage.local): put back at once (mirrors.ts).
  guardMirrors(async () => {
    const settings = await readSettings(await db());
    return { [LANGUAGE_KEY]: settings.language, [PRESETS_KEY]: settings.reasonPresets, [OVERLAY_ENGLISH_KEY]: overlayEnglish };
  });
  // Returning the promise answers the sender; nothing is registered for external messages,
  // so web pages have no way in. Content scripts get only what sender-policy.ts allows them.
  browser.runtime.onMessage.addListener((message, sender) => {
    const answer = handle(message, sender);
    if ((message as { type?: unknown } | null)?.type === 'settings.update') {
      void answer.then((response) => response.ok && mirror(response.data as { language?: unknown; reasonPresets?: unknown }));
    }
    return answer;
  });
  // First run: what DocTrail does, enabling a portal, the clerk's name and department.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // The keyboard shortcut (Alt+Shift+D unless the clerk rebinds it): the overlay in the current tab takes the focus.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === FOCUS_OVERLAY && tab?.id !== undefined) void browser.tabs.sendMessage(tab.id, { type: FOCUS_OVERLAY }).catch(() => undefined);
  });
  listenForVerification(db, senders);
  listenForExtendsChecks(db, senders);
  coordinateFrames();
  listenForExports(db, senders);
  startPortals();
  reminders.listen();
  // A browser start runs the round too, whether or not a saved alarm survived the restart.
  browser.runtime.onStartup.addListener(() => void reminders.check());
  // Every start of the worker (browser start, install, update, a wake-up by the alarm) runs a round
  // and schedules the next: alarms are not guaranteed to survive a browser restart.
  void reminders.check();
  setTimeout(refreshStats, 5_000);
});
