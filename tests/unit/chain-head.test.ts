/**
 * The chain head a connection keeps between its chained writes (register-db.ts `keptHeads`): a write takes the previous
 * hash from memory only while the stored sequence says the log is where that connection left it. These tests write
 * past it in every way the register can be written to and check that the chain still verifies end to end.
 */
import 'fake-indexeddb/auto';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyRegister } from '@/utils/register/chain-store';
import { correctDocument } from '@/utils/register/ledger-store';
import { openRegister, readHead, readTransaction, type RegisterDB } from '@/utils/register/register-db';
import { logHandling, registerDocument, sendDocument } from '@/utils/register/register-store';
import { applyImport } from '@/utils/export/import-store';
import { runExport } from '@/utils/export/export-run';
import { draft } from '../support/drafts';
import { collect, fillRegister, freshRegister } from '../fixtures/backups/sample-register';

const NOW = new Date(2026, 10, 23, 9, 0);
let counter = 0;
const opened: RegisterDB[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (opened.length) opened.pop()!.close();
});

async function open(name: string): Promise<RegisterDB> {
  const db = await openRegister(name);
  opened.push(db);
  return db;
}

async function registerMany(db: RegisterDB, n: number, now = NOW): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { document } = await registerDocument(db, draft({ docNumber: `县政发〔${now.getFullYear()}〕${i + 1}号`, sourceUrl: `http://127.0.0.1:8080/doc-detail.html?id=${i}` }), now);
    ids.push(document.id);
  }
  return ids;
}

async function expectIntact(db: RegisterDB, count: number) {
  const verified = await verifyRegister(db);
  expect(verified).toMatchObject({ state: 'intact', count });
  if (verified.state === 'intact') expect(verified.audit?.contradictionCount).toBe(0);
}

describe('the chain head kept between writes', () => {
  it('300 corrections on random documents, one after another and 40 at once: the chain verifies and the log shows every corrected value', async () => {
    const db = await open(`head-many-${++counter}`);
    const ids = await registerMany(db, 25);
    let seed = 7;
    const pick = () => ids[(seed = (seed * 1103515245 + 12345) % 2147483648) % ids.length]!;
    for (let i = 0; i < 260; i++) await correctDocument(db, pick(), { title: `关于第${i}项工作的通知（更正）` }, '登记错误', NOW);
    await Promise.all(Array.from({ length: 40 }, (_, i) => correctDocument(db, ids[i % ids.length]!, { title: `同时更正${i}` }, '登记错误', NOW)));
    await expectIntact(db, 25 + 300);
    // The head the next write starts from is the log's own last event.
    const last = (await db.getAll('events')).at(-1)!;
    expect(await readHead(readTransaction(db))).toEqual({ sequence: last.sequence, hash: last.hash });
    expect(last.prevHash).toBe((await db.get('events', last.sequence - 1))!.hash);
  });

  it('another connection writing in between: the next write chains onto its events, not onto the head it kept', async () => {
    const name = `head-two-${++counter}`;
    const first = await open(name);
    const second = await open(name);
    const [a, b] = await registerMany(first, 2);
    await correctDocument(first, a!, { title: '第一个连接的更正' }, '登记错误', NOW);
    await logHandling(second, b!, 'printed', { reason: '会议学习', intercepted: true }, NOW);
    await correctDocument(second, b!, { title: '第二个连接的更正' }, '登记错误', NOW);
    await correctDocument(first, a!, { title: '第一个连接再次更正' }, '登记错误', NOW);
    await expectIntact(first, 6);
    const events = await first.getAll('events');
    expect(events.map((e) => e.type)).toEqual(['registered', 'registered', 'corrected', 'printed', 'corrected', 'corrected']);
    expect(events.at(-1)!.prevHash).toBe(events.at(-2)!.hash);
  });

  it('a backup restored into the register in between: the next correction chains onto the restored events', async () => {
    const origin = await freshRegister('head-origin');
    opened.push(origin);
    await fillRegister(origin);
    const backup = new TextDecoder().decode(await collect((write) => runExport(origin, { kind: 'backup', maskClassified: false, language: 'zh-CN', now: NOW }, write)));

    const db = await open(`head-restore-${++counter}`);
    // registered the year before, so its number does not collide with the backup's
    const [id] = await registerMany(db, 1, new Date(2025, 5, 1));
    await correctDocument(db, id!, { title: '恢复前的更正' }, '登记错误', NOW);
    const before = await db.count('events');
    const restored = await applyImport(db, new Blob([backup]), { now: NOW });
    expect(restored).toMatchObject({ ok: true });
    const afterRestore = await db.count('events');
    expect(afterRestore).toBeGreaterThan(before + 1);
    await correctDocument(db, id!, { title: '恢复后的更正' }, '登记错误', NOW);
    await expectIntact(db, afterRestore + 1);
  });

  it('a write that aborts after its events were hashed leaves no head behind: the next write chains onto the last event that was written', async () => {
    const db = await open(`head-abort-${++counter}`);
    const [id] = await registerMany(db, 1);
    await correctDocument(db, id!, { title: '第一次更正' }, '登记错误', NOW);
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      if (this.name === 'counters') this.transaction.abort(); // the events were hashed and added when this happens
      return request;
    });
    await expect(sendDocument(db, id!, { recipients: ['王局长', '陈主任'], purpose: 'read' }, NOW)).rejects.toThrow();
    vi.restoreAllMocks();
    await correctDocument(db, id!, { title: '第二次更正' }, '登记错误', NOW);
    await expectIntact(db, 3);
  });

  it('a connection opened on a register written before: its first write reads the head from the log', async () => {
    const name = `head-reopen-${++counter}`;
    const first = await open(name);
    const [id] = await registerMany(first, 1);
    await correctDocument(first, id!, { title: '第一次更正' }, '登记错误', NOW);
    first.close();
    const again = await open(name);
    await correctDocument(again, id!, { title: '重新打开后的更正' }, '登记错误', NOW);
    await expectIntact(again, 3);
  });
});
