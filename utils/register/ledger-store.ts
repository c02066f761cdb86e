import { circulationState } from '../documents/circulation';
import { DOCUMENT_STATUSES } from '../documents/document-values';
import { lastStep } from '../documents/steps';
import { toIsoDate } from '../deadlines/local-date';
import { addWorkingDays, type WorkingCalendar } from '../deadlines/working-days';
import { planClosing } from './life-cycle';
import {
  CORRECTABLE_FIELDS,
  documentDraftSchema,
  type CorrectableField,
  type DocumentDraft,
  type DocumentRecord,
  type DocumentStatus,
  type Supervision,
} from '../documents/document-schema';
import { changeDocument, changeFields, findIn, type DocumentState, type PlannedChange } from './register-store';
import type { ReadTx, RegisterDB } from './register-db';

/** 更正 or 撤销 cannot be done as asked; the message says why (the handler answers `refused`). */
export class LedgerRefused extends Error {
  constructor(
    readonly reason: 'nothing-to-correct' | 'invalid-correction' | 'duplicate' | 'nothing-to-undo' | 'not-undoable' | 'stale' | 'not-supervised',
    message: string,
  ) {
    super(message);
  }
}

/** New values for some fields; `null` clears a field. */
export type Corrections = Partial<Record<CorrectableField, string | null>>;

/**
 * 更正: changes fields of a registered document with a reason. Each changed field is one `corrected`
 * event `{ field, old, new, reason }` (absent values are `null`), so replaying the log gives the corrected
 * record; the record itself is updated in the same transaction, so the register, exports and prints show
 * the new values. The result must still be a valid document, and a new 文号/来文单位 must not make it
 * a twin of another registered document.
 */
export function correctDocument(db: RegisterDB, docId: string, corrections: Corrections, reason: string, now: Date): Promise<DocumentState> {
  const why = reason.trim();
  if (!why) return Promise.reject(new LedgerRefused('invalid-correction', 'a correction needs a reason'));
  const plan = async (document: DocumentRecord, tx: ReadTx): Promise<PlannedChange> => {
    const changes: { field: CorrectableField; old: string | null; new: string | null }[] = [];
    const draft: Record<string, unknown> = pickDraft(document);
    for (const field of CORRECTABLE_FIELDS) {
      if (!(field in corrections)) continue;
      const raw = corrections[field];
      const next = raw === null || raw === undefined || raw.trim() === '' ? null : raw.trim();
      const old = document[field] ?? null;
      if (next === old) continue;
      changes.push({ field, old, new: next });
      if (next === null) delete draft[field];
      else draft[field] = next;
    }
    if (!changes.length) throw new LedgerRefused('nothing-to-correct', 'the new values are the same as the registered ones');
    const checked = documentDraftSchema.safeParse(draft);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new LedgerRefused('invalid-correction', `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`);
    }
    if (changes.some((c) => c.field === 'docNumber' || c.field === 'issuer')) {
      const twin = await findIn(tx.objectStore('documents'), { docNumber: checked.data.docNumber, issuer: checked.data.issuer, sourceUrl: undefined });
      if (twin && twin.id !== document.id) {
        throw new LedgerRefused('duplicate', `${checked.data.docNumber ?? ''} is already registered as ${twin.registrationNo}`);
      }
    }
    const update: Partial<DocumentRecord> = {};
    for (const change of changes) (update as Record<string, unknown>)[change.field] = change.new ?? undefined;
    return {
      events: changes.map((change) => ({
        type: 'corrected' as const,
        details: { ...change, reason: why, ...(change.field === 'classification' && { classificationScheme: 'standard' }) },
      })),
      update: update as Partial<DocumentRecord>,
    };
  };
  // Only the 办理期限 moves the due date, which needs the document's circulation: the other fields are written without waiting for it.
  return 'deadline' in corrections ? changeDocument(db, docId, now, (document, _circulation, _events, tx) => plan(document, tx)) : changeFields(db, docId, now, plan);
}

function pickDraft(document: DocumentRecord): Record<string, unknown> {
  const keys = Object.keys(documentDraftSchema.shape) as (keyof DocumentDraft)[];
  return Object.fromEntries(keys.filter((key) => document[key] !== undefined).map((key) => [key, document[key]]));
}

/**
 * 撤销: takes back the document's last step with a compensating `undone` event
 * `{ undoes: [sequence…], step, reason, status }` — nothing is deleted and the chain stays intact.
 * `expected` is the first sequence of the step the clerk saw; if the document moved on meanwhile, it is refused.
 */
