/**
 * Importing an old 收文登记簿 into the register (issue 16, item 5), all or nothing. The rows are checked alone and
 * against each other (ledger-rows.ts), then against the register (the duplicate check of a registration, and the old
 * 收文编号 not held by a registered document), in one read; only when no row has a problem is anything written — every
 * document, its `imported` event naming the file and row, the import's own event and the yearly counters, in the one
 * transaction of `writeChained`. A row with a problem, a register changed meanwhile or a failed write leaves the
 * register exactly as it was.
 */
import { unwrap } from 'idb';
import { z } from '../zod';
import type { DocumentRecord, NewEvent } from '../documents/document-schema';
import { REGISTER_SCOPE } from '../documents/document-values';
import { dueDateOf } from '../documents/due-date';
import { identityKeys, normaliseIdentity } from '../documents/identity';
import { DEFAULT_NUMBER_FORMAT, formatRegistrationNo } from '../documents/registration-number';
import { toIsoDate } from '../deadlines/local-date';
import { resolveWorkingDayDeadline } from '../deadlines/working-day-deadline';
import type { WorkingCalendar } from '../deadlines/working-days';
import { findIdentity, type IdentityMatch } from '../register/identity-lookup';
import { DOCUMENT_COUNT, readTransaction, writeChained, type ReadTx, type RegisterDB } from '../register/register-db';
import { definedFields } from '../register/register-store';
import type { LedgerRow } from './ledger-file';
import { checkLedger, ledgerProblemSchema, numberInRegistration, type CheckedRow } from './ledger-rows';

/** Most rows one import takes (a clerk's ledger of many years). */
export const MAX_LEDGER_ROWS = 20_000;
/** Most problem rows an answer lists (the count says how many there are). */
export const MAX_PROBLEM_ROWS = 1_000;

export const ledgerOutcomeSchema = z.strictObject({
  /** Nothing wrong: a dry run would write, an import wrote. */
  ok: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  /** Documents written (0 on a dry run or a refusal) and, on a dry run, those that would be. */
  written: z.number().int(),
  wouldWrite: z.number().int(),
  problemRows: z.number().int(),
  problems: z.array(z.strictObject({ row: z.number().int(), problems: z.array(ledgerProblemSchema) })).max(MAX_PROBLEM_ROWS),
  /** Per year: the registration counter before and after (the next registration that year gets `to + 1`). */
  counters: z.array(z.strictObject({ year: z.number().int(), from: z.number().int(), to: z.number().int() })),
  /** Rows without an old 收文编号 that were (or would be) numbered in the register's own format. */
  numbered: z.number().int(),
});
export type LedgerOutcome = z.infer<typeof ledgerOutcomeSchema>;

export interface LedgerImportOptions {
  fileName: string;
  now: Date;
  numberFormat?: string;
  calendar: WorkingCalendar;
}

interface Plan {
  checked: CheckedRow[];
  documents: DocumentRecord[];
  events: NewEvent[];
  counters: { year: number; from: number; to: number }[];
  numbered: number;
}

const counterKey = (year: number) => `registration:${year}`;

/** Checks every row and builds the documents and events it would write; reads only. */
export async function planLedgerImport(tx: ReadTx, rows: readonly LedgerRow[], options: LedgerImportOptions): Promise<Plan> {
  const today = toIsoDate(options.now);
  const checked = checkLedger(rows);
  const store = tx.objectStore('documents');
  const numbers = store.index('registrationNo');
  const drafts = checked.map((row) => (row.draft ? resolveWorkingDayDeadline(normaliseIdentity(row.draft), options.calendar, today) : undefined));

  // Against the register: the same document registered already, and the old number held by another document
  // (nothing to look up in an empty register, the usual first import).
  const empty = (await store.getAllKeys(undefined, 1)).length === 0;
  // A register smaller than the file: its identity keys and numbers are read once (about four keys a document), and
  // only rows with a key in common are looked up; a larger register is asked row by row (about four reads a row).
  const known = empty ? undefined : await knownKeys(tx, checked.length);
  const mayMatch = (keys: readonly string[]) => !known || keys.some((key) => known.identity.has(key));
  if (!empty) await Promise.all(
    checked.map(async (row, i) => {
      const draft = drafts[i];
      const [match, holder] = await Promise.all([
        draft && mayMatch(identityKeys(draft)) ? findIdentity(store, draft) : Promise.resolve<IdentityMatch>({}),
        row.registrationNo && (!known || known.numbers.has(row.registrationNo)) ? numbers.get(row.registrationNo) : Promise.resolve(undefined),
      ]);
      const { exact: twin, near } = match;
      if (twin) row.problems.push({ code: 'duplicate-in-register', field: 'docNumber', value: draft?.docNumber?.slice(0, 200), registrationNo: twin.registrationNo });
      else if (near) row.problems.push({ code: 'near-in-register', field: 'docNumber', value: draft?.docNumber?.slice(0, 200), registrationNo: near.registrationNo });
      if (holder) row.problems.push({ code: 'regno-in-register', field: 'registrationNo', value: row.registrationNo, registrationNo: holder.registrationNo });
    }),
  );

  // The yearly counters move past the highest old number of each year; rows without one are numbered after it.
  const highest = new Map<number, number>();
  const yearOf = (i: number) => Number((drafts[i]?.receivedDate ?? today).slice(0, 4));
  checked.forEach((row, i) => {
    const found = row.registrationNo ? numberInRegistration(row.registrationNo, yearOf(i)) : undefined;
    if (found) highest.set(found.year, Math.max(highest.get(found.year) ?? 0, found.sequence));
  });
  const unnumbered = checked.flatMap((row, i) => (row.registrationNo ? [] : [yearOf(i)]));
  const years = [...new Set([...highest.keys(), ...unnumbered])].sort((a, b) => a - b);
  const before = await Promise.all(years.map(async (year) => (await tx.objectStore('counters').get(counterKey(year))) ?? 0));
  const next = new Map(years.map((year, i) => [year, Math.max(before[i]!, highest.get(year) ?? 0)]));

  const timestamp = options.now.getTime();
  const documents: DocumentRecord[] = [];
  const events: NewEvent[] = [];
  let numbered = 0;
  for (const [i, row] of checked.entries()) {
    const draft = drafts[i];
    if (!draft) continue;
    let registrationNo = row.registrationNo;
    if (!registrationNo) {
      const year = yearOf(i);
      const sequence = next.get(year)! + 1;
      next.set(year, sequence);
      registrationNo = formatRegistrationNo(year, sequence, options.numberFormat ?? DEFAULT_NUMBER_FORMAT);
      numbered++;
      const holder = await numbers.getKey(registrationNo);
      if (holder) row.problems.push({ code: 'regno-in-register', field: 'registrationNo', value: registrationNo, registrationNo });
    }
    const record: DocumentRecord = {
      ...draft,
      id: crypto.randomUUID(),
      registrationNo,
      status: row.status,
      ...(row.completedOn && { completedOn: row.completedOn }),
      createdAt: timestamp,
      updatedAt: timestamp,
      identityKeys: identityKeys(draft),
    };
    const dueDate = dueDateOf(record, { outstanding: [] });
    documents.push(dueDate ? { ...record, dueDate } : record);
    // Like a `registered` event, it carries every field, so the register can be rebuilt from the log; and where it came from.
    events.push({
      timestamp,
      docId: record.id,
      type: 'imported',
      details: { ledgerFile: options.fileName, row: row.row, registrationNo, status: row.status, ...(row.completedOn && { completedOn: row.completedOn }), fields: definedFields(draft), classificationScheme: 'standard' },
    });
  }
  const counters = years.map((year, i) => ({ year, from: before[i]!, to: next.get(year)! }));
  events.push({ timestamp, docId: REGISTER_SCOPE, type: 'imported', details: { ledgerFile: options.fileName, documents: documents.length, counters } });
  return { checked, documents, events, counters, numbered };
}

