import { browser } from 'wxt/browser';
import { webOrigins } from '@/utils/portals';

/** The browser's host permissions as the settings page needs them (a fake in unit tests). */
export interface PortalsApi {
  /** Granted web origins, and those the manifest declares (the test build's pre-enabled ones). */
  list(): Promise<{ origins: string[]; declared: string[] }>;
  /** Must run inside the click: the browser asks the clerk. */
  request(origin: string): Promise<boolean>;
  remove(origin: string): Promise<boolean>;
  /** Calls back when a permission is granted or removed anywhere (the popup, the browser's site-access menu). */
  onChange(listener: () => void): () => void;
}

export const browserPortalsApi: PortalsApi = {
  async list() {
    const manifest = browser.runtime.getManifest();
    const declared = [...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? [])];
    return { origins: webOrigins((await browser.permissions.getAll()).origins), declared: [...new Set(declared)] };
  },
  request: (origin) => browser.permissions.request({ origins: [origin] }),
  remove: (origin) => browser.permissions.remove({ origins: [origin] }),
  onChange(listener) {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
};
