import { openDB, type IDBPCursorWithValue, type IDBPDatabase, type IDBPIndex, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import { DB_NAME, DB_VERSION, upgrade, type DocTrailDB } from './db-schema';
import { circulationState, type CirculationState, type RecipientState } from './circulation';
import type { Classification } from './document-values';
import { OPEN_STATUSES, type DocumentDraft, type DocumentRecord, type EventRecord, type NewEvent, type Purpose } from './document-schema';
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
  options: { classificationConfirmed?: boolean } = {},
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
  const events: NewEvent[] = [{ timestamp, docId: document.id, type: 'registered', details: { registrationNo: document.registrationNo } }];
  if (options.classificationConfirmed && draft.classification) {
    events.push({ timestamp, docId: document.id, type: 'classification-confirmed', details: { classification: draft.classification } });
  }
  const appendAll = async () => {
    for (const event of events) await appendEvent(tx, event);
  };
  // `tx.done` is awaited with the writes: when one fails, the abort it causes is handled too.
  await Promise.all([tx.objectStore('counters').put(sequence, counterKey), documents.add(document), appendAll(), tx.done]);
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
  return db.getAllFromIndex('events', 'docId_timestamp', eventsOfDoc(docId));
}

export class DocumentNotFound extends Error {
  constructor(id: string) {
    super(`no document ${id} in the register`);
  }
}

export interface DocumentState {
  document: DocumentRecord;
  circulation: RecipientState[];
}

const eventsOfDoc = (docId: string) => IDBKeyRange.bound([docId, 0], [docId, Infinity]);

export async function documentState(db: RegisterDB, document: DocumentRecord): Promise<DocumentState> {
  const events = await db.getAllFromIndex('events', 'docId_timestamp', eventsOfDoc(document.id));
  return { document, circulation: circulationState(events).recipients };
}

/**
 * One logical change to a document — its events and the record's new state — in one transaction,
 * so a stopped worker leaves either all of it or none.
 */
async function changeDocument(
  db: RegisterDB,
  docId: string,
  now: Date,
  change: (document: DocumentRecord, circulation: CirculationState) => { events: Omit<NewEvent, 'docId' | 'timestamp'>[]; update?: Partial<DocumentRecord> },
): Promise<DocumentState> {
  const tx = db.transaction(['documents', 'events', 'counters'], 'readwrite');
  const document = await tx.objectStore('documents').get(docId);
  if (!document) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DocumentNotFound(docId);
  }
  const byDoc = tx.objectStore('events').index('docId_timestamp');
  const before = await byDoc.getAll(eventsOfDoc(docId));
  let planned: ReturnType<typeof change>;
  try {
    planned = change(document, circulationState(before));
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  const { events, update } = planned;
  const timestamp = now.getTime();
  for (const event of events) await appendEvent(tx, { ...event, docId, timestamp });
  const next: DocumentRecord = { ...document, ...update, updatedAt: timestamp };
  await tx.objectStore('documents').put(next);
  const after = await byDoc.getAll(eventsOfDoc(docId));
  await tx.done;
  return { document: next, circulation: circulationState(after).recipients };
}

export type HandlingAction = 'printed' | 'copied' | 'downloaded';

/** Logs a print, copy or download of the document with the clerk's reason. */
export function logHandling(
  db: RegisterDB,
  docId: string,
  action: HandlingAction,
  details: { reason?: string; intercepted: boolean; detail?: string },
  now: Date,
): Promise<DocumentState> {
  return changeDocument(db, docId, now, () => ({ events: [{ type: action, details: { ...details } }] }));
}

export function confirmClassification(db: RegisterDB, docId: string, classification: Classification, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, () => ({
    events: [{ type: 'classification-confirmed', details: { classification } }],
    update: { classification },
  }));
}

/** Sends the document on: one `sent` event per recipient; it is in circulation until every one returns it. */
export function sendDocument(
  db: RegisterDB,
  docId: string,
  send: { recipients: string[]; purpose: Purpose; expectedReturn?: string },
  now: Date,
): Promise<DocumentState> {
  return changeDocument(db, docId, now, () => ({
    events: send.recipients.map((recipient) => ({
      type: 'sent' as const,
      details: { recipient, purpose: send.purpose, ...(send.expectedReturn && { expectedReturn: send.expectedReturn }) },
    })),
    update: { status: 'in-circulation', currentHolder: send.recipients.at(-1) },
  }));
}

/** Records that a recipient gave the document back; the last one back ends the circulation. */
export function returnDocument(db: RegisterDB, docId: string, recipient: string, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, (document, circulation) => {
    const open = circulation.outstanding.filter((r) => r.recipient === recipient);
    if (!open.length) throw new Error(`${recipient} has no copy of this document to return`);
    const stillOut = circulation.outstanding.filter((r) => r !== open[0]);
    return {
      events: [{ type: 'returned', details: { recipient } }],
      update:
        stillOut.length === 0
          ? { status: document.status === 'in-circulation' ? 'returned' : document.status, currentHolder: undefined }
          : { currentHolder: stillOut.at(-1)!.recipient },
    };
  });
}
