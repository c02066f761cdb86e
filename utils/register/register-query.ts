import type { IDBPIndex, IDBPObjectStore } from 'idb';
import type { DocTrailDB } from './db-schema';
import { CLASSIFICATIONS, DOCUMENT_STATUSES } from '../documents/document-values';
import { OPEN_STATUSES, type DocumentRecord } from '../documents/document-schema';
import { toIsoDate } from '../deadlines/local-date';
import { DOCUMENT_COUNT, type RegisterDB } from './register-db';
import { z } from '../zod';
import { calendarDateSchema } from '../deadlines/date-schema';

const isoDate = calendarDateSchema;

export const SORT_FIELDS = [
  'registrationNo',
  'receivedDate',
  'issuer',
  'docNumber',
  'title',
  'classification',
  'copies',
  'urgency',
  'deadline',
  'currentHolder',
  'status',
  'createdAt',
  /** The date the document next needs the clerk: the natural order of the overdue list. */
  'dueDate',
] as const;

/** The register's filters, shared by the dashboard's pages and by exports. */
export const registerFilterSchema = z.strictObject({
  status: z.enum([...DOCUMENT_STATUSES, 'open']).optional(),
  overdue: z.boolean().optional(),
  classification: z.array(z.enum(CLASSIFICATIONS)).max(CLASSIFICATIONS.length).optional(),
  /** 收文日期 from / to, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  text: z.string().trim().max(100).optional(),
});
export type RegisterFilter = z.output<typeof registerFilterSchema>;

export const registerQuerySchema = registerFilterSchema.extend({
  sort: z.enum(SORT_FIELDS).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export type RegisterQuery = z.input<typeof registerQuerySchema>;
type Query = z.output<typeof registerQuerySchema>;

export interface RegisterPage {
  total: number;
  rows: DocumentRecord[];
}

type DocStore = IDBPObjectStore<DocTrailDB, ('documents' | 'counters')[], 'documents', 'readonly'>;
type DocIndex = IDBPIndex<DocTrailDB, ('documents' | 'counters')[], 'documents', 'createdAt' | 'registrationNo' | 'dueDate', 'readonly'>;

const OPEN = new Set<string>(OPEN_STATUSES);

/**
 * One page of the 收文登记簿. Unfiltered pages sorted by registration order walk an index and
 * skip ahead, so the first page costs the same at 100,000 documents as at 100. Filters start from
 * the most selective index (overdue, status, 收文日期, 密级) and check the rest in memory.
 */
export async function queryRegister(db: RegisterDB, input: RegisterQuery, now: Date): Promise<RegisterPage> {
  const query = registerQuerySchema.parse(input);
  const today = toIsoDate(now);
  const tx = db.transaction(['documents', 'counters']);
  const store = tx.objectStore('documents');
  if (!hasFilter(query) && (query.sort === 'createdAt' || query.sort === 'registrationNo')) {
    const [counted, rows] = await Promise.all([tx.objectStore('counters').get(DOCUMENT_COUNT), pageFromIndex(store.index(query.sort), null, query)]);
    return { total: counted ?? (await store.count()), rows };
  }
  if (onlyOverdue(query) && query.sort === 'dueDate') {
    const overdue = IDBKeyRange.upperBound(today, true);
    const index = store.index('dueDate');
    const [total, rows] = await Promise.all([index.count(overdue), pageFromIndex(index, overdue, query)]);
    return { total, rows };
  }
  const candidates = await candidatesFor(store, query, today);
  const matches = candidates.filter(documentMatcher(query, today));
  matches.sort(comparator(query));
  return { total: matches.length, rows: matches.slice(query.offset, query.offset + query.limit) };
}

export function hasFilter(filter: RegisterFilter | undefined): boolean {
  return !!filter && !!(filter.status || filter.overdue || filter.classification?.length || filter.from || filter.to || filter.text);
}

function onlyOverdue(query: Query): boolean {
  return !!query.overdue && !hasFilter({ ...query, overdue: false });
}

async function pageFromIndex(index: DocIndex, range: IDBKeyRange | null, query: Query): Promise<DocumentRecord[]> {
  const rows: DocumentRecord[] = [];
  let cursor = await index.openCursor(range, query.direction === 'desc' ? 'prev' : 'next');
  if (cursor && query.offset) cursor = await cursor.advance(query.offset);
  while (cursor && rows.length < query.limit) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  return rows;
}

function candidatesFor(store: DocStore, query: Query, today: string): Promise<DocumentRecord[]> {
  if (query.overdue) return store.index('dueDate').getAll(IDBKeyRange.upperBound(today, true));
  if (query.status && query.status !== 'open') return store.index('status').getAll(query.status);
  if (query.from || query.to) return store.index('receivedDate').getAll(dateRange(query.from, query.to));
  if (query.classification?.length) {
    return Promise.all(query.classification.map((level) => store.index('classification').getAll(level))).then((lists) => lists.flat());
  }
  if (query.status === 'open') return Promise.all(OPEN_STATUSES.map((s) => store.index('status').getAll(s))).then((lists) => lists.flat());
  return store.getAll();
}

function dateRange(from: string | undefined, to: string | undefined): IDBKeyRange {
  if (from && to) return IDBKeyRange.bound(from, to);
  return from ? IDBKeyRange.lowerBound(from) : IDBKeyRange.upperBound(to!);
}

const SEARCHED: readonly (keyof DocumentRecord)[] = ['title', 'docNumber', 'issuer', 'registrationNo', 'currentHolder', 'portalNo'];

/** Whether a document passes the filters (the dashboard's and an export's are the same test). */
export function documentMatcher(filter: RegisterFilter, today: string): (doc: DocumentRecord) => boolean {
  const text = filter.text?.toLowerCase();
  const levels = filter.classification?.length ? new Set<string>(filter.classification) : undefined;
  return (doc) => {
    if (filter.status === 'open' ? !OPEN.has(doc.status) : filter.status && doc.status !== filter.status) return false;
    if (filter.overdue && !(doc.dueDate && doc.dueDate < today)) return false;
    if (levels && !levels.has(doc.classification ?? '')) return false;
    if (filter.from && !(doc.receivedDate && doc.receivedDate >= filter.from)) return false;
    if (filter.to && !(doc.receivedDate && doc.receivedDate <= filter.to)) return false;
    if (text && !SEARCHED.some((key) => String(doc[key] ?? '').toLowerCase().includes(text))) return false;
    return true;
  };
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Empty values sort last in either direction: a missing 办理期限 is never "the most urgent". */
function comparator(query: Query): (a: DocumentRecord, b: DocumentRecord) => number {
  const sign = query.direction === 'desc' ? -1 : 1;
  const key = query.sort;
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === undefined || x === '') return y === undefined || y === '' ? 0 : 1;
    if (y === undefined || y === '') return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * order || sign * (a.createdAt - b.createdAt);
  };
}
