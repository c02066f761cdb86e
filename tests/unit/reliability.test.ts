import 'fake-indexeddb/auto';
import { extensionPage } from '../support/senders';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyRegister } from '@/utils/register/chain-store';
import { DB_VERSION, MIGRATIONS, upgrade, type DocTrailDB } from '@/utils/register/db-schema';
import { classificationInDetails } from '@/utils/documents/document-values';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import { eventsOf, registerDocument, sendDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';
import { readStatistics } from '@/utils/register/stats-store';
import { correctDocument } from '@/utils/register/ledger-store';
import { defaultCalendar } from '@/utils/deadlines/working-days';

let counter = 0;
const opened: RegisterDB[] = [];
const NOW = new Date(2026, 10, 23, 9, 0);

afterEach(() => {
  vi.restoreAllMocks();
  while (opened.length) opened.pop()!.close();
});

async function fresh(): Promise<RegisterDB> {
  const db = await openRegister(`doctrail-rel-${++counter}`);
  opened.push(db);
  return db;
}

describe('a database written by the foundation (schema v1)', () => {
  it('migrates with every record kept, due dates filled in and the old events chained', async () => {
    const name = `doctrail-v1-${++counter}`;
    const v1 = await openDB<DocTrailDB>(name, 1, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 1) });
    const base = { title: '关于做好年底安全检查的通知', sourceUrl: 'http://127.0.0.1/doc.html', status: 'in-circulation' as const, createdAt: 1, updatedAt: 1 };
    await v1.put('documents', { ...base, id: 'd1', registrationNo: '收〔2026〕0001号', docNumber: '市安发〔2026〕9号', deadline: '2026-12-10' });
    await v1.put('documents', { ...base, id: 'd2', registrationNo: '收〔2026〕0002号', status: 'registered' });
    const v1Event = (sequence: number, docId: string, type: 'registered' | 'sent', details: Record<string, unknown>) =>
      ({ sequence, timestamp: sequence, docId, type, details }) as unknown as DocTrailDB['events']['value'];
    await v1.put('events', v1Event(1, 'd1', 'registered', { registrationNo: '收〔2026〕0001号' }));
    await v1.put('events', v1Event(2, 'd2', 'registered', { registrationNo: '收〔2026〕0002号' }));
    await v1.put('events', v1Event(3, 'd1', 'sent', { recipient: '王局长', purpose: 'read', expectedReturn: '2026-11-25' }));
    await v1.put('counters', 3, 'events');
    await v1.put('counters', 2, 'registration:2026');
    v1.close();

    const db = await openRegister(name);
    opened.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(await db.count('documents')).toBe(2);
    expect((await db.get('documents', 'd1'))!).toMatchObject({ docNumber: '市安发〔2026〕9号', dueDate: '2026-11-25' });
    expect((await db.get('documents', 'd2'))!.dueDate).toBeUndefined();
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 3 });
    // and the register carries on where it stopped
    const next = await registerDocument(db, draft(), NOW);
    expect(next.document.registrationNo).toBe('收〔2026〕0003号');
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 4 });
  });
});

