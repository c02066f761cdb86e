import { CHECKPOINT_REASONS, checkpointSchema } from '../register/checkpoints';
import type { ExtendsResult, VerifyResult } from '../register/hash-chain';
import { statisticsSchema, statsPeriodSchema } from '../statistics/summary';
import { z } from '../zod';
import { MAX_BATCH, MAX_ROWS } from './row-limits';
import { calendarDateSchema } from '../deadlines/date-schema';
import { classificationSchema, CORRECTABLE_FIELDS, documentDraftSchema, documentRecordSchema, eventRecordSchema, purposeSchema } from '../documents/document-schema';
import { CLOSING_TRANSITIONS } from '../register/life-cycle';
import { registerQuerySchema } from '../register/register-query';
import { settingsPatchSchema, settingsSchema } from '../register/settings';
import { profileRequests, profileResponses } from './profile-protocol';
import { backupRequests, backupResponses } from './backup-protocol';
import { ledgerRowSchema } from '../export/ledger-rows';
import { ledgerOutcomeSchema, MAX_LEDGER_ROWS } from '../export/ledger-import-store';

const docId = z.string().min(1).max(100);
const person = z.string().trim().min(1, 'a recipient needs a name').max(100);
const isoDate = calendarDateSchema;
const rowLookupSchema = documentDraftSchema.pick({ docNumber: true, issuer: true, sourceUrl: true, title: true, receivedDate: true }).required({ sourceUrl: true });
/** A row's state as a portal page may know it: registered from this site, registered from another, probably registered, not registered. */
export const rowStateSchema = z.enum(['registered', 'elsewhere', 'near', 'new']);
export type RowState = z.infer<typeof rowStateSchema>;

