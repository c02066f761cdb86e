import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyRegister } from '@/utils/register/chain-store';
import type { DocumentRecord } from '@/utils/documents/document-schema';
import { describeBackupError } from '@/utils/export/backup-errors';
import { runExport } from '@/utils/export/export-run';
import { eventKey, planImport, type ExistingLookup } from '@/utils/export/import-plan';
import { applyImport, highestNumbers, previewImport } from '@/utils/export/import-store';
import { DOCUMENT_COUNT, EVENT_SEQUENCE } from '@/utils/register/register-db';
import { registerDocument, sendDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { StorageFull } from '@/utils/register/register-db';
import { DEFAULT_SETTINGS } from '@/utils/register/settings';
import { BUILT_IN_PROFILES } from '@/utils/site-profiles/built-in';
import { draft } from '../support/drafts';
import { allEvents, at, collect, fillRegister, freshRegister, registerState } from '../fixtures/backups/sample-register';

const opened: RegisterDB[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
  vi.restoreAllMocks();
});

async function register(): Promise<RegisterDB> {
  const db = await freshRegister('import');
  opened.push(db);
  return db;
}

const IMPORTED_AT = at(24 * 60);

async function backupOf(db: RegisterDB, now = at(120)): Promise<string> {
  const bytes = await collect((write) => runExport(db, { kind: 'backup', maskClassified: true, language: 'zh-CN', now, profiles: BUILT_IN_PROFILES.slice(0, 1) }, write));
  return new TextDecoder().decode(bytes);
}

async function source(): Promise<{ db: RegisterDB; text: string; docs: DocumentRecord[] }> {
  const db = await register();
  const docs = await fillRegister(db);
  return { db, docs, text: await backupOf(db) };
}

const byId = (docs: DocumentRecord[]) => [...docs].sort((a, b) => a.id.localeCompare(b.id));

/** A register that already has a history of its own, numbered in another year so nothing collides. */
async function nonEmptyRegister(): Promise<RegisterDB> {
  const db = await register();
  const { document } = await registerDocument(db, draft({ title: '关于2025年度工作总结的通知', docNumber: '市办〔2025〕9号', sourceUrl: 'http://127.0.0.1:8080/old.html' }), new Date(2025, 5, 1));
  await sendDocument(db, document.id, { recipients: ['孙主任'], purpose: 'read' }, new Date(2025, 5, 2));
  return db;
}

describe('round trip: export → import into an empty register', () => {
  it('gives the same documents, the same events with the same hashes, and a chain that verifies', async () => {
    const { db: a, text } = await source();
    const b = await register();
    const result = await applyImport(b, new Blob([text]), { now: IMPORTED_AT });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toMatchObject({ add: 5, update: 0, skip: 0, eventsSkip: 0 });

    expect(byId(await b.getAll('documents'))).toEqual(byId(await a.getAll('documents')));
    const original = (await allEvents(a)).slice(0, -1); // a's last event is the export itself
    const restored = await allEvents(b);
    expect(restored.slice(0, -1)).toEqual(original);
    expect(restored.at(-1)).toMatchObject({
      sequence: original.length + 1,
      prevHash: original.at(-1)!.hash,
      docId: '@register',
      type: 'imported',
      timestamp: IMPORTED_AT.getTime(),
      details: { documentsAdded: 5, eventsAdded: original.length, backupHead: { sequence: original.length, hash: original.at(-1)!.hash } },
    });
    expect(await verifyRegister(b)).toMatchObject({ state: 'intact', count: original.length + 1 });

    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.profiles.map((p) => p.id)).toEqual([BUILT_IN_PROFILES[0]!.id]);
    expect(result.calendar).toBeNull();
  });

  it('carries the counters over: the next registration continues the numbering, never reusing a number', async () => {
    const { text } = await source();
    const b = await register();
    await applyImport(b, new Blob([text]), { now: IMPORTED_AT });
    expect(await b.get('counters', DOCUMENT_COUNT)).toBe(5);
    expect(await b.get('counters', 'registration:2026')).toBe(5);
    const { document } = await registerDocument(b, draft({ docNumber: '新〔2026〕1号', sourceUrl: 'http://x/new' }), at(2 * 24 * 60));
    expect(document.registrationNo).toBe('收〔2026〕0006号');
    expect(await verifyRegister(b)).toMatchObject({ state: 'intact' });
  });

  it('previews (dry run) what it would do, and writes nothing', async () => {
    const { text } = await source();
    const b = await register();
    const before = await registerState(b);
    const preview = await previewImport(b, new Blob([text]));
    expect(preview).toMatchObject({ ok: true, plan: { add: 5, update: 0, skip: 0, eventsSkip: 0, conflictCount: 0 } });
    expect(await registerState(b)).toEqual(before);
    expect(before.documents).toEqual([]);
  });
});

