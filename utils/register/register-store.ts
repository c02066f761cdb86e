import type { IDBPCursorWithValue, IDBPIndex, IDBPObjectStore } from 'idb';
import type { DocTrailDB } from './db-schema';
import { circulationState, type CirculationState, type RecipientState } from '../documents/circulation';
import { REGISTER_SCOPE, type Classification } from '../documents/document-values';
import { OPEN_STATUSES, type DocumentDraft, type DocumentRecord, type EventRecord, type NewEvent, type Purpose } from '../documents/document-schema';
import { dueDateOf, supervisionDueOf } from '../documents/due-date';
import { canTransition, planClosing, TransitionRefused, type ClosingDetails, type ClosingTransition } from './life-cycle';
import { toIsoDate } from '../deadlines/local-date';
import { DOCUMENT_COUNT, readTransaction, writeChained, type ReadTx, type RegisterDB, type RegisterStores, type WriteTx } from './register-db';
import { keepStats } from './stats-store';
import { DEFAULT_NUMBER_FORMAT, formatRegistrationNo } from '../documents/registration-number';
import { identityKeys, normaliseIdentity } from '../documents/identity';
import { findIdentity, type IdentityMatch } from './identity-lookup';
import { learnedParams } from './volatile-params';


type Lookup = Pick<DocumentDraft, 'docNumber' | 'issuer' | 'sourceUrl'> & Partial<Pick<DocumentDraft, 'title' | 'receivedDate'>>;
export type DocumentsStore = IDBPObjectStore<DocTrailDB, RegisterStores, 'documents', IDBTransactionMode>;

/**
 * The same document is the same 文号 from the same issuer (an issuer missing on either side does not tell them
 * apart), whatever its spelling; a document without a 文号 is known by the page it was registered from (without
 * volatile parameters) or by 来文单位 + 标题 + 收文日期. See identity-lookup.ts.
 */
export async function findIn(store: DocumentsStore, lookup: Lookup): Promise<DocumentRecord | undefined> {
  return (await findIdentity(store, lookup)).exact;
}

export async function findDocument(db: RegisterDB, lookup: Lookup, notSameAs: readonly string[] = []): Promise<IdentityMatch> {
  const volatile = await learnedParams(db, lookup.sourceUrl);
  return findIdentity(readTransaction(db).objectStore('documents'), lookup, notSameAs, volatile);
}

/** Registering was refused: the register holds a document that is probably this one, and the clerk must say. */
export class NearMatch extends Error {
  constructor(readonly document: DocumentRecord) {
    super(`是否为已登记的 ${document.registrationNo}？`);
  }
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
  options: { classificationConfirmed?: boolean; notSameAs?: readonly string[] } = {},
): Promise<RegisterResult> {
  draft = normaliseIdentity(draft);
  // Parameters learned to change on this portal: the document is found, and keyed, without them too.
  const volatile = await learnedParams(db, draft.sourceUrl);
  return writeChained<RegisterResult>(db, async (tx) => {
    const { exact, near } = await findIdentity(tx.objectStore('documents'), draft, options.notSameAs, volatile);
    if (exact) return { events: [], keepsStats: { documentsAdded: 0 }, apply: async () => ({ document: exact, created: false }) };
    if (near) throw new NearMatch(near);
    const year = now.getFullYear();
    const counterKey = `registration:${year}`;
    const sequence = ((await tx.objectStore('counters').get(counterKey)) ?? 0) + 1;
    const timestamp = now.getTime();
    const record: DocumentRecord = {
      ...draft,
      id: crypto.randomUUID(),
      registrationNo: formatRegistrationNo(year, sequence, numberFormat),
      status: 'registered',
      createdAt: timestamp,
      updatedAt: timestamp,
      identityKeys: identityKeys(draft, volatile),
    };
    const dueDate = dueDateOf(record, { outstanding: [] });
    const document: DocumentRecord = dueDate ? { ...record, dueDate } : record;
    // The event carries every field it set, so the register can be rebuilt from the log alone (see documents/replay).
    const events: NewEvent[] = [{ timestamp, docId: document.id, type: 'registered', details: { registrationNo: document.registrationNo, fields: definedFields(draft), classificationScheme: 'standard' } }];
    if (options.classificationConfirmed && draft.classification) {
      events.push({ timestamp, docId: document.id, type: 'classification-confirmed', details: { classification: draft.classification, classificationScheme: 'standard' } });
    }
    return {
      events,
      keepsStats: { documentsAdded: 1 },
      apply: async (write, chained, statsCurrent) => {
        const counters = write.objectStore('counters');
        const documents = (await counters.get(DOCUMENT_COUNT)) ?? (await write.objectStore('documents').count());
        await Promise.all([
          counters.put(sequence, counterKey),
          counters.put(documents + 1, DOCUMENT_COUNT),
          write.objectStore('documents').add(document),
          keepStats(write, statsCurrent, chained[0]!.sequence, undefined, document),
        ]);
        return { document, created: true };
      },
    };
  });
}