describe('a database whose documents were 办结 before the record kept its 办结 date (schema v6)', () => {
  it('gives them the date of the 办结 that stands, so the median working days 收文→办结 counts them, every record kept', async () => {
    const name = `doctrail-v6-${++counter}`;
    const v6 = await openDB<DocTrailDB>(name, 6, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 6) });
    const base = { issuer: '市教育局', createdAt: 1, updatedAt: 1 };
    const at = (day: number) => new Date(2026, 9, day, 10, 0).getTime();
    // a: 办结 on 16 October, archived since; b: 办结 on the 13th, taken back (撤销), 办结 again on the 20th;
    // c: still open; d: 办结 after the date was kept (its date stays)
    await v6.put('documents', { ...base, id: 'a', title: '甲', registrationNo: '收〔2026〕0001号', receivedDate: '2026-10-09', status: 'archived' });
    await v6.put('documents', { ...base, id: 'b', title: '乙', registrationNo: '收〔2026〕0002号', receivedDate: '2026-10-12', status: 'completed' });
    await v6.put('documents', { ...base, id: 'c', title: '丙', registrationNo: '收〔2026〕0003号', receivedDate: '2026-10-12', status: 'registered' });
    await v6.put('documents', { ...base, id: 'd', title: '丁', registrationNo: '收〔2026〕0004号', receivedDate: '2026-10-12', status: 'completed', completedOn: '2026-10-14' });
    const event = (sequence: number, docId: string, type: string, timestamp: number, details: Record<string, unknown> = {}) =>
      ({ sequence, timestamp, docId, type, details }) as unknown as DocTrailDB['events']['value'];
    const events = [
      event(1, 'a', 'registered', at(9)),
      event(2, 'b', 'registered', at(12)),
      event(3, 'c', 'registered', at(12)),
      event(4, 'd', 'registered', at(12)),
      event(5, 'a', 'completed', at(16), { from: 'registered' }),
      event(6, 'b', 'completed', at(13), { from: 'registered' }),
      event(7, 'a', 'archived', at(17)),
      event(8, 'b', 'undone', at(14), { undoes: [6], step: 'completed', reason: '误点办结', status: 'registered' }),
      event(9, 'd', 'completed', at(14), { from: 'registered', completedOn: '2026-10-14' }),
      event(10, 'b', 'completed', at(20), { from: 'registered' }),
    ];
    for (const e of events) await v6.put('events', e);
    await v6.put('counters', 10, 'events');
    await v6.put('counters', 4, 'documents');
    // the statistics as v6 kept them (matching its register): only d counted as 办结
    await v6.put('counters', 10, 'stats:sequence');
    await v6.put('counters', 4, 'stats:documents');
    v6.close();

    const db = await openRegister(name);
    opened.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('documents')).toBe(4);
    const completedOn = async (id: string) => (await db.get('documents', id))!.completedOn;
    expect([await completedOn('a'), await completedOn('b'), await completedOn('c'), await completedOn('d')]).toEqual(['2026-10-16', '2026-10-20', undefined, '2026-10-14']);
    expect((await db.get('documents', 'a'))!).toMatchObject({ title: '甲', status: 'archived', receivedDate: '2026-10-09', registrationNo: '收〔2026〕0001号' });
    // the statistics page: three documents 办结 in October (6, 6 and 2 working days — Saturday 10 October 2026 is a
    // make-up working day — median 6), where v6 counted d alone (median 2)
    const figures = await readStatistics(db, { from: '2026-10', to: '2026-10' }, defaultCalendar(), NOW);
    expect(figures.rebuilt).toBe(true);
    expect(figures.closing).toMatchObject({ count: 3, median: 6 });
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 10 });
  });
});

describe('a database written by DocTrail 0.1 (schema v2, 密级 keys swapped)', () => {
  it('migrates 秘密 and 机密 to the standard keys with every record kept, and reads old events through the old keys', async () => {
    const name = `doctrail-v2-${++counter}`;
    const v2 = await openDB<DocTrailDB>(name, 2, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 2) });
    const base = { sourceUrl: 'http://127.0.0.1/doc.html', status: 'registered' as const, createdAt: 1, updatedAt: 1 };
    // 0.1 wrote 秘密 as 'secret' and 机密 as 'confidential'
    await v2.put('documents', { ...base, id: 'm', title: '秘密件', registrationNo: '收〔2026〕0001号', classification: 'secret' });
    await v2.put('documents', { ...base, id: 'j', title: '机密件', registrationNo: '收〔2026〕0002号', classification: 'confidential' });
    await v2.put('documents', { ...base, id: 'n', title: '非密件', registrationNo: '收〔2026〕0003号', classification: 'none' });
    await v2.put('documents', { ...base, id: 't', title: '绝密件', registrationNo: '收〔2026〕0004号', classification: 'top-secret' });
    await v2.put('documents', { ...base, id: 'u', title: '未标密级', registrationNo: '收〔2026〕0005号' });
    v2.close();

    const db = await openRegister(name);
    opened.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('documents')).toBe(5);
    const level = async (id: string) => (await db.get('documents', id))!.classification;
    expect([await level('m'), await level('j'), await level('n'), await level('t'), await level('u')]).toEqual(['confidential', 'secret', 'none', 'top-secret', undefined]);
    expect((await db.getAll('documents', undefined)).map((d) => d.title).sort()).toEqual(['未标密级', '机密件', '秘密件', '绝密件', '非密件'].sort());
    // the classification index follows the records
    expect((await db.getAllFromIndex('documents', 'classification', 'confidential')).map((d) => d.title)).toEqual(['秘密件']);
    // an event 0.1 wrote names the level under the old key; one written now says which keys it uses
    expect(classificationInDetails({ classification: 'secret' })).toBe('confidential');
    expect(classificationInDetails({ classification: 'confidential' })).toBe('secret');
    expect(classificationInDetails({ classification: 'secret', classificationScheme: 'standard' })).toBe('secret');
    expect(classificationInDetails({ classification: 'top-secret' })).toBe('top-secret');
  });
});

