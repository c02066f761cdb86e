import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DocumentRecord, EventRecord } from './document-schema';

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
    };
  };
  events: {
    key: number;
    value: EventRecord;
    indexes: { docId_timestamp: [string, number] };
  };
  /** Small named values that must change atomically with the records: yearly numbers, the event sequence. */
  counters: { key: string; value: number };
}

type UpgradeTx = IDBPTransaction<DocTrailDB, StoreNames<DocTrailDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<DocTrailDB>, tx: UpgradeTx) => void;

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
];

export const DB_VERSION = MIGRATIONS.length;

export function upgrade(db: IDBPDatabase<DocTrailDB>, oldVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion; version < MIGRATIONS.length; version++) MIGRATIONS[version]!(db, tx);
}
