// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '@/components/Overlay';
import type { OverlayBackend } from '@/components/overlay-backend';
import type { DocumentDraft } from '@/utils/documents/document-schema';
import { createTranslator } from '@/utils/i18n';
import type { Placement } from '@/utils/overlay-placement';
import { PromptBus } from '@/utils/messaging/prompt-bus';
import type { DocumentStateData } from '@/utils/messaging/protocol';
import { draft } from '../support/drafts';

const t = createTranslator('zh-CN');
const HOSTILE = '<img src=x onerror=alert(1)>关于测试的通知';
const OPEN: Placement = { panel: { left: 900, top: 100, width: 360, height: 600 }, rail: { side: 'right', top: 600 } };

function state(overrides: Partial<DocumentStateData['document']> = {}, circulation: DocumentStateData['circulation'] = []): DocumentStateData {
  return {
    document: { ...draft(), id: 'd1', registrationNo: '收〔2026〕0001号', status: 'registered', createdAt: 1, updatedAt: 1, ...overrides },
    circulation,
  };
}

function backend(overrides: Partial<OverlayBackend> = {}): OverlayBackend {
  return {
    lookup: async () => null,
    register: vi.fn(async () => ({ state: state(), created: true })),
    logHandling: vi.fn(async () => state()),
    send: vi.fn(async () => state()),
    markReturned: vi.fn(async () => state()),
    correctClassification: vi.fn(async () => state()),
    printUnheld: vi.fn(async () => undefined),
    ...overrides,
  };
}

async function settle() {
  await act(() => new Promise((done) => setTimeout(done, 0)));
}

