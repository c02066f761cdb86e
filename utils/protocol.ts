import { z } from './zod';
import { classificationSchema, documentDraftSchema, documentRecordSchema, eventRecordSchema, purposeSchema } from './document-schema';

const docId = z.string().min(1).max(100);
const person = z.string().trim().min(1, 'a recipient needs a name').max(100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd');

/**
 * Every message the background accepts. Anything else — an unknown type, a missing or
 * extra field, a wrong type — is refused before it reaches the store.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('document.lookup'),
    lookup: documentDraftSchema.pick({ docNumber: true, issuer: true, sourceUrl: true }),
  }),
  z.strictObject({
    type: z.literal('document.register'),
    draft: documentDraftSchema,
    /** The clerk chose the 密级 because the page showed none: logged as a confirmation. */
    classificationConfirmed: z.boolean().optional(),
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
  z.strictObject({ type: z.literal('register.summary') }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

const recipientStateSchema = z.strictObject({
  recipient: z.string(),
  purpose: purposeSchema,
  sentAt: z.number(),
  expectedReturn: z.string().optional(),
  returnedAt: z.number().optional(),
});

const documentStateSchema = z.strictObject({ document: documentRecordSchema, circulation: z.array(recipientStateSchema) });

const summarySchema = z.strictObject({
  inProgress: z.number().int(),
  overdue: z.number().int(),
  latest: z.array(documentRecordSchema),
});

export const responseDataSchemas = {
  'document.lookup': z.strictObject({ state: documentStateSchema.nullable() }),
  'document.register': z.strictObject({ state: documentStateSchema, created: z.boolean() }),
  'document.logHandling': documentStateSchema,
  'document.confirmClassification': documentStateSchema,
  'circulation.send': documentStateSchema,
  'circulation.return': documentStateSchema,
  'document.history': z.strictObject({ document: documentRecordSchema, events: z.array(eventRecordSchema) }),
  'register.summary': summarySchema,
} satisfies Record<RequestType, z.ZodType>;

export type ResponseData<T extends RequestType> = z.infer<(typeof responseDataSchemas)[T]>;
export type DocumentStateData = z.infer<typeof documentStateSchema>;

export const errorCodeSchema = z.enum(['invalid-message', 'forbidden-sender', 'not-found', 'storage-failed']);
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