describe('writes that fail half-way', () => {
  it('a full disk (QuotaExceededError) gives a clear message and leaves the register and chain as they were', async () => {
    const db = await fresh();
    const handle = createMessageHandler({ db: async () => db, now: () => NOW, extensionId: 'me' });
    const { document } = await registerDocument(db, draft(), NOW);
    const add = FakeObjectStore.prototype.add;
    vi.spyOn(FakeObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'events') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    });
    const response = await handle({ type: 'circulation.send', docId: document.id, recipients: ['王局长'], purpose: 'read' }, extensionPage('me'));
    expect(response).toEqual({ ok: false, error: { code: 'storage-full', message: expect.stringMatching(/no more room.*nothing was written/) } });
    vi.restoreAllMocks();
    expect((await db.get('documents', document.id))!.status).toBe('registered');
    expect((await eventsOf(db, document.id)).map((e) => e.type)).toEqual(['registered']);
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 1 });
    // once there is room again the same change goes through
    expect(await handle({ type: 'circulation.send', docId: document.id, recipients: ['王局长'], purpose: 'read' }, extensionPage('me'))).toMatchObject({ ok: true });
  });

  it('a worker stopped mid-transaction (the transaction aborts) writes none of the change', async () => {
    const db = await fresh();
    const { document } = await registerDocument(db, draft(), NOW);
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      if (this.name === 'counters') this.transaction.abort(); // the events are already added when this happens
      return request;
    });
    await expect(sendDocument(db, document.id, { recipients: ['王局长', '陈主任'], purpose: 'read' }, NOW)).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await db.count('events')).toBe(1);
    expect((await db.get('documents', document.id))!.status).toBe('registered');
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 1 });
  });
});

describe('a correction commits as soon as its writes are issued (IDBTransaction.commit()), still all or nothing', () => {
  async function twoDocuments() {
    const db = await fresh();
    const { document: a } = await registerDocument(db, draft({ docNumber: '县政发〔2026〕1号', title: '关于甲的通知' }), NOW);
    const { document: b } = await registerDocument(db, draft({ docNumber: '县政发〔2026〕2号', title: '关于乙的通知' }), NOW);
    return { db, a, b };
  }

  async function expectUnchanged(db: RegisterDB, id: string, title: string) {
    expect((await db.get('documents', id))!.title).toBe(title);
    expect(await db.count('events')).toBe(2);
    expect((await eventsOf(db, id)).map((e) => e.type)).toEqual(['registered']);
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 2 });
  }

  it('the record cannot even be written (the put throws): its events are not committed either', async () => {
    const { db, a } = await twoDocuments();
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'documents') throw new DOMException('could not be cloned', 'DataCloneError');
      return put.apply(this, args);
    });
    await expect(correctDocument(db, a.id, { title: '关于甲的通知（更正）' }, '标题抄错', NOW)).rejects.toThrow(/cloned/);
    vi.restoreAllMocks();
    await expectUnchanged(db, a.id, '关于甲的通知');
    // The next write chains onto the head as it was.
    await correctDocument(db, a.id, { title: '关于甲的通知（更正）' }, '标题抄错', NOW);
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 3 });
  });

  it('the record is refused only after the commit was asked for (a unique 收文编号 taken): nothing is committed', async () => {
    const { db, a, b } = await twoDocuments();
    const put = FakeObjectStore.prototype.put;
    // The record put back carries the other document's 收文编号: the request fails in the database, after commit() was called.
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, ...rest: unknown[]) {
      const record = this.name === 'documents' ? { ...(value as object), registrationNo: b.registrationNo } : value;
      return put.apply(this, [record, ...rest] as Parameters<typeof put>);
    });
    await expect(correctDocument(db, a.id, { title: '关于甲的通知（更正）' }, '标题抄错', NOW)).rejects.toThrow();
    vi.restoreAllMocks();
    await expectUnchanged(db, a.id, '关于甲的通知');
    expect((await db.get('documents', a.id))!.registrationNo).toBe(a.registrationNo);
  });
});

describe('many writers at once', () => {
  it('serialises 60 concurrent registrations, sends and prints: no lost or duplicated events, one intact chain', async () => {
    const db = await fresh();
    const handle = createMessageHandler({ db: async () => db, now: () => NOW, extensionId: 'me' });
    const ids = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const r = await handle({ type: 'document.register', draft: draft({ docNumber: `并发〔2026〕${i + 1}号` }) }, extensionPage('me'));
        return r.ok ? (r.data as { state: { document: { id: string } } }).state.document.id : '';
      }),
    );
    await Promise.all(
      ids.flatMap((docId) => [
        handle({ type: 'circulation.send', docId, recipients: ['王局长'], purpose: 'read' }, extensionPage('me')),
        handle({ type: 'document.logHandling', docId, action: 'printed', reason: '会议学习', intercepted: true }, extensionPage('me')),
      ]),
    );
    const events = await db.getAll('events');
    expect(events).toHaveLength(60);
    expect(new Set(events.map((e) => e.sequence)).size).toBe(60);
    expect(new Set((await db.getAll('documents')).map((d) => d.registrationNo)).size).toBe(20);
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 60 });
  });
});
