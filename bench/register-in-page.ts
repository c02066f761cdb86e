/**
 * Runs inside Chromium (bundled by esbuild): seeds a register of realistic size through the real
 * schema and chain, then times DocTrail's own queries and writes beside raw IndexedDB doing the same
 * reads and writes. Exposed as `globalThis.__doctrailRegisterBench`.
 */
import { unwrap } from 'idb';
import { verifyRegister } from '../utils/register/chain-store';
import type { DocumentRecord, EventRecord } from '../utils/documents/document-schema';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { chainInput, EMPTY_HEAD, hashEvent, type ChainHead } from '../utils/register/hash-chain';
import { queryRegister } from '../utils/register/register-query';
import { DOCUMENT_COUNT, EVENT_SEQUENCE, openRegister, type RegisterDB } from '../utils/register/register-db';
import { logHandling } from '../utils/register/register-store';
import { runExport, type ExportKind } from '../utils/export/export-run';
import { readStatistics, statsBuckets } from '../utils/register/stats-store';
import { supervisionBoard } from '../utils/register/supervision-query';
import { correctDocument } from '../utils/register/ledger-store';
import { defaultCalendar } from '../utils/deadlines/working-days';
import { defaultPeriod } from '../utils/statistics/summary';
import { dryRunLedgerImport, importLedger, planLedgerImport } from '../utils/export/ledger-import-store';
import type { LedgerRow } from '../utils/export/ledger-file';
import { chainEventsSync } from '../utils/register/hash-chain';
import { forgetHead, readHead, readTransaction, type ChainedWriteParts } from '../utils/register/register-db';
import * as registerDb from '../utils/register/register-db';
import { identityKeys } from '../utils/documents/identity';
import { registerDocument } from '../utils/register/register-store';