describe('merging into a register that is not empty', () => {
  it('adds what is new, re-chains it after the local log, and the chain verifies', async () => {
    const { db: a, text } = await source();
    const b = await nonEmptyRegister();
    const before = await allEvents(b);
    const preview = await previewImport(b, new Blob([text]));
    expect(preview).toMatchObject({ ok: true, plan: { add: 5, update: 0, skip: 0, eventsSkip: 0 } });
    const result = await applyImport(b, new Blob([text]), { now: IMPORTED_AT });
    expect(result).toMatchObject({ ok: true, plan: preview.ok ? preview.plan : {} });

    const events = await allEvents(b);
    const imported = (await allEvents(a)).slice(0, -1);
    expect(events.slice(0, before.length)).toEqual(before); // the local log is untouched
    const appended = events.slice(before.length, -1);
    expect(appended.map(eventKey)).toEqual(imported.map(eventKey)); // same events, same order …
    expect(appended[0]).toMatchObject({ sequence: before.length + 1, prevHash: before.at(-1)!.hash }); // … linked onto this chain
    expect(events.at(-1)).toMatchObject({ type: 'imported', details: { documentsAdded: 5, eventsAdded: imported.length } });
    expect(await verifyRegister(b)).toMatchObject({ state: 'intact', count: before.length + imported.length + 1 });
    expect(await b.get('counters', DOCUMENT_COUNT)).toBe(6);
    expect(await b.get('counters', 'registration:2025')).toBe(1);
    expect(await b.get('counters', 'registration:2026')).toBe(5);
  });

  it('importing the same backup again adds nothing: no duplicate documents or events', async () => {
    const { text } = await source();
    const b = await nonEmptyRegister();
    await applyImport(b, new Blob([text]), { now: IMPORTED_AT });
    const once = await registerState(b);
    const again = await applyImport(b, new Blob([text]), { now: at(3 * 24 * 60) });
    expect(again).toMatchObject({ ok: true, plan: { add: 0, update: 0, skip: 5, eventsAdd: 0 } });
    const twice = await registerState(b);
    expect(twice.documents).toEqual(once.documents);
    expect(twice.events.slice(0, -1)).toEqual(once.events);
    expect(twice.events.at(-1)).toMatchObject({ type: 'imported', details: { documentsAdded: 0, eventsAdded: 0 } });
    expect(await verifyRegister(b)).toMatchObject({ state: 'intact' });
  });

  it('updates a document the backup holds in a newer state, and adds only the events the register lacks', async () => {
    const { db: a, docs, text: first } = await source();
    const b = await register();
    await applyImport(b, new Blob([first]), { now: IMPORTED_AT });
    const secret = docs[3]!;
    await sendDocument(a, secret.id, { recipients: ['周处长'], purpose: 'read', expectedReturn: '2026-11-30' }, at(300));
    const second = await backupOf(a, at(400));
    const result = await applyImport(b, new Blob([second]), { now: at(500) });
    // New in the second backup: the first export's event and the send.
    expect(result).toMatchObject({ ok: true, plan: { add: 0, update: 1, skip: 4, eventsAdd: 2 } });
    expect(await b.get('documents', secret.id)).toEqual(await a.get('documents', secret.id));
    expect(await verifyRegister(b)).toMatchObject({ state: 'intact' });
  });

  it('refuses two registers whose 收文编号 collide, naming the number, and changes nothing', async () => {
    const { text } = await source();
    const b = await register();
    await registerDocument(b, draft({ title: '本地登记的另一件公文', docNumber: '本地〔2026〕1号', sourceUrl: 'http://x/local' }), at(5));
    const before = await registerState(b);
    const preview = await previewImport(b, new Blob([text]));
    expect(preview).toMatchObject({ ok: true, plan: { add: 5, conflictCount: 1, conflicts: [{ registrationNo: '收〔2026〕0001号', index: 0 }] } });
    const result = await applyImport(b, new Blob([text]), { now: IMPORTED_AT });
    expect(result).toMatchObject({ ok: false, error: { code: 'number-conflict', found: '收〔2026〕0001号', record: 'documents[0]' } });
    if (!result.ok) expect(describeBackupError(result.error, 'zh-CN')).toContain('收文编号 收〔2026〕0001号 在备份中属于另一件公文');
    expect(await registerState(b)).toEqual(before);
  });
});