async function mount(b: OverlayBackend, options: { draft?: DocumentDraft; placement?: Placement; bus?: PromptBus } = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<Overlay kind="detail" draft={options.draft ?? draft()} placement={options.placement ?? OPEN} backend={b} t={t} today="2026-11-23" bus={options.bus} />, root);
  });
  await settle();
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('overlay', () => {
  it('shows hostile page text as text, never as markup', async () => {
    const root = await mount(backend(), { draft: draft({ title: HOSTILE }) });
    expect(root.querySelector('img')).toBeNull();
    expect((root.querySelector('.dt-form input') as HTMLInputElement).value).toBe(HOSTILE);
  });

  it('shows the number, status and deadline countdown of a document already in the register', async () => {
    const root = await mount(backend({ lookup: async () => state({ deadline: '2026-11-20' }) }));
    expect(root.querySelector('.dt-regno')?.textContent).toBe('收〔2026〕0001号');
    expect(root.querySelector('.dt-chip-overdue')?.textContent).toBe('已逾期 3 天');
    expect(root.querySelector('.dt-form')).toBeNull();
  });

  it('says only “registered” for a document registered from another site, with no number, title or form', async () => {
    const root = await mount(backend({ lookup: async () => 'elsewhere' }));
    expect(root.querySelector('.dt-elsewhere')?.textContent).toContain('已登记（来自其他网站）');
    expect(root.querySelector('.dt-regno')).toBeNull();
    expect(root.querySelector('.dt-form')).toBeNull();
    expect(root.textContent).not.toContain('收〔2026〕');
  });

  it('ignores a register click or form submission that a page script fakes', async () => {
    const b = backend();
    const root = await mount(b);
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.dt-form .dt-primary')!.click();
      root.querySelector<HTMLFormElement>('.dt-form')!.requestSubmit();
      root.querySelector('.dt-form input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(b.register).not.toHaveBeenCalled();
  });

  it('flags missing required elements and asks for a 密级 the page does not show', async () => {
    const root = await mount(backend(), { draft: draft({ classification: undefined, docNumber: undefined, receivedDate: undefined }) });
    expect(root.querySelector('.dt-missing-list')?.textContent).toBe('缺少必备要素：文号、密级、收文日期');
    expect(root.textContent).toContain('页面未标明密级，请确认');
    expect(root.querySelector<HTMLButtonElement>('.dt-form .dt-primary')!.disabled).toBe(true);
  });

  it('shows the 秘密 banner with its handling rules and its period', async () => {
    const root = await mount(backend(), { draft: draft({ classification: 'confidential', classificationPeriod: '5年' }) });
    const banner = root.querySelector('.dt-secret')!;
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('秘密公文（保密期限 5年）');
    // One line of rules, so the panel's action row stays in view; 详情 opens the full rules.
    expect(banner.querySelector('.dt-secret-short')?.textContent).toBe('机要渠道传递；打印、复制、下载须填理由');
    expect(banner.textContent).not.toContain('须经本机关负责人批准');
    await act(async () => banner.querySelector<HTMLButtonElement>('.dt-more')!.click());
    expect(banner.textContent).toContain('须经本机关负责人批准');
    expect(banner.querySelector('.dt-more')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('lists who has not returned a circulated document', async () => {
    const circulation = [
      { recipient: '王局长', purpose: 'read' as const, sentAt: 1, expectedReturn: '2026-11-25' },
      { recipient: '陈主任', purpose: 'handle' as const, sentAt: 1, returnedAt: Date.UTC(2026, 10, 22, 4) },
    ];
    const root = await mount(backend({ lookup: async () => state({ status: 'in-circulation' }, circulation) }));
    expect(root.querySelector('.dt-circ-head')?.textContent).toContain('未收回 1 人');
    expect([...root.querySelectorAll('.dt-out .dt-who')].map((e) => e.textContent)).toEqual(['王局长']);
  });

  it('starts as a rail that still tells the status, and expands on click', async () => {
    const root = await mount(backend({ lookup: async () => state() }), { placement: { panel: null, rail: { side: 'left', top: 500 } } });
    const pill = root.querySelector<HTMLButtonElement>('.dt-rail.dt-rail-left')!;
    expect(pill.style.top).toBe('500px');
    expect(pill.textContent).toBe('文迹 已登记');
    expect(pill.getAttribute('aria-label')).toBe('展开文迹 收〔2026〕0001号');
    await act(async () => pill.click());
    expect(root.querySelector('.dt-panel .dt-regno')?.textContent).toBe('收〔2026〕0001号');
  });

  it('asks for a reason before a print goes ahead, and cancelling allows nothing', async () => {
    const bus = new PromptBus();
    const b = backend({ lookup: async () => state() });
    const root = await mount(b, { bus });
    let answer: unknown = 'pending';
    await act(async () => {
      void bus.confirmHandling({ action: 'printed' }).then((a) => (answer = a));
    });
    expect(root.querySelector('[role=dialog] h3')?.textContent).toBe('打印涉密公文');
    await act(async () => root.querySelector<HTMLButtonElement>('.dt-dialog .dt-secondary')!.click());
    await settle();
    expect(answer).toBeNull();
    expect(b.logHandling).not.toHaveBeenCalled();
  });

  it('folds into the rail on Esc, keeping the key from the page and the focus in the overlay', async () => {
    const root = await mount(backend({ lookup: async () => state() }));
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    const collapse = root.querySelector<HTMLButtonElement>('.dt-collapse')!;
    collapse.focus();
    await act(async () => {
      collapse.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await settle();
    document.removeEventListener('keydown', pageHeard);
    expect(pageHeard).not.toHaveBeenCalled();
    expect(root.querySelector('.dt-panel')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('.dt-rail'));
  });

  it('opens and focuses its first control when the shortcut fires', async () => {
    const focusSignal = new EventTarget();
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<Overlay kind="detail" draft={draft()} placement={{ panel: null, rail: { side: 'right', top: 600 } }} backend={backend()} t={t} today="2026-11-23" focusSignal={focusSignal} />, root);
    });
    await settle();
    expect(root.querySelector('.dt-panel')).toBeNull();
    await act(async () => {
      focusSignal.dispatchEvent(new Event('focus'));
    });
    await settle();
    expect(root.querySelector('.dt-panel')).not.toBeNull();
    expect(document.activeElement).toBe(root.querySelector('.dt-panel button, .dt-panel input'));
  });

  it('offers the clerk’s recent reasons and the presets in one click, and a way to say the 密级 is wrong', async () => {
    const bus = new PromptBus();
    const root = document.createElement('div');
    document.body.append(root);
    const reasons = { presets: ['领导批示要求', '会议使用', '立卷归档', '上级检查'], recent: ['呈送王局长批阅', '会议使用'] };
    await act(async () => {
      render(<Overlay kind="detail" draft={draft({ classification: 'secret' })} placement={OPEN} backend={backend({ lookup: async () => state({ classification: 'secret' }) })} t={t} today="2026-11-23" bus={bus} reasons={reasons} />, root);
    });
    await settle();
    await act(async () => {
      void bus.confirmHandling({ action: 'printed', detail: 'Ctrl+P' });
    });
    const chips = [...root.querySelectorAll('.dt-presets button')].map((b) => b.textContent);
    expect(chips).toEqual(['呈送王局长批阅', '会议使用', '领导批示要求', '立卷归档', '上级检查']);
    await act(async () => root.querySelector<HTMLButtonElement>('.dt-presets button:nth-child(3)')!.click());
    expect(root.querySelector<HTMLTextAreaElement>('.dt-dialog textarea')!.value).toBe('领导批示要求');
    expect(root.querySelector('.dt-dialog .dt-muted')?.textContent).toBe('触发：Ctrl+P');
    await act(async () => root.querySelector<HTMLButtonElement>('.dt-correct-open')!.click());
    const levels = [...root.querySelectorAll('.dt-correct option')].map((o) => o.textContent);
    expect(levels).toEqual(['非密', '内部', '秘密', '绝密']);
  });

  it('says why a lookup failed', async () => {
    const root = await mount(backend({ lookup: async () => Promise.reject(new Error('数据库不可用')) }));
    expect(root.querySelector('.dt-error')?.textContent).toBe('操作未完成：数据库不可用');
  });
});

describe('overlay circulation prompt', () => {
  it('opens when the portal sends the document on, prefilled with the recipients the portal selected', async () => {
    const bus = new PromptBus();
    const b = backend();
    const root = await mount(b, { bus, draft: draft({ classification: undefined }) });
    await act(async () => bus.sendStarted({ verb: '传阅', recipients: ['王局长'] }));
    expect(root.querySelector('[role=dialog] input')).toBeTruthy();
    expect((root.querySelector('[role=dialog] input') as HTMLInputElement).value).toBe('王局长');
  });
});
