import { identityKeys } from '../documents/identity';
/**
 * Restoring a backup into the register, all or nothing. The file is read and checked in full —
 * schema, duplicates, counts, the whole hash chain — before anything is written; then everything
 * is written in one transaction, or nothing is.
 *
 * Into an empty register the backup's events go in as they are: same sequences, same hashes, the
 * chain verifies exactly as it did where the backup was made. Into a register that already has a
 * log, the events it lacks are appended after its own last event, numbered and hashed anew onto
 * its chain, and an `imported` event records which backup they came from (its head hash and
 * counts). Re-chaining is honest: the backup's own chain was verified end to end first, so each
 * event appended is one whose integrity was proven, and the new links attest only what is true —
 * that this register received these events at this point; whoever holds the backup can check the
 * `imported` event's head hash against it.
 *
 * Settings, the holiday calendar and site profiles from the backup are returned, not written:
 * the caller decides how to store them.
 */
import { unwrap } from 'idb';
import { OPEN_STATUSES, type DocumentRecord, type EventRecord } from '../documents/document-schema';
import { completedOnFromEvents } from '../documents/steps';
import { REGISTER_SCOPE } from '../documents/document-values';
import { chainEvents, hashEvent, type ChainContent, type ChainHead } from '../register/hash-chain';
import { DOCUMENT_COUNT, EVENT_SEQUENCE, forgetHead, readHead, readTransaction, serialisedWrite, StorageFull, type RegisterDB } from '../register/register-db';
import { DEFAULT_NUMBER_FORMAT } from '../documents/registration-number';
import type { BackupError } from './backup-errors';
import type { BackupHeader, HeaderExtras } from './backup-format';
import { readBackup, type BackupSource } from './backup-read';
import { createImportPlanner, eventKey, type ExistingDocument, type ExistingLookup, type ImportPlan } from './import-plan';

/** Lookups into the register for the planner, one short read transaction per batch. */
export function registerLookup(db: RegisterDB, empty: boolean): ExistingLookup {
  return {
    empty,
    async documents(ids) {
      const store = db.transaction('documents').store;
      const found = await Promise.all(ids.map((id) => store.get(id)));
      const out = new Map<string, ExistingDocument>();
      for (const doc of found) if (doc) out.set(doc.id, { id: doc.id, updatedAt: doc.updatedAt, registrationNo: doc.registrationNo });
      return out;
    },
    async numberHolders(numbers) {
      const index = db.transaction('documents').store.index('registrationNo');
      const keys = await Promise.all(numbers.map((no) => index.getKey(no)));
      const out = new Map<string, string>();
      keys.forEach((id, i) => id !== undefined && out.set(numbers[i]!, id));
      return out;
    },
    async eventCounts(events) {
      const index = db.transaction('events').store.index('docId_timestamp');
      const slots = [...new Map(events.map((e) => [`${e.docId}|${e.timestamp}`, [e.docId, e.timestamp] as [string, number]])).values()];
      const found = await Promise.all(slots.map((slot) => index.getAll(slot)));
      const out = new Map<string, number>();
      for (const event of found.flat()) out.set(eventKey(event), (out.get(eventKey(event)) ?? 0) + 1);
      return out;
    },
  };
}

async function isEmpty(db: RegisterDB, head: ChainHead): Promise<boolean> {
  return head.sequence === 0 && (await db.getAllKeys('documents', undefined, 1)).length === 0;
}

export type PreviewOutcome =
  | ({ ok: true; plan: ImportPlan; header: BackupHeader } & HeaderExtras)
  | { ok: false; error: BackupError };

export interface ImportOptions {
  onProgress?(bytesRead: number, totalBytes: number | undefined): void;
}

/** The dry run: reads and checks the whole file and says what importing it would add, update or skip. Writes nothing. */
export async function previewImport(db: RegisterDB, source: BackupSource, options: ImportOptions = {}): Promise<PreviewOutcome> {
  const head = await readHead(readTransaction(db));
  const planner = createImportPlanner(registerLookup(db, await isEmpty(db, head)));
  const read = await readBackup(source, {
    onDocuments: (batch) => planner.documents(batch).then(() => undefined),
    onEvents: (batch) => planner.events(batch).then(() => undefined),
    onProgress: options.onProgress,
  });
  if (!read.ok) return read;
  const { header, settings, calendar, profiles, dropped } = read;
  return { ok: true, plan: planner.plan, header, settings, calendar, profiles, dropped };
}