/**
 * Every message the background accepts. Anything else — an unknown type, a missing or
 * extra field, a wrong type — is refused before it reaches the store.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('document.lookup'),
    lookup: documentDraftSchema.pick({ docNumber: true, issuer: true, sourceUrl: true, title: true, receivedDate: true }).partial({ title: true }),
    /** The clerk answered 是 to 是否为已登记的 …？: that document's state is wanted. */
    sameAs: docId.optional(),
  }),
  z.strictObject({
    type: z.literal('document.register'),
    draft: documentDraftSchema,
    /** The clerk chose the 密级 because the page showed none: logged as a confirmation. */
    classificationConfirmed: z.boolean().optional(),
    /** Documents the clerk said this one is not (answering 是否为已登记的 …？ with 否). */
    notSameAs: z.array(docId).max(10).optional(),
  }),
  /** A 待办 / 收文 list: whether each of its rows is registered (marks in the rows; a content script learns no details). */
  z.strictObject({ type: z.literal('rows.lookup'), rows: z.array(rowLookupSchema).min(1).max(MAX_ROWS) }),
  /** Several rows of a list registered after one confirmation of the clerk's: each its own number and event. */
  z.strictObject({
    type: z.literal('rows.register'),
    rows: z.array(z.strictObject({ draft: documentDraftSchema, classificationConfirmed: z.boolean().optional() })).min(1).max(MAX_BATCH),
  }),
  z.strictObject({
    type: z.literal('document.logHandling'),
    docId,
    action: z.enum(['printed', 'copied', 'downloaded']),
    /** Why the clerk printed, copied or downloaded a classified document; absent only when nothing could ask first. */
    reason: z.string().trim().min(1).max(500).optional(),
    intercepted: z.boolean(),
    detail: z.string().max(300).optional(),
  }).refine((m) => !m.intercepted || m.reason, { message: 'an intercepted action needs a reason', path: ['reason'] }),
  z.strictObject({ type: z.literal('document.confirmClassification'), docId, classification: classificationSchema }),
  z.strictObject({
    type: z.literal('circulation.send'),
    docId,
    recipients: z.array(person).min(1, 'name at least one recipient').max(30),
    purpose: purposeSchema,
    expectedReturn: isoDate.optional(),
  }),
  z.strictObject({ type: z.literal('circulation.return'), docId, recipient: person }),
  z.strictObject({ type: z.literal('document.history'), docId }),
  /** 更正 from the dashboard: new values for some fields (null clears one) and why. */
  z.strictObject({
    type: z.literal('document.correct'),
    docId,
    corrections: z.partialRecord(z.enum(CORRECTABLE_FIELDS), z.string().max(500).nullable()),
    reason: z.string().trim().min(1, 'a correction needs a reason').max(300),
  }),
  /** 撤销 the last step (收回, 办结, 传阅); `expected` is the first sequence of the step the clerk was shown. */
  z.strictObject({
    type: z.literal('document.undo'),
    docId,
    reason: z.string().trim().min(1, 'undoing a step needs a reason').max(300),
    expected: z.number().int().positive().optional(),
  }),
  z.strictObject({ type: z.literal('register.summary') }),
  /** 督办: put under follow-up or change the terms; the 完成时限 is a date or N 个工作日 from today. */
  z.strictObject({
    type: z.literal('supervision.set'),
    docId,
    unit: z.string().trim().min(1, 'a 督办 item needs a 承办单位').max(100),
    handler: z.string().trim().max(50).optional(),
    leader: z.string().trim().max(50).optional(),
    requirement: z.string().trim().max(500).optional(),
    dueDate: isoDate.optional(),
    workingDays: z.number().int().min(1).max(120).optional(),
  }).refine((m) => m.dueDate || m.workingDays, { message: 'a 完成时限 (date or working days) is needed', path: ['dueDate'] }),
  z.strictObject({ type: z.literal('supervision.feedback'), docId, date: isoDate, text: z.string().trim().min(1).max(1000) }),
  z.strictObject({ type: z.literal('supervision.chase'), docId, text: z.string().trim().max(500).optional() }),
  z.strictObject({ type: z.literal('supervision.complete'), docId, result: z.string().trim().min(1, '办结 needs its 办理结果').max(1000) }),
  z.strictObject({
    type: z.literal('supervision.board'),
    unit: z.string().trim().max(100).optional(),
    state: z.enum(['overdue', 'soon']).optional(),
  }),
  z.strictObject({ type: z.literal('register.query'), query: registerQuerySchema }),
  /** Statistics (#/stats) for a period of months (yyyy-mm); absent, the twelve months up to today. */
  z.strictObject({ type: z.literal('stats.query'), period: statsPeriodSchema.optional() }),
  z.strictObject({
    type: z.literal('document.close'),
    docId,
    to: z.enum(CLOSING_TRANSITIONS),
    /** 清退: to whom. */
    clearedTo: z.string().trim().max(100).optional(),
    /** 销毁: who approved and who witnessed. */
    approver: z.string().trim().max(50).optional(),
    witness: z.string().trim().max(50).optional(),
    note: z.string().trim().max(300).optional(),
  }),
  z.strictObject({
    type: z.literal('reminder.snooze'),
    docId,
    until: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('hour') }),
      z.strictObject({ kind: z.literal('tomorrow') }),
      z.strictObject({ kind: z.literal('date'), date: isoDate }),
    ]),
  }),
  z.strictObject({ type: z.literal('settings.get') }),
  /** The chain head now (sequence, hash, when it was written): printed on the 收文登记簿. */
  z.strictObject({ type: z.literal('chain.head') }),
  /** Takes a checkpoint of the head: `print` when a register is printed, `week` once per ISO week. */
  z.strictObject({ type: z.literal('checkpoint.record'), reason: z.enum(CHECKPOINT_REASONS) }),
  z.strictObject({ type: z.literal('checkpoint.list') }),
  z.strictObject({ type: z.literal('settings.update'), patch: settingsPatchSchema }),
  /** A newer official holiday calendar (chinese-days JSON shape), checked by the background. */
  z.strictObject({ type: z.literal('calendar.import'), file: z.unknown() }),
  /** A print DocTrail did not hold, seen by a content script on a registered document: the clerk is asked in the top frame. */
  z.strictObject({ type: z.literal('print.unheld'), docId }),
  /** The clerk's answer to that question (only to a question the background asked in this tab). */
  z.strictObject({
    type: z.literal('print.answer'),
    docId,
    mine: z.boolean(),
    reason: z.string().trim().min(1).max(500).optional(),
  }).refine((m) => !m.mine || m.reason, { message: 'a print the clerk made needs a reason', path: ['reason'] }),
  /**
   * An old 收文登记簿 (#/import): its rows as the clerk's column mapping reads them. `dryRun` checks everything and
   * writes nothing; otherwise every row is written in one transaction, or none when any row has a problem.
   */
  z.strictObject({
    type: z.literal('ledger.import'),
    fileName: z.string().trim().min(1).max(200),
    dryRun: z.boolean(),
    rows: z.array(ledgerRowSchema).min(1, 'the file has no data rows').max(MAX_LEDGER_ROWS),
  }),
  ...profileRequests,
  ...backupRequests,
]);

