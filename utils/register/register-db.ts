import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, DB_VERSION, upgrade, type DocTrailDB } from './db-schema';
import type { EventRecord, NewEvent } from '../documents/document-schema';
import { chainEvents, EMPTY_HEAD, GENESIS_HASH, type ChainHead } from './hash-chain';

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

/** What the change was planned from changed before it could be written; it is planned again. */
class StaleRead extends Error {}

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

export async function readHead(tx: ReadTx | WriteTx): Promise<ChainHead> {
  const sequence = (await tx.objectStore('counters').get(EVENT_SEQUENCE)) ?? 0;
  if (!sequence) return EMPTY_HEAD;
  const last = await tx.objectStore('events').get(sequence);
  return { sequence, hash: last?.hash ?? GENESIS_HASH };
}

export interface ChangePlan<T> {
  events: NewEvent[];
  /**
   * The record changes, run inside the write transaction that appends the events (given here as chained).
   * `statsCurrent` says whether the statistics' buckets matched the register before this change: a plan that
   * declares `keepsStats` changes them by its documents' facts when they did (stats-store.ts `keepStats`).
   */
  apply(tx: WriteTx, events: readonly EventRecord[], statsCurrent: Promise<boolean>): Promise<T>;
  /**
   * The plan keeps the statistics up to date (it applies its documents' facts, or changes nothing they count), and
   * adds this many documents. Without it, the buckets are left to be rebuilt on their next reading.
   */
  keepsStats?: { documentsAdded: number };
}

/**
 * One logical change: plan it from a consistent read, hash its events outside any transaction
 * (WebCrypto would let an IndexedDB transaction auto-commit), then write the events, their
 * sequence and the records in one transaction that first checks nothing was appended meanwhile.
 * A stopped worker therefore leaves all of a change or none of it, and the chain never forks.
 */
export function writeChained<T>(db: RegisterDB, plan: (tx: ReadTx) => Promise<ChangePlan<T>>): Promise<T> {
  return serialised(db, async () => {
    for (let attempt = 0; ; attempt++) {
      const readTx = db.transaction(STORES, 'readonly');
      const [planned, head] = await Promise.all([plan(readTx), readHead(readTx)]);
      const numbered = planned.events.map((event, i) => ({ ...event, sequence: head.sequence + 1 + i }));
      const chained: EventRecord[] = await chainEvents(head, numbered);
      try {
        return await commit(db, head, chained, planned);
      } catch (error) {
        if (error instanceof StaleRead && attempt < 3) continue;
        throw error;
      }
    }
  });
}

async function commit<T>(db: RegisterDB, head: ChainHead, events: EventRecord[], plan: ChangePlan<T>): Promise<T> {
  const tx = db.transaction(STORES, 'readwrite');
  // Every request is issued at once (a transaction runs them in order), so a change costs one round
  // trip, not four; the sequence read comes first, and when it shows a write came in between, the
  // abort takes back everything issued after it.
  const counters = tx.objectStore('counters');
  // Every request's promise is kept, so when one fails (or a write throws at once) the others' rejections are handled too.
  const pending: Promise<unknown>[] = [];
  const track = <P extends Promise<unknown>>(promise: P): P => (pending.push(promise), promise);
  try {
    const sequenceRead = track(counters.get(EVENT_SEQUENCE));
    // The statistics stay matched only through writes that keep them; their marker moves before the plan's own
    // requests are issued, so a plan that finds its buckets wrong can still unmatch them after it.
    const keeps = plan.keepsStats;
    const statsCurrent = keeps
      ? track(
          (async () => {
            const [sequence, documents] = await Promise.all([track(counters.get(STATS_SEQUENCE)), track(counters.get(STATS_DOCUMENTS))]);
            if (sequence !== head.sequence) return false;
            void track(counters.put(head.sequence + events.length, STATS_SEQUENCE));
            void track(counters.put((documents ?? 0) + keeps.documentsAdded, STATS_DOCUMENTS));
            return true;
          })(),
        )
      : Promise.resolve(false);
    const applied = track(plan.apply(tx, events, statsCurrent));
    const store = tx.objectStore('events');
    const appended = track(Promise.all([...events.map((event) => track(store.add(event))), track(counters.put(head.sequence + events.length, EVENT_SEQUENCE))]));
    const work = track(
      (async () => {
        if (((await sequenceRead) ?? 0) !== head.sequence) throw new StaleRead();
        const [result] = await Promise.all([applied, appended]);
        return result;
      })(),
    );
    const [result] = await Promise.all([work, tx.done]);
    return result;
  } catch (error) {
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
    const tx = db.transaction(['events', 'counters'], 'readwrite');
    await Promise.all([...sealed.map((event) => tx.objectStore('events').put(event)), tx.objectStore('counters').put(head.sequence, EVENT_SEQUENCE), tx.done]);
    return sealed.length;
  });
}
