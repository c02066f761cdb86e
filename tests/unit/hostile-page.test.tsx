// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accepts, ARM_MS, stylesVisible, trackSurface } from '@/components/click-guard';
import { isWebUrl } from '@/utils/documents/web-url';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import { createPrintQuestions, PRINT_QUESTION, type PrintQuestionMessage } from '@/utils/messaging/print-questions';
import { openRegister, type RegisterDB } from '@/utils/register/register-db';
import { draft } from '../support/drafts';
import { contentScript, testPortals } from '../support/senders';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('links rendered from stored data are http(s) only', () => {
  it.each([
    ['http://127.0.0.1/doc.html', true],
    ['https://oa.example.gov.cn/a?b=1', true],
    ['javascript:alert(document.domain)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['blob:http://127.0.0.1/x', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → link: %s', (url, link) => {
    expect(isWebUrl(url)).toBe(link);
  });
});

describe('click guard (clickjacking)', () => {
  /** What a click on `target` looks like to the guard; jsdom cannot make a trusted one, so the flag is set here. */
  const click = (target: Element, isTrusted = true) => ({ isTrusted, currentTarget: target, target }) as unknown as Event;

  function surface(): { panel: HTMLElement; button: HTMLButtonElement } {
    const panel = document.createElement('section');
    const button = document.createElement('button');
    panel.append(button);
    document.body.append(panel);
    return { panel, button };
  }

  it('refuses a page’s synthetic click, a click on something that is not a tracked surface, and a click before 500 ms', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { panel, button } = surface();
    expect(accepts(click(button))).toBe(false); // not tracked: not ours
    trackSurface(panel);
    expect(panel.getAttribute('data-armed')).toBe('false');
    expect(accepts(click(button))).toBe(false); // just shown
    vi.advanceTimersByTime(ARM_MS - 50);
    expect(accepts(click(button))).toBe(false);
    vi.advanceTimersByTime(60);
    expect(panel.getAttribute('data-armed')).toBe('true');
    expect(accepts(click(button, false))).toBe(false); // isTrusted false
  });

  it('refuses a click while the host sits in a transparent, filtered or hidden ancestor (where IntersectionObserver v2 is absent)', () => {
    const { panel, button } = surface();
    // jsdom lays nothing out: give the surface a box.
    panel.getBoundingClientRect = () => ({ width: 300, height: 200, top: 0, left: 0, right: 300, bottom: 200, x: 0, y: 0, toJSON: () => ({}) });
    expect(stylesVisible(panel)).toBe(true);
    for (const style of ['opacity: 0', 'opacity: 0.3', 'visibility: hidden', 'filter: opacity(0)', 'display: none']) {
      const wrapper = document.createElement('div');
      wrapper.setAttribute('style', style);
      document.body.append(wrapper);
      wrapper.append(panel);
      expect(stylesVisible(panel), style).toBe(false);
      document.body.append(panel);
      wrapper.remove();
    }
    expect(stylesVisible(panel)).toBe(true);
    void button;
  });
});