export type Request = z.input<typeof requestSchema>;
export type RequestType = Request['type'];

const recipientStateSchema = z.strictObject({
  recipient: z.string(),
  purpose: purposeSchema,
  sentAt: z.number(),
  expectedReturn: z.string().optional(),
  returnedAt: z.number().optional(),
});

const dueStatusSchema = z.strictObject({
  date: isoDate,
  state: z.enum(['ok', 'due-soon', 'overdue']),
  daysLeft: z.number().int(),
  workingDaysLeft: z.number().int(),
  forecast: z.boolean().optional(),
});

/** `due`: while the document is open, how its due date stands on the working-day calendar (the overlay's chip shows it). */
const documentStateSchema = z.strictObject({
  document: documentRecordSchema,
  circulation: z.array(recipientStateSchema),
  due: dueStatusSchema.optional(),
});

const boardItemSchema = z.strictObject({
  id: z.string(),
  registrationNo: z.string(),
  title: z.string(),
  classification: classificationSchema.optional(),
  unit: z.string(),
  handler: z.string().optional(),
  leader: z.string().optional(),
  requirement: z.string().optional(),
  dueDate: isoDate,
  workingDaysLeft: z.number().int(),
  overdueDays: z.number().int(),
  state: z.enum(['ok', 'soon', 'overdue']),
  feedbackCount: z.number().int(),
  lastFeedbackAt: z.number().optional(),
  chaseCount: z.number().int(),
});

const boardSchema = z.strictObject({
  total: z.number().int(),
  overdue: z.number().int(),
  units: z.array(z.string()),
  groups: z.array(z.strictObject({ unit: z.string(), items: z.array(boardItemSchema), overdue: z.number().int() })),
});

const summarySchema = z.strictObject({
  inProgress: z.number().int(),
  overdue: z.number().int(),
  latest: z.array(documentRecordSchema),
});

const reminderStateSchema = z.strictObject({ docId: z.string(), lastNotifiedAt: z.number().optional(), snoozedUntil: z.number().optional() });

const calendarInfoSchema = z.strictObject({ coveredUntil: z.number().int(), importedYears: z.array(z.number().int()) });

