// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnvContext, type Ask, type DashboardEnv } from '@/components/dashboard/env';
import { PortalsSection } from '@/components/dashboard/PortalsSection';
import { ProfilesSection } from '@/components/dashboard/ProfilesSection';
import type { PortalsApi } from '@/components/dashboard/portals-api';
import { createDashboardTranslator } from '@/utils/i18n/dashboard';
import { BUILT_IN_PROFILES } from '@/utils/site-profiles/built-in';

const t = createDashboardTranslator('zh-CN');
let root: HTMLElement;
// Unmounted inside act(): no effect of the test's component is left to run after jsdom is torn down.
afterEach(async () => {
  if (root) await act(async () => render(null, root!));
  root?.remove();
});
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

async function mount(node: preact.ComponentChild, ask: Ask = (async () => ({})) as unknown as Ask) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<EnvContext.Provider value={{ ask, t, now: () => new Date(2026, 10, 23), navigate: () => undefined } as unknown as DashboardEnv}>{node}</EnvContext.Provider>, root));
  await settle();
}

function fakePortals(origins: string[], declared: string[] = []) {
  return {
    list: async () => ({ origins: [...origins], declared }),
    request: vi.fn(async (origin: string) => {
      origins.push(origin);
      return true;
    }),
    remove: vi.fn(async (origin: string) => {
      origins.splice(origins.indexOf(origin), 1);
      return true;
    }),
    onChange: () => () => undefined,
  } satisfies PortalsApi;
}

const input = (value: string) =>
  act(async () => {
    const field = root.querySelector<HTMLInputElement>('input[name=portalAddress]')!;
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = () =>
  act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });

describe('settings: portals', () => {
  it('enables a typed address as its origin pattern, and disables one; pre-enabled origins stay', async () => {
    const api = fakePortals(['http://127.0.0.1/*'], ['http://127.0.0.1/*']);
    await mount(<PortalsSection api={api} />);
    expect(root.textContent).toContain('测试版预置');
    await input('http://10.1.2.3:8080/seeyon/index.jsp');
    expect(root.textContent).toContain('浏览器将询问是否允许访问 http://10.1.2.3/*');
    await submit();
    await settle();
    expect(api.request).toHaveBeenCalledWith('http://10.1.2.3/*');
    expect(root.textContent).toContain('已启用 http://10.1.2.3');
    const row = root.querySelector('li[data-origin="http://10.1.2.3/*"]')!;
    await act(async () => row.querySelector('button')!.click());
    await settle();
    expect(api.remove).toHaveBeenCalledWith('http://10.1.2.3/*');
    expect(root.querySelector('li[data-origin="http://10.1.2.3/*"]')).toBeNull();
  });

  it('refuses what is not a web address without asking the browser', async () => {
    const api = fakePortals([]);
    await mount(<PortalsSection api={api} />);
    expect(root.querySelector('[data-testid=portals-none]')).not.toBeNull();
    await input('ftp://oa.example.gov.cn');
    await submit();
    expect(api.request).not.toHaveBeenCalled();
    expect(root.querySelector('[role=alert]')!.textContent).toContain('不是网页地址');
  });
});

describe('settings: site profiles', () => {
  it('lists profiles with their health, shows a broken one prominently, switches one off and imports a file', async () => {
    const requests: { type: string }[] = [];
    const entries = BUILT_IN_PROFILES.map((profile) => ({ profile, builtIn: true, replacesBuiltIn: false, off: false, health: null as unknown, sites: [] as unknown[] }));
    entries[0]!.health = { health: 'broken', url: 'http://oa.x.cn/index.php?m=flow&mid=3', missing: ['title'], at: 0, origin: 'http://oa.x.cn' };
    entries[0]!.sites = [entries[0]!.health];
    const ask = (async (request: { type: string; off?: boolean; id?: string }) => {
      requests.push(request);
      if (request.type === 'profiles.list') return { profiles: entries.map((e) => ({ ...e })), learned: [] };
      if (request.type === 'profiles.toggle') {
        entries.find((e) => e.profile.id === request.id)!.off = !!request.off;
        return { id: request.id, off: request.off };
      }
      if (request.type === 'profiles.save') return { saved: ['x'] };
      throw new Error('unexpected');
    }) as unknown as Ask;
    await mount(<ProfilesSection />, ask);
    expect(root.querySelector('[data-testid=profile-broken]')!.textContent).toContain('门户可能已改版');
    expect(root.querySelector('tr[data-profile=xinhu-like] .health')!.getAttribute('data-health')).toBe('broken');
    expect(root.querySelector('tr[data-profile=tongda-like] .health')!.textContent).toBe('尚未用过');

    await act(async () => root.querySelector<HTMLInputElement>('tr[data-profile=xinhu-like] input[type=checkbox]')!.click());
    await settle();
    expect(requests).toContainEqual({ type: 'profiles.toggle', id: 'xinhu-like', off: true });
    expect(root.querySelector('tr[data-profile=xinhu-like] .health')!.getAttribute('data-health')).toBe('off');
    expect(root.querySelector('[data-testid=profile-broken]')).toBeNull();

    const file = (name: string, text: string) => Object.assign(new Blob([text]), { name, text: async () => text }) as unknown as File;
    const fileInput = root.querySelector<HTMLInputElement>('input[name=profileFiles]')!;
    Object.defineProperty(fileInput, 'files', { value: [file('broken.json', '{"format":"other"}')], configurable: true });
    await act(async () => {
      fileInput.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(root.querySelector('[data-testid=profiles-error]')!.textContent).toContain('broken.json 未导入：format: not a DocTrail profile file');
    expect(requests.some((r) => r.type === 'profiles.save')).toBe(false);
  });
});
