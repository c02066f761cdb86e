import { openDB, unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, DB_VERSION, upgrade, type DocTrailDB } from './db-schema';
import type { EventRecord, NewEvent } from '../documents/document-schema';
import { chainEvents, chainEventsSync, EMPTY_HEAD, GENESIS_HASH, type ChainHead } from './hash-chain';

export type RegisterDB = IDBPDatabase<DocTrailDB>;

const STORES = ['documents', 'events', 'counters', 'reminders', 'stats'] as const;
/** The stores every chained write and register read spans. */
export type RegisterStores = (typeof STORES)[number][];
type Stores = RegisterStores;
export type WriteTx = IDBPTransaction<DocTrailDB, Stores, 'readwrite'>;
export type ReadTx = IDBPTransaction<DocTrailDB, Stores, 'readonly'>;

export const EVENT_SEQUENCE = 'events';
/** How many documents the register holds: IndexedDB's count() walks every record, too slow at 100,000. */
export const DOCUMENT_COUNT = 'documents';
/** The statistics' buckets match the register whose event sequence and document count are these (see stats-store.ts). */
export const STATS_SEQUENCE = 'stats:sequence';
export const STATS_DOCUMENTS = 'stats:documents';

/** Opens (and migrates) the register, then chains any events written before the log was hash-chained. */
export async function openRegister(name = DB_NAME): Promise<RegisterDB> {
  const db = await openDB<DocTrailDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => void upgrade(db, oldVersion, tx),
  });
  await sealUnchainedEvents(db);
  return db;
}

/** The storage is full: the change was rolled back and nothing else was touched. */
export class StorageFull extends Error {
  constructor() {
    super('the browser has no more room for the register; nothing was written');
  }
}

const queues = new WeakMap<RegisterDB, Promise<unknown>>();

/** Runs writers one after another: the chain head a writer reads is still the head when it writes. */
function serialised<T>(db: RegisterDB, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(db, next.catch(() => undefined));
  return next;
}

/**
 * Runs `work` in the register's write queue: no chained write starts until it settles. For changes
 * that cannot go through `writeChained` (an import that brings its own hash chain) and for reads
 * that must see one consistent register (a full backup).
 */
export function serialisedWrite<T>(db: RegisterDB, work: () => Promise<T>): Promise<T> {
  return serialised(db, work);
}

/**
 * The chain head: the event sequence the log says it reached and that event's hash. The counter and the log's last
 * event are asked at once (one round trip); only when they disagree (a tail cut off, records past the chain) is the
 * event at the counter's sequence read.
 */
export async function readHead(tx: ReadTx | WriteTx): Promise<ChainHead> {
  const events = tx.objectStore('events');
  const [sequence, last] = await Promise.all([tx.objectStore('counters').get(EVENT_SEQUENCE), events.openCursor(null, 'prev')]);
  if (!sequence) return EMPTY_HEAD;
  if (last && last.key === sequence) return { sequence, hash: last.value.hash ?? GENESIS_HASH };
  const event = await events.get(sequence);
  return { sequence, hash: event?.hash ?? GENESIS_HASH };
}

/**
 * The head each connection's last chained write left: the next write on that connection takes the hash from here instead
 * of reading the log's last event, once its one read of the stored sequence (a small counter read, issued with the plan's
 * own reads) says the log is still where that write left it. Anything else that appends — another connection, a restore,
 * an import that brings its own chain, the sealing of old events — moves the stored sequence past the kept one (or forgets
 * it: `forgetHead`), and the head is then read from the log as before. A kept head is set only after its transaction
 * committed, so an aborted write never leaves one behind.
 *
 * Beside it, the statistics' marker (`stats:sequence`) as that write left it: while the log is where the write left it, the
 * buckets matched the register then and still do — only a rebuild moves the marker without appending, and it forgets the
 * kept head (stats-store.ts), as does everything else that changes the marker or the log outside `writeChained`. So a write
 * whose head is kept reads one counter, not three.
 */
interface KeptHead {
  head: ChainHead;
  statsSequence: number | undefined;
}

const keptHeads = new WeakMap<RegisterDB, KeptHead>();

