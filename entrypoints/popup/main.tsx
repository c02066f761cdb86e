import '@/components/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import type { PopupPortalApi } from '@/components/PopupPortal';
import { ask } from '@/utils/messaging/background-client';
import { LANGUAGE_KEY, resolveLanguage } from '@/utils/i18n';
import { createPopupTranslator } from '@/utils/i18n/popup';
import { PICKER_SCRIPT, tabOriginPattern, webOrigins } from '@/utils/portals';
import { matchesPattern } from '@/utils/site-profiles/match-pattern';

/**
 * The current tab: the popup sees its address through activeTab, granted because the clerk clicked DocTrail's
 * toolbar button — no `tabs` permission, no access to any other tab.
 */
const portal: PopupPortalApi = {
  async current() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const origin = tabOriginPattern(tab?.url);
    if (tab?.id === undefined || !tab.url || !origin) return { state: 'unavailable' };
    const declared = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
    if (declared.some((pattern) => matchesPattern(pattern, tab.url!))) return { state: 'pre-enabled', origin, tabId: tab.id };
    const granted = webOrigins((await browser.permissions.getAll()).origins).some((pattern) => matchesPattern(pattern, tab.url!));
    return { state: granted ? 'enabled' : 'disabled', origin, tabId: tab.id };
  },
  // The background registers the overlay when the permission arrives (permissions.onAdded), even if the popup
  // closed while the browser asked.
  enable: (origin) => browser.permissions.request({ origins: [origin] }),
  async disable(origin) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Whatever granted pattern covers this site (it may have been enabled as *://host/* in settings).
    const covering = webOrigins((await browser.permissions.getAll()).origins).filter((pattern) => tab?.url && matchesPattern(pattern, tab.url));
    return browser.permissions.remove({ origins: covering.length ? covering : [origin] });
  },
  async teach(tabId) {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [PICKER_SCRIPT] });
  },
  openSettings() {
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#/settings') });
    window.close();
  },
};

/** The dashboard in a tab of its own (the popup closes): the register, filtered, or one document. */
function openDashboard(hash: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}` as '/options.html') });
  window.close();
}

/** Whether DocTrail runs on any portal: one the clerk enabled, or one the build declares. */
async function anyPortal(): Promise<boolean> {
  const declared = (browser.runtime.getManifest().content_scripts ?? []).some((script) => script.matches?.length);
  return declared || webOrigins((await browser.permissions.getAll()).origins).length > 0;
}

async function start() {
  // The clerk's 界面语言 from the dashboard, else the browser's.
  const stored = await browser.storage.local.get(LANGUAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  const language = resolveLanguage(stored[LANGUAGE_KEY], navigator.languages);
  document.documentElement.lang = language;
  render(
    <Popup
      loadSummary={() => ask({ type: 'register.summary' })}
      t={createPopupTranslator(language)}
      portal={portal}
      openDashboard={openDashboard}
      anyPortal={anyPortal}
      calendar={{ coveredUntil: () => ask({ type: 'settings.get' }).then((answer) => answer.calendar.coveredUntil), now: () => new Date(), store: localStorage }}
    />,
    document.getElementById('app')!,
  );
}

void start();