describe('a bad file changes nothing', () => {
  type Case = [name: string, make: (text: string) => BlobPart, code: string, message: RegExp];
  const firstEventLine = (text: string) => text.split('\n').indexOf('"events":[') + 1;
  const cases: Case[] = [
    ['truncated JSON', (t) => t.slice(0, Math.floor(t.length / 2)), 'truncated', /^文件不完整（在第 \d+ 行截断）/],
    ['a wrong version', (t) => t.replace('"formatVersion":1', '"formatVersion":3'), 'wrong-version', /^版本不支持：备份格式版本为 3/],
    ['wrong types', (t) => t.replace(/"createdAt":\d+/, '"createdAt":"yesterday"'), 'invalid-record', /documents\[0\].*的字段 createdAt 不正确：应为数字，实为文本/],
    ['a changed event', (t) => t.replace('报送局党组会议审议', '带回家中阅看'), 'chain-broken', /^处理记录的哈希链在第 \d+ 条断开：内容被改动/],
    [
      'duplicated ids',
      (t) => {
        const lines = t.split('\n');
        return [...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\n').replace('"documents":5', '"documents":6');
      },
      'duplicate-id',
      /id .* 重复（已在第 3 行出现）/,
    ],
    ['an event removed', (t) => t.split('\n').filter((_, i) => i !== firstEventLine(t) + 1).join('\n'), 'chain-broken', /记录缺失/],
    ['a 50 MB file that is one long line', () => `{"format":"doctrail-backup","formatVersion":1,"x":"${'文'.repeat(17 * 1024 * 1024)}"}`, 'too-long-line', /^第 1 行过长/],
    ['a file that is not JSON at all', () => 'This is not a backup.\n', 'not-json', /^这不是文迹备份文件：内容不是 JSON/],
  ];

  it.each(cases)('%s: refused with its message, the register as it was', async (_name, make, code, message) => {
    const { text } = await source();
    const b = await nonEmptyRegister();
    const before = await registerState(b);
    const result = await applyImport(b, new Blob([make(text)]), { now: IMPORTED_AT });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(describeBackupError(result.error, 'zh-CN')).toMatch(message);
    expect(await registerState(b)).toEqual(before);
    expect(await verifyRegister(b)).toMatchObject({ state: 'intact', count: before.events.length });
  });

  it('a write the storage cannot hold is rolled back whole and reported as StorageFull', async () => {
    const { text } = await source();
    const b = await nonEmptyRegister();
    const before = await registerState(b);
    const add = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'events' && ++calls > 5) throw new DOMException('the disk is full', 'QuotaExceededError');
      return add.apply(this, args);
    });
    await expect(applyImport(b, new Blob([text]), { now: IMPORTED_AT })).rejects.toThrow(StorageFull);
    vi.restoreAllMocks();
    expect(await registerState(b)).toEqual(before);
    expect(await b.get('counters', EVENT_SEQUENCE)).toBe(before.events.length);
  });
});