describe('print questions: one per document per tab, asked in the top frame', () => {
  it('a page calling print() in 20 frames at once gets one question, in the top frame', async () => {
    const delivered: [number, number, PrintQuestionMessage][] = [];
    const questions = createPrintQuestions(async (tab, frame, message) => (delivered.push([tab, frame, message]), true));
    const asked = await Promise.all(Array.from({ length: 20 }, (_, i) => questions.ask(7, i + 1, 'doc-1', '收〔2026〕0001号')));
    expect(asked.filter(Boolean)).toHaveLength(1);
    expect(delivered).toEqual([[7, 0, { type: PRINT_QUESTION, docId: 'doc-1', label: '收〔2026〕0001号' }]]);
    // Another document, or another tab, is its own question; after the answer the next print asks again.
    expect(await questions.ask(7, 3, 'doc-2', 'x')).toBe(true);
    expect(await questions.ask(8, 0, 'doc-1', 'x')).toBe(true);
    expect(questions.settle(7, 'doc-1')).toBe(true);
    expect(questions.settle(7, 'doc-1')).toBe(false);
    expect(await questions.ask(7, 1, 'doc-1', 'x')).toBe(true);
    questions.forgetTab(7);
    expect(questions.settle(7, 'doc-2')).toBe(false);
  });

  it('asks in the frame itself when DocTrail does not run in the top frame, and forgets a question nobody could ask', async () => {
    const frames: number[] = [];
    let reachable = new Set([4]);
    const questions = createPrintQuestions(async (_tab, frame) => (frames.push(frame), reachable.has(frame)));
    expect(await questions.ask(1, 4, 'doc', 'x')).toBe(true);
    expect(frames).toEqual([0, 4]);
    reachable = new Set();
    expect(await questions.ask(2, 4, 'doc', 'x')).toBe(false);
    expect(questions.settle(2, 'doc')).toBe(false); // no question open: an answer would be refused
  });
});

describe('background: only the clerk’s answer to a question it asked writes a print', () => {
  let db: RegisterDB;
  let n = 0;
  afterEach(() => db?.close());

  async function setup() {
    db = await openRegister(`doctrail-hostile-${++n}`);
    const sent: PrintQuestionMessage[] = [];
    const printQuestions = createPrintQuestions(async (_tab, _frame, message) => (sent.push(message), true));
    const handle = createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 23), extensionId: 'self', isPortal: testPortals, printQuestions });
    const tab = { ...contentScript('self', 'http://127.0.0.1:8080/print-by-page.html', 5), frameId: 2 };
    const registered = await handle({ type: 'document.register', draft: draft({ sourceUrl: 'http://127.0.0.1:8080/doc.html' }) }, tab);
    if (!registered.ok) throw new Error(registered.error.message);
    const docId = (registered.data as { state: { document: { id: string } } }).state.document.id;
    const printed = async () => (await db.getAll('events')).filter((e) => e.type === 'printed').map((e) => e.details);
    return { handle, tab, docId, sent, printed };
  }

  it('a print nobody held writes nothing by itself, however often the page calls it', async () => {
    const { handle, tab, docId, sent, printed } = await setup();
    for (let i = 0; i < 20; i++) expect(await handle({ type: 'print.unheld', docId }, { ...tab, frameId: i })).toMatchObject({ ok: true });
    expect(sent).toEqual([{ type: PRINT_QUESTION, docId, label: expect.stringContaining('收〔2026〕0001号') }]);
    expect(await printed()).toEqual([]);
  });

  it('an answer nobody asked for is refused; “mine” writes printed with the reason, “not mine” records that', async () => {
    const { handle, tab, docId, printed } = await setup();
    expect(await handle({ type: 'print.answer', docId, mine: true, reason: '页面代填' }, tab)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await printed()).toEqual([]);
    await handle({ type: 'print.unheld', docId }, tab);
    expect(await handle({ type: 'print.answer', docId, mine: true }, tab)).toMatchObject({ ok: false, error: { code: 'invalid-message' } }); // a reason is needed
    expect(await handle({ type: 'print.answer', docId, mine: true, reason: '存档' }, tab)).toMatchObject({ ok: true });
    expect(await handle({ type: 'print.answer', docId, mine: true, reason: '再来一次' }, tab)).toMatchObject({ ok: false, error: { code: 'refused' } });
    await handle({ type: 'print.unheld', docId }, tab);
    expect(await handle({ type: 'print.answer', docId, mine: false }, { ...tab, tab: { id: 6 } })).toMatchObject({ ok: false }); // another tab
    expect(await handle({ type: 'print.answer', docId, mine: false }, tab)).toMatchObject({ ok: true });
    expect(await printed()).toEqual([
      { reason: '存档', intercepted: false, mine: true },
      { intercepted: false, mine: false },
    ]);
  });
});