/**
 * Drops the head kept for `db`: the next chained write reads it (and the statistics' marker) from the register. For
 * writers that append, or change the statistics' marker, outside `writeChained`.
 */
export function forgetHead(db: RegisterDB): void {
  keptHeads.delete(db);
}

/** The kept head and statistics' marker while the stored sequence still matches them, otherwise both read from the register. */
async function currentHead(db: RegisterDB, tx: WriteTx): Promise<KeptHead> {
  const counters = tx.objectStore('counters');
  const read = async (): Promise<KeptHead> => {
    const [head, statsSequence] = await Promise.all([readHead(tx), counters.get(STATS_SEQUENCE)]);
    return { head, statsSequence };
  };
  const kept = keptHeads.get(db);
  if (!kept) return read();
  const sequence = (await counters.get(EVENT_SEQUENCE)) ?? 0;
  return sequence === kept.head.sequence ? kept : read();
}

/** The transaction a plan reads in: the write transaction itself, which the plan only reads from. */
export type PlanTx = ReadTx;

interface ChangePlanBase {
  events: NewEvent[];
  /**
   * The plan keeps the statistics up to date (it applies its documents' facts, or changes nothing they count), and
   * adds this many documents. Without it, the buckets are left to be rebuilt on their next reading.
   */
  keepsStats?: { documentsAdded: number };
}

export type ChangePlan<T> = ChangePlanBase &
  (
    | {
        /**
         * The record changes, run inside the write transaction that appends the events (given here as chained).
         * `statsCurrent` says whether the statistics' buckets matched the register before this change: a plan that
         * declares `keepsStats` changes them by its documents' facts when they did (stats-store.ts `keepStats`).
         */
        apply(tx: WriteTx, events: readonly EventRecord[], statsCurrent: boolean): Promise<T>;
        applyNow?: never;
      }
    | {
        /**
         * Instead of `apply`, for a change that needs no more reads: issues every record change synchronously and returns
         * the result (or a promise of it, from requests issued before) with the promise of its requests. The transaction is
         * then committed at once (`IDBTransaction.commit()`) instead of after the requests' answers came back to this page;
         * a throw here aborts the whole change.
         */
        applyNow(tx: WriteTx, events: readonly EventRecord[], statsCurrent: boolean): { result: T | Promise<T>; written: Promise<unknown> };
        apply?: never;
      }
  );

/** A chained write's parts, in milliseconds (see `traceChainedWrites`). */
export interface ChainedWriteParts {
  /** From the transaction's start to the plan's end: the reads (chain head, statistics' markers, the plan's own) and its checks. */
  plan: number;
  /** Numbering the events after the head and hashing them. */
  hash: number;
  /** The records' new state and issuing every write. */
  apply: number;
  /** From the last write issued to the transaction's completion. */
  commit: number;
}

let trace: ((parts: ChainedWriteParts) => void) | undefined;

/** For the bench: `report` is given each chained write's parts from now on (undefined: no longer). */
export function traceChainedWrites(report: ((parts: ChainedWriteParts) => void) | undefined): void {
  trace = report;
}

/**
 * One logical change in one readwrite transaction: the chain head, the statistics' markers and the plan's own reads
 * are issued at once; the events are numbered after the head and hashed synchronously (SHA-256 in JavaScript, the same
 * hash WebCrypto gives, so the transaction never waits on anything but its own requests and stays active); then the
 * events, the sequence and the records are written. The write queue runs changes one after another, and the
 * transaction makes the read and the write one, so nothing can be appended in between: a stopped worker leaves all of
 * a change or none of it, and the chain never forks. A plan that throws writes nothing.
 */
export function writeChained<T>(db: RegisterDB, plan: (tx: PlanTx) => Promise<ChangePlan<T>>): Promise<T> {
  return serialised(db, () => commit(db, plan));
}

