import { CLASSIFICATIONS, DOCUMENT_STATUSES, EVENT_TYPES, PURPOSES, SOURCES, URGENCIES } from './document-values';
import { z } from '../zod';
import { calendarDateSchema } from '../deadlines/date-schema';


export const classificationSchema = z.enum(CLASSIFICATIONS);
export const urgencySchema = z.enum(URGENCIES);
export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);
export const sourceSchema = z.enum(SOURCES);

/** Statuses in which the document is still on the clerk's desk (在办). */
export const OPEN_STATUSES = ['registered', 'in-circulation', 'returned'] as const satisfies readonly DocumentStatus[];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash');
/** A real calendar date (hole 10): 2026-02-30 is refused, not rolled over to March. */
const isoDate = calendarDateSchema;
const text = (max: number) => z.string().trim().max(max);

/** Whether a string is an http: or https: address (never javascript:, data:, file:, blob: …). */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}

/**
 * A portal page's address, in every stored, messaged or backed-up shape: http(s) only (hole 14). A `javascript:` or
 * `data:` address from a page or a backup is refused here, before anything renders it as a link.
 */
export const webUrlSchema = (max: number) =>
  z
    .string()
    .max(max)
    .refine(isWebUrl, { error: (iss) => `only an http:// or https:// address is accepted, not ${JSON.stringify(String(iss.input).slice(0, 40))}` });

/** What the page (or the clerk) says about a document before it is registered. */
export const documentDraftSchema = z.strictObject({
  docNumber: text(100).optional(),
  title: text(500).min(1, 'a document needs a title'),
  issuer: text(200).optional(),
  classification: classificationSchema.optional(),
  classificationPeriod: text(20).optional(),
  urgency: urgencySchema.optional(),
  copyNumber: text(20).optional(),
  copies: text(10).optional(),
  receivedDate: isoDate.optional(),
  documentDate: isoDate.optional(),
  deadline: isoDate.optional(),
  /** 办理期限 as "N 个工作日" from 收文日期: the background turns it into `deadline` on the official calendar. */
  deadlineWorkingDays: z.number().int().min(1).max(60).optional(),
  /** The portal's own serial for the document (收文编号 / 流水号), never DocTrail's registration number. */
  portalNo: text(60).optional(),
  /** The portal page it was registered from; absent for a paper, fax, 机要交通 or e-mail document registered at `#/new`. */
  sourceUrl: webUrlSchema(2000).optional(),
  /** 来源: how it reached the office (absent: from a portal page, as every document registered before 来源 existed). */
  source: sourceSchema.optional(),
});

/** The fields a clerk can correct (更正): everything the draft carries except the page it came from. */
export const CORRECTABLE_FIELDS = [
  'docNumber',
  'title',
  'issuer',
  'classification',
  'classificationPeriod',
  'urgency',
  'copyNumber',
  'copies',
  'receivedDate',
  'documentDate',
  'deadline',
  'portalNo',
  'source',
] as const satisfies readonly (keyof DocumentDraft)[];
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** 督办: who handles it, who answers for it, what is asked and by when; kept on the record so reminders and the 督办台账 see it. */
export const supervisionSchema = z.strictObject({
  /** 承办单位 */
  unit: text(100).min(1, 'a 督办 item needs a 承办单位'),
  /** 承办人 */
  handler: text(50).optional(),
  /** 负责领导 */
  leader: text(50).optional(),
  /** 办理要求 */
  requirement: text(500).optional(),
  /** 完成时限 */
  dueDate: isoDate,
  /** The 时限 was given as N 个工作日 (kept for the record; `dueDate` is the date it came to). */
  workingDays: z.number().int().min(1).max(120).optional(),
  setAt: z.number().int(),
  feedbackCount: z.number().int().min(0),
  lastFeedbackAt: z.number().int().optional(),
  chaseCount: z.number().int().min(0),
  lastChasedAt: z.number().int().optional(),
  /** 办结: when and with what 办理结果. */
  completedAt: z.number().int().optional(),
  completedOn: isoDate.optional(),
  result: text(1000).optional(),
});
export type Supervision = z.infer<typeof supervisionSchema>;

export const documentRecordSchema = documentDraftSchema.extend({
  id: z.string().min(1),
  registrationNo: z.string().min(1),
  status: documentStatusSchema,
  /** Who has the document now (the last recipient it was sent to and has not returned it). */
  currentHolder: text(100).optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** While the document is open: the earliest date it is due back or due done (办理期限 or a recipient's 归还日期). Drives reminders and the overdue count. */
  dueDate: isoDate.optional(),
  supervision: supervisionSchema.optional(),
  /** 办结: the day the document was completed (kept through 归档; taken away when the 办结 is undone). Statistics count working days from 收文 to it. */
  completedOn: isoDate.optional(),
  /** While the document is open and its 督办 item is not 办结: the item's 完成时限 (indexed: the 督办台账 reads only these). */
  supervisionDue: isoDate.optional(),
  /** What the register finds the document by (see identity.ts): derived from the fields on every write, never shown. */
  identityKeys: z.array(z.string().max(2100)).max(8).optional(),
});

export const eventTypeSchema = z.enum(EVENT_TYPES);
export const purposeSchema = z.enum(PURPOSES);

export const eventRecordSchema = z.strictObject({
  sequence: z.number().int().positive(),
  timestamp: z.number().int(),
  docId: z.string().min(1),
  type: eventTypeSchema,
  details: z.record(z.string(), z.unknown()),
  /** The previous event's hash (all zeros for the first event) and this event's SHA-256; see utils/hash-chain.ts. */
  prevHash: sha256Hex,
  hash: sha256Hex,
});

export type DocumentStatus = z.infer<typeof documentStatusSchema>;
export type DocumentDraft = z.infer<typeof documentDraftSchema>;
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
export type EventRecord = z.infer<typeof eventRecordSchema>;
export type EventType = z.infer<typeof eventTypeSchema>;
export type Purpose = z.infer<typeof purposeSchema>;
export type NewEvent = Omit<EventRecord, 'sequence' | 'prevHash' | 'hash'>;
