// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { registerQuerySchema } from '@/utils/register/register-query';
import { Dashboard } from '@/components/dashboard/Dashboard';
import type { Ask, CheckKeptHeads, VerifyChain } from '@/components/dashboard/env';
import type { DocumentRecord, EventRecord } from '@/utils/documents/document-schema';
import type { VerifyResult } from '@/utils/register/hash-chain';
import { canTransition } from '@/utils/register/life-cycle';
import type { DocumentStateData, Request, RequestType, ResponseData } from '@/utils/messaging/protocol';
import { dashboardEn } from '@/utils/i18n/dashboard-en';
import { dashboardZhCN } from '@/utils/i18n/dashboard-zh-CN';
import { DEFAULT_SETTINGS } from '@/utils/register/settings';
import { draft } from '../support/drafts';

const NOW = new Date(2026, 10, 23, 9, 0);
const HOSTILE = '<img src=x onerror=alert(1)>关于测试的通知';
const HASH = (n: number) => n.toString(16).padStart(2, '0').repeat(32);
const INTACT: VerifyChain = async () => ({ state: 'intact', count: 7, head: { sequence: 7, hash: HASH(7) } });

type Query = Extract<Request, { type: 'register.query' }>['query'];

function doc(id: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return { ...draft(), id, registrationNo: `收〔2026〕${id.padStart(4, '0')}号`, status: 'registered', createdAt: Number(id), updatedAt: Number(id), ...overrides };
}

/** The background's handful of dashboard answers over an in-memory register. */
function fakeBackend(docs: DocumentRecord[], extra: { events?: EventRecord[]; circulation?: DocumentStateData['circulation'] } = {}) {
  const requests: Request[] = [];
  const events = [...(extra.events ?? [])];
  const circulation = [...(extra.circulation ?? [])];
  let settings = { ...DEFAULT_SETTINGS };
  const find = (id: string) => docs.find((d) => d.id === id) ?? Promise.reject(new Error(`no document ${id}`));
  const log = (docId: string, type: EventRecord['type'], details: Record<string, unknown>) =>
    events.push({ sequence: events.length + 1, timestamp: NOW.getTime(), docId, type, details, prevHash: HASH(events.length), hash: HASH(events.length + 1) });

  async function answer(request: Request): Promise<unknown> {
    requests.push(request);
    switch (request.type) {
      case 'register.query': {
        const query = registerQuerySchema.parse(request.query);
        const text = query.text ?? '';
        const rows = docs
          .filter((d) => (!query.overdue || (d.dueDate ?? '9') < '2026-11-23') && (!query.status || query.status === 'open' || d.status === query.status))
          .filter((d) => d.title.includes(text))
          .sort((a, b) => (query.direction === 'asc' ? 1 : -1) * String(a[query.sort] ?? '').localeCompare(String(b[query.sort] ?? ''), 'zh', { numeric: true }));
        return { total: rows.length, rows: rows.slice(query.offset, query.offset + query.limit) };
      }
      case 'document.history':
        return { document: await find(request.docId), events: events.filter((e) => e.docId === request.docId), circulation, reminder: null };
      case 'document.close': {
        const d = await find(request.docId);
        if (!canTransition(d.status, request.to)) throw new Error('not allowed');
        if (request.to === 'destroyed' && request.approver === request.witness) throw new Error('same person');
        d.status = request.to;
        log(d.id, request.to, { from: 'x', approver: request.approver, witness: request.witness });
        return { document: d, circulation };
      }
      case 'circulation.return': {
        const r = circulation.find((c) => c.recipient === request.recipient)!;
        r.returnedAt = NOW.getTime();
        log(request.docId, 'returned', { recipient: request.recipient });
        return { document: await find(request.docId), circulation };
      }
      case 'reminder.snooze':
        return { docId: request.docId, snoozedUntil: new Date(2026, 10, 24, 9, 0).getTime() };
      case 'settings.get':
        return { settings, calendar: { coveredUntil: 2026, importedYears: [] } };
      case 'chain.head':
        return { sequence: 12, hash: HASH(12), headTime: NOW.getTime() };
      case 'checkpoint.record':
        return {};
      case 'settings.update':
        if (request.patch.clerkName === '坏') throw new Error('clerkName: too odd');
        settings = { ...settings, ...request.patch };
        return settings;
      case 'calendar.import':
        if (typeof request.file !== 'object' || !request.file || !('holidays' in request.file)) throw new Error('holidays: missing');
        return { coveredUntil: 2027, importedYears: [2027] };
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  }
  const ask: Ask = async <T extends RequestType>(request: Extract<Request, { type: T }>) => (await answer(request)) as ResponseData<T>;
  const queries = () => requests.flatMap((r) => (r.type === 'register.query' ? [r.query] : []));
  return { ask, requests, queries, lastQuery: (): Query | undefined => queries().at(-1) };
}

async function settle(ms = 0) {
  await act(() => new Promise((done) => setTimeout(done, ms)));
}

async function mount(ask: Ask, hash = '#/', verifyChain: VerifyChain = INTACT) {
  location.hash = hash;
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<Dashboard ask={ask} verifyChain={verifyChain} language="zh-CN" now={() => NOW} />, root);
  });
  await settle();
  return root;
}

