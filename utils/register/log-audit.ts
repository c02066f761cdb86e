/**
 * The register derived from the log. Every event that creates or changes a document carries what it sets
 * (`registered`, or `imported` from an old 收文登记簿: every field; `corrected`: field, old, new; `classification-confirmed`; `sent`/`returned`: who;
 * the closing steps; `undone`: the status it goes back to; `calendar-imported`: each deadline it moved), so
 * replaying the log in order gives each document's fields, status and holder. A document record that disagrees
 * with its own log was changed outside DocTrail (a restored, forged backup; an edit in the browser's storage).
 *
 * The same pass checks that event times never go backwards by more than `CLOCK_TOLERANCE_MS`.
 */
import { circulationState } from '../documents/circulation';
import { documentDraftSchema, type DocumentRecord, type EventRecord } from '../documents/document-schema';
import { classificationInDetails, DOCUMENT_STATUSES, fromLegacyClassification, REGISTER_SCOPE } from '../documents/document-values';
import { canonicalJson, type ChainContent } from './hash-chain';

/** How far an event's time may lie before an earlier event's (a clock corrected by a few minutes is not a forgery). */
export const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/** The document fields the log carries: what a draft sets, plus the registration number, status and holder. */
export const REPLAYED_FIELDS = [...(Object.keys(documentDraftSchema.shape) as string[]), 'registrationNo', 'status', 'currentHolder'] as const;
const DRAFT_FIELDS = new Set(Object.keys(documentDraftSchema.shape));

/** One field of a document record that its log contradicts. `null` stands for "absent". */
export interface Contradiction {
  docId: string;
  registrationNo?: string;
  /** A field name, or `record` when the log has a document the register lacks, or the register one its log never registered. */
  field: string;
  record: unknown;
  log: unknown;
}

/** An event written earlier than an event before it, by more than the tolerance. */
export interface TimeWarp {
  sequence: number;
  docId: string;
  type: string;
  timestamp: number;
  /** The latest earlier event, which this one lies before. */
  previousSequence: number;
  previousTimestamp: number;
}

export interface AuditReport {
  /** Documents the log was replayed for. */
  documents: number;
  contradictions: Contradiction[];
  timeWarps: TimeWarp[];
  /** Fewer are listed than found when a register is wholly off; these are the totals. */
  contradictionCount: number;
}

interface Replayed {
  registrationNo?: string;
  /** Field values the log states (absent = `undefined`); for events from before `registered` carried its fields, only what later events set. */
  values: Map<string, unknown>;
  /** Events that bear on circulation (sent, returned, undone), for the holder after a return or an undo. */
  circulation: EventRecord[];
}

const MAX_LISTED = 200;

const isStatus = (value: unknown): value is DocumentRecord['status'] => typeof value === 'string' && (DOCUMENT_STATUSES as readonly string[]).includes(value);

/** Replays events in sequence order; `report` compares the result with the document records. */
export class LogAudit {
  private readonly docs = new Map<string, Replayed>();
  private readonly warps: TimeWarp[] = [];
  private latest: { sequence: number; timestamp: number } | undefined;

  constructor(private readonly toleranceMs = CLOCK_TOLERANCE_MS) {}

