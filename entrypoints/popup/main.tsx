import '@/components/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import type { PopupPortalApi } from '@/components/PopupPortal';
import { ask } from '@/utils/messaging/background-client';
import { createTranslator, pickLanguage } from '@/utils/i18n';
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

const language = pickLanguage(navigator.languages);
document.documentElement.lang = language;
render(
  <Popup loadSummary={() => ask({ type: 'register.summary' })} t={createTranslator(language)} portal={portal} />,
  document.getElementById('app')!,
);
