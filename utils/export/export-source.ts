/**
 * The register and the log read for export, batch by batch, each batch its own short transaction:
 * documents in registration order, events in sequence order up to the head the export started at
 * (so events appended meanwhile do not slip in half-way). Nothing is ever read whole.
 */
import type { DocumentRecord, EventRecord } from '../documents/document-schema';
import { REGISTER_SCOPE } from '../documents/document-values';
import { toIsoDate } from '../deadlines/local-date';
import { documentMatcher, hasFilter, type RegisterFilter } from '../register/register-query';
import type { RegisterDB } from '../register/register-db';
import type { EventRow } from './columns';

export interface SourceOptions {
  size?: number;
  filter?: RegisterFilter;
  now?: Date;
  /** Records read so far (before filtering), for the progress bar. */
  onScanned?(count: number): void;
}

/**
 * Every document in registration order (createdAt, ties by id), `size` per read. Reads whole batches
 * from the createdAt index (one request, not one per record); documents sharing the boundary time are
 * remembered so the next batch starts right after them.
 */
export async function* documentBatches(db: RegisterDB, options: SourceOptions = {}): AsyncGenerator<DocumentRecord[]> {
  const size = options.size ?? 2000;
  const { filter } = options;
  const keep = filter && hasFilter(filter) ? documentMatcher(filter, toIsoDate(options.now ?? new Date())) : undefined;
  let lower: number | undefined;
  let seenAtLower = new Set<string>();
  let scanned = 0;
  for (;;) {
    const raw = await db.getAllFromIndex('documents', 'createdAt', lower === undefined ? null : IDBKeyRange.lowerBound(lower), size + seenAtLower.size);
    const batch = raw.filter((doc) => !(doc.createdAt === lower && seenAtLower.has(doc.id)));
    if (!batch.length) return;
    const lastKey = batch.at(-1)!.createdAt;
    const atLast = batch.filter((doc) => doc.createdAt === lastKey).map((doc) => doc.id);
    seenAtLower = new Set(lastKey === lower ? [...seenAtLower, ...atLast] : atLast);
    lower = lastKey;
    scanned += batch.length;
    options.onScanned?.(scanned);
    const kept = keep ? batch.filter(keep) : batch;
    // Identity keys are derived from the fields (and rebuilt on import): exports and backups leave them out.
    if (kept.length) yield kept.map(({ identityKeys: _keys, ...document }) => document);
  }
}

/**
 * The log in sequence order from the first event up to `last` inclusive. The next batch is already
 * being read (in the browser's storage process) while the caller turns this one into text.
 */
export async function* eventsUpTo(db: RegisterDB, last: number, size = 5000): AsyncGenerator<EventRecord[]> {
  const read = (after: number) => db.getAll('events', IDBKeyRange.bound(after, last, true, false), size);
  let next = last > 0 ? read(0) : Promise.resolve([]);
  for (;;) {
    const batch = await next;
    if (!batch.length) return;
    const after = batch.at(-1)!.sequence;
    next = after < last ? read(after) : Promise.resolve([]);
    yield batch;
  }
}

/**
 * Events with the document each is about. With a filter, only events of matching documents
 * (events about the whole register go only into an unfiltered export).
 */
export async function* eventRowBatches(db: RegisterDB, last: number, options: SourceOptions = {}): AsyncGenerator<EventRow[]> {
  const { filter } = options;
  const keep = filter && hasFilter(filter) ? documentMatcher(filter, toIsoDate(options.now ?? new Date())) : undefined;
  // A document's events sit close together in the log, so most lookups hit documents already read;
  // the cache is emptied when it grows, so a long log never holds the whole register with it.
  const known = new Map<string, DocumentRecord | undefined>();
  let scanned = 0;
  const rowsOf = async (events: EventRecord[]): Promise<EventRow[]> => {
    if (known.size > DOCUMENT_CACHE) known.clear();
    const missing = [...new Set(events.map((event) => event.docId))].filter((id) => id !== REGISTER_SCOPE && !known.has(id));
    if (missing.length) {
      const store = db.transaction('documents').store;
      const documents = await Promise.all(missing.map((id) => store.get(id)));
      missing.forEach((id, i) => known.set(id, documents[i]));
    }
    const rows = events.map((event) => ({ event, document: known.get(event.docId) }));
    return keep ? rows.filter((row) => row.document && keep(row.document)) : rows;
  };
  // One batch ahead: its documents are being looked up while the caller writes out this one.
  let ahead: { rows: Promise<EventRow[]>; count: number } | undefined;
  for await (const events of eventsUpTo(db, last, options.size ?? 5000)) {
    const next = { rows: rowsOf(events), count: events.length };
    if (ahead) {
      const rows = await ahead.rows;
      scanned += ahead.count;
      options.onScanned?.(scanned);
      if (rows.length) yield rows;
    }
    ahead = next;
  }
  if (ahead) {
    const rows = await ahead.rows;
    options.onScanned?.(scanned + ahead.count);
    if (rows.length) yield rows;
  }
}

const DOCUMENT_CACHE = 20_000;
