/**
 * What one document contributes to the statistics, as counted facts in month buckets.
 *
 * A fact is a (month, key) pair worth one; a bucket holds the counts of every key for one month. The register
 * keeps the buckets beside the documents (utils/register/stats-store.ts): every write subtracts the facts of the
 * record as it was and adds those of the record as it is, so the statistics page reads a few dozen small
 * buckets instead of 100,000 documents. Everything here is pure and needs no calendar: counting working days
 * and deciding what is overdue happen when the figures are read (summary.ts), because the calendar and today change.
 */
import { toIsoDate } from '../deadlines/local-date';
import { OPEN_STATUSES, type DocumentRecord } from '../documents/document-schema';
import { z } from '../zod';

/** Separates the parts of a key; no 来文单位 or 承办单位 the clerk types contains it (they are trimmed text). */
export const SEP = '\u0001';

/** Kinds of key: the first part of every key. */
export const FACT = {
  /** `n`: a document received (收文日期) in the month. */
  received: 'n',
  /** `i␁来文单位` (empty: not recorded). */
  issuer: 'i',
  /** `c␁密级` (empty: not recorded). */
  classification: 'c',
  /** `u␁紧急程度` (empty: not recorded). */
  urgency: 'u',
  /** `d␁收文日期␁办结日期`: a document 办结 in the month, with the two dates its working days are counted between. */
  closed: 'd',
  /** `s␁承办单位␁on|late`: a 督办 item 办结 by or after its 时限, in the month of its 办结; `s␁承办单位␁open␁时限`: still open, in the month of its 时限. */
  supervision: 's',
} as const;

export type Fact = readonly [month: string, key: string];

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(MONTH, 'expected a month as yyyy-mm');

/** One month's counts; stored as is (keys as above, values ≥ 1 — a key counted down to zero is removed). */
export const statsBucketSchema = z.strictObject({
  month: monthSchema,
  counts: z.record(z.string(), z.number().int().positive()),
});
export type StatsBucket = z.infer<typeof statsBucketSchema>;

const OPEN = new Set<string>(OPEN_STATUSES);

/** 收文日期, or for a record without one, the day it was registered. */
export function receivedOn(document: Pick<DocumentRecord, 'receivedDate' | 'createdAt'>): string {
  return document.receivedDate ?? toIsoDate(new Date(document.createdAt));
}

/** Every fact the document contributes, as it is now. */
export function documentFacts(document: DocumentRecord): Fact[] {
  const received = receivedOn(document);
  const month = received.slice(0, 7);
  const facts: Fact[] = [
    [month, FACT.received],
    [month, [FACT.issuer, document.issuer ?? ''].join(SEP)],
    [month, [FACT.classification, document.classification ?? ''].join(SEP)],
    [month, [FACT.urgency, document.urgency ?? ''].join(SEP)],
  ];
  if (document.completedOn) facts.push([document.completedOn.slice(0, 7), [FACT.closed, received, document.completedOn].join(SEP)]);
  const s = document.supervision;
  if (s) {
    if (s.completedOn) facts.push([s.completedOn.slice(0, 7), [FACT.supervision, s.unit, s.completedOn <= s.dueDate ? 'on' : 'late'].join(SEP)]);
    else if (OPEN.has(document.status)) facts.push([s.dueDate.slice(0, 7), [FACT.supervision, s.unit, 'open', s.dueDate].join(SEP)]);
  }
  return facts;
}

/** Counts per month per key, the shape the buckets are built and changed in. */
export type Tally = Map<string, Map<string, number>>;

/** Adds (`sign` 1) or takes away (`sign` −1) facts; a count that reaches zero is dropped. */
export function tallyFacts(tally: Tally, facts: readonly Fact[], sign: 1 | -1): void {
  for (const [month, key] of facts) {
    let counts = tally.get(month);
    if (!counts) tally.set(month, (counts = new Map()));
    const next = (counts.get(key) ?? 0) + sign;
    if (next === 0) counts.delete(key);
    else counts.set(key, next);
  }
}

/** What a write changes: the facts of the record after it, less those of the record before it (either may be absent). */
export function factsDelta(before: DocumentRecord | undefined, after: DocumentRecord | undefined): Tally {
  const tally: Tally = new Map();
  if (before) tallyFacts(tally, documentFacts(before), -1);
  if (after) tallyFacts(tally, documentFacts(after), 1);
  for (const [month, counts] of tally) if (!counts.size) tally.delete(month);
  return tally;
}

/** Buckets from a tally built over whole documents (a rebuild). */
export function bucketsOf(tally: Tally): StatsBucket[] {
  return [...tally.entries()]
    .filter(([, counts]) => counts.size)
    .map(([month, counts]) => ({ month, counts: Object.fromEntries(counts) }))
    .sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * What one write changed in the buckets, stored beside them instead of rewriting them: a write then costs one small
 * put, never a read of the month buckets it touches (they hold hundreds of keys each at 100,000 documents). The key
 * (the store's key path is `month`) is `~` and the write's first event sequence, so deltas sort after every month.
 */
export interface StatsDelta {
  month: string;
  /** Per month, per key: how much the write moved the count (never zero). */
  delta: Record<string, Record<string, number>>;
}

export const DELTA_PREFIX = '~';

export function isStatsDelta(record: StatsBucket | StatsDelta): record is StatsDelta {
  return record.month.startsWith(DELTA_PREFIX);
}

export function deltaRecord(sequence: number, tally: Tally): StatsDelta {
  return { month: `${DELTA_PREFIX}${String(sequence).padStart(16, '0')}`, delta: Object.fromEntries([...tally].map(([month, counts]) => [month, Object.fromEntries(counts)])) };
}

/**
 * The buckets with every stored delta added (in any order: the sums are the same). A count that ends below zero shows
 * the buckets no longer matched the documents: 'inconsistent', and they must be rebuilt rather than shown wrong.
 */
export function foldDeltas(buckets: readonly StatsBucket[], deltas: readonly StatsDelta[]): StatsBucket[] | 'inconsistent' {
  if (!deltas.length) return [...buckets];
  const tally: Tally = new Map(buckets.map((bucket) => [bucket.month, new Map(Object.entries(bucket.counts))]));
  for (const { delta } of deltas) {
    for (const [month, changes] of Object.entries(delta)) {
      let counts = tally.get(month);
      if (!counts) tally.set(month, (counts = new Map()));
      for (const [key, change] of Object.entries(changes)) counts.set(key, (counts.get(key) ?? 0) + change);
    }
  }
  for (const counts of tally.values()) {
    for (const [key, count] of counts) {
      if (count < 0) return 'inconsistent';
      if (count === 0) counts.delete(key);
    }
  }
  return bucketsOf(tally);
}