/**
 * Every identity key and registration number of a register holding fewer documents than `rows`, read with key cursors
 * (index keys only, no records); undefined for a larger register. Every record since schema v4 carries its identity
 * keys, so a row none of whose keys is here cannot match a registered document.
 */
async function knownKeys(tx: ReadTx, rows: number): Promise<{ identity: Set<string>; numbers: Set<string> } | undefined> {
  const counted = await tx.objectStore('counters').get(DOCUMENT_COUNT);
  if (counted === undefined || counted >= rows) return undefined;
  const documents = tx.objectStore('documents');
  const collect = async (index: 'identityKeys' | 'registrationNo') => {
    const out = new Set<string>();
    for (let cursor = await documents.index(index).openKeyCursor(); cursor; cursor = await cursor.continue()) out.add(String(cursor.key));
    return out;
  };
  const [identity, numbers] = await Promise.all([collect('identityKeys'), collect('registrationNo')]);
  return { identity, numbers };
}

function outcome(plan: Plan, dryRun: boolean, written: number): LedgerOutcome {
  const bad = plan.checked.filter((row) => row.problems.length > 0);
  return {
    ok: bad.length === 0,
    dryRun,
    rows: plan.checked.length,
    written,
    wouldWrite: bad.length ? 0 : plan.documents.length,
    problemRows: bad.length,
    problems: bad.slice(0, MAX_PROBLEM_ROWS).map((row) => ({ row: row.row, problems: row.problems })),
    counters: plan.counters,
    numbered: plan.numbered,
  };
}

/** The dry run: everything the import checks, nothing written. */
export async function dryRunLedgerImport(db: RegisterDB, rows: readonly LedgerRow[], options: LedgerImportOptions): Promise<LedgerOutcome> {
  return outcome(await planLedgerImport(readTransaction(db), rows, options), true, 0);
}

class Refused extends Error {
  constructor(readonly plan: Plan) {
    super('rows with problems');
  }
}

/** Imports every row or none: refused (nothing written) when any row has a problem. */
export async function importLedger(db: RegisterDB, rows: readonly LedgerRow[], options: LedgerImportOptions): Promise<LedgerOutcome> {
  if (!rows.length) throw new RangeError('the file has no data rows');
  try {
    return await writeChained(db, async (tx) => {
      const plan = await planLedgerImport(tx, rows, options);
      if (plan.checked.some((row) => row.problems.length)) throw new Refused(plan);
      return {
        events: plan.events,
        apply: async (write) => {
          const counters = write.objectStore('counters');
          const documents = write.objectStore('documents');
          // Read first: the sequence check was issued before, so by now the writer awaits this (a throw below is handled).
          const count = (await counters.get(DOCUMENT_COUNT)) ?? (await documents.count());
          // Thousands of requests without a promise each (a failing one aborts the transaction, and with it everything).
          const raw = unwrap(documents);
          for (const document of plan.documents) raw.add(document);
          await Promise.all([...plan.counters.map(({ year, to }) => counters.put(to, counterKey(year))), counters.put(count + plan.documents.length, DOCUMENT_COUNT)]);
          return outcome(plan, false, plan.documents.length);
        },
      };
    });
  } catch (error) {
    if (error instanceof Refused) return outcome(error.plan, false, 0);
    throw error;
  }
}
