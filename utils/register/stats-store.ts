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
import { applyDelta, bucketsOf, documentFacts, factsDelta, tallyFacts, type StatsBucket, type Tally } from '../statistics/facts';
import { summariseStatistics, type Statistics, type StatsPeriod } from '../statistics/summary';
import { DOCUMENT_COUNT, EVENT_SEQUENCE, serialisedWrite, STATS_DOCUMENTS, STATS_SEQUENCE, type RegisterDB, type WriteTx } from './register-db';

/**
 * Inside a chained write: moves the buckets by what the change did to one document (`before` absent: registered).
 * Does nothing when the buckets did not match the register before the change (they will be rebuilt). A bucket that
 * would count below zero shows they were wrong after all: they are unmatched, never stored wrong.
 */
export async function keepStats(tx: WriteTx, statsCurrent: Promise<boolean>, before: DocumentRecord | undefined, after: DocumentRecord | undefined): Promise<void> {
  const delta = factsDelta(before, after);
  if (!delta.size) return void (await statsCurrent);
  const store = tx.objectStore('stats');
  const months = [...delta.keys()];
  // The buckets are read at once, beside the marker: one round trip, not two.
  const [current, stored] = await Promise.all([statsCurrent, Promise.all(months.map((month) => store.get(month)))]);
  if (!current) return;
  const next = months.map((month, i) => applyDelta(stored[i], month, delta.get(month)!));
  if (next.includes('inconsistent')) {
    await tx.objectStore('counters').delete(STATS_SEQUENCE);
    return;
  }
  await Promise.all(
    (next as StatsBucket[]).map((bucket) => (Object.keys(bucket.counts).length ? store.put(bucket) : store.delete(bucket.month))),
  );
}

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
  if (kept) return { buckets: kept, rebuilt: false };
  return serialisedWrite(db, async () => {
    const again = await readIfCurrent(db);
    if (again) return { buckets: again, rebuilt: false };
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

async function readIfCurrent(db: RegisterDB): Promise<StatsBucket[] | undefined> {
  const tx = db.transaction(['counters', 'stats']);
  const counters = tx.objectStore('counters');
  const [sequence, documents, statsSequence, statsDocuments, buckets] = await Promise.all([
    counters.get(EVENT_SEQUENCE),
    counters.get(DOCUMENT_COUNT),
    counters.get(STATS_SEQUENCE),
    counters.get(STATS_DOCUMENTS),
    tx.objectStore('stats').getAll(),
  ]);
  const current = statsSequence !== undefined && statsSequence === (sequence ?? 0) && (statsDocuments ?? 0) === (documents ?? 0);
  return current ? buckets : undefined;
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