/** An event about the whole register rather than one document, such as an export. */
export function logRegisterEvent(db: RegisterDB, type: 'exported' | 'imported', details: Record<string, unknown>, now: Date): Promise<EventRecord> {
  return writeChained(db, async () => ({
    events: [{ timestamp: now.getTime(), docId: REGISTER_SCOPE, type, details }],
    // An export changes no document; an `imported` event is logged beside writes that left the statistics to be rebuilt.
    ...(type === 'exported' && { keepsStats: { documentsAdded: 0 } }),
    apply: async (_tx, [event]) => event!,
  }));
}

export interface RegisterSummary {
  inProgress: number;
  overdue: number;
  latest: DocumentRecord[];
}

export async function summarise(db: RegisterDB, now: Date, latestCount = 5): Promise<RegisterSummary> {
  const tx = db.transaction('documents');
  const [counts, overdue, latest] = await Promise.all([
    Promise.all(OPEN_STATUSES.map((status) => tx.store.index('status').count(status))),
    countOverdue(db, now),
    collectLatest(tx.store.index('createdAt'), latestCount),
  ]);
  return { inProgress: counts.reduce((a, b) => a + b, 0), overdue, latest };
}

/** Open documents whose due date (办理期限 or a recipient's 归还日期) has passed: only open documents carry one. */
export function countOverdue(db: RegisterDB, now: Date): Promise<number> {
  return db.countFromIndex('documents', 'dueDate', IDBKeyRange.upperBound(toIsoDate(now), true));
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

export class NothingToReturn extends Error {
  constructor(recipient: string) {
    super(`${recipient} has no copy of this document to return`);
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

export type PlannedChange = { events: Omit<NewEvent, 'docId' | 'timestamp'>[]; update?: Partial<DocumentRecord> };

/** The draft's fields that hold a value (what a `registered` or `imported` event records). */
export function definedFields(draft: DocumentDraft): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));
}

/**
 * One logical change to a document — its events and the record's new state — in one transaction,
 * so a stopped worker leaves either all of it or none. The record's due date follows the change.
 */
export function changeDocument(
  db: RegisterDB,
  docId: string,
  now: Date,
  change: (document: DocumentRecord, circulation: CirculationState, events: EventRecord[], tx: ReadTx) => PlannedChange | Promise<PlannedChange>,
): Promise<DocumentState> {
  return writeChained(db, async (tx: ReadTx) => {
    const [document, before] = await Promise.all([
      tx.objectStore('documents').get(docId),
      tx.objectStore('events').index('docId_timestamp').getAll(eventsOfDoc(docId)),
    ]);
    if (!document) throw new DocumentNotFound(docId);
    const { events, update } = await change(document, circulationState(before), before, tx);
    const timestamp = now.getTime();
    const newEvents: NewEvent[] = events.map((event) => ({ ...event, docId, timestamp }));
    return {
      events: newEvents,
      keepsStats: { documentsAdded: 0 },
      applyNow: (write, chained, statsCurrent) => {
        const circulation = circulationState([...before, ...chained]);
        const next = nextRecord(document, update, timestamp, circulation);
        const written = putChanged(write, statsCurrent, chained, document, next);
        return { result: { document: next, circulation: circulation.recipients }, written };
      },
    };
  });
}

/**
 * `changeDocument` for a change that needs nothing but the record and leaves its due date where it is (a 更正 of any
 * field but the 办理期限: the due date follows only the status, the 办理期限, the 督办 时限 and who still holds the
 * document). The writes are issued as soon as the record is read; the document's events are read beside them in the
 * same transaction (before the writes, so without this change's events), for the answer's circulation only.
 */
export function changeFields(
  db: RegisterDB,
  docId: string,
  now: Date,
  change: (document: DocumentRecord, tx: ReadTx) => PlannedChange | Promise<PlannedChange>,
): Promise<DocumentState> {
  return writeChained(db, async (tx: ReadTx) => {
    const documentRead = tx.objectStore('documents').get(docId);
    const eventsRead = tx.objectStore('events').index('docId_timestamp').getAll(eventsOfDoc(docId));
    // A failed read aborts the transaction, and the write reports that; its promise is awaited only once the writes are issued.
    eventsRead.catch(() => undefined);
    const document = await documentRead;
    if (!document) throw new DocumentNotFound(docId);
    const { events, update } = await change(document, tx);
    const timestamp = now.getTime();
    return {
      events: events.map((event) => ({ ...event, docId, timestamp })),
      keepsStats: { documentsAdded: 0 },
      applyNow: (write, chained, statsCurrent) => {
        const next = nextRecord(document, update, timestamp);
        const written = putChanged(write, statsCurrent, chained, document, next);
        const result = eventsRead.then((before) => ({ document: next, circulation: circulationState([...before, ...chained]).recipients }));
        return { result, written };
      },
    };
  });
}

