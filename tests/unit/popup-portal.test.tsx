// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupPortal, type PopupPortalApi, type PortalState } from '@/components/PopupPortal';
import { createPopupTranslator } from '@/utils/i18n/popup';
import { teachEn } from '@/utils/i18n/teach-en';
import { teachZhCN } from '@/utils/i18n/teach-zh-CN';

const t = createPopupTranslator('zh-CN');
let root: HTMLElement;
// Unmounted inside act(): no effect of the test's component is left to run after jsdom is torn down.
afterEach(async () => {
  if (root) await act(async () => render(null, root!));
  root?.remove();
});

type FakeApi = PopupPortalApi & { state: PortalState };

function api(initial: PortalState, overrides: Partial<PopupPortalApi> = {}): FakeApi {
  const fake: FakeApi = {
    state: initial,
    current: vi.fn(async () => fake.state),
    enable: vi.fn(async () => {
      fake.state = { ...(fake.state as Extract<PortalState, { origin: string }>), state: 'enabled' };
      return true;
    }),
    disable: vi.fn(async () => {
      fake.state = { ...(fake.state as Extract<PortalState, { origin: string }>), state: 'disabled' };
      return true;
    }),
    teach: vi.fn(async () => undefined),
    openSettings: vi.fn(),
    ...overrides,
  };
  return fake;
}

async function mount(portal: PopupPortalApi) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<PopupPortal api={portal} t={t} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root;
}

const click = async (el: Element) => act(async () => (el as HTMLElement).click());
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('popup: the current tab’s portal', () => {
  it('offers to enable a site DocTrail does not run on, asking for exactly its origin', async () => {
    const fake = api({ state: 'disabled', origin: 'http://oa.x.cn/*', tabId: 3 });
    await mount(fake);
    expect(root.querySelector('[data-testid=popup-portal]')!.getAttribute('data-state')).toBe('disabled');
    expect(root.textContent).toContain('oa.x.cn');
    expect(root.textContent).toContain('文迹未在此网站运行');
    await click(button('在此网站启用文迹'));
    expect(fake.enable).toHaveBeenCalledWith('http://oa.x.cn/*');
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[data-testid=popup-portal]')!.getAttribute('data-state')).toBe('enabled');
    expect(root.textContent).toContain('已启用。打开或刷新门户页面即可看到文迹。');
  });

  it('on an enabled site, teaches the page or disables the site', async () => {
    const fake = api({ state: 'enabled', origin: 'http://oa.x.cn/*', tabId: 3 });
    await mount(fake);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await click(button('教我识别此页'));
    expect(fake.teach).toHaveBeenCalledWith(3);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(close).toHaveBeenCalled();
    await click(button('停用'));
    expect(fake.disable).toHaveBeenCalledWith('http://oa.x.cn/*');
  });

  it('says when the page cannot have DocTrail, and a pre-enabled site cannot be disabled here', async () => {
    await mount(api({ state: 'unavailable' }));
    expect(root.textContent).toContain('此页面不是网页门户');
    expect(root.querySelectorAll('button')).toHaveLength(1); // 门户与识别规则…
    root.remove();
    await mount(api({ state: 'pre-enabled', origin: 'http://127.0.0.1/*', tabId: 1 }));
    expect(root.textContent).toContain('测试版已预先启用此网站');
    expect(button('停用')).toBeUndefined();
  });

  it('shows why teaching could not start', async () => {
    await mount(api({ state: 'enabled', origin: 'http://oa.x.cn/*', tabId: 3 }, { teach: async () => Promise.reject(new Error('Cannot access contents of the page')) }));
    await click(button('教我识别此页'));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[role=alert]')!.textContent).toBe('无法在此页启动识别：Cannot access contents of the page');
  });

  it('the picker speaks both languages', () => {
    expect(Object.keys(teachEn).sort()).toEqual(Object.keys(teachZhCN).sort());
  });
});