export function undoLastStep(db: RegisterDB, docId: string, reason: string, now: Date, expected?: number): Promise<DocumentState> {
  const why = reason.trim();
  if (!why) return Promise.reject(new LedgerRefused('invalid-correction', 'undoing a step needs a reason'));
  return changeDocument(db, docId, now, (document, _circulation, events) => {
    const found = lastStep(events);
    if (!found.ok) {
      throw new LedgerRefused(found.reason, found.reason === 'nothing-to-undo' ? 'there is no step to undo' : `a ${found.type} step cannot be undone`);
    }
    const { step, sequences, recipients } = found.info;
    if (expected !== undefined && sequences[0] !== expected) throw new LedgerRefused('stale', 'the document changed meanwhile; look at it again');
    const undoneEvent = { sequence: Number.MAX_SAFE_INTEGER, timestamp: now.getTime(), docId, type: 'undone' as const, details: { undoes: sequences }, prevHash: '', hash: '' };
    const after = circulationState([...events, undoneEvent]);
    let status: DocumentStatus;
    let currentHolder: string | undefined;
    if (step === 'completed') {
      const completed = events.find((e) => e.sequence === sequences[0]);
      const from = completed?.details.from;
      status = typeof from === 'string' && (DOCUMENT_STATUSES as readonly string[]).includes(from) ? (from as DocumentStatus) : 'registered';
      currentHolder = after.outstanding.at(-1)?.recipient;
    } else if (after.outstanding.length) {
      status = 'in-circulation';
      currentHolder = after.outstanding.at(-1)!.recipient;
    } else {
      status = after.recipients.length ? 'returned' : 'registered';
      currentHolder = undefined;
    }
    const supervision =
      step === 'completed' && document.supervision?.completedAt !== undefined
        ? { ...document.supervision, completedAt: undefined, completedOn: undefined, result: undefined }
        : undefined;
    return {
      events: [{ type: 'undone' as const, details: { undoes: sequences, step, reason: why, status, ...(recipients.length && { recipients }) } }],
      update: { status, currentHolder, ...(step === 'completed' && { completedOn: undefined }), ...(supervision && { supervision: stripUndefined(supervision) }) },
    };
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** 督办 terms as the clerk gives them: a 完成时限 as a date, or as N working days from today. */
export interface SupervisionTerms {
  unit: string;
  handler?: string;
  leader?: string;
  requirement?: string;
  dueDate?: string;
  workingDays?: number;
}

const OPEN_FOR_SUPERVISION = new Set<DocumentStatus>(['registered', 'in-circulation', 'returned']);

function requireOpenSupervision(document: DocumentRecord): Supervision {
  if (!document.supervision || document.supervision.completedAt !== undefined) {
    throw new LedgerRefused('not-supervised', 'this document has no open 督办 item');
  }
  return document.supervision;
}

/**
 * 督办: puts an open document under follow-up, or changes its terms. The `supervised` event carries every
 * term (and the date a "N 个工作日" 时限 came to on the working-day calendar), so the item can be replayed.
 */
export function superviseDocument(db: RegisterDB, docId: string, terms: SupervisionTerms, calendar: WorkingCalendar, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, (document) => {
    if (!OPEN_FOR_SUPERVISION.has(document.status)) throw new LedgerRefused('not-supervised', `a ${document.status} document cannot be put under 督办`);
    const unit = terms.unit.trim();
    if (!unit) throw new LedgerRefused('invalid-correction', 'a 督办 item needs a 承办单位');
    const dueDate = terms.dueDate ?? (terms.workingDays ? addWorkingDays(calendar, toIsoDate(now), terms.workingDays) : undefined);
    if (!dueDate) throw new LedgerRefused('invalid-correction', 'a 督办 item needs a 完成时限 (a date or a number of working days)');
    const set = stripUndefined({
      unit,
      handler: terms.handler?.trim() || undefined,
      leader: terms.leader?.trim() || undefined,
      requirement: terms.requirement?.trim() || undefined,
      dueDate,
      workingDays: terms.dueDate ? undefined : terms.workingDays,
    });
    const previous = document.supervision && document.supervision.completedAt === undefined ? document.supervision : undefined;
    const supervision: Supervision = {
      ...set,
      setAt: previous?.setAt ?? now.getTime(),
      feedbackCount: previous?.feedbackCount ?? 0,
      chaseCount: previous?.chaseCount ?? 0,
      ...(previous?.lastFeedbackAt !== undefined && { lastFeedbackAt: previous.lastFeedbackAt }),
      ...(previous?.lastChasedAt !== undefined && { lastChasedAt: previous.lastChasedAt }),
    };
    return { events: [{ type: 'supervised' as const, details: { ...set, ...(previous && { changed: true }) } }], update: { supervision } };
  });
}

/** 反馈: a dated progress report on an open 督办 item. */
export function recordFeedback(db: RegisterDB, docId: string, feedback: { date: string; text: string }, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, (document) => {
    const supervision = requireOpenSupervision(document);
    const text = feedback.text.trim();
    if (!text) throw new LedgerRefused('invalid-correction', 'a progress report needs its text');
    return {
      events: [{ type: 'feedback' as const, details: { date: feedback.date, text } }],
      update: { supervision: { ...supervision, feedbackCount: supervision.feedbackCount + 1, lastFeedbackAt: now.getTime() } },
    };
  });
}

/** 催办: records that the clerk chased the 承办单位 (the 催办单 is printed from the dashboard). */
export function recordChase(db: RegisterDB, docId: string, note: string | undefined, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, (document) => {
    const supervision = requireOpenSupervision(document);
    const text = note?.trim();
    return {
      events: [{ type: 'chased' as const, details: { unit: supervision.unit, dueDate: supervision.dueDate, ...(text && { text }) } }],
      update: { supervision: { ...supervision, chaseCount: supervision.chaseCount + 1, lastChasedAt: now.getTime() } },
    };
  });
}

/** 办结 of a 督办 item with its 办理结果: the document is completed (the life cycle's rules apply) and the item closed. */
export function completeSupervision(db: RegisterDB, docId: string, result: string, now: Date): Promise<DocumentState> {
  return changeDocument(db, docId, now, (document, circulation) => {
    const supervision = requireOpenSupervision(document);
    const text = result.trim();
    if (!text) throw new LedgerRefused('invalid-correction', '办结 of a 督办 item needs its 办理结果');
    const logged = planClosing(document.status, 'completed', circulation, {});
    const completedOn = toIsoDate(now);
    return {
      events: [{ type: 'completed' as const, details: { ...logged, result: text, completedOn } }],
      update: { status: 'completed', currentHolder: undefined, completedOn, supervision: { ...supervision, completedAt: now.getTime(), completedOn, result: text } },
    };
  });
}
