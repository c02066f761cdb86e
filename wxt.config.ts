import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { OVERLAY_SCRIPT, PRE_ENABLED_MATCHES } from './utils/portals';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every file names what it uses: no auto-imports of WXT's APIs or of the project's own utils.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script runs on every portal page and counts against a 40 KB (gzipped) budget: it talks to the
    // browser's own promise-based API (Chrome MV3, Firefox), not through webextension-polyfill (~3 KB gzipped), which
    // the background and the extension's pages keep. Its one onMessage listener answers with sendResponse.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const native = '@wxt-dev/browser';
      if (Array.isArray(alias)) {
        for (const entry of alias) if (entry.find === 'wxt/browser') entry.replacement = native;
      } else if (alias) {
        (alias as Record<string, string>)['wxt/browser'] = native;
      }
    },
    // The production manifest declares no content script at all (WXT leaves an empty list behind).
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!manifest.content_scripts?.length) delete manifest.content_scripts;
    },
  },
  manifest: ({ browser, manifestVersion, mode }) => {
    // The test flavour (`--mode test`) is the same extension, pre-enabled for the local sample portal: the
    // overlay is declared for those origins in the manifest. Every other portal — all of them in the
    // production build — is enabled by the clerk at run time (utils/portal-registration.ts).
    const preEnabled = mode === 'test';
    const anyHost = ['*://*/*'];
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'zh_CN',
      // storage: the overlay remembers whether the clerk collapsed it; alarms and notifications: due-soon and
      // overdue reminders that survive the worker being stopped; scripting: the overlay is registered at run time
      // on the portals the clerk enables (and the 教我识别 picker injected there); activeTab: the popup reads the
      // current tab's address, only when the clerk opens it, to offer 在此网站启用文迹.
      // The keyboard path to the overlay: the clerk can rebind it in the browser's extension shortcuts page.
      commands: {
        'focus-overlay': { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_commandFocusOverlay__' },
      },
      permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
      // No host access at install: a portal is asked for, origin by origin, when the clerk enables it.
      ...(manifestVersion === 3 ? { optional_host_permissions: anyHost } : { optional_permissions: anyHost }),
      ...(preEnabled && {
        host_permissions: PRE_ENABLED_MATCHES,
        // Frames without an origin of their own (about:blank, about:srcdoc, document.write) that an OA shell nests
        // inside a portal page get the overlay too: Chrome by the creator's origin, Firefox by match_about_blank.
        content_scripts: [
          {
            matches: PRE_ENABLED_MATCHES,
            js: [OVERLAY_SCRIPT.slice(1)],
            all_frames: true,
            match_about_blank: true,
            ...(browser !== 'firefox' && { match_origin_as_fallback: true }),
            run_at: 'document_idle' as const,
          },
        ],
      }),
      // Firefox keeps an extension's IndexedDB only under a stable add-on id.
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          // data_collection_permissions: DocTrail collects and transmits nothing (Firefox 140+ asks every add-on to say so).
          gecko: { id: 'doctrail@doctrail.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          gecko_android: { strict_min_version: '142.0' },
        },
      }),
    };
  },
});
