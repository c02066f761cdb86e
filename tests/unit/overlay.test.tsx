// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay, type OverlayBackend } from '@/components/Overlay';
import type { DocumentRecord } from '@/utils/document-schema';
import { createTranslator } from '@/utils/i18n';
import { draft } from '../support/drafts';

const t = createTranslator('zh-CN');
const HOSTILE = '<img src=x onerror=alert(1)>关于测试的通知';

function record(): DocumentRecord {
  return { ...draft(), id: 'd1', registrationNo: '收〔2026〕0001号', status: 'registered', createdAt: 1, updatedAt: 1 };
}

async function mount(backend: OverlayBackend, title = draft().title) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<Overlay kind="detail" draft={draft({ title })} placement={{ corner: 'bottom-right', startCollapsed: false }} backend={backend} t={t} />, root);
  });
  await act(() => new Promise((settled) => setTimeout(settled, 0))); // let the register lookup answer
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('overlay', () => {
  it('shows hostile page text as text, never as markup', async () => {
    const root = await mount({ lookup: async () => null, register: vi.fn() }, HOSTILE);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.dt-title')?.textContent).toBe(HOSTILE);
  });

  it('shows the number of a document already in the register instead of a register button', async () => {
    const root = await mount({ lookup: async () => record(), register: vi.fn() });
    expect(root.querySelector('.dt-regno')?.textContent).toBe('收〔2026〕0001号');
    expect(root.querySelector('.dt-primary')).toBeNull();
  });

  it('ignores a click that a page script fakes on the register button', async () => {
    const register = vi.fn(async () => record());
    const root = await mount({ lookup: async () => null, register });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.dt-primary')!.click(); // untrusted, like page script
    });
    expect(register).not.toHaveBeenCalled();
    expect(root.textContent).toContain('此文尚未登记');
  });

  it('starts as a pill that still tells the status when the page has no free corner, and expands on click', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(
        <Overlay kind="detail" draft={draft()} placement={{ corner: 'top-left', startCollapsed: true }} backend={{ lookup: async () => record(), register: vi.fn() }} t={t} />,
        root,
      );
    });
    await act(() => new Promise((settled) => setTimeout(settled, 0)));
    const pill = root.querySelector<HTMLButtonElement>('.dt-pill.dt-top-left')!;
    expect(pill.textContent).toBe('文迹 收〔2026〕0001号');
    expect(root.querySelector('.dt-panel')).toBeNull();
    await act(async () => pill.click());
    expect(root.querySelector('.dt-panel .dt-regno')?.textContent).toBe('收〔2026〕0001号');
  });

  it('says why a lookup failed', async () => {
    const root = await mount({ lookup: async () => Promise.reject(new Error('数据库不可用')), register: vi.fn() });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('操作未完成：数据库不可用');
  });
});
