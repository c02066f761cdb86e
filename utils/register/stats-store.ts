/**
 * The statistics' month buckets in the register: kept up to date by the writes that change documents (a few small
 * reads and puts inside their own transaction), rebuilt from the documents in batches when they no longer match
 * the register (first use, an import or restore that wrote documents directly, a migration), and read whole — a
 * few dozen records — by the statistics page. See statistics/facts.ts for what a document counts as.
 */
import { CLASSIFICATIONS, URGENCIES } from '../documents/document-values';
import type { DocumentRecord } from '../documents/document-schema';
import { toIsoDate } from '../deadlines/local-date';
import type { WorkingCalendar } from '../deadlines/working-days';
import { bucketsOf, deltaRecord, documentFacts, factsDelta, foldDeltas, isStatsDelta, tallyFacts, type StatsBucket, type StatsDelta, type Tally } from '../statistics/facts';
import { summariseStatistics, type Statistics, type StatsPeriod } from '../statistics/summary';
import { DOCUMENT_COUNT, EVENT_SEQUENCE, forgetHead, serialisedWrite, STATS_DOCUMENTS, STATS_SEQUENCE, type RegisterDB, type WriteTx } from './register-db';

/**
 * Inside a chained write: records what the change did to one document's facts (`before` absent: registered) as one
 * small delta beside the buckets — one put, no read (see facts.ts `StatsDelta`). Does nothing when the buckets did
 * not match the register before the change (they will be rebuilt). The deltas are added in when the buckets are read,
 * and folded into them now and then; a count that would end below zero shows the buckets were wrong after all, and
 * that reading rebuilds them instead of showing a wrong figure.
 */
export function keepStats(tx: WriteTx, statsCurrent: boolean, sequence: number, before: DocumentRecord | undefined, after: DocumentRecord | undefined): Promise<unknown> {
  if (!statsCurrent) return Promise.resolve();
  const delta = factsDelta(before, after);
  // Issued at once (no await before it): a plan's `applyNow` commits right after issuing its writes.
  return delta.size ? tx.objectStore('stats').put(deltaRecord(sequence, delta)) : Promise.resolve();
}

/** More deltas than this and a reading folds them into the buckets (a few hundred small records read in one request meanwhile). */
export const FOLD_AT = 500;

const BATCH = 2000;

export interface StatsBuild {
  buckets: StatsBucket[];
  rebuilt: boolean;
}

/**
 * The buckets, rebuilt first when they do not match the register. The rebuild runs in the write queue (no chained
 * write starts meanwhile), reads the documents in batches of 2,000 and reports progress, then replaces every bucket
 * in one transaction.
 */
export async function statsBuckets(db: RegisterDB, onProgress?: (done: number, total: number) => void): Promise<StatsBuild> {
  const kept = await readIfCurrent(db);
  if (kept && kept.deltas <= FOLD_AT) return { buckets: kept.buckets, rebuilt: false };
  return serialisedWrite(db, async () => {
    const again = await readIfCurrent(db);
    if (again) {
      if (again.deltas > FOLD_AT) await storeFolded(db, again.buckets);
      return { buckets: again.buckets, rebuilt: false };
    }
    const read = db.transaction('counters');
    const [sequence, documents] = await Promise.all([read.store.get(EVENT_SEQUENCE), read.store.get(DOCUMENT_COUNT)]);
    const tally: Tally = new Map();
    let done = 0;
    for (let after: string | undefined; ; ) {
      const batch = await db.getAll('documents', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), BATCH);
      if (!batch.length) break;
      for (const document of batch) tallyFacts(tally, documentFacts(document), 1);
      done += batch.length;
      after = batch.at(-1)!.id;
      onProgress?.(done, documents ?? done);
    }
    const buckets = bucketsOf(tally);
    const tx = db.transaction(['stats', 'counters'], 'readwrite');
    await Promise.all([
      tx.objectStore('stats').clear(),
      ...buckets.map((bucket) => tx.objectStore('stats').put(bucket)),
      tx.objectStore('counters').put(sequence ?? 0, STATS_SEQUENCE),
      tx.objectStore('counters').put(documents ?? 0, STATS_DOCUMENTS),
      tx.done,
    ]);
    // The marker moved without an append: the next chained write reads it again rather than keep what it last wrote.
    forgetHead(db);
    return { buckets, rebuilt: true };
  });
}

/** Whether the buckets no longer match the register (four counters read; nothing is built). */
export async function statsStale(db: RegisterDB): Promise<boolean> {
  const counters = db.transaction('counters').store;
  const [sequence, documents, statsSequence, statsDocuments] = await Promise.all([
    counters.get(EVENT_SEQUENCE),
    counters.get(DOCUMENT_COUNT),
    counters.get(STATS_SEQUENCE),
    counters.get(STATS_DOCUMENTS),
  ]);
  return statsSequence === undefined || statsSequence !== (sequence ?? 0) || (statsDocuments ?? 0) !== (documents ?? 0);
}

/** Inside the write queue, while the buckets match: replaces the buckets and their deltas by the folded buckets. */
async function storeFolded(db: RegisterDB, buckets: readonly StatsBucket[]): Promise<void> {
  const tx = db.transaction('stats', 'readwrite');
  await Promise.all([tx.store.clear(), ...buckets.map((bucket) => tx.store.put(bucket)), tx.done]);
}

/** The buckets with their deltas added, when they match the register; `deltas`: how many deltas were added. */
async function readIfCurrent(db: RegisterDB): Promise<{ buckets: StatsBucket[]; deltas: number } | undefined> {
  const tx = db.transaction(['counters', 'stats']);
  const counters = tx.objectStore('counters');
  const [sequence, documents, statsSequence, statsDocuments, records] = await Promise.all([
    counters.get(EVENT_SEQUENCE),
    counters.get(DOCUMENT_COUNT),
    counters.get(STATS_SEQUENCE),
    counters.get(STATS_DOCUMENTS),
    tx.objectStore('stats').getAll(),
  ]);
  const current = statsSequence !== undefined && statsSequence === (sequence ?? 0) && (statsDocuments ?? 0) === (documents ?? 0);
  if (!current) return undefined;
  const deltas = records.filter(isStatsDelta);
  const folded = foldDeltas(records.filter((record): record is StatsBucket => !isStatsDelta(record)), deltas);
  return folded === 'inconsistent' ? undefined : { buckets: folded, deltas: deltas.length };
}

/** The statistics page's figures for a period (months), with today's overdue counts. */
export async function readStatistics(
  db: RegisterDB,
  period: StatsPeriod,
  calendar: WorkingCalendar,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<Statistics & { rebuilt: boolean }> {
  const [{ buckets, rebuilt }, documentsOverdue] = await Promise.all([statsBuckets(db, onProgress), db.countFromIndex('documents', 'dueDate', IDBKeyRange.upperBound(toIsoDate(now), true))]);
  const figures = summariseStatistics({
    buckets,
    period,
    today: toIsoDate(now),
    calendar,
    documentsOverdue,
    classifications: CLASSIFICATIONS,
    urgencies: URGENCIES,
  });
  return { ...figures, rebuilt };
}