describe('planning', () => {
  it('decides add, update and skip by id and updatedAt, events by content', async () => {
    const doc = (id: string, updatedAt: number, registrationNo = `收〔2026〕${id}号`): DocumentRecord => ({ id, registrationNo, title: id, status: 'registered', sourceUrl: 'http://x/', createdAt: 1, updatedAt });
    const event = (sequence: number, docId: string, recipient: string) => ({ sequence, timestamp: 100, docId, type: 'sent' as const, details: { recipient }, prevHash: '0'.repeat(64), hash: '0'.repeat(64) });
    const lookup: ExistingLookup = {
      empty: false,
      documents: async (ids) => new Map(ids.filter((id) => id !== 'new').map((id) => [id, { id, updatedAt: 10, registrationNo: `收〔2026〕${id}号` }])),
      numberHolders: async () => new Map(),
      eventCounts: async () => new Map([[eventKey(event(0, 'old', '张三')), 1]]),
    };
    async function* of<T>(...batches: T[][]) {
      yield* batches;
    }
    const plan = await planImport(
      lookup,
      of([doc('new', 1), doc('newer', 20), doc('older', 5), doc('same', 10)]),
      of([event(1, 'old', '张三'), event(2, 'old', '张三'), event(3, 'old', '李四')]),
    );
    // The same send to 张三 twice in the backup, once in the register: one is new.
    expect(plan).toMatchObject({ add: 1, update: 1, skip: 2, eventsAdd: 2, eventsSkip: 1 });
  });

  it('reads the yearly numbers back from registration numbers in the clerk\'s formats', () => {
    const docs = ['收〔2026〕0007号', '收〔2025〕0120号', '2026-文-12', '无编号'].map((registrationNo) => ({ registrationNo }) as DocumentRecord);
    expect([...highestNumbers(docs, ['{YYYY}-文-{NN}', '收〔{YYYY}〕{NNNN}号'])]).toEqual([
      [2026, 12],
      [2025, 120],
    ]);
  });
});

describe('a register larger than one batch', () => {
  it('round-trips 1,200 documents and 2,500 events across batch boundaries, in registration order', async () => {
    const { backupChunks } = await import('@/utils/export/backup-format');
    const { chainEvents, EMPTY_HEAD } = await import('@/utils/register/hash-chain');
    const { documentBatches } = await import('@/utils/export/export-source');
    const { DB_VERSION } = await import('@/utils/register/db-schema');
    const base = at(0).getTime();
    // Registered in bursts: 500 documents share each createdAt, so pages must break ties by id.
    const docs: DocumentRecord[] = Array.from({ length: 1200 }, (_, i) => ({
      id: `doc-${String(i).padStart(5, '0')}`,
      registrationNo: `收〔2026〕${String(i + 1).padStart(4, '0')}号`,
      title: `关于第${i + 1}号事项的通知，“请阅”`,
      status: 'registered',
      sourceUrl: `http://127.0.0.1:8080/doc-detail.html?id=${i}`,
      createdAt: base + Math.floor(i / 500),
      updatedAt: base + i,
      receivedDate: '2026-11-18',
    }));
    const events = await chainEvents(
      EMPTY_HEAD,
      // Each document registered (its event carries its fields, as the store writes them), then prints.
      Array.from({ length: 2500 }, (_, i) => {
        const doc = docs[i % 1200]!;
        return i < 1200
          ? { sequence: i + 1, timestamp: base + i * 1000, docId: doc.id, type: 'registered' as const, details: { registrationNo: doc.registrationNo, fields: { title: doc.title, sourceUrl: doc.sourceUrl, receivedDate: doc.receivedDate }, classificationScheme: 'standard' } }
          : { sequence: i + 1, timestamp: base + i * 1000, docId: doc.id, type: 'printed' as const, details: { reason: `会议材料 ${i}`, intercepted: true } };
      }),
    );
    const meta = { exportedAt: at(600).toISOString(), schemaVersion: DB_VERSION, counts: { documents: 1200, events: 2500 }, head: { sequence: 2500, hash: events.at(-1)!.hash }, settings: DEFAULT_SETTINGS, calendar: null, profiles: [] };
    async function* batches<T>(all: T[], size: number) {
      for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
    }
    let text = '';
    for await (const chunk of backupChunks(meta, batches(docs, 700), batches(events, 900))) text += chunk;

    const b = await register();
    const result = await applyImport(b, new Blob([text]), { now: at(700) });
    expect(result).toMatchObject({ ok: true, plan: { add: 1200, eventsAdd: 2500 } });
    expect(await verifyRegister(b)).toMatchObject({ state: 'intact', count: 2501 });
    expect((await allEvents(b)).slice(0, -1)).toEqual(events);
    const paged: string[] = [];
    for await (const batch of documentBatches(b, { size: 300 })) paged.push(...batch.map((d) => d.id));
    expect(paged).toEqual(docs.map((d) => d.id));
    expect(await b.get('counters', 'registration:2026')).toBe(1200);

    // And back out again: the second backup holds the same records.
    const again = JSON.parse(await backupOf(b, at(800))) as { documents: DocumentRecord[]; events: unknown[] };
    expect(again.documents).toEqual(docs);
    expect(again.events.slice(0, 2500)).toEqual(events);
  }, 30_000);
});