export const responseDataSchemas = {
  /** `registeredElsewhere`: to a content script, a document registered from another site is only said to exist. */
  'document.lookup': z.strictObject({
    state: documentStateSchema.nullable(),
    registeredElsewhere: z.literal(true).optional(),
    /** Probably this document (one side without 文号, or an issuer spelt otherwise): the overlay asks 是否为已登记的 …？ */
    near: z.strictObject({ docId, registrationNo: z.string(), title: z.string() }).optional(),
  }),
  'document.register': z.strictObject({ state: documentStateSchema, created: z.boolean() }),
  'rows.lookup': z.strictObject({ states: z.array(rowStateSchema) }),
  /** Per row: `registered` (new, its number), `existed` (already in the register from this site, its number), `near`/`elsewhere` (not registered: open it), `failed`. */
  'rows.register': z.strictObject({
    results: z.array(z.strictObject({ outcome: z.enum(['registered', 'existed', 'near', 'elsewhere', 'failed']), registrationNo: z.string().optional() })),
  }),
  'document.logHandling': documentStateSchema,
  'document.confirmClassification': documentStateSchema,
  'circulation.send': documentStateSchema,
  'circulation.return': documentStateSchema,
  'document.correct': documentStateSchema,
  'document.undo': documentStateSchema,
  'document.history': z.strictObject({
    document: documentRecordSchema,
    events: z.array(eventRecordSchema),
    circulation: z.array(recipientStateSchema),
    reminder: reminderStateSchema.nullable(),
  }),
  'register.summary': summarySchema,
  'supervision.set': documentStateSchema,
  'supervision.feedback': documentStateSchema,
  'supervision.chase': documentStateSchema,
  'supervision.complete': documentStateSchema,
  'supervision.board': boardSchema,
  'stats.query': statisticsSchema.extend({ rebuilt: z.boolean() }),
  'register.query': z.strictObject({ total: z.number().int(), rows: z.array(documentRecordSchema) }),
  'document.close': documentStateSchema,
  'reminder.snooze': reminderStateSchema,
  'chain.head': z.strictObject({ sequence: z.number().int(), hash: z.string(), headTime: z.number().int().optional() }),
  'checkpoint.record': z.strictObject({ checkpoint: checkpointSchema.optional() }),
  'checkpoint.list': z.strictObject({ checkpoints: z.array(checkpointSchema) }),
  'settings.get': z.strictObject({ settings: settingsSchema, calendar: calendarInfoSchema }),
  'settings.update': settingsSchema,
  'calendar.import': calendarInfoSchema.extend({ movedDeadlines: z.number().int().min(0) }),
  'print.unheld': z.strictObject({ asked: z.boolean() }),
  'print.answer': documentStateSchema,
  'ledger.import': ledgerOutcomeSchema,
  ...profileResponses,
  ...backupResponses,
} satisfies Record<RequestType, z.ZodType>;

export type ResponseData<T extends RequestType> = z.infer<(typeof responseDataSchemas)[T]>;
export type DocumentStateData = z.infer<typeof documentStateSchema>;

/**
 * `refused`: the rules forbid it (a transition, a return nobody owes); `storage-full`: the browser's quota is used up;
 * `forbidden-sender`: that sender may not send that (utils/messaging/sender-policy.ts); `registered-elsewhere`: a
 * content script tried to register a document already registered from another site.
 */
export const errorCodeSchema = z.enum(['invalid-message', 'forbidden-sender', 'not-found', 'refused', 'registered-elsewhere', 'storage-full', 'storage-failed']);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export type Response<T extends RequestType = RequestType> =
  | { ok: true; data: ResponseData<T> }
  | { ok: false; error: { code: ErrorCode; message: string } };

export function failure(code: ErrorCode, message: string): Response<never> {
  return { ok: false, error: { code, message } };
}

/** A readable one-line account of why a message was refused: which field, what was wrong. */
export function describeInvalid(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'message'}: ${issue.message}`)
    .join('; ');
}

/** The dashboard asks the background to verify the chain over a port of this name and gets progress, then the result. */
export const VERIFY_PORT = 'chain.verify';
/** The dashboard opens this port, posts one `ExtendsCheck`, and gets progress then an `ExtendsResult`. */
export const EXTENDS_PORT = 'chain.extends';

export const extendsCheckSchema = z
  .object({
    type: z.literal('check'),
    heads: z.array(z.object({ sequence: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{8,64}$/) }).strict()).min(1).max(100),
  })
  .strict();
export type ExtendsCheck = z.infer<typeof extendsCheckSchema>;

export type ExtendsPortMessage =
  | { type: 'progress'; checked: number; total: number }
  | { type: 'result'; result: ExtendsResult };

export type VerifyPortMessage =
  | { type: 'progress'; checked: number; total: number }
  | { type: 'result'; result: VerifyResult; elapsedMs: number };
