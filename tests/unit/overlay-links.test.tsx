// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '@/components/Overlay';
import type { DocumentStateData } from '@/utils/messaging/protocol';
import { createTranslator } from '@/utils/i18n';
import { draft } from '../support/drafts';

// jsdom never makes a trusted click: here the clerk's click is stood in for by letting the click guard accept it
// (the guard itself is tested in hostile-page.test.tsx and in the browser).
vi.mock('@/components/click-guard', () => ({ accepts: () => true, useSurface: () => () => undefined, trackSurface: () => () => undefined, rearm: () => undefined }));

const t = createTranslator('zh-CN');

function state(sourceUrl: string): DocumentStateData {
  return { document: { ...draft(), sourceUrl, id: 'd1', registrationNo: '收〔2026〕0001号', status: 'registered', createdAt: 1, updatedAt: 1 }, circulation: [] };
}

/** Registers a page whose 文号 is already in the register from another page: the overlay offers that page. */
async function duplicateOf(stored: string): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  const backend = {
    lookup: async () => null,
    register: vi.fn(async () => ({ state: state(stored), created: false })),
    logHandling: vi.fn(),
    send: vi.fn(),
    markReturned: vi.fn(),
    printUnheld: vi.fn(),
    correctClassification: vi.fn(),
  };
  await act(async () => {
    render(<Overlay kind="detail" draft={draft({ sourceUrl: 'http://127.0.0.1/other.html' })} placement={{ panel: { left: 900, top: 100, width: 360, height: 600 }, rail: { side: 'right', top: 600 } }} backend={backend} t={t} today="2026-11-23" />, root);
  });
  await act(() => new Promise((done) => setTimeout(done, 0))); // the lookup answers: not registered yet
  await act(async () => root.querySelector<HTMLButtonElement>('.dt-form .dt-primary')!.click());
  await act(() => new Promise((done) => setTimeout(done, 0)));
  expect(backend.register).toHaveBeenCalledOnce();
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the overlay’s link to the page a document was first registered from', () => {
  it('is a link for an http(s) address', async () => {
    const root = await duplicateOf('http://127.0.0.1/doc-detail-3.html');
    expect(root.querySelector('.dt-warn')?.textContent).toContain('已登记为 收〔2026〕0001号');
    expect(root.querySelector('.dt-warn a')?.getAttribute('href')).toBe('http://127.0.0.1/doc-detail-3.html');
  });

  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///C:/机要/a.doc', 'JAVASCRIPT:void(0)'])(
    'is plain text, not a link, for %s',
    async (stored) => {
      const root = await duplicateOf(stored);
      expect(root.querySelector('.dt-warn')?.textContent).toContain('打开原登记时的页面');
      expect(root.querySelector('.dt-warn a')).toBeNull();
      expect(root.querySelector('[href]')).toBeNull();
    },
  );
});