export type ImportOutcome =
  | ({
      ok: true;
      plan: ImportPlan;
      header: BackupHeader;
      /** The `imported` event that closes the import in the log. */
      logged: EventRecord;
      /** And, for the caller to store or offer: the backup's settings, calendar and site profiles (HeaderExtras). */
    } & HeaderExtras)
  | { ok: false; error: BackupError };

/** The regular expression reading a registration number written with `template` (收〔{YYYY}〕{NNNN}号). */
export function registrationNumberPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('\\{YYYY\\}', '(?<year>\\d{4})').replace(/\\\{N+\\\}/, '(?<n>\\d+)')}$`);
}

/** The highest yearly number among the documents, per year, where a number reads with one of the templates. */
export function highestNumbers(documents: readonly DocumentRecord[], templates: readonly string[]): Map<number, number> {
  const patterns = [...new Set(templates)].map(registrationNumberPattern);
  const out = new Map<number, number>();
  for (const { registrationNo } of documents) {
    for (const pattern of patterns) {
      const groups = pattern.exec(registrationNo)?.groups;
      if (!groups?.year || !groups.n) continue;
      const year = Number(groups.year);
      out.set(year, Math.max(out.get(year) ?? 0, Number(groups.n)));
      break;
    }
  }
  return out;
}

/**
 * Imports a backup: checks it all, then writes it all in one transaction. Runs in the register's
 * write queue, so no other change lands between the plan and the write. A refused file or a failed
 * write (quota: `StorageFull`) leaves the register exactly as it was.
 */
export function applyImport(
  db: RegisterDB,
  source: BackupSource,
  options: ImportOptions & { now: Date; /** The register's own numbering template, to read imported numbers. */ numberFormat?: string },
): Promise<ImportOutcome> {
  return serialisedWrite(db, async () => {
    const head = await readHead(readTransaction(db));
    const empty = await isEmpty(db, head);
    const planner = createImportPlanner(registerLookup(db, empty));
    const documents: DocumentRecord[] = [];
    const events: EventRecord[] = [];
    const read = await readBackup(source, {
      onDocuments: async (batch) => void documents.push(...(await planner.documents(batch))),
      onEvents: async (batch) => void events.push(...(await planner.events(batch))),
      onProgress: options.onProgress,
    });
    if (!read.ok) return read;
    const { plan } = planner;
    const conflict = plan.conflicts[0];
    if (conflict) {
      const detail = `registration number ${conflict.registrationNo} is already held by document ${conflict.existingId}`;
      return { ok: false, error: { code: 'number-conflict', record: `documents[${conflict.index}]`, id: conflict.backupId, found: conflict.registrationNo, detail } };
    }

    await giveCompletedOn(db, documents, events, empty);

    // Empty register: the verified chain as it is. Otherwise: numbered and linked onto this register's head.
    let last: ChainHead = empty ? read.head : head;
    if (!empty) {
      for (const event of events) {
        const sequence = last.sequence + 1;
        const content: ChainContent = { ...event, sequence };
        const hash = await hashEvent(content, last.hash);
        Object.assign(event, { sequence, prevHash: last.hash, hash });
        last = { sequence, hash };
      }
    }
    const details = {
      backupExportedAt: read.header.exportedAt,
      backupHead: read.header.head,
      documentsAdded: plan.add,
      documentsUpdated: plan.update,
      documentsSkipped: plan.skip,
      eventsAdded: plan.eventsAdd,
      eventsSkipped: plan.eventsSkip,
    };
    const [logged] = await chainEvents(last, [{ sequence: last.sequence + 1, timestamp: options.now.getTime(), docId: REGISTER_SCOPE, type: 'imported' as const, details }]);
    events.push(logged!);
    const templates = [options.numberFormat, read.settings.numberFormat, DEFAULT_NUMBER_FORMAT].filter((t): t is string => !!t);
    await commit(db, head, documents, plan.add, events, highestNumbers(documents, templates));
    const { header, settings, calendar, profiles, dropped } = read;
    return { ok: true, plan, header, settings, calendar, profiles, dropped, logged: logged! };
  });
}

/**
 * A backup written before the records kept their 办结 date (schema v7) holds closed documents without `completedOn`: they
 * get it from their 办结 event that stands, as the v7 migration gives the register's own (steps.ts `completedOnFromEvents`),
 * so the statistics' 收文→办结 working days count them. The backup's events are read in their own numbering (before any
 * re-chaining); a document the register already holds is looked up in the register's log when the backup has no 办结 for it.
 */
async function giveCompletedOn(db: RegisterDB, documents: DocumentRecord[], events: readonly EventRecord[], empty: boolean): Promise<void> {
  const open = new Set<string>(OPEN_STATUSES);
  const lacking = documents.flatMap((document, index) => (!document.completedOn && !open.has(document.status) ? [index] : []));
  if (!lacking.length) return;
  const wanted = new Set(lacking.map((index) => documents[index]!.id));
  const byDoc = new Map<string, EventRecord[]>();
  for (const event of events) {
    if (!wanted.has(event.docId)) continue;
    // One list per document, appended to (a copy per event would be quadratic in the document's events).
    const list = byDoc.get(event.docId);
    if (list) list.push(event);
    else byDoc.set(event.docId, [event]);
  }
  const index = empty ? undefined : db.transaction('events').store.index('docId_timestamp');
  await Promise.all(
    lacking.map(async (at) => {
      const document = documents[at]!;
      const completedOn =
        completedOnFromEvents(byDoc.get(document.id) ?? []) ??
        (index ? completedOnFromEvents(await index.getAll(IDBKeyRange.bound([document.id, 0], [document.id, Infinity]))) : undefined);
      if (completedOn) documents[at] = { ...document, completedOn };
    }),
  );
}

/** Everything in one transaction: documents, events, the sequence, the document count and the yearly numbers. */
async function commit(db: RegisterDB, head: ChainHead, documents: DocumentRecord[], added: number, events: EventRecord[], years: Map<number, number>): Promise<void> {
  // The chain head kept for the next chained write is not this import's: it is read from the log again.
  forgetHead(db);
  const tx = db.transaction(['documents', 'events', 'counters'], 'readwrite');
  const work = (async () => {
    const counters = tx.objectStore('counters');
    const yearKeys = [...years.keys()].map((year) => `registration:${year}`);
    const [sequence, counted, ...yearly] = await Promise.all([
      counters.get(EVENT_SEQUENCE),
      counters.get(DOCUMENT_COUNT),
      ...yearKeys.map((key) => counters.get(key)),
    ]);
    if ((sequence ?? 0) !== head.sequence) throw new Error('the register changed while the backup was being read');
    const documentCount = counted ?? (await tx.objectStore('documents').count());
    // A million requests without a promise each; any failing request aborts the transaction.
    const documentStore = unwrap(tx.objectStore('documents'));
    // The identity keys are derived, never trusted from the file: a backup from before them gets them here.
    for (const document of documents) documentStore.put({ ...document, identityKeys: identityKeys(document) });
    const eventStore = unwrap(tx.objectStore('events'));
    for (const event of events) eventStore.add(event);
    const highest = [...years.values()];
    await Promise.all([
      counters.put(events.at(-1)?.sequence ?? head.sequence, EVENT_SEQUENCE),
      counters.put(documentCount + added, DOCUMENT_COUNT),
      ...yearKeys.map((key, i) => counters.put(Math.max(yearly[i] ?? 0, highest[i]!), key)),
    ]);
  })();
  try {
    await Promise.all([work, tx.done]);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await Promise.allSettled([work, tx.done]);
    const quota = (e: unknown) => e instanceof Error && e.name === 'QuotaExceededError';
    throw quota(error) || quota(tx.error) ? new StorageFull() : error;
  }
}