const $ = <E extends Element = HTMLElement>(root: Element, selector: string) => root.querySelector<E>(selector)!;
const $$ = (root: Element, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const byText = (root: Element, selector: string, text: string) => $$(root, selector).find((e) => e.textContent?.trim() === text)!;
const click = (element: HTMLElement) => act(async () => element.click());

async function type(input: HTMLInputElement | HTMLSelectElement, value: string, event = 'input') {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

// Unmounting inside act() runs every effect still queued before the roots go, so nothing of a test's
// dashboard is left to run after jsdom is torn down.
afterEach(async () => {
  await act(async () => {
    for (const root of [...document.body.children]) render(null, root);
  });
  document.body.innerHTML = '';
  location.hash = '';
});

describe('dashboard register', () => {
  it('shows the 收文登记簿 columns in order', async () => {
    const root = await mount(fakeBackend([doc('1')]).ask);
    expect($$(root, '[data-testid=register-table] th').map((th) => th.textContent)).toEqual([
      '收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '份数', '紧急程度', '办理期限', '当前去向', '状态',
    ]);
    expect($(root, '[data-testid=register-row]').textContent).toContain('秘密');
  });

  it('sorts by a clicked header, then the other way round', async () => {
    const b = fakeBackend([doc('1'), doc('2')]);
    const root = await mount(b.ask);
    expect(b.lastQuery()).toMatchObject({ sort: 'createdAt', direction: 'desc', offset: 0, limit: 50 });
    await click(byText(root, 'th button', '办理期限'));
    await settle();
    expect(b.lastQuery()).toMatchObject({ sort: 'deadline', direction: 'asc', offset: 0 });
    expect(byText(root, 'th', '办理期限▲').getAttribute('aria-sort')).toBe('ascending');
    await click(byText(root, 'th button', '办理期限▲'));
    await settle();
    expect(b.lastQuery()).toMatchObject({ sort: 'deadline', direction: 'desc' });
    expect(location.hash).toBe('#/?sort=deadline&dir=desc');
  });

  it('puts filters into the query and the hash, the search only after typing stops', async () => {
    const b = fakeBackend([doc('1')]);
    const root = await mount(b.ask, '#/?overdue=1');
    expect(b.lastQuery()).toMatchObject({ overdue: true });
    expect($<HTMLInputElement>(root, 'input[name=overdue]').checked).toBe(true);
    await click($(root, 'input[name=overdue]'));
    await settle();
    expect(b.lastQuery()?.overdue).toBeUndefined();
    await type($<HTMLSelectElement>(root, 'select[name=status]'), 'open', 'change');
    await settle();
    expect(b.lastQuery()).toMatchObject({ status: 'open' });
    await click($(root, 'input[name=classification][value=confidential]'));
    await settle();
    expect(b.lastQuery()).toMatchObject({ status: 'open', classification: ['confidential'] });
    const sent = b.queries().length;
    await type($<HTMLInputElement>(root, 'input[name=text]'), '公文');
    await settle(50);
    expect(b.queries()).toHaveLength(sent);
    await settle(300);
    expect(b.lastQuery()).toMatchObject({ status: 'open', classification: ['confidential'], text: '公文' });
    expect(location.hash).toBe('#/?status=open&classification=confidential&q=%E5%85%AC%E6%96%87');
  });

  it('renders hostile page text as text and marks overdue rows', async () => {
    const root = await mount(fakeBackend([doc('1', { title: HOSTILE, dueDate: '2026-11-20', deadline: '2026-11-20' }), doc('2')]).ask);
    const [fine, late] = $$(root, '[data-testid=register-row]');
    expect([late!.dataset.id, fine!.dataset.id]).toEqual(['1', '2']);
    expect(root.querySelector('[data-testid=register-table] img')).toBeNull();
    expect(late!.querySelector('.col-title')!.textContent).toBe(HOSTILE);
    expect(late!.classList.contains('overdue')).toBe(true);
    expect(late!.querySelector('.overdue-mark')!.textContent).toBe('逾期');
    expect(fine!.classList.contains('overdue')).toBe(false);
  });

  it('pages 50 at a time and opens a document from its row', async () => {
    const b = fakeBackend(Array.from({ length: 120 }, (_, i) => doc(String(i + 1))));
    const root = await mount(b.ask);
    expect($(root, '[data-testid=pager] .range').textContent).toBe('第 1–50 条，共 120 条');
    await click(byText(root, 'button', '下一页'));
    await settle();
    expect(b.lastQuery()).toMatchObject({ offset: 50, limit: 50 });
    expect($(root, '[data-testid=pager] .range').textContent).toBe('第 51–100 条，共 120 条');
    await click($(root, '[data-testid=register-row] .col-status'));
    await settle();
    expect(location.hash).toBe('#/doc/70');
    expect($(root, '[data-testid=document-page]')).toBeTruthy();
  });
});

describe('dashboard document page', () => {
  const sent = (seq: number, recipient: string, expectedReturn: string): EventRecord => ({
    sequence: seq, timestamp: new Date(2026, 10, 19, 14, 5).getTime(), docId: 'd1', type: 'sent',
    details: { recipient, purpose: 'handle', expectedReturn }, prevHash: HASH(seq - 1), hash: HASH(seq),
  });
  const registered: EventRecord = {
    sequence: 1, timestamp: new Date(2026, 10, 18, 9, 30).getTime(), docId: 'd1', type: 'registered',
    details: { registrationNo: '收〔2026〕0001号' }, prevHash: HASH(0), hash: 'abcdef0123'.padEnd(64, '0'),
  };

  it('shows fields, timeline and circulation, and returns a document that is still out', async () => {
    const b = fakeBackend([doc('d1', { status: 'in-circulation', title: HOSTILE, sourceUrl: 'http://127.0.0.1:8080/doc?id=1' })], {
      events: [registered, sent(2, '王局长', '2026-11-20')],
      circulation: [{ recipient: '王局长', purpose: 'handle', sentAt: new Date(2026, 10, 19, 14, 5).getTime(), expectedReturn: '2026-11-20' }],
    });
    const root = await mount(b.ask, '#/doc/d1');
    const page = $(root, '[data-testid=document-page]');
    expect(page.querySelector('img')).toBeNull();
    expect(page.textContent).toContain(HOSTILE);
    const link = $<HTMLAnchorElement>(page, 'a[target=_blank]');
    expect([link.textContent, link.href, link.rel]).toEqual(['打开门户页面', 'http://127.0.0.1:8080/doc?id=1', 'noopener noreferrer']);
    const items = $$(root, '[data-testid=timeline] li');
    expect(items[0]!.textContent).toContain('2026-11-18 09:30登记收文编号：收〔2026〕0001号第 1 条');
    expect(items[0]!.querySelector('code')!.textContent).toBe('abcdef01');
    expect(items[1]!.textContent).toContain('送出接收人：王局长用途：办理应归还：2026-11-20');
    const row = $(root, '[data-testid=circulation-row]');
    expect(row.className).toBe('late');
    expect(row.textContent).toContain('逾期未收回');
    expect($(root, '[data-testid=document-actions]').textContent).toContain('暂不能办结：文件仍在 王局长 处未收回');
    await click(byText(row, 'button', '收回'));
    await click(byText(row, 'button', '确认'));
    await settle();
    expect(b.requests.at(-2)).toEqual({ type: 'circulation.return', docId: 'd1', recipient: '王局长' });
    expect($(root, '[data-testid=circulation-row]').textContent).not.toContain('未收回');
    expect($$(root, '[data-testid=timeline] li')).toHaveLength(3);
  });

  it('offers 销毁 only after 办结 and refuses the same approver and witness', async () => {
    const b = fakeBackend([doc('d1', { status: 'returned' })], { events: [registered] });
    const root = await mount(b.ask, '#/doc/d1');
    const actions = () => $$(root, '[data-testid=document-actions] .action-buttons button').map((e) => e.textContent);
    expect(actions()).toEqual(['办结']);
    await click(byText(root, 'button', '办结'));
    await click($(root, '[data-testid=closing-form] button[type=submit]'));
    await settle();
    expect(actions()).toEqual(['归档', '清退', '销毁']);
    await click(byText(root, '.action-buttons button', '销毁'));
    const form = $(root, '[data-testid=closing-form]');
    await type($<HTMLInputElement>(form, 'input[name=approver]'), '张处长');
    await type($<HTMLInputElement>(form, 'input[name=witness]'), ' 张处长 ');
    const before = b.requests.length;
    await click($(form, 'button[type=submit]'));
    expect($(form, '[role=alert]').textContent).toBe('批准人和监销人不能是同一人');
    expect(b.requests).toHaveLength(before);
    await type($<HTMLInputElement>(form, 'input[name=witness]'), '李干事');
    await click($(form, 'button[type=submit]'));
    await settle();
    expect(b.requests[before]).toEqual({ type: 'document.close', docId: 'd1', to: 'destroyed', approver: '张处长', witness: '李干事' });
    expect(actions()).toEqual([]);
    expect($(root, '[data-testid=timeline]').textContent).toContain('批准人：张处长监销人：李干事');
  });

  it('shows a refusal from the background and snoozes the reminder', async () => {
    const b = fakeBackend([doc('d1', { status: 'registered', sourceUrl: 'javascript:alert(1)' })]);
    const root = await mount(b.ask, '#/doc/d1');
    expect(root.querySelector('a[target=_blank]')).toBeNull();
    await click(byText(root, 'button', '明天'));
    await settle();
    expect(b.requests.at(-1)).toEqual({ type: 'reminder.snooze', docId: 'd1', until: { kind: 'tomorrow' } });
    expect($(root, '[data-testid=snoozed-until]').textContent).toBe('已暂停提醒至 2026-11-24 09:00');
  });
});

describe('dashboard chain status', () => {
  it('shows progress, then an intact chain', async () => {
    let finish: (result: VerifyResult) => void = () => {};
    const root = await mount(fakeBackend([]).ask, '#/', (onProgress) => {
      onProgress(5, 10);
      return new Promise((resolve) => (finish = resolve));
    });
    const progress = $<HTMLProgressElement>(root, '[data-testid=chain-status] progress');
    expect([progress.value, progress.max]).toEqual([5, 10]);
    expect($(root, '[data-testid=chain-status]').textContent).toBe('已校验 5 / 10 条');
    await act(async () => finish({ state: 'intact', count: 10, head: { sequence: 10, hash: HASH(10) } }));
    expect($(root, '[data-testid=chain-status]').textContent).toBe('链完整 · 10 条记录 · 链头 #10 · 0a0a0a0a0a0a0a0a…');
  });

  it('shows the head with its time, and 校验 tells the clerk a kept head is no longer extended', async () => {
    const asked: unknown[] = [];
    const checkKeptHeads: CheckKeptHeads = async (heads) => {
      asked.push(heads);
      return { state: 'diverged', kept: heads[1]!, sequence: heads[1]!.sequence, sinceSequence: heads[0]!.sequence, found: { hash: HASH(3), docId: 'd', type: 'sent', timestamp: 0 } };
    };
    location.hash = '#/';
    const root = document.createElement('div');
    document.body.append(root);
    const verifyChain: VerifyChain = async () => ({ state: 'intact', count: 12, head: { sequence: 12, hash: HASH(12) }, headTime: NOW.getTime() });
    await act(async () => {
      render(<Dashboard ask={fakeBackend([]).ask} verifyChain={verifyChain} checkKeptHeads={checkKeptHeads} language="zh-CN" now={() => NOW} />, root);
    });
    await settle();
    const pad = (n: number) => String(n).padStart(2, '0');
    const when = `${NOW.getFullYear()}-${pad(NOW.getMonth() + 1)}-${pad(NOW.getDate())} ${pad(NOW.getHours())}:${pad(NOW.getMinutes())}`;
    expect($(root, '[data-testid=chain-head]').textContent).toBe(`链头 #12 · ${when} · 0c0c0c0c0c0c0c0c…`);
    await type($<HTMLInputElement>(root, '[data-testid=kept-input]'), `#3 · ${when} · 3f9a1c2b…\n#9 · ${when} · 0909abcd0909…\n随手记`);
    expect($(root, '[data-testid=kept-heads]').textContent).toContain('以下各行无法识别，已忽略：随手记');
    await act(async () => void $(root, '[data-testid=kept-heads] form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(asked).toEqual([[{ sequence: 3, hash: '3f9a1c2b' }, { sequence: 9, hash: '0909abcd0909' }]]);
    const verdict = $(root, '[data-testid=kept-result]');
    expect(verdict.dataset.state).toBe('diverged');
    expect(verdict.textContent).toBe('与保存的链头不符：第 9 条记录的哈希已不同。记录在第 3 条之后、第 9 条及之前被改写');
  });

  it('lists every record field the replayed log contradicts, and a time going backwards', async () => {
    const verifyChain: VerifyChain = async () => ({
      state: 'intact',
      count: 12,
      head: { sequence: 12, hash: HASH(12) },
      audit: {
        documents: 3,
        contradictionCount: 2,
        contradictions: [
          { docId: 'd3', registrationNo: '收〔2026〕0003号', field: 'status', record: 'registered', log: 'destroyed' },
          { docId: 'd3', registrationNo: '收〔2026〕0003号', field: 'classification', record: 'none', log: 'secret' },
        ],
        timeWarps: [{ sequence: 9, docId: 'd2', type: 'printed', timestamp: NOW.getTime() - 3_600_000, previousSequence: 8, previousTimestamp: NOW.getTime() }],
      },
    });
    const root = await mount(fakeBackend([]).ask, '#/', verifyChain);
    const audit = $(root, '[data-testid=audit-result]');
    expect(audit.dataset.state).toBe('contradicted');
    const rows = [...audit.querySelectorAll('[data-testid=audit-contradictions] tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    expect(rows).toEqual([
      ['收〔2026〕0003号', '状态', '已登记', '销毁'],
      ['收〔2026〕0003号', '密级', '非密', '机密'],
    ]);
    expect($(audit, '[data-testid=audit-time-warps]').textContent).toMatch(/^第 9 条（.+）时间为 .+，早于第 8 条的 /);
  });

  it('shows where a broken chain breaks', async () => {
    const broken: VerifyChain = async () => ({
      state: 'broken',
      count: 41,
      firstBreak: { kind: 'content-changed', sequence: 42, docId: 'doc-7', type: 'sent', expected: HASH(1), found: HASH(2) },
    });
    const root = await mount(fakeBackend([]).ask, '#/', broken);
    const status = $(root, '[data-testid=chain-status]');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.querySelector('strong')!.textContent).toBe('第 42 条记录被改动');
    expect(status.textContent).toContain('内容被改动');
    expect(status.textContent).toContain('doc-7');
    expect(status.textContent).toContain('送出');
  });
});

describe('dashboard settings', () => {
  it('previews the number format, saves, and shows the background’s refusal', async () => {
    const b = fakeBackend([]);
    const root = await mount(b.ask, '#/settings');
    const form = $(root, '[data-testid=settings-form]');
    expect($(form, '[data-testid=number-preview]').textContent).toBe('示例：收〔2026〕0123号');
    await type($<HTMLInputElement>(form, 'input[name=numberFormat]'), '文{YYYY}-{NNN}');
    expect($(form, '[data-testid=number-preview]').textContent).toBe('示例：文2026-123');
    await type($<HTMLInputElement>(form, 'input[name=clerkName]'), '坏');
    await click($(form, 'button[type=submit]'));
    await settle();
    expect($(form, '[role=alert]').textContent).toBe('未保存：clerkName: too odd');
    await type($<HTMLInputElement>(form, 'input[name=clerkName]'), '李文书');
    await type($<HTMLSelectElement>(form, 'select[name=language]'), 'en', 'change');
    await click($(form, 'button[type=submit]'));
    await settle();
    expect(b.requests.at(-1)).toMatchObject({ type: 'settings.update', patch: { clerkName: '李文书', numberFormat: '文{YYYY}-{NNN}', language: 'en' } });
    expect(byText(root, 'nav a', 'Settings')).toBeTruthy();
    expect($(root, '[data-testid=calendar-covered]').textContent).toBe('Public holidays and make-up workdays known up to 2026');
  });

  it('imports a newer holiday calendar and says why a file was refused', async () => {
    const b = fakeBackend([]);
    const root = await mount(b.ask, '#/settings');
    const input = $<HTMLInputElement>(root, 'input[name=calendarFile]');
    const choose = async (text: string) => {
      Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'cal.json', { type: 'application/json' })] });
      await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
      await settle(10);
    };
    expect($(root, '[data-testid=calendar-covered]').textContent).toBe('法定节假日与调休数据覆盖至 2026 年');
    await choose('{not json');
    expect($(root, '[data-testid=calendar-section] [role=alert]').textContent).toMatch(/^未导入：文件不是有效的 JSON（.+）$/);
    await choose('{"workdays": {}}');
    expect($(root, '[data-testid=calendar-section] [role=alert]').textContent).toBe('未导入：holidays: missing');
    await choose('{"holidays": {"2027-01-01": "New Year,元旦,1"}, "workdays": {}}');
    // the import, then the coverage asked again (marks and the import reminder follow it)
    expect(b.requests.filter((r) => r.type === 'calendar.import').at(-1)).toEqual({ type: 'calendar.import', file: { holidays: { '2027-01-01': 'New Year,元旦,1' }, workdays: {} } });
    expect(b.requests.at(-1)).toEqual({ type: 'settings.get' });
    expect($(root, '[data-testid=calendar-covered]').textContent).toBe('法定节假日与调休数据覆盖至 2027 年');
    expect($(root, '[data-testid=calendar-section]').textContent).toContain('已导入年份：2027');
  });
});

