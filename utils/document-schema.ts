import { z } from './zod';

export const classificationSchema = z.enum(['none', 'internal', 'secret', 'confidential', 'top-secret']);
export const urgencySchema = z.enum(['normal', 'urgent', 'very-urgent', 'flash']);
export const documentStatusSchema = z.enum([
  'registered',
  'in-circulation',
  'returned',
  'completed',
  'archived',
  'cleared',
  'destroyed',
]);

/** Statuses in which the document is still on the clerk's desk (在办). */
export const OPEN_STATUSES = ['registered', 'in-circulation', 'returned'] as const satisfies readonly DocumentStatus[];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd');
const text = (max: number) => z.string().trim().max(max);

/** What the page (or the clerk) says about a document before it is registered. */
export const documentDraftSchema = z.strictObject({
  docNumber: text(100).optional(),
  title: text(500).min(1, 'a document needs a title'),
  issuer: text(200).optional(),
  classification: classificationSchema.optional(),
  urgency: urgencySchema.optional(),
  receivedDate: isoDate.optional(),
  deadline: isoDate.optional(),
  sourceUrl: z.string().url().max(2000),
});

export const documentRecordSchema = documentDraftSchema.extend({
  id: z.string().min(1),
  registrationNo: z.string().min(1),
  status: documentStatusSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const eventTypeSchema = z.enum(['registered']);

export const eventRecordSchema = z.strictObject({
  sequence: z.number().int().positive(),
  timestamp: z.number().int(),
  docId: z.string().min(1),
  type: eventTypeSchema,
  details: z.record(z.string(), z.unknown()),
});

export type Classification = z.infer<typeof classificationSchema>;
export type Urgency = z.infer<typeof urgencySchema>;
export type DocumentStatus = z.infer<typeof documentStatusSchema>;
export type DocumentDraft = z.infer<typeof documentDraftSchema>;
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
export type EventRecord = z.infer<typeof eventRecordSchema>;
export type NewEvent = Omit<EventRecord, 'sequence'>;
