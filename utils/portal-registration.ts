/**
 * Runs the overlay only on the portals the clerk enabled. The background keeps one registered content script
 * (`scripting.registerContentScripts`, persisted across browser restarts) whose matches are exactly the granted
 * host permissions, minus origins the manifest already declares it for (the test build's pre-enabled ones). It
 * re-syncs at every start of the background — Chrome drops registered scripts when the extension updates — and
 * whenever a permission is granted or removed, from DocTrail's own popup or settings or from the browser's
 * site-access menu. Tabs already open on a newly enabled portal get the overlay at once; tabs on a disabled one are
 * told to take it down.
 *
 * Why not `webext-dynamic-content-scripts`: it registers the manifest's `content_scripts` for each granted origin, so
 * it needs a `content_scripts` entry with real matches in the manifest — which would itself be host access at install.
 */
import type { browser } from 'wxt/browser';
import { OVERLAY_SCRIPT, webOrigins } from './portals';

export const PORTAL_SCRIPT_ID = 'doctrail-portals';

/** What this module needs of the extension API (the real `browser`, or a fake in unit tests). */
export type PortalApi = Pick<typeof browser, 'permissions' | 'scripting' | 'runtime' | 'tabs'>;

/** Sent to every tab when a portal is disabled: the overlay there takes itself down. */
export const PORTALS_DISABLED = 'doctrail.portalsDisabled';

/** Origins the manifest's own content scripts already cover (they need no run-time registration). */
export function declaredMatches(api: PortalApi): string[] {
  return (api.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
}

/** Granted web origins: the portals the overlay should run on. */
export async function enabledOrigins(api: PortalApi): Promise<string[]> {
  return webOrigins((await api.permissions.getAll()).origins);
}

export interface PortalRegistrar {
  /** Makes the registered script's matches equal to the granted origins; returns them. */
  sync(): Promise<string[]>;
  /** Listens for granted and removed permissions (call once per background start). */
  listen(): void;
}

export function createPortalRegistrar(api: PortalApi): PortalRegistrar {
  let queue: Promise<unknown> = Promise.resolve();
  // One change at a time: a grant arriving while the start-up sync runs must not register the script twice.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const syncNow = async (): Promise<string[]> => {
    const declared = new Set(declaredMatches(api));
    const wanted = (await enabledOrigins(api)).filter((origin) => !declared.has(origin)).sort();
    const [existing] = await api.scripting.getRegisteredContentScripts({ ids: [PORTAL_SCRIPT_ID] });
    if (!wanted.length) {
      if (existing) await api.scripting.unregisterContentScripts({ ids: [PORTAL_SCRIPT_ID] });
      return [];
    }
    // matchOriginAsFallback: about:blank, about:srcdoc and document.write frames of an OA shell, nested at any
    // depth, run the overlay when the portal page that made them is enabled.
    const script = { id: PORTAL_SCRIPT_ID, js: [OVERLAY_SCRIPT], matches: wanted, allFrames: true, matchOriginAsFallback: true, runAt: 'document_idle' as const, persistAcrossSessions: true };
    const write = (entry: typeof script | Omit<typeof script, 'matchOriginAsFallback'>) =>
      !existing
        ? api.scripting.registerContentScripts([entry])
        : JSON.stringify([...(existing.matches ?? [])].sort()) !== JSON.stringify(wanted) || existing.matchOriginAsFallback !== script.matchOriginAsFallback
          ? api.scripting.updateContentScripts([entry])
          : Promise.resolve();
    try {
      await write(script);
    } catch (error) {
      // A browser that does not know the key (older Firefox) refuses the whole script: register it without.
      if (!/matchOriginAsFallback/i.test(String(error))) throw error;
      const { matchOriginAsFallback: _unsupported, ...plain } = script;
      await write(plain);
    }
    return wanted;
  };

  /** The overlay in tabs already open on newly enabled origins (content scripts only reach pages loaded later). */
  const injectIntoOpenTabs = async (origins: string[]) => {
    if (!origins.length) return;
    const tabs = await api.tabs.query({ url: origins }).catch(() => []);
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : api.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [OVERLAY_SCRIPT] }).catch(() => undefined),
      ),
    );
  };

  const tellTabs = async (origins: string[]) => {
    const tabs = await api.tabs.query({}).catch(() => []);
    for (const tab of tabs) {
      if (tab.id !== undefined) api.tabs.sendMessage(tab.id, { type: PORTALS_DISABLED, origins }).catch(() => undefined);
    }
  };

  return {
    sync: () => serial(syncNow),
    listen() {
      api.permissions.onAdded.addListener((added) => {
        const origins = webOrigins(added.origins);
        if (origins.length) void serial(syncNow).then(() => injectIntoOpenTabs(origins));
      });
      api.permissions.onRemoved.addListener((removed) => {
        const origins = webOrigins(removed.origins);
        if (origins.length) void serial(syncNow).then(() => tellTabs(origins));
      });
    },
  };
}
