/**
 * Messages about backups (issue #6), spread into `requestSchema` / `responseDataSchemas` in protocol.ts.
 * The file itself never travels in a message: the dashboard hands the background a `blob:` URL of
 * the file the clerk picked, and the background streams it from there.
 */
import { registerFilterSchema } from '../register/register-query';
import { z } from '../zod';

/** A blob URL of DocTrail's own origin (chrome-extension:// or moz-extension://); the handler checks the origin is its own. */
const blobUrl = z.string().max(200).regex(/^blob:(chrome|moz)-extension:\/\/[\w-]+\/[\w-]+$/, 'expected a blob: URL of DocTrail itself');

export const backupRequests = [
  /** Dry run: reads and checks the whole backup and says what restoring it would add, update or skip. */
  z.strictObject({ type: z.literal('backup.preview'), blobUrl }),
  /** Restores (or merges) the backup: all of it in one transaction, or nothing. */
  z.strictObject({ type: z.literal('backup.restore'), blobUrl }),
] as const;

const planSchema = z.strictObject({
  add: z.number().int(),
  update: z.number().int(),
  skip: z.number().int(),
  eventsAdd: z.number().int(),
  eventsSkip: z.number().int(),
  conflictCount: z.number().int(),
});

/** A refused file: the clerk's message plus where in the file (line, record, field) for the record. */
const refusalSchema = z.strictObject({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  record: z.string().optional(),
  field: z.string().optional(),
  /** A record its own log contradicts: each field, the record's value and the value replayed from the log. */
  contradictions: z
    .array(z.strictObject({ docId: z.string(), registrationNo: z.string().optional(), field: z.string(), record: z.unknown(), log: z.unknown() }))
    .max(200)
    .optional(),
});

const acceptedSchema = z.strictObject({
  ok: z.literal(true),
  plan: planSchema,
  exportedAt: z.string(),
  documents: z.number().int(),
  events: z.number().int(),
  /** Settings, calendar or profiles in the backup that this version does not take, and why. */
  dropped: z.array(z.strictObject({ field: z.string(), detail: z.string() })),
});

export const backupResponses = {
  'backup.preview': z.discriminatedUnion('ok', [acceptedSchema, refusalSchema]),
  'backup.restore': z.discriminatedUnion('ok', [acceptedSchema.extend({ restoredProfiles: z.number().int() }), refusalSchema]),
};

export type BackupRequest = z.infer<(typeof backupRequests)[number]>;

/** The export port: the dashboard names what it wants, then acknowledges each chunk before the next is sent. */
export const EXPORT_PORT = 'register.export';

/** What the dashboard asks the export port for (the first message on it). */
export const exportStartSchema = z.strictObject({
  type: z.literal('start'),
  kind: z.enum(['register-csv', 'events-csv', 'xlsx', 'backup']),
  /** The register's filters as on screen; ignored for a backup, which is always whole. */
  filter: registerFilterSchema.optional(),
  maskClassified: z.boolean(),
});
export type ExportStart = z.infer<typeof exportStartSchema>;

/** The background's side of the export port. `chunk` data is base64: extension messaging carries JSON only. */
export type ExportPortMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'chunk'; data: string }
  | { type: 'done'; fileName: string; mimeType: string; documents: number; events: number; bytes: number }
  | { type: 'error'; message: string };

/** The dashboard's side after `start`: `ack` asks for the next chunk, so the background never runs ahead of the download. */
export type ExportPortReply = { type: 'ack' };
