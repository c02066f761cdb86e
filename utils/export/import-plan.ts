/**
 * What importing a backup would do to the register (the dry run), decided batch by batch from
 * lookups into the register, never from the whole register in memory:
 * - a document is known by its id: added when unknown, updated when the backup's copy is newer
 *   (`updatedAt`), otherwise left as it is;
 * - an event is known by its content (`docId|timestamp|type|canonical details`), so the same event
 *   already in the register — from an earlier import of this backup, or because the register and
 *   the backup share a history — is not added twice, even though its sequence may differ;
 * - a document whose 收文编号 another document of the register already holds is a conflict: the
 *   number is stamped on paper, so neither may be renumbered and the import is refused.
 */
import type { DocumentRecord, EventRecord } from '../documents/document-schema';
import { canonicalJson, type ChainContent } from '../register/hash-chain';

export interface ExistingDocument {
  id: string;
  updatedAt: number;
  registrationNo: string;
}

export interface ExistingLookup {
  /** No documents and no events: the backup's own chain is taken as it is, no lookups needed. */
  empty: boolean;
  documents(ids: readonly string[]): Promise<Map<string, ExistingDocument>>;
  /** The id of the document holding each of these registration numbers, where one does. */
  numberHolders(numbers: readonly string[]): Promise<Map<string, string>>;
  /** How many events the register holds with each content key among those of `events`. */
  eventCounts(events: readonly ChainContent[]): Promise<Map<string, number>>;
}

export interface NumberConflict {
  registrationNo: string;
  backupId: string;
  existingId: string;
  /** The document's place in the backup's `documents`. */
  index: number;
}

export interface ImportPlan {
  add: number;
  update: number;
  skip: number;
  eventsAdd: number;
  eventsSkip: number;
  /** The first few conflicts (see NUMBER_CONFLICTS_KEPT) and how many there are. */
  conflicts: NumberConflict[];
  conflictCount: number;
}

export const NUMBER_CONFLICTS_KEPT = 20;

/** The identity of an event across registers: what happened, to which document, when. */
export function eventKey(event: Pick<ChainContent, 'docId' | 'timestamp' | 'type' | 'details'>): string {
  return `${event.docId}|${event.timestamp}|${event.type}|${canonicalJson(event.details)}`;
}

export interface ImportPlanner {
  readonly plan: ImportPlan;
  /** Plans a batch of the backup's documents; returns those to write (added or updated). */
  documents(batch: readonly DocumentRecord[]): Promise<DocumentRecord[]>;
  /** Plans a batch of the backup's events (in sequence order); returns those to add. */
  events(batch: readonly EventRecord[]): Promise<EventRecord[]>;
}

export function createImportPlanner(lookup: ExistingLookup): ImportPlanner {
  const plan: ImportPlan = { add: 0, update: 0, skip: 0, eventsAdd: 0, eventsSkip: 0, conflicts: [], conflictCount: 0 };
  let index = 0;
  return {
    plan,
    async documents(batch) {
      if (lookup.empty) {
        plan.add += batch.length;
        index += batch.length;
        return [...batch];
      }
      const [existing, holders] = await Promise.all([lookup.documents(batch.map((d) => d.id)), lookup.numberHolders(batch.map((d) => d.registrationNo))]);
      const write: DocumentRecord[] = [];
      for (const document of batch) {
        const at = index++;
        const known = existing.get(document.id);
        const decision = !known ? 'add' : document.updatedAt > known.updatedAt ? 'update' : 'skip';
        plan[decision]++;
        if (decision === 'skip') continue;
        const holder = holders.get(document.registrationNo);
        if (holder !== undefined && holder !== document.id) {
          plan.conflictCount++;
          if (plan.conflicts.length < NUMBER_CONFLICTS_KEPT) plan.conflicts.push({ registrationNo: document.registrationNo, backupId: document.id, existingId: holder, index: at });
        }
        write.push(document);
      }
      return write;
    },
    async events(batch) {
      if (lookup.empty) {
        plan.eventsAdd += batch.length;
        return [...batch];
      }
      const existing = await lookup.eventCounts(batch);
      const used = new Map<string, number>();
      const add: EventRecord[] = [];
      for (const event of batch) {
        const key = eventKey(event);
        const seen = used.get(key) ?? 0;
        // The same content twice (one recipient named twice in one send) is two events: match one for one.
        if (seen < (existing.get(key) ?? 0)) {
          used.set(key, seen + 1);
          plan.eventsSkip++;
        } else {
          plan.eventsAdd++;
          add.push(event);
        }
      }
      return add;
    },
  };
}

/** The dry run over whole streams of records (the import store drives the planner from the file). */
export async function planImport(
  lookup: ExistingLookup,
  documents: AsyncIterable<readonly DocumentRecord[]>,
  events: AsyncIterable<readonly EventRecord[]>,
): Promise<ImportPlan> {
  const planner = createImportPlanner(lookup);
  for await (const batch of documents) await planner.documents(batch);
  for await (const batch of events) await planner.events(batch);
  return planner.plan;
}
