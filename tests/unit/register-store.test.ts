import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION } from '@/utils/register/db-schema';
import { eventsOf, findDocument, registerDocument, summarise } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

let counter = 0;
let db: RegisterDB | undefined;
const NOW = new Date(2026, 10, 23, 9, 30);

async function freshRegister(): Promise<RegisterDB> {
  db = await openRegister(`doctrail-test-${++counter}`);
  return db;
}

afterEach(() => db?.close());

describe('schema', () => {
  it('creates the register, log, counters, settings, reminder and statistics stores with their indexes on an empty database', async () => {
    const reg = await freshRegister();
    expect(reg.version).toBe(DB_VERSION);
    expect([...reg.objectStoreNames].sort()).toEqual(['counters', 'documents', 'events', 'reminders', 'settings', 'stats']);
    const tx = reg.transaction(['documents', 'events']);
    expect([...tx.objectStore('documents').indexNames]).toEqual(
      expect.arrayContaining(['status', 'deadline', 'docNumber', 'dueDate', 'classification', 'receivedDate']),
    );
    expect([...tx.objectStore('events').indexNames]).toEqual(['docId_timestamp']);
  });

  it('keeps every record when the database is opened again by a later run', async () => {
    const name = `doctrail-test-${++counter}`;
    const first = await openRegister(name);
    await registerDocument(first, draft(), NOW);
    first.close();
    const again = await openDB(name); // opened without an upgrade, as the next browser start does
    expect(again.version).toBe(DB_VERSION);
    expect(await again.count('documents')).toBe(1);
    expect(await again.count('events')).toBe(1);
    again.close();
  });
});

describe('registering a document', () => {
  it('stores the document with a registration number and logs a registered event', async () => {
    const reg = await freshRegister();
    const { document, created } = await registerDocument(reg, draft(), NOW);
    expect(created).toBe(true);
    expect(document).toMatchObject({ registrationNo: '收〔2026〕0001号', status: 'registered', title: '关于进一步加强公文处理工作的通知' });
    const events = await eventsOf(reg, document.id);
    expect(events).toEqual([
      {
        sequence: 1,
        timestamp: NOW.getTime(),
        docId: document.id,
        type: 'registered',
        details: { registrationNo: '收〔2026〕0001号', fields: draft(), classificationScheme: 'standard' },
        prevHash: '0'.repeat(64),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });

  it('numbers documents consecutively within a year and starts again at 1 in a new year', async () => {
    const reg = await freshRegister();
    const a = await registerDocument(reg, draft({ docNumber: 'A〔2026〕1号' }), NOW);
    const b = await registerDocument(reg, draft({ docNumber: 'A〔2026〕2号' }), NOW);
    const c = await registerDocument(reg, draft({ docNumber: 'A〔2027〕1号' }), new Date(2027, 0, 4));
    expect([a, b, c].map((r) => r.document.registrationNo)).toEqual(['收〔2026〕0001号', '收〔2026〕0002号', '收〔2027〕0001号']);
  });

  it('gives twenty simultaneous registrations twenty distinct numbers with no gap', async () => {
    const reg = await freshRegister();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => registerDocument(reg, draft({ docNumber: `并发〔2026〕${i + 1}号` }), NOW)),
    );
    const numbers = results.map((r) => r.document.registrationNo).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `收〔2026〕${String(i + 1).padStart(4, '0')}号`));
    expect(await reg.count('events')).toBe(20);
  });

  it('does not register the same 文号 from the same issuer twice', async () => {
    const reg = await freshRegister();
    const first = await registerDocument(reg, draft(), NOW);
    const second = await registerDocument(reg, draft({ sourceUrl: 'http://127.0.0.1:9/other.html' }), NOW);
    expect(second).toEqual({ document: first.document, created: false });
    expect(await reg.count('documents')).toBe(1);
    expect(await reg.count('events')).toBe(1);
  });

  it('asks before registering the same 文号 from a different issuer, and keeps them apart on the clerk’s 否', async () => {
    const reg = await freshRegister();
    const first = await registerDocument(reg, draft({ issuer: '甲局' }), NOW);
    // The same 文号 from another issuer is asked about first (是否为已登记的 …？); the clerk's 否 registers it.
    await expect(registerDocument(reg, draft({ issuer: '乙局' }), NOW)).rejects.toThrow(/是否为已登记的 收〔2026〕0001号/);
    const other = await registerDocument(reg, draft({ issuer: '乙局' }), NOW, undefined, { notSameAs: [first.document.id] });
    expect(other.created).toBe(true);
    expect(other.document.registrationNo).toBe('收〔2026〕0002号');
  });

  it('knows a document without a 文号 by the page it came from', async () => {
    const reg = await freshRegister();
    const page = 'http://127.0.0.1:8080/notice.html?id=7';
    await registerDocument(reg, draft({ docNumber: undefined, sourceUrl: page }), NOW);
    expect((await findDocument(reg, { sourceUrl: page })).exact).toMatchObject({ registrationNo: '收〔2026〕0001号' });
    expect(await findDocument(reg, { sourceUrl: 'http://127.0.0.1:8080/notice.html?id=8' })).toEqual({});
  });

  it('uses no number and writes nothing when the registration cannot be stored', async () => {
    const reg = await freshRegister();
    await registerDocument(reg, draft({ docNumber: 'B〔2026〕1号' }), NOW);
    await registerDocument(reg, draft({ docNumber: 'B〔2026〕2号' }), NOW, '固定号');
    // The same fixed number again violates the unique index: the whole transaction must roll back.
    await expect(registerDocument(reg, draft({ docNumber: 'B〔2026〕3号' }), NOW, '固定号')).rejects.toThrow();
    expect(await reg.count('documents')).toBe(2);
    expect(await reg.count('events')).toBe(2);
    const next = await registerDocument(reg, draft({ docNumber: 'B〔2026〕4号' }), NOW);
    expect(next.document.registrationNo).toBe('收〔2026〕0003号');
  });
});

describe('summary for the popup', () => {
  it('counts documents in progress and overdue ones, newest first', async () => {
    const reg = await freshRegister();
    await registerDocument(reg, draft({ docNumber: 'X〔2026〕1号', deadline: '2026-11-20' }), new Date(2026, 10, 20));
    await registerDocument(reg, draft({ docNumber: 'X〔2026〕2号', deadline: '2026-11-23' }), new Date(2026, 10, 21));
    await registerDocument(reg, draft({ docNumber: 'X〔2026〕3号', deadline: undefined }), new Date(2026, 10, 22));
    const summary = await summarise(reg, NOW);
    expect(summary.inProgress).toBe(3);
    expect(summary.overdue).toBe(1); // due today is not yet overdue
    expect(summary.latest.map((d) => d.docNumber)).toEqual(['X〔2026〕3号', 'X〔2026〕2号', 'X〔2026〕1号']);
  });
});