/** Puts the changed record back and moves the statistics' buckets from `document` to `next` (when they were current). */
function putChanged(write: WriteTx, statsCurrent: boolean, chained: readonly EventRecord[], document: DocumentRecord, next: DocumentRecord): Promise<unknown> {
  return Promise.all([write.objectStore('documents').put(next), keepStats(write, statsCurrent, chained[0]?.sequence ?? 0, document, next)]);
}

/**
 * The record after a change: cleared fields removed, `updatedAt` moved, the 督办台账's 时限 and the identity keys following
 * the change; the due date recomputed from `circulation`, or kept as stored when the change cannot move it (`changeFields`).
 */
function nextRecord(document: DocumentRecord, update: Partial<DocumentRecord> | undefined, timestamp: number, circulation?: CirculationState): DocumentRecord {
  // A field the change clears (set to undefined) leaves the record rather than staying as an empty key.
  const changed = Object.fromEntries(Object.entries({ ...document, ...update, updatedAt: timestamp }).filter(([, v]) => v !== undefined)) as DocumentRecord;
  const { dueDate: stored, supervisionDue: _previousSupervision, ...rest } = changed;
  const dueDate = circulation ? dueDateOf(changed, circulation) : stored;
  const supervisionDue = supervisionDueOf(changed);
  return { ...rest, ...(dueDate && { dueDate }), ...(supervisionDue && { supervisionDue }), identityKeys: keysAfter(document, rest) };
}

const IDENTITY_FIELDS = ['docNumber', 'title', 'issuer', 'receivedDate', 'sourceUrl'] as const;

/**
 * The keys a changed record is found by. A correction may change what the document is found by (文号, title, issuer,
 * 收文日期): its keys follow. Its page keys stay as they were while its page is the same — they include the address
 * without the parameters learned to change on its portal, which only registering and learning know (volatile-params.ts);
 * a change that touches none of these fields (a 传阅, a print, a 督办 step) keeps the keys as they are.
 */
function keysAfter(before: DocumentRecord, after: DocumentRecord): string[] {
  if (before.identityKeys && IDENTITY_FIELDS.every((field) => before[field] === after[field])) return before.identityKeys;
  if (!before.identityKeys || before.sourceUrl !== after.sourceUrl) return identityKeys(after);
  // The same page: its keys as kept, the others from the changed fields (without parsing the address again).
  const keys = identityKeys({ ...after, sourceUrl: undefined });
  return [...new Set([...keys, ...before.identityKeys.filter((key) => key.startsWith('u:'))])];
}

export type HandlingAction = 'printed' | 'copied' | 'downloaded';

/** Logs a print, copy or download of the document with the clerk's reason. */
export function logHandling(
  db: RegisterDB,
  docId: string,
  action: HandlingAction,
  /** `mine`: a print DocTrail did not hold, answered by the clerk afterwards (true: theirs, with a reason; false: not theirs). */
  details: { reason?: string; intercepted: boolean; detail?: string; mine?: boolean },
  now: Date,
): Promise<DocumentState> {
  return changeDocument(db, docId, now, () => ({ events: [{ type: action, details: { ...details } }] }));
}

export function confirmClassification(db: RegisterDB, docId: string, classification: Classification, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, () => ({
    events: [{ type: 'classification-confirmed', details: { classification, classificationScheme: 'standard' } }],
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
  return changeDocument(db, docId, now, (document) => {
    if (!canTransition(document.status, 'in-circulation')) {
      throw new TransitionRefused({ reason: 'not-allowed', from: document.status, to: 'in-circulation' });
    }
    return {
    events: send.recipients.map((recipient) => ({
      type: 'sent' as const,
      details: { recipient, purpose: send.purpose, ...(send.expectedReturn && { expectedReturn: send.expectedReturn }) },
    })),
    update: { status: 'in-circulation', currentHolder: send.recipients.at(-1) },
    };
  });
}

/** Records that a recipient gave the document back; the last one back ends the circulation. */
export function returnDocument(db: RegisterDB, docId: string, recipient: string, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, (document, circulation) => {
    const open = circulation.outstanding.filter((r) => r.recipient === recipient);
    if (!open.length) throw new NothingToReturn(recipient);
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

/** 办结, 归档, 清退 or 销毁: checked against the life cycle; the event records who and to whom. */
export function closeDocument(db: RegisterDB, docId: string, to: ClosingTransition, details: ClosingDetails, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, (document, circulation) => {
    const logged = planClosing(document.status, to, circulation, details);
    // 办结 of a document under 督办 closes its item too, the note as its 办理结果.
    const supervision =
      to === 'completed' && document.supervision && document.supervision.completedAt === undefined
        ? { ...document.supervision, completedAt: now.getTime(), completedOn: toIsoDate(now), ...(logged.note && { result: logged.note }) }
        : undefined;
    return {
      events: [{ type: to, details: logged }],
      update: {
        status: to,
        currentHolder: to === 'cleared' ? details.clearedTo?.trim() : undefined,
        ...(to === 'completed' && { completedOn: toIsoDate(now) }),
        ...(supervision && { supervision }),
      },
    };
  });
}
