import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { circulationState } from '../documents/circulation';
import type { DocumentRecord, EventRecord } from '../documents/document-schema';
import type { StatsBucket, StatsDelta } from '../statistics/facts';
import { dueDateOf } from '../documents/due-date';
import { identityKeys } from '../documents/identity';
import { fromLegacyClassification } from '../documents/document-values';
import { completedOnFromEvents } from '../documents/steps';
import { OPEN_STATUSES } from '../documents/document-schema';

export const DB_NAME = 'doctrail';

export interface DocTrailDB extends DBSchema {
  documents: {
    key: string;
    value: DocumentRecord;
    indexes: {
      status: string;
      deadline: string;
      docNumber: string;
      sourceUrl: string;
      createdAt: number;
      registrationNo: string;
      dueDate: string;
      classification: string;
      receivedDate: string;
      supervisionDue: string;
      identityKeys: string;
    };
  };
  events: {
    key: number;
    value: EventRecord;
    indexes: { docId_timestamp: [string, number] };
  };
  /** Small named values that must change atomically with the records: yearly numbers, the event sequence. */
  counters: { key: string; value: number };
  /** The clerk's settings and an imported holiday calendar, each under its own key. */
  settings: { key: string; value: unknown };
  /** Per document: when it was last brought up in a notification and until when the clerk snoozed it. */
  reminders: { key: string; value: ReminderState };
  /**
   * The statistics' month buckets (statistics/facts.ts), kept up to date by every chained write that declares it
   * (see `ChangePlan.keepsStats`); the counters `stats:sequence` and `stats:documents` say which register they match.
   * Anything else that changes documents leaves them stale, and the next reading rebuilds them (stats-store.ts). A write
   * stores what it changed as a small delta record (key `~…`) beside the buckets; readings add the deltas in.
   */
  stats: { key: string; value: StatsBucket | StatsDelta };
}

export interface ReminderState {
  docId: string;
  lastNotifiedAt?: number;
  snoozedUntil?: number;
}

type UpgradeTx = IDBPTransaction<DocTrailDB, StoreNames<DocTrailDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<DocTrailDB>, tx: UpgradeTx) => void | Promise<void>;

/**
 * Migrations in order: entry i upgrades a database from version i to i + 1.
 * Never edit a shipped entry — append a new one, so every older database keeps its records.
 */
export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    const documents = db.createObjectStore('documents', { keyPath: 'id' });
    documents.createIndex('status', 'status');
    documents.createIndex('deadline', 'deadline');
    documents.createIndex('docNumber', 'docNumber');
    documents.createIndex('sourceUrl', 'sourceUrl');
    documents.createIndex('createdAt', 'createdAt');
    documents.createIndex('registrationNo', 'registrationNo', { unique: true });
    const events = db.createObjectStore('events', { keyPath: 'sequence' });
    events.createIndex('docId_timestamp', ['docId', 'timestamp']);
    db.createObjectStore('counters');
  },
  // v2: due dates for reminders and the overdue count, filter indexes for the dashboard, settings and
  // reminder state. Existing documents get their due date; their events are hash-chained after opening
  // (WebCrypto cannot run inside this transaction), see `sealUnchainedEvents`.
  async (db, tx) => {
    const documents = tx.objectStore('documents');
    documents.createIndex('dueDate', 'dueDate');
    documents.createIndex('classification', 'classification');
    documents.createIndex('receivedDate', 'receivedDate');
    db.createObjectStore('settings');
    db.createObjectStore('reminders', { keyPath: 'docId' });
    await tx.objectStore('counters').put(await documents.count(), 'documents');
    const byDoc = tx.objectStore('events').index('docId_timestamp');
    for (let cursor = await documents.openCursor(); cursor; cursor = await cursor.continue()) {
      const events = await byDoc.getAll(IDBKeyRange.bound([cursor.value.id, 0], [cursor.value.id, Infinity]));
      const dueDate = dueDateOf(cursor.value, circulationState(events));
      if (dueDate) await cursor.update({ ...cursor.value, dueDate });
    }
  },
  // v3: 密级 keys follow the standard English (秘密 `confidential`, 机密 `secret`); 0.1 stored them swapped. Every
  // document record is rewritten; events are hash-chained and stay as written (see `classificationInDetails`).
  async (_db, tx) => {
    const documents = tx.objectStore('documents');
    for (let cursor = await documents.openCursor(); cursor; cursor = await cursor.continue()) {
      const level = cursor.value.classification;
      if (level === 'secret' || level === 'confidential') await cursor.update({ ...cursor.value, classification: fromLegacyClassification(level) });
    }
  },
  // v4: the 督办台账 reads open 督办 items through an index on their 完成时限. No document is under 督办 before
  // v4, so no record needs rewriting.
  (_db, tx) => {
    tx.objectStore('documents').createIndex('supervisionDue', 'supervisionDue');
  },
  // v5: one identity per document. Every record gets the keys it is found by (文号 normalised, page address without
  // volatile parameters, 来文单位 + 标题 + 收文日期, title), computed from its fields as stored; the fields themselves
  // are kept as written, so documents registered before normalisation are found by any spelling of their 文号.
  async (_db, tx) => {
    const documents = tx.objectStore('documents');
    documents.createIndex('identityKeys', 'identityKeys', { multiEntry: true });
    for (let cursor = await documents.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update({ ...cursor.value, identityKeys: identityKeys(cursor.value) });
    }
  },
  // v6: the statistics' month buckets. The store starts empty and unmatched (no `stats:sequence` counter), so the
  // first reading builds it from the documents; no record is rewritten. A later migration that changes what a
  // document counts as must delete `stats:sequence` so the buckets are built again.
  (db) => {
    db.createObjectStore('stats', { keyPath: 'month' });
  },
  // v7: documents 办结 before the record kept its 办结 date (`completedOn`, from v6) get it from their 办结 event that
  // stands (steps.ts `completedOnFromEvents`), so the median working days 收文→办结 counts them; only closed documents
  // without the date are looked at (their events read through the index), nothing else of any record changes. What
  // they count as changed: `stats:sequence` is deleted, so the statistics are built again on their next reading.
  async (_db, tx) => {
    const documents = tx.objectStore('documents');
    const byDoc = tx.objectStore('events').index('docId_timestamp');
    const open = new Set<string>(OPEN_STATUSES);
    for (let after: string | undefined; ; ) {
      const batch = await documents.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), 2000);
      if (!batch.length) break;
      after = batch.at(-1)!.id;
      const closed = batch.filter((document) => !document.completedOn && !open.has(document.status));
      const found = await Promise.all(closed.map((document) => byDoc.getAll(IDBKeyRange.bound([document.id, 0], [document.id, Infinity]))));
      await Promise.all(
        closed.map((document, i) => {
          const completedOn = completedOnFromEvents(found[i]!);
          return completedOn ? documents.put({ ...document, completedOn }) : undefined;
        }),
      );
    }
    await tx.objectStore('counters').delete('stats:sequence');
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Runs the pending migrations in order; they may await requests of the upgrade transaction, nothing else. */
export async function upgrade(db: IDBPDatabase<DocTrailDB>, oldVersion: number, tx: UpgradeTx, target = MIGRATIONS.length): Promise<void> {
  for (let version = oldVersion; version < target; version++) await MIGRATIONS[version]!(db, tx);
}