  /** Feeds the next event (in sequence order). */
  add(event: ChainContent): void {
    this.checkTime(event);
    if (event.docId === REGISTER_SCOPE) return this.registerEvent(event);
    const details = event.details;
    let doc = this.docs.get(event.docId);
    // `imported` for one document: a row of an old 收文登记簿 brought in, with its fields and its status then.
    if (event.type === 'registered' || event.type === 'imported') {
      doc = { values: new Map(), circulation: [] };
      this.docs.set(event.docId, doc);
      if (typeof details.registrationNo === 'string') doc.values.set('registrationNo', details.registrationNo);
      const fields = details.fields;
      if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
        const set = fields as Record<string, unknown>;
        for (const field of DRAFT_FIELDS) doc.values.set(field, set[field]);
        if (typeof set.classification === 'string') {
          doc.values.set('classification', details.classificationScheme === 'standard' ? set.classification : fromLegacyClassification(set.classification));
        }
      }
      doc.values.set('status', event.type === 'imported' && isStatus(details.status) ? details.status : 'registered');
      doc.values.set('currentHolder', undefined);
      return;
    }
    if (!doc) return; // an event for a document the log never registered: reported with the records
    const set = (field: string, value: unknown) => doc.values.set(field, value === null ? undefined : value);
    switch (event.type) {
      case 'classification-confirmed':
        set('classification', classificationInDetails(details));
        break;
      case 'corrected':
        if (typeof details.field === 'string') {
          set(details.field, details.field === 'classification' && details.new !== null ? classificationInDetails({ ...details, classification: details.new }) : details.new);
        }
        break;
      case 'sent':
        doc.circulation.push(event as EventRecord);
        set('status', 'in-circulation');
        set('currentHolder', details.recipient);
        break;
      case 'returned': {
        doc.circulation.push(event as EventRecord);
        const { outstanding } = circulationState(doc.circulation);
        if (outstanding.length) set('currentHolder', outstanding.at(-1)!.recipient);
        else {
          if (doc.values.get('status') === 'in-circulation') set('status', 'returned');
          set('currentHolder', undefined);
        }
        break;
      }
      case 'completed':
      case 'archived':
      case 'destroyed':
        set('status', event.type);
        set('currentHolder', undefined);
        break;
      case 'cleared':
        set('status', 'cleared');
        set('currentHolder', details.clearedTo);
        break;
      case 'undone': {
        doc.circulation.push(event as EventRecord);
        if (isStatus(details.status)) set('status', details.status);
        set('currentHolder', circulationState(doc.circulation).outstanding.at(-1)?.recipient);
        break;
      }
      default:
        break;
    }
  }

  private registerEvent(event: ChainContent): void {
    if (event.type === 'calendar-imported' && Array.isArray(event.details.moved)) {
      for (const moved of event.details.moved as unknown[]) {
        if (!moved || typeof moved !== 'object') continue;
        const { docId, to } = moved as Record<string, unknown>;
        if (typeof docId === 'string' && typeof to === 'string') this.docs.get(docId)?.values.set('deadline', to);
      }
    }
    if (event.type === 'imported') {
      // The events an import appended into a register that had a log keep the times they were written at; they
      // lie just before the `imported` event and are not a clock going backwards.
      const added = typeof event.details.eventsAdded === 'number' ? event.details.eventsAdded : 0;
      const from = event.sequence - added;
      for (let i = this.warps.length - 1; i >= 0; i--) if (this.warps[i]!.sequence >= from) this.warps.splice(i, 1);
    }
  }

  private checkTime(event: ChainContent): void {
    const latest = this.latest;
    if (latest && event.timestamp < latest.timestamp - this.toleranceMs) {
      this.warps.push({ sequence: event.sequence, docId: event.docId, type: event.type, timestamp: event.timestamp, previousSequence: latest.sequence, previousTimestamp: latest.timestamp });
    }
    if (!latest || event.timestamp >= latest.timestamp) this.latest = { sequence: event.sequence, timestamp: event.timestamp };
  }

  /** The fields of one record its log contradicts (none when the log agrees). */
  compare(record: DocumentRecord): Contradiction[] {
    const doc = this.docs.get(record.id);
    if (!doc) return [{ docId: record.id, registrationNo: record.registrationNo, field: 'record', record: record.status, log: null }];
    const out: Contradiction[] = [];
    for (const [field, logValue] of doc.values) {
      const recordValue = (record as Record<string, unknown>)[field];
      if (canonicalJson(recordValue ?? null) !== canonicalJson(logValue ?? null)) {
        out.push({ docId: record.id, registrationNo: record.registrationNo, field, record: recordValue ?? null, log: logValue ?? null });
      }
    }
    return out;
  }

  /** Compares every document record with the log; documents the log registered that have no record are reported too. */
  async report(records: AsyncIterable<readonly DocumentRecord[]> | Iterable<DocumentRecord>): Promise<AuditReport> {
    const contradictions: Contradiction[] = [];
    let contradictionCount = 0;
    const seen = new Set<string>();
    const take = (record: DocumentRecord) => {
      seen.add(record.id);
      const found = this.compare(record);
      contradictionCount += found.length;
      for (const c of found) if (contradictions.length < MAX_LISTED) contradictions.push(c);
    };
    if (Symbol.asyncIterator in records) {
      for await (const batch of records) batch.forEach(take);
    } else {
      for (const record of records) take(record);
    }
    for (const [docId, doc] of this.docs) {
      if (seen.has(docId)) continue;
      contradictionCount++;
      if (contradictions.length < MAX_LISTED) {
        const registrationNo = doc.values.get('registrationNo');
        contradictions.push({ docId, ...(typeof registrationNo === 'string' && { registrationNo }), field: 'record', record: null, log: doc.values.get('status') ?? null });
      }
    }
    return { documents: this.docs.size, contradictions, timeWarps: this.warps.slice(0, MAX_LISTED), contradictionCount };
  }

  /** What the log says one document's fields are (for a per-field difference). */
  replayed(docId: string): Record<string, unknown> | undefined {
    const doc = this.docs.get(docId);
    return doc && Object.fromEntries(doc.values);
  }
}

/** Replays a whole log held in memory and compares it with the records (tests, a backup being read). */
export async function auditLog(events: Iterable<ChainContent>, records: Iterable<DocumentRecord>, toleranceMs = CLOCK_TOLERANCE_MS): Promise<AuditReport> {
  const audit = new LogAudit(toleranceMs);
  for (const event of events) audit.add(event);
  return audit.report(records);
}
