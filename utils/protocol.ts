import { z } from './zod';
import { documentDraftSchema, documentRecordSchema } from './document-schema';

/**
 * Every message the background accepts. Anything else — an unknown type, a missing or
 * extra field, a wrong type — is refused before it reaches the store.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('document.lookup'),
    lookup: documentDraftSchema.pick({ docNumber: true, issuer: true, sourceUrl: true }),
  }),
  z.strictObject({ type: z.literal('document.register'), draft: documentDraftSchema }),
  z.strictObject({ type: z.literal('register.summary') }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

const summarySchema = z.strictObject({
  inProgress: z.number().int(),
  overdue: z.number().int(),
  latest: z.array(documentRecordSchema),
});

export const responseDataSchemas = {
  'document.lookup': z.strictObject({ document: documentRecordSchema.nullable() }),
  'document.register': z.strictObject({ document: documentRecordSchema, created: z.boolean() }),
  'register.summary': summarySchema,
} satisfies Record<RequestType, z.ZodType>;

export type ResponseData<T extends RequestType> = z.infer<(typeof responseDataSchemas)[T]>;

export const errorCodeSchema = z.enum(['invalid-message', 'forbidden-sender', 'storage-failed']);
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
