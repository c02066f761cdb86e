import { openDB, type IDBPCursorWithValue, type IDBPDatabase, type IDBPIndex, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import { DB_NAME, DB_VERSION, upgrade, type DocTrailDB } from './db-schema';
import { OPEN_STATUSES, type DocumentDraft, type DocumentRecord, type EventRecord, type NewEvent } from './document-schema';
import { toIsoDate } from './local-date';
import { DEFAULT_NUMBER_FORMAT, formatRegistrationNo } from './registration-number';

export type RegisterDB = IDBPDatabase<DocTrailDB>;

const EVENT_SEQUENCE = 'events';

export function openRegister(name = DB_NAME): Promise<RegisterDB> {
  return openDB<DocTrailDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
  });
}

type Lookup = Pick<DocumentDraft, 'docNumber' | 'issuer' | 'sourceUrl'>;
type DocumentsStore = IDBPObjectStore<DocTrailDB, ('documents' | 'events' | 'counters')[], 'documents', IDBTransactionMode>;

/**
 * The same document is the same 文号 from the same issuer (an issuer missing on either side
 * does not tell them apart); a document without a 文号 is known by the page it was registered from.
 */
async function findIn(store: DocumentsStore, lookup: Lookup): Promise<DocumentRecord | undefined> {
  if (lookup.docNumber) {
    const candidates = await store.index('docNumber').getAll(lookup.docNumber);
    return candidates.find((doc) => !doc.issuer || !lookup.issuer || doc.issuer === lookup.issuer);
  }
  const byUrl = await store.index('sourceUrl').getAll(lookup.sourceUrl);
  return byUrl.find((doc) => !doc.docNumber);
}

export async function findDocument(db: RegisterDB, lookup: Lookup): Promise<DocumentRecord | undefined> {
  return findIn(db.transaction('documents').store, lookup);
}

type WriteTx = IDBPTransaction<DocTrailDB, ('documents' | 'events' | 'counters')[], 'readwrite'>;

/** Appends to the event log inside the caller's transaction, so the event commits with the change it records. */
async function appendEvent(tx: WriteTx, event: NewEvent): Promise<EventRecord> {
  const counters = tx.objectStore('counters');
  const sequence = ((await counters.get(EVENT_SEQUENCE)) ?? 0) + 1;
  const record: EventRecord = { sequence, ...event };
  await Promise.all([counters.put(sequence, EVENT_SEQUENCE), tx.objectStore('events').add(record)]);
  return record;
}

export interface RegisterResult {
  document: DocumentRecord;
  created: boolean;
}

/**
 * Registers a document in one transaction: the yearly sequence, the record and its
 * `registered` event commit together or not at all, so numbers have no gaps and no twins.
 */
export async function registerDocument(
  db: RegisterDB,
  draft: DocumentDraft,
  now: Date,
  numberFormat = DEFAULT_NUMBER_FORMAT,
): Promise<RegisterResult> {
  const tx = db.transaction(['documents', 'events', 'counters'], 'readwrite');
  const documents = tx.objectStore('documents');
  const existing = await findIn(documents, draft);
  if (existing) {
    await tx.done;
    return { document: existing, created: false };
  }
  const year = now.getFullYear();
  const counterKey = `registration:${year}`;
  const sequence = ((await tx.objectStore('counters').get(counterKey)) ?? 0) + 1;
  const timestamp = now.getTime();
  const document: DocumentRecord = {
    ...draft,
    id: crypto.randomUUID(),
    registrationNo: formatRegistrationNo(year, sequence, numberFormat),
    status: 'registered',
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  await Promise.all([
    tx.objectStore('counters').put(sequence, counterKey),
    documents.add(document),
    appendEvent(tx, { timestamp, docId: document.id, type: 'registered', details: { registrationNo: document.registrationNo } }),
    tx.done,
  ]);
  return { document, created: true };
}

export interface RegisterSummary {
  inProgress: number;
  overdue: number;
  latest: DocumentRecord[];
}

export async function summarise(db: RegisterDB, now: Date, latestCount = 5): Promise<RegisterSummary> {
  const tx = db.transaction('documents');
  const byStatus = tx.store.index('status');
  const today = toIsoDate(now);
  const open = new Set<string>(OPEN_STATUSES);
  const [counts, overdueCandidates, latest] = await Promise.all([
    Promise.all(OPEN_STATUSES.map((status) => byStatus.count(status))),
    tx.store.index('deadline').getAll(IDBKeyRange.upperBound(today, true)),
    collectLatest(tx.store.index('createdAt'), latestCount),
  ]);
  return {
    inProgress: counts.reduce((a, b) => a + b, 0),
    overdue: overdueCandidates.filter((doc) => open.has(doc.status)).length,
    latest,
  };
}

async function collectLatest(
  index: IDBPIndex<DocTrailDB, ['documents'], 'documents', 'createdAt'>,
  count: number,
): Promise<DocumentRecord[]> {
  const out: DocumentRecord[] = [];
  let cursor: IDBPCursorWithValue<DocTrailDB, ['documents'], 'documents', 'createdAt'> | null =
    await index.openCursor(null, 'prev');
  while (cursor && out.length < count) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export async function eventsOf(db: RegisterDB, docId: string): Promise<EventRecord[]> {
  return db.getAllFromIndex('events', 'docId_timestamp', IDBKeyRange.bound([docId, 0], [docId, Infinity]));
}