describe('dashboard dictionaries', () => {
  it('has every string in both languages, none empty', () => {
    expect(Object.keys(dashboardEn).sort()).toEqual(Object.keys(dashboardZhCN).sort());
    for (const text of [...Object.values(dashboardEn), ...Object.values(dashboardZhCN)]) expect(text.trim()).not.toBe('');
  });
});

describe('printed 收文登记簿 and forecast deadlines', () => {
  it('marks a working-day deadline past the official arrangement 推算 and explains it under the table; a written date is not marked', async () => {
    const b = fakeBackend([
      doc('1', { title: '七个工作日的通知', receivedDate: '2026-12-24', deadline: '2027-01-05', deadlineWorkingDays: 7 }),
      doc('2', { title: '来文写明期限的函', receivedDate: '2026-11-25', deadline: '2027-01-10' }),
      doc('3', { title: '年内的通知', receivedDate: '2026-11-20', deadline: '2026-11-27', deadlineWorkingDays: 5 }),
    ]);
    const root = await mount(b.ask, '#/print/register');
    await settle();
    const rows = $$(root, '[data-testid=print-register] tbody tr');
    const marked = (title: string) => !!rows.find((row) => row.textContent?.includes(title))?.querySelector('[data-testid=print-forecast-mark]');
    expect([marked('七个工作日的通知'), marked('来文写明期限的函'), marked('年内的通知')]).toEqual([true, false, false]);
    expect($(root, '[data-testid=print-forecast-note]').textContent).toContain('按法定节日推算，未含调休');
    expect($(root, '[data-testid=print-forecast-note]').textContent).toContain('2027 年起的节假日安排尚未导入');
    // Under the register: the chain head in words and its QR code (the full hash, as 校验 reads it back).
    expect($(root, '[data-testid=print-head-line]').textContent).toMatch(/^文迹处理记录链头 #12 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · 0c0c0c0c0c0c0c0c…$/);
    expect($(root, '[data-testid=print-head-qr]').dataset.text).toMatch(new RegExp(`^DocTrail head #12 .* ${HASH(12)}$`));
    expect($(root, '[data-testid=print-head-qr] path').getAttribute('d')!.length).toBeGreaterThan(1000);
  });

  it('prints no note when no deadline is a forecast', async () => {
    const b = fakeBackend([doc('3', { title: '年内的通知', receivedDate: '2026-11-20', deadline: '2026-11-27', deadlineWorkingDays: 5 })]);
    const root = await mount(b.ask, '#/print/register');
    await settle();
    expect($$(root, '[data-testid=print-forecast-note]')).toEqual([]);
  });
});