async function commit<T>(db: RegisterDB, plan: (tx: PlanTx) => Promise<ChangePlan<T>>): Promise<T> {
  const report = trace;
  const started = report ? performance.now() : 0;
  const tx = db.transaction(STORES, 'readwrite');
  const counters = tx.objectStore('counters');
  // Every request's promise is kept, so when one fails (or a write throws at once) the others' rejections are handled too.
  const pending: Promise<unknown>[] = [];
  const track = <P extends Promise<unknown>>(promise: P): P => (pending.push(promise), promise);
  try {
    const headRead = track(currentHead(db, tx));
    const planned = await track(plan(tx as unknown as PlanTx));
    const { head, statsSequence } = await headRead;
    const planEnd = report ? performance.now() : 0;
    const events: EventRecord[] = chainEventsSync(
      head,
      planned.events.map((event, i) => ({ ...event, sequence: head.sequence + 1 + i })),
    );
    const hashEnd = report ? performance.now() : 0;
    // The statistics stay matched only through writes that keep them: their markers move with the write, before the
    // plan's own requests are issued.
    const keeps = planned.keepsStats;
    const statsCurrent = !!keeps && statsSequence === head.sequence;
    let statsAfter = statsSequence;
    // Read and moved in one: its answer comes back while the transaction is still active.
    let documentsMoved: Promise<unknown> | undefined;
    if (keeps && statsCurrent) {
      statsAfter = head.sequence + events.length;
      void track(counters.put(statsAfter, STATS_SEQUENCE));
      // The document count they match moves only when documents are added (a correction leaves it as it is, unread).
      const added = keeps.documentsAdded;
      if (added) documentsMoved = track(counters.get(STATS_DOCUMENTS).then((documents) => counters.put((documents ?? 0) + added, STATS_DOCUMENTS)));
    }
    // The events without a promise each (an import appends thousands): a failing one aborts the transaction.
    const rawEvents = unwrap(tx.objectStore('events'));
    for (const event of events) rawEvents.add(event);
    if (events.length) void track(counters.put(head.sequence + events.length, EVENT_SEQUENCE));
    let result: T;
    let applyEnd = 0;
    if (planned.applyNow) {
      const now = planned.applyNow(tx, events, statsCurrent);
      void track(now.written);
      applyEnd = report ? performance.now() : 0;
      // Every request is issued: commit now rather than once their answers have come back to this page.
      if (documentsMoved) await documentsMoved;
      tx.commit();
      [result] = await Promise.all([now.result, now.written, tx.done]);
    } else {
      const applied = track(planned.apply(tx, events, statsCurrent));
      [result] = await Promise.all([applied.then((value) => ((applyEnd = report ? performance.now() : 0), value)), documentsMoved, tx.done]);
    }
    const last = events.at(-1);
    keptHeads.set(db, { head: last ? { sequence: last.sequence, hash: last.hash } : head, statsSequence: statsAfter });
    if (report) {
      const done = performance.now();
      report({ plan: planEnd - started, hash: hashEnd - planEnd, apply: applyEnd - hashEnd, commit: done - applyEnd });
    }
    return result;
  } catch (error) {
    keptHeads.delete(db);
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await Promise.allSettled([...pending, tx.done]);
    throw isQuotaError(error) || isQuotaError(tx.error) ? new StorageFull() : error;
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && error.name === 'QuotaExceededError';
}

/** Reads only: a consistent snapshot of the register for queries. */
export function readTransaction(db: RegisterDB): ReadTx {
  return db.transaction(STORES, 'readonly');
}

/**
 * Databases from before the chain (schema v1) hold events without hashes. They are chained in
 * sequence order once, in one transaction, so tamper evidence covers them from then on.
 */
export async function sealUnchainedEvents(db: RegisterDB): Promise<number> {
  return serialised(db, async () => {
    const last = await db.transaction('events').store.openCursor(null, 'prev');
    if (!last || last.value.hash) return 0;
    const all = await db.getAll('events');
    let head = EMPTY_HEAD;
    const sealed: EventRecord[] = [];
    for (const event of all) {
      const [chained] = await chainEvents(head, [{ ...event, sequence: event.sequence }]);
      sealed.push(chained!);
      head = { sequence: chained!.sequence, hash: chained!.hash };
    }
    forgetHead(db);
    const tx = db.transaction(['events', 'counters'], 'readwrite');
    await Promise.all([...sealed.map((event) => tx.objectStore('events').put(event)), tx.objectStore('counters').put(head.sequence, EVENT_SEQUENCE), tx.done]);
    return sealed.length;
  });
}
