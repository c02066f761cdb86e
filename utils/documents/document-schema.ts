import { CLASSIFICATIONS, DOCUMENT_STATUSES, EVENT_TYPES, PURPOSES, URGENCIES } from './document-values';
import { z } from '../zod';


export const classificationSchema = z.enum(CLASSIFICATIONS);
export const urgencySchema = z.enum(URGENCIES);
export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);

/** Statuses in which the document is still on the clerk's desk (在办). */
export const OPEN_STATUSES = ['registered', 'in-circulation', 'returned'] as const satisfies readonly DocumentStatus[];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd');
const text = (max: number) => z.string().trim().max(max);

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
  sourceUrl: z.string().url().max(2000),
});

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
