import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PRE_ENABLED_MATCHES } from './utils/portals';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // The test flavour (`--mode test`) is the same extension; both are limited to the
    // sample portal's origins until portals can be enabled at run time.
    host_permissions: PRE_ENABLED_MATCHES,
    // storage: the overlay remembers whether the clerk collapsed it; alarms and notifications:
    // due-soon and overdue reminders that survive the worker being stopped.
    permissions: ['storage', 'alarms', 'notifications'],
    // Firefox keeps an extension's IndexedDB only under a stable add-on id.
    ...(browser === 'firefox' && { browser_specific_settings: { gecko: { id: 'doctrail@doctrail.local' } } }),
  }),
});
