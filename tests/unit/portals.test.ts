import { describe, expect, it, vi } from 'vitest';
import { createPortalRegistrar, PORTAL_SCRIPT_ID, PORTALS_DISABLED, type PortalApi } from '@/utils/portal-registration';
import { originPattern, tabOriginPattern, webOrigins } from '@/utils/portals';

describe('portal addresses', () => {
  it('turns what a clerk types into the origin pattern the browser grants', () => {
    expect(originPattern('oa.example.gov.cn')).toBe('*://oa.example.gov.cn/*');
    expect(originPattern(' http://10.1.2.3:8080/seeyon/index.jsp ')).toBe('http://10.1.2.3/*');
    expect(originPattern('https://OA.Example.gov.cn/a?b=1')).toBe('https://oa.example.gov.cn/*');
    expect(originPattern('*.example.gov.cn')).toBe('*://*.example.gov.cn/*');
    expect(originPattern('localhost:3000')).toBe('*://localhost/*');
    for (const bad of ['', 'oa', 'ftp://x.cn', 'javascript:alert(1)', 'file:///etc/passwd', 'a b.cn', 'http://u:p@x.cn/']) expect(originPattern(bad)).toBeUndefined();
    expect(tabOriginPattern('chrome://extensions')).toBeUndefined();
    expect(tabOriginPattern('http://127.0.0.1:41234/doc.html')).toBe('http://127.0.0.1/*');
    expect(webOrigins(['<all_urls>', 'file:///*', '*://x.cn/*'])).toEqual(['*://x.cn/*']);
  });
});

/** A browser with granted origins, registered scripts and open tabs, recording what DocTrail asks of it. */
function fakeApi(granted: string[], declared: string[] = []) {
  let registered: { id: string; matches?: string[] }[] = [];
  const listeners = { added: [] as ((p: { origins?: string[] }) => void)[], removed: [] as ((p: { origins?: string[] }) => void)[] };
  const calls: string[] = [];
  const api = {
    runtime: { getManifest: () => ({ content_scripts: declared.length ? [{ matches: declared, js: ['x.js'] }] : undefined }) },
    permissions: {
      getAll: async () => ({ origins: [...granted] }),
      onAdded: { addListener: (l: (p: { origins?: string[] }) => void) => listeners.added.push(l) },
      onRemoved: { addListener: (l: (p: { origins?: string[] }) => void) => listeners.removed.push(l) },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id)),
      registerContentScripts: async (scripts: { id: string; matches?: string[] }[]) => {
        calls.push(`register ${scripts[0]!.matches!.join(' ')}`);
        registered.push(...scripts);
      },
      updateContentScripts: async (scripts: { id: string; matches?: string[] }[]) => {
        calls.push(`update ${scripts[0]!.matches!.join(' ')}`);
        registered = registered.map((s) => (s.id === scripts[0]!.id ? scripts[0]! : s));
      },
      unregisterContentScripts: async () => {
        calls.push('unregister');
        registered = [];
      },
      executeScript: vi.fn(async () => []),
    },
    tabs: {
      query: async ({ url }: { url?: string[] }) => (url ? [{ id: 7, url: 'http://oa.x.cn/doc' }] : [{ id: 7 }, { id: 8 }]),
      sendMessage: vi.fn(async () => undefined),
    },
  };
  return { api: api as unknown as PortalApi, raw: api, calls, listeners, registered: () => registered, grant: (o: string) => granted.push(o), revoke: (o: string) => granted.splice(granted.indexOf(o), 1) };
}

describe('run-time registration of the overlay', () => {
  it('registers nothing while no portal is enabled', async () => {
    const fake = fakeApi([]);
    expect(await createPortalRegistrar(fake.api).sync()).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('registers the overlay for exactly the granted origins, leaving out those the manifest declares', async () => {
    const fake = fakeApi(['http://127.0.0.1/*', '*://oa.x.cn/*', '<all_urls>'], ['http://127.0.0.1/*']);
    const registrar = createPortalRegistrar(fake.api);
    expect(await registrar.sync()).toEqual(['*://oa.x.cn/*']);
    expect(fake.registered()).toEqual([expect.objectContaining({ id: PORTAL_SCRIPT_ID, matches: ['*://oa.x.cn/*'], allFrames: true, matchOriginAsFallback: true, persistAcrossSessions: true })]);
    // A second start changes nothing; a new grant updates the one script.
    await registrar.sync();
    fake.grant('https://oa2.x.cn/*');
    await registrar.sync();
    expect(fake.calls).toEqual(['register *://oa.x.cn/*', 'update *://oa.x.cn/* https://oa2.x.cn/*']);
  });

  it('follows grants and removals: the new portal’s open tabs get the overlay, a removed one is taken down', async () => {
    const fake = fakeApi([]);
    const registrar = createPortalRegistrar(fake.api);
    registrar.listen();
    fake.grant('*://oa.x.cn/*');
    fake.listeners.added[0]!({ origins: ['*://oa.x.cn/*'] });
    await vi.waitFor(() => expect(fake.raw.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, allFrames: true }, files: ['/content-scripts/overlay.js'] }));
    expect(fake.calls).toEqual(['register *://oa.x.cn/*']);
    fake.revoke('*://oa.x.cn/*');
    fake.listeners.removed[0]!({ origins: ['*://oa.x.cn/*'] });
    await vi.waitFor(() => expect(fake.raw.tabs.sendMessage).toHaveBeenCalledWith(8, { type: PORTALS_DISABLED, origins: ['*://oa.x.cn/*'] }));
    expect(fake.calls).toEqual(['register *://oa.x.cn/*', 'unregister']);
  });
});