const NAME = 'doctrail-bench';
const BENCH_VERBOSE = (globalThis as unknown as { BENCH_VERBOSE?: boolean }).BENCH_VERBOSE;
const NOW = new Date(2026, 10, 23, 9, 0);
/** register-db.ts `traceChainedWrites`, looked up so that this bench also runs against an older register without it. */
const TRACE = (registerDb as { traceChainedWrites?: (report: ((parts: ChainedWriteParts) => void) | undefined) => void }).traceChainedWrites;
/** How many 更正 are timed (BENCH_CORRECTIONS in the runner; 400 by default). */
const CORRECTIONS = (globalThis as unknown as { BENCH_CORRECTIONS?: number }).BENCH_CORRECTIONS ?? 400;
let db: RegisterDB;

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const ISSUERS = ['省人民政府办公厅', '市教育局', '省档案局', '市财政局', '县人民政府', '省发展改革委'];
const PREFIXES = ['省政办发', '市教发', '省档发', '市财预', '县政发', '省发改'];
const LEVELS = ['none', 'none', 'none', 'internal', 'confidential', 'secret'] as const;
const PEOPLE = ['王局长', '陈主任', '刘科长', '张处长', '李干事'];
const UNITS = ['办公室', '财务科', '人事科', '政策法规科', '应急管理科', '信息中心', '后勤服务中心', '督查室'];
const URGENCY = [undefined, 'normal', 'normal', 'urgent', 'very-urgent', 'flash'] as const;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const day = (offset: number) => new Date(Date.UTC(2026, 10, 23) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * `docs` documents with `eventsPerDoc` events each on average: a registration, circulation to two or
 * three people and their returns, prints with reasons, and a close. About 3% stay open, a third of
 * those overdue — the shape of a long-serving clerk's register.
 */
let DOCS_SEEDED = 0;

/** BENCH_PROFILE in the runner (development only): a register seeded by an earlier run of the same size is reused. */
const BENCH_REUSE = (globalThis as unknown as { BENCH_REUSE?: boolean }).BENCH_REUSE;
/** Makes this run's corrected titles differ from an earlier run's on a reused register. */
const RUN = BENCH_REUSE ? `-${Date.now().toString(36)}` : '';

async function seed(docs: number, totalEvents: number) {
  const started = performance.now();
  DOCS_SEEDED = docs;
  if (BENCH_REUSE) {
    db = await openRegister(NAME);
    const count = await db.get('counters', DOCUMENT_COUNT);
    if (count === docs && (await db.get('counters', EVENT_SEQUENCE))! >= totalEvents) {
      return { seedMs: 0, seedWriteMs: 0, seedHashMs: 0, documents: docs, events: (await db.get('counters', EVENT_SEQUENCE))! };
    }
    db.close();
  }
  await new Promise((resolve) => (indexedDB.deleteDatabase(NAME).onsuccess = resolve));
  db = await openRegister(NAME);
  const rand = random(42);
  let head: ChainHead = EMPTY_HEAD;
  const perDoc = totalEvents / docs;
  const startTime = NOW.getTime() - docs * 60_000 * 30;
  let pendingDocs: DocumentRecord[] = [];
  let pendingEvents: EventRecord[] = [];
  let eventCount = 0;
  let writeMs = 0;
  let hashMs = 0;
  const flush = async () => {
    const t = performance.now();
    const tx = db.transaction(['documents', 'events', 'counters'], 'readwrite', { durability: 'relaxed' });
    for (const d of pendingDocs) void tx.objectStore('documents').put(d);
    for (const e of pendingEvents) void tx.objectStore('events').put(e);
    void tx.objectStore('counters').put(head.sequence, EVENT_SEQUENCE);
    void tx.objectStore('counters').put(docs, 'registration:2026');
    void tx.objectStore('counters').put(docs, DOCUMENT_COUNT);
    await tx.done;
    pendingDocs = [];
    pendingEvents = [];
    writeMs += performance.now() - t;
  };
  for (let i = 0; i < docs; i++) {
    const id = `doc-${String(i).padStart(6, '0')}`;
    const createdAt = startTime + i * 60_000 * 30;
    const open = rand() < 0.03;
    const overdue = open && rand() < 0.34;
    const deadline = open ? day(overdue ? -1 - Math.floor(rand() * 20) : 1 + Math.floor(rand() * 30)) : day(-30 - Math.floor(rand() * 2000));
    const p = Math.floor(rand() * ISSUERS.length);
    const doc: DocumentRecord = {
      id,
      registrationNo: `收〔2026〕${String(i + 1).padStart(6, '0')}号`,
      docNumber: `${PREFIXES[p]}〔2026〕${i + 1}号`,
      title: `关于做好第${i + 1}项重点工作的通知`,
      issuer: ISSUERS[p],
      classification: LEVELS[Math.floor(rand() * LEVELS.length)],
      receivedDate: new Date(createdAt).toISOString().slice(0, 10),
      deadline,
      copies: '1',
      sourceUrl: `http://oa.example.gov.cn/doc?id=${i}`,
      status: open ? 'in-circulation' : 'archived',
      createdAt,
      updatedAt: createdAt,
      ...(open && { dueDate: deadline, currentHolder: PEOPLE[i % PEOPLE.length] }),
    };
    // 紧急程度 on most; a 办结 date on the closed ones; half the open documents and a tenth of the closed ones under 督办
    const urgency = URGENCY[Math.floor(rand() * URGENCY.length)];
    if (urgency) doc.urgency = urgency;
    if (!open) doc.completedOn = addDays(doc.receivedDate!, 1 + Math.floor(rand() * 20));
    if (open ? rand() < 0.5 : rand() < 0.1) {
      const due = open ? deadline : addDays(doc.receivedDate!, 5 + Math.floor(rand() * 15));
      doc.supervision = {
        unit: UNITS[Math.floor(rand() * UNITS.length)]!,
        handler: PEOPLE[(i + 2) % PEOPLE.length],
        dueDate: due,
        setAt: createdAt,
        feedbackCount: Math.floor(rand() * 3),
        chaseCount: Math.floor(rand() * 2),
        ...(!open && { completedAt: createdAt, completedOn: doc.completedOn, result: '已办结' }),
      };
      if (open) doc.supervisionDue = due;
    }
    const target = Math.round(perDoc * (i + 1)) - eventCount;
    const events: { type: string; details: Record<string, unknown> }[] = [{ type: 'registered', details: { registrationNo: doc.registrationNo } }];
    for (let k = 1; k < target; k++) {
      const who = PEOPLE[(i + k) % PEOPLE.length]!;
      const kind = k % 4;
      events.push(
        kind === 1 ? { type: 'sent', details: { recipient: who, purpose: 'read' } }
        : kind === 2 ? { type: 'returned', details: { recipient: who } }
        : kind === 3 ? { type: 'printed', details: { reason: '会议学习', intercepted: true } }
        : { type: 'copied', details: { reason: '存档', intercepted: true } },
      );
    }
    const numbered = events.map((e, k) => ({ ...e, sequence: head.sequence + 1 + k, timestamp: createdAt + k * 1000, docId: id })) as unknown as EventRecord[];
    const t = performance.now();
    const chained = chainSync(head, numbered);
    hashMs += performance.now() - t;
    head = { sequence: chained.at(-1)!.sequence, hash: chained.at(-1)!.hash };
    eventCount += chained.length;
    pendingDocs.push(doc);
    pendingEvents.push(...chained);
    if (pendingEvents.length >= 20_000) await flush();
  }
  await flush();
  return { seedMs: performance.now() - started, seedWriteMs: writeMs, seedHashMs: hashMs, documents: docs, events: eventCount };
}

const encoder = new TextEncoder();

/**
 * Seeding only: the same chain as `chainEvents`, hashed synchronously so a million events take seconds
 * rather than minutes. `verifyRegister` then checks every one of them with WebCrypto.
 */
function chainSync(head: ChainHead, events: EventRecord[]): EventRecord[] {
  let prevHash = head.hash;
  return events.map((event) => {
    const hash = bytesToHex(sha256(encoder.encode(chainInput(event, prevHash))));
    const chained = { ...event, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

const req = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Raw IndexedDB: the same reads as the dashboard's first page — the document count and 50 records from the createdAt index, newest first. */
async function rawFirstPage(): Promise<number> {
  const tx = unwrap(db).transaction(['documents', 'counters']);
  const store = tx.objectStore('documents');
  const count = req(tx.objectStore('counters').get(DOCUMENT_COUNT));
  const rows: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    const cursor = store.index('createdAt').openCursor(null, 'prev');
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || rows.length >= 50) return resolve();
      rows.push(c.value);
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  });
  await count;
  return rows.length;
}

/** Raw IndexedDB: count overdue documents on the dueDate index and read the 50 most overdue. */
async function rawOverdue(): Promise<number> {
  const store = unwrap(db).transaction('documents').objectStore('documents');
  const range = IDBKeyRange.upperBound('2026-11-23', true);
  const [count, rows] = await Promise.all([req(store.index('dueDate').count(range)), req(store.index('dueDate').getAll(range, 50))]);
  return count + rows.length;
}

/** Raw IndexedDB: add one event and move the counter in one transaction (no planning, no hash). */
async function rawAppend(sequence: number): Promise<void> {
  const tx = unwrap(db).transaction(['events', 'counters'], 'readwrite');
  tx.objectStore('events').add({ sequence, timestamp: Date.now(), docId: 'raw', type: 'printed', details: { reason: '基线' } });
  tx.objectStore('counters').put(sequence, 'raw');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function time<T>(work: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(work));
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function p50(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!;
}

async function measure() {
  // Cold first: a dashboard opened for the first time in this browser session.
  const firstPageColdMs = await time(() => queryRegister(db, {}, NOW));
  const firstPageMs = await median(9, () => queryRegister(db, {}, NOW));
  const firstPageRawMs = await median(9, rawFirstPage);
  const overdue = await queryRegister(db, { overdue: true, sort: 'dueDate', direction: 'asc' }, NOW);
  const overdueMs = await median(9, () => queryRegister(db, { overdue: true, sort: 'dueDate', direction: 'asc' }, NOW));
  const overdueRawMs = await median(9, rawOverdue);
  const textSearchMs = await time(() => queryRegister(db, { text: '第99999项' }, NOW));

  const appends: number[] = [];
  const rawAppends: number[] = [];
  const openDocs = (await queryRegister(db, { status: 'in-circulation', limit: 200 }, NOW)).rows;
  // Raw IndexedDB's events go below the chain (negative sequences): the log's last event stays the chain's head, as in
  // a clerk's register, so DocTrail's writes in between read the head as they would there.
  let rawSequence = -2_000_000;
  for (let i = 0; i < 200; i++) {
    appends.push(await time(() => logHandling(db, openDocs[i % openDocs.length]!.id, 'printed', { reason: '会议学习', intercepted: true }, NOW)));
    rawAppends.push(await time(() => rawAppend(rawSequence++)));
  }
  const ledger = await ledgerMeasure();
  // Take the raw appends (below the chain) out before verifying.
  await db.delete('events', IDBKeyRange.upperBound(0));

  let progressReports = 0;
  const verifyStarted = performance.now();
  const verified = await verifyRegister(db, () => progressReports++);
  const verifyMs = performance.now() - verifyStarted;
  const baselineStarted = performance.now();
  let hashed = 0;
  for (let after = 0; ; ) {
    const batch = await db.getAll('events', IDBKeyRange.lowerBound(after, true), 5000);
    if (!batch.length) break;
    await Promise.all(batch.map((e) => hashEvent(e, e.prevHash)));
    hashed += batch.length;
    after = batch.at(-1)!.sequence;
  }
  const verifyBaselineMs = performance.now() - baselineStarted;
  return {
    firstPageColdMs,
    firstPageMs,
    firstPageRawMs,
    overdueCount: overdue.total,
    overdueMs,
    overdueRawMs,
    textSearchMs,
    appendP50Ms: [...appends].sort((a, b) => a - b)[100]!,
    appendP95Ms: p95(appends),
    rawAppendP95Ms: p95(rawAppends),
    verifyState: verified.state,
    verifyCount: verified.count,
    verifyProgressReports: progressReports,
    verifyMs,
    verifyBaselineMs,
    verifyBaselineHashed: hashed,
    ...ledger,
  };
}

/**
 * Issue 16 item 7: the statistics page, the 督办台账's first page and a 更正 at full size. The statistics are built
 * once from the documents (the seed wrote them directly, as an import would), then read from the kept buckets; the
 * corrections keep the buckets as they write.
 */
async function ledgerMeasure() {
  const calendar = defaultCalendar();
  const period = defaultPeriod('2026-11-23');
  let progress = 0;
  const statsBuildMs = await time(() => statsBuckets(db, () => progress++));
  const statsColdMs = await time(() => readStatistics(db, period, calendar, NOW));
  const statsMs = await median(9, () => readStatistics(db, period, calendar, NOW));
  const figures = await readStatistics(db, period, calendar, NOW);
  // Baselines in raw IndexedDB: reading the kept buckets alone, and reading every document (the least any
  // statistics computed from the register itself would cost, before counting anything).
  const statsRawMs = await median(9, () => unwrapAll('stats'));
  const allDocumentsRawMs = await median(3, async () => {
    for (let after: string | undefined; ; ) {
      const batch = await db.getAll('documents', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), 5000);
      if (!batch.length) break;
      after = batch.at(-1)!.id;
    }
  });

  const boardColdMs = await time(() => supervisionBoard(db, {}, calendar, NOW));
  const boardMs = await median(9, () => supervisionBoard(db, {}, calendar, NOW));
  const board = await supervisionBoard(db, {}, calendar, NOW);
  const boardRawMs = await median(9, () => req(unwrap(db).transaction('documents').objectStore('documents').index('supervisionDue').getAll()));

  // 更正 of CORRECTIONS random documents of the register: a title, or a 收文日期 that moves the document to another
  // month's bucket. Each is timed twice over on its own document: with the chain head the worker kept from its last
  // write (a worker that is running), and with the head read from the log (the first write of a worker just started,
  // forgetHead); beside raw IndexedDB reading, putting back and adding one event, and doing so with a changed title.
  const corrections: number[] = [];
  const coldCorrections: number[] = [];
  const rawCorrections: number[] = [];
  const rawSameCorrections: number[] = [];
  const rawCommitCorrections: number[] = [];
  /** Each timed 更正's parts (register-db.ts `traceChainedWrites`), in the order timed. */
  const parts: ChainedWriteParts[] = [];
  const total = figures.received;
  const rand = random(2026);
  const anyDocument = () => `doc-${String(Math.floor(rand() * DOCS_SEEDED)).padStart(6, '0')}`;
  let rawSequence = -1_000_000;
  for (let i = 0; i < CORRECTIONS; i++) {
    const title = `关于做好第${i}项重点工作的通知（更正${RUN}）`;
    const change = i % 2 ? { title } : { title, receivedDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` };
    const id = anyDocument();
    // (A register without the trace — an older DocTrail measured with this bench for comparison — gives no breakdown.)
    const traced = TRACE?.((p) => parts.push(p));
    corrections.push(await time(() => correctDocument(db, id, change, '登记错误', NOW)));
    TRACE?.(undefined);
    if (TRACE && parts.length !== corrections.length) throw new Error(`a correction was not traced${traced ?? ''}`);
    rawCorrections.push(await time(() => rawCorrect(id, rawSequence++)));
    let other = anyDocument();
    while (other === id) other = anyDocument();
    // The raw write changes the title only (the statistics do not count it), so the buckets stay true.
    rawSameCorrections.push(await time(() => rawCorrect(other, rawSequence++, { title: `${title}（基线）` })));
    rawCommitCorrections.push(await time(() => rawCorrect(anyDocument(), rawSequence++, { title: `${title}（基线）` }, true)));
    forgetHead(db);
    coldCorrections.push(await time(() => correctDocument(db, other, change, '登记错误', NOW)));
  }
  await db.delete('events', IDBKeyRange.bound(-1_000_000, 0));
  if (BENCH_VERBOSE) console.log(JSON.stringify({ correctionReads: await readsMeasure(rand) }));
  const kept = await statsBuckets(db);
  return {
    statsBuildMs,
    statsBuildProgressReports: progress,
    statsColdMs,
    statsMs,
    statsRawBucketsMs: statsRawMs,
    statsAllDocumentsRawMs: allDocumentsRawMs,
    statsReceived: total,
    statsKeptAfterCorrections: !kept.rebuilt,
    boardColdMs,
    boardMs,
    boardRawMs,
    boardItems: board.total,
    boardOverdue: board.overdue,
    corrections: CORRECTIONS,
    correctionP50Ms: p50(corrections),
    correctionP95Ms: p95(corrections),
    correctionColdP50Ms: p50(coldCorrections),
    correctionColdP95Ms: p95(coldCorrections),
    rawCorrectionP50Ms: p50(rawCorrections),
    rawCorrectionP95Ms: p95(rawCorrections),
    rawSameCorrectionP95Ms: p95(rawSameCorrections),
    rawCommitCorrectionP50Ms: p50(rawCommitCorrections),
    rawCommitCorrectionP95Ms: p95(rawCommitCorrections),
    correctionParts: correctionParts(corrections, parts),
  };
}

/**
 * Where a 更正's time goes: each part's median over every timed correction, and over the slowest 5 % (those at or above
 * the p95) — the tail's cause shows as the part that grows there.
 */
function correctionParts(times: readonly number[], parts: readonly ChainedWriteParts[]) {
  if (parts.length !== times.length) return undefined;
  const keys = ['plan', 'hash', 'apply', 'commit'] as const;
  const threshold = p95(times as number[]);
  const slow = parts.filter((_, i) => times[i]! >= threshold);
  const medians = (of: readonly ChainedWriteParts[]) => Object.fromEntries(keys.map((key) => [key, of.length ? p50(of.map((p) => p[key])) : 0])) as Record<(typeof keys)[number], number>;
  // What the correction spends outside the chained write (the queue, the promise hand-offs), by difference.
  const outside = p50(times.map((t, i) => t - keys.reduce((sum, key) => sum + parts[i]![key], 0)));
  return { all: medians(parts), slowest: medians(slow), slowestCount: slow.length, outsideP50: outside };
}

/** BENCH_VERBOSE: what a 更正's reads cost alone, each in its own readonly transaction on random documents (medians, ms). */
async function readsMeasure(rand: () => number) {
  const pick = () => `doc-${String(Math.floor(rand() * DOCS_SEEDED)).padStart(6, '0')}`;
  const byDoc = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);
  const runs = { document: [] as number[], events: [] as number[], counters: [] as number[], all: [] as number[], empty: [] as number[], write3: [] as number[], write3get: [] as number[] };
  for (let i = 0; i < 200; i++) {
    runs.empty.push(await time(() => readTransaction(db).objectStore('counters').get('none')));
    runs.document.push(await time(() => readTransaction(db).objectStore('documents').get(pick())));
    runs.events.push(await time(() => readTransaction(db).objectStore('events').index('docId_timestamp').getAll(byDoc(pick()))));
    runs.counters.push(await time(async () => {
      const c = readTransaction(db).objectStore('counters');
      await Promise.all([c.get(EVENT_SEQUENCE), c.get('stats:sequence'), c.get('stats:documents')]);
    }));
    runs.write3.push(await time(async () => {
      const tx = db.transaction(['documents', 'events', 'counters', 'reminders', 'stats'], 'readwrite');
      const id = pick();
      await Promise.all([tx.objectStore('counters').get(EVENT_SEQUENCE), tx.objectStore('documents').get(id), tx.objectStore('events').index('docId_timestamp').getAll(byDoc(id))]);
      tx.abort();
    }));
    runs.write3get.push(await time(async () => {
      const tx = db.transaction(['documents', 'events', 'counters', 'reminders', 'stats'], 'readwrite');
      await tx.objectStore('documents').get(pick());
      tx.abort();
    }));
    {
      // The synchronous part of each write call alone (serialising the value, its index keys): a record, a counter, an event.
      const id = pick();
      const tx = unwrap(db).transaction(['documents', 'events', 'counters'], 'readwrite');
      const doc = (await req(tx.objectStore('documents').get(id))) as DocumentRecord;
      const changed = { ...doc, title: `${doc.title}（试）`, updatedAt: Date.now() };
      let t = performance.now();
      tx.objectStore('documents').put(changed);
      (runs as Record<string, number[]>).putDocument = [...((runs as Record<string, number[]>).putDocument ?? []), performance.now() - t];
      t = performance.now();
      tx.objectStore('counters').put(1, 'bench:probe');
      (runs as Record<string, number[]>).putCounter = [...((runs as Record<string, number[]>).putCounter ?? []), performance.now() - t];
      t = performance.now();
      tx.objectStore('events').add({ sequence: -5_000_000 - i, timestamp: Date.now(), docId: id, type: 'corrected', details: { field: 'title', old: doc.title, new: changed.title, reason: '试' } });
      (runs as Record<string, number[]>).addEvent = [...((runs as Record<string, number[]>).addEvent ?? []), performance.now() - t];
      tx.abort();
      await new Promise((resolve) => (tx.onabort = resolve));
    }
    runs.all.push(await time(async () => {
      const tx = readTransaction(db);
      const id = pick();
      const c = tx.objectStore('counters');
      await Promise.all([c.get(EVENT_SEQUENCE), c.get('stats:sequence'), c.get('stats:documents'), tx.objectStore('documents').get(id), tx.objectStore('events').index('docId_timestamp').getAll(byDoc(id))]);
    }));
  }
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, `${p50(v).toFixed(2)} / p95 ${p95(v).toFixed(2)} / mean ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(3)}`]));
}

function unwrapAll(store: 'stats'): Promise<unknown[]> {
  return req(unwrap(db).transaction(store).objectStore(store).getAll());
}

/**
 * Raw IndexedDB: what a correction writes at least — read the record, put it back changed and add one event, in one
 * transaction. With `change`: the record put back carries the change and the identity keys it gives (the indexed values
 * a title's correction moves), without DocTrail's checks, hash chain or statistics. `commitAtOnce`: the transaction is
 * committed right after the writes are issued (`IDBTransaction.commit()`), the floor for DocTrail's way of committing.
 */
async function rawCorrect(id: string, sequence: number, change?: Partial<DocumentRecord>, commitAtOnce = false): Promise<void> {
  const tx = unwrap(db).transaction(['documents', 'events'], 'readwrite');
  const store = tx.objectStore('documents');
  const doc = (await req(store.get(id))) as DocumentRecord;
  store.put(change ? { ...doc, ...change, updatedAt: Date.now(), identityKeys: identityKeys({ ...doc, ...change }) } : { ...doc, updatedAt: Date.now() });
  tx.objectStore('events').add({ sequence, timestamp: Date.now(), docId: id, type: 'corrected', details: { field: 'title' } });
  // As DocTrail's 更正 does: committed as soon as the writes are issued, not once their answers are back.
  if (commitAtOnce) tx.commit();
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** The JS heap now (Chromium's `performance.memory`, precise with --enable-precise-memory-info). */
function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

function collectGarbage(): void {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

/** Runs `work` while sampling the heap every 20 ms; the peak is reported above the heap before it started. */
async function withPeak<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  collectGarbage();
  const base = heap();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, heap())), 20);
  const t = performance.now();
  const result = await work();
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, heap());
  return { result, ms, peakMb: (peak - base) / 1024 / 1024 };
}

/** DocTrail's export as the dashboard gets it: each chunk becomes a Blob part at once. */
async function exportTo(kind: ExportKind): Promise<{ bytes: number; blob: Blob }> {
  const parts: Blob[] = [];
  let bytes = 0;
  await runExport(db, { kind, maskClassified: false, language: 'zh-CN', now: NOW }, (chunk) => {
    bytes += chunk.byteLength;
    parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
  });
  return { bytes, blob: new Blob(parts) };
}

/**
 * Export at full size beside the baseline the issue names: plain serialisation of the same records
 * already in memory (loaded beforehand, not timed; their memory counts in the baseline's peak).
 */
async function readOnlyMeasure() {
  const { documentBatches, eventRowBatches } = await import('../utils/export/export-source');
  let t = performance.now();
  let n = 0;
  for await (const b of documentBatches(db)) n += b.length;
  const docsMs = performance.now() - t;
  t = performance.now();
  for await (const b of eventRowBatches(db, 1e12)) n += b.length;
  const eventsMs = performance.now() - t;
  t = performance.now();
  for (let after = 0; ; ) {
    const batch = await db.getAll('events', IDBKeyRange.lowerBound(after, true), 5000);
    if (!batch.length) break;
    after = batch.at(-1)!.sequence;
  }
  const rawEventsMs = performance.now() - t;
  t = performance.now();
  await db.getAll('documents');
  const rawDocsMs = performance.now() - t;
  return { docsMs, eventsMs, rawEventsMs, rawDocsMs, n };
}

async function exportMeasure() {
  if (BENCH_VERBOSE) console.log(JSON.stringify(await readOnlyMeasure()));
  const csv = await withPeak(async () => {
    const register = await exportTo('register-csv');
    const log = await exportTo('events-csv');
    return register.bytes + log.bytes;
  });
  const json = await withPeak(async () => (await exportTo('backup')).bytes);

  collectGarbage();
  const before = heap();
  const documents = await db.getAll('documents');
  const events: EventRecord[] = [];
  for (let after = 0; ; ) {
    const batch = await db.getAll('events', IDBKeyRange.lowerBound(after, true), 20_000);
    if (!batch.length) break;
    events.push(...batch);
    after = batch.at(-1)!.sequence;
  }
  const loadedMb = (heap() - before) / 1024 / 1024;
  const cell = (v: unknown) => {
    const text = v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  // Row by row into Blob parts: one string of a million records would exceed V8's string limit.
  const csvBaseline = await withPeak(async () => {
    const register = documents.map((d) => [d.registrationNo, d.receivedDate, d.issuer, d.docNumber, d.title, d.classification, d.copies, d.urgency, d.deadline, d.currentHolder, d.status].map(cell).join(',') + '\r\n');
    const log = events.map((e) => [e.sequence, e.timestamp, e.docId, e.type, JSON.stringify(e.details), e.hash].map(cell).join(',') + '\r\n');
    return new Blob(register).size + new Blob(log).size;
  });
  const jsonBaseline = await withPeak(async () => new Blob([...documents.map((d) => JSON.stringify(d) + ',\n'), ...events.map((e) => JSON.stringify(e) + ',\n')]).size);
  const counts = { documents: documents.length, events: events.length };
  documents.length = 0;
  events.length = 0;
  // The floor for any exporter that streams from IndexedDB: read the same records batch by batch and
  // serialise each plainly, nothing else (no columns, no labels, no chain, no progress).
  const csvFloor = await withPeak(async () => {
    const parts: Blob[] = [];
    const docs = await db.getAll('documents');
    parts.push(new Blob(docs.map((d) => [d.registrationNo, d.receivedDate, d.issuer, d.docNumber, d.title, d.classification, d.copies, d.urgency, d.deadline, d.currentHolder, d.status].map(cell).join(',') + '\r\n')));
    for (let after = 0; ; ) {
      const batch = await db.getAll('events', IDBKeyRange.lowerBound(after, true), 5000);
      if (!batch.length) break;
      parts.push(new Blob(batch.map((e) => [e.sequence, e.timestamp, e.docId, e.type, JSON.stringify(e.details), e.hash].map(cell).join(',') + '\r\n')));
      after = batch.at(-1)!.sequence;
    }
    return new Blob(parts).size;
  });
  const streamedFloor = await withPeak(async () => {
    const parts: Blob[] = [];
    parts.push(new Blob([JSON.stringify(await db.getAll('documents'))]));
    for (let after = 0; ; ) {
      const batch = await db.getAll('events', IDBKeyRange.lowerBound(after, true), 5000);
      if (!batch.length) break;
      parts.push(new Blob([JSON.stringify(batch)]));
      after = batch.at(-1)!.sequence;
    }
    return new Blob(parts).size;
  });
  return {
    ...counts,
    csvMs: csv.ms,
    csvPeakMb: csv.peakMb,
    csvBytes: csv.result,
    csvBaselineMs: csvBaseline.ms,
    csvBaselinePeakMb: csvBaseline.peakMb + loadedMb,
    jsonMs: json.ms,
    jsonPeakMb: json.peakMb,
    jsonBytes: json.result,
    jsonBaselineMs: jsonBaseline.ms,
    jsonBaselinePeakMb: jsonBaseline.peakMb + loadedMb,
    recordsInMemoryMb: loadedMb,
    readAndSerialiseMs: streamedFloor.ms,
    csvReadAndSerialiseMs: csvFloor.ms,
  };
}

/** An old 收文登记簿 of `rows` rows as the column mapping hands it over: numbered, dated through 2023, no bad row. */
function ledgerRows(rows: number): LedgerRow[] {
  const rand = random(7);
  const levels = ['非密', '非密', '内部', '秘密★5年', '机密★10年'];
  const urgencies = ['平件', '', '急件', '特急'];
  const statuses = ['已办结', '已办结', '已归档', '在办'];
  return Array.from({ length: rows }, (_, i) => {
    const p = Math.floor(rand() * ISSUERS.length);
    const received = addDays('2023-01-03', Math.floor((i * 360) / rows));
    return {
      row: i + 3,
      cells: {
        registrationNo: `收〔2023〕${String(i + 1).padStart(4, '0')}号`,
        receivedDate: received,
        issuer: ISSUERS[p]!,
        docNumber: `${PREFIXES[p]}〔2023〕${i + 1}号`,
        title: `关于做好2023年第${i + 1}项重点工作的通知`,
        classification: levels[Math.floor(rand() * levels.length)]!,
        urgency: urgencies[Math.floor(rand() * urgencies.length)]!,
        deadline: addDays(received, 10 + Math.floor(rand() * 20)),
        status: statuses[Math.floor(rand() * statuses.length)]!,
      } as LedgerRow['cells'],
    };
  }).map((row) => ({ ...row, cells: Object.fromEntries(Object.entries(row.cells).filter(([, v]) => v)) }));
}

/**
 * The all-or-nothing write of a `rows`-row ledger (#/import) into a register of 400 documents registered one by one,
 * as the dashboard's import test has it: the dry run, the write, and the parts of the write alone (planning = the dry
 * run's checks and reads, hashing the events); beside raw IndexedDB adding exactly the records the import wrote to a
 * register of the same 400 documents, in one transaction.
 */
async function importMeasure(rows: number) {
  const calendar = defaultCalendar();
  const ledger = ledgerRows(rows);
  const options = { fileName: '收文登记簿-2023.csv', now: NOW, calendar };
  const registerWith400 = async (name: string) => {
    await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
    const reg = await openRegister(name);
    const before = new Date(NOW.getTime() - 86_400_000);
    for (let i = 0; i < 400; i++) {
      await registerDocument(reg, { docNumber: `县政发〔2026〕${i + 1}号`, issuer: '县人民政府', title: `关于第${i + 1}项工作的通知`, receivedDate: '2026-11-20', classification: 'none' }, before);
    }
    return reg;
  };
  const target = await registerWith400(`${NAME}-import`);
  const dryRunMs = await time(() => dryRunLedgerImport(target, ledger, options));
  const planMs = await median(3, () => planLedgerImport(readTransaction(target), ledger, options));
  const plan = await planLedgerImport(readTransaction(target), ledger, options);
  const head = await readHead(readTransaction(target));
  const hashMs = await median(3, async () => chainEventsSync(head, plan.events.map((event, i) => ({ ...event, sequence: head.sequence + 1 + i }))));
  let outcome: Awaited<ReturnType<typeof importLedger>> | undefined;
  const writeMs = await time(async () => (outcome = await importLedger(target, ledger, options)));
  const documents = await target.getAllFromIndex('documents', 'createdAt', NOW.getTime());
  const events = await target.getAll('events', IDBKeyRange.lowerBound(head.sequence, true));
  const verified = await verifyRegister(target);
  target.close();

  const raw = await registerWith400(`${NAME}-import-raw`);
  const rawWriteMs = await time(async () => {
    const tx = unwrap(raw).transaction(['documents', 'events', 'counters'], 'readwrite');
    for (const document of documents) tx.objectStore('documents').add(document);
    for (const event of events) tx.objectStore('events').add(event);
    tx.objectStore('counters').put(head.sequence + events.length, EVENT_SEQUENCE);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  });
  raw.close();
  return {
    importRows: rows,
    importWritten: outcome?.written ?? 0,
    importChain: `${verified.state} ${verified.count}`,
    importDryRunMs: dryRunMs,
    importWriteMs: writeMs,
    importPlanMs: planMs,
    importHashMs: hashMs,
    importRawWriteMs: rawWriteMs,
  };
}

/** BENCH_CPU_PROFILE (development only): `n` 更正 alone, for a CPU profile of them. */
let profiled = 0;
async function correctionsOnly(n: number) {
  const rand = random(99 + profiled);
  for (let i = profiled; i < profiled + n; i++) {
    const id = `doc-${String(Math.floor(rand() * DOCS_SEEDED)).padStart(6, '0')}`;
    const change = i % 2 ? { title: `关于做好第${i}项重点工作的通知（剖析${RUN}）` } : { title: `关于做好第${i}项重点工作的通知（剖析${RUN}）`, receivedDate: `2024-${String(1 + (i % 12)).padStart(2, '0')}-03` };
    await correctDocument(db, id, change, '登记错误', NOW);
  }
  profiled += n;
}

(globalThis as unknown as Record<string, unknown>).__doctrailRegisterBench = { seed, measure, exportMeasure, ledger: ledgerMeasure, importMeasure, correctionsOnly };
