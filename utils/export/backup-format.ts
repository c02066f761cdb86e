/**
 * The JSON full backup (文迹备份): valid JSON for any tool, laid out so it streams both ways — a
 * header object on the first line, then one record per line:
 *
 *   {"format":"doctrail-backup","formatVersion":1,"exportedAt":"…","schemaVersion":2,"counts":{…},"head":{…},"settings":{…},"calendar":null,"profiles":[],
 *   "documents":[
 *   {…document…},
 *   {…document…}
 *   ],
 *   "events":[
 *   {…event with prevHash and hash…}
 *   ]}
 *
 * The writer never holds more than one batch; the reader (backup-read.ts) needs only one line at a
 * time. Documents come before events, events in sequence order, so the chain verifies as it is read.
 */
import type { DocumentRecord, EventRecord } from '../documents/document-schema';
import { CLASSIFICATION_SCHEMES } from '../documents/document-values';
import { calendarFileSchema, type CalendarFile } from '../deadlines/working-days';
import type { ChainHead } from '../register/hash-chain';
import { settingsFrom, settingsSchema, type Settings } from '../register/settings';
import { siteProfileSchema, type SiteProfile } from '../site-profiles/profile-schema';
import { z } from '../zod';

export const BACKUP_FORMAT = 'doctrail-backup';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * Size limits. A backup of the register DocTrail is built for (100,000 documents, a million events)
 * is about 400 MB, so size alone must not refuse a real backup: the file limit is 2 GiB, five times
 * that, beyond what an extension's IndexedDB quota would take anyway. What stops junk quickly is the
 * line limit: the header (settings, calendar, up to 200 site profiles) fits in 4 MiB of text, and a
 * record — whose longest fields the schema caps at a few thousand characters — in 256 KiB. A 50 MB
 * file of one long line is refused after its first 4 MiB, without the rest ever being read.
 */
export const MAX_BACKUP_BYTES = 2 * 1024 ** 3;
export const MAX_HEADER_LINE_CHARS = 4 * 1024 ** 2;
export const MAX_RECORD_LINE_CHARS = 256 * 1024;

export const DOCUMENTS_OPEN = '"documents":[';
export const DOCUMENTS_CLOSE = '],';
export const EVENTS_OPEN = '"events":[';
export const EVENTS_CLOSE = ']}';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash');
const count = z.number().int().min(0);

/** The header once its format and version are known to be ours. */
export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  /** The register's database version when it was written (db-schema.ts DB_VERSION). */
  schemaVersion: z.number().int().min(1),
  /** The 密级 keys the documents use (`standard` since DocTrail 0.2); absent in a 0.1 backup, whose keys are swapped. */
  classificationScheme: z.enum(CLASSIFICATION_SCHEMES).optional(),
  counts: z.strictObject({ documents: count, events: count }),
  /** The last event's sequence and hash: the chain read from the file must end exactly here. */
  head: z.strictObject({ sequence: count, hash: sha256Hex }),
  /** When the head event was written: with `head`, what the clerk keeps to check a later log against (校验). */
  headAt: z.iso.datetime().optional(),
  /**
   * Carried for the caller and checked item by item in `headerExtras`: a setting, calendar or profile
   * this DocTrail cannot take (one a later version wrote) is left out and reported; it never keeps
   * the register from being restored.
   */
  settings: z.record(z.string(), z.unknown()),
  calendar: z.unknown(),
  profiles: z.array(z.unknown()).max(200),
});

export type BackupHeader = z.output<typeof backupHeaderSchema>;

/** A setting, the calendar or a profile from the backup that is not restored, and why. */
export interface DroppedItem {
  field: string;
  detail: string;
}

export interface HeaderExtras {
  settings: Settings;
  calendar: CalendarFile | null;
  profiles: SiteProfile[];
  dropped: DroppedItem[];
}

const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.')}${issue.path.length ? ': ' : ''}${issue.message}` : 'invalid';
};

export function headerExtras(header: BackupHeader): HeaderExtras {
  const dropped: DroppedItem[] = [];
  const known = settingsSchema.shape as Record<string, z.ZodType | undefined>;
  for (const [key, value] of Object.entries(header.settings)) {
    const schema = known[key];
    const parsed = schema?.safeParse(value);
    if (!parsed?.success) dropped.push({ field: `settings.${key}`, detail: parsed ? firstIssue(parsed.error) : 'not a setting of this DocTrail' });
  }
  let calendar: CalendarFile | null = null;
  if (header.calendar !== null && header.calendar !== undefined) {
    const parsed = calendarFileSchema.safeParse(header.calendar);
    if (parsed.success) calendar = parsed.data;
    else dropped.push({ field: 'calendar', detail: firstIssue(parsed.error) });
  }
  const profiles: SiteProfile[] = [];
  header.profiles.forEach((raw, i) => {
    const parsed = siteProfileSchema.safeParse(raw);
    if (parsed.success) profiles.push(parsed.data);
    else dropped.push({ field: `profiles[${i}]`, detail: firstIssue(parsed.error) });
  });
  return { settings: settingsFrom(header.settings), calendar, profiles, dropped };
}

export interface BackupMeta {
  exportedAt: string;
  schemaVersion: number;
  counts: { documents: number; events: number };
  head: ChainHead;
  /** When the head event was written (absent for an empty log). */
  headAt?: string;
  settings: Settings;
  calendar: CalendarFile | null;
  profiles: SiteProfile[];
}

/** The header line: the header object left open (its closing brace ends the file) and a comma. */
export function headerLine(meta: BackupMeta): string {
  const header = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: meta.exportedAt,
    schemaVersion: meta.schemaVersion,
    classificationScheme: 'standard',
    counts: meta.counts,
    head: { sequence: meta.head.sequence, hash: meta.head.hash },
    ...(meta.headAt && { headAt: meta.headAt }),
    settings: meta.settings,
    calendar: meta.calendar,
    profiles: meta.profiles,
  };
  return `${JSON.stringify(header).slice(0, -1)},\n`;
}

/** The register changed while it was being written: the file would not match its own header. */
export class BackupIncomplete extends Error {}

/** Each record on its own line; a record is held back until the next shows whether a comma follows. */
async function* recordLines<T>(batches: AsyncIterable<readonly T[]>, counted: (n: number) => void): AsyncGenerator<string> {
  let pending: string | undefined;
  let n = 0;
  for await (const batch of batches) {
    let chunk = '';
    for (const record of batch) {
      if (pending !== undefined) chunk += `${pending},\n`;
      pending = JSON.stringify(record);
      n++;
    }
    if (chunk) yield chunk;
  }
  if (pending !== undefined) yield `${pending}\n`;
  counted(n);
}

/**
 * The backup as text chunks, one per batch. Throws `BackupIncomplete` at the end when the records
 * streamed differ in number from the header's counts (the caller must then discard the file).
 */
export async function* backupChunks(
  meta: BackupMeta,
  documents: AsyncIterable<readonly DocumentRecord[]>,
  events: AsyncIterable<readonly EventRecord[]>,
): AsyncGenerator<string> {
  let written = { documents: 0, events: 0 };
  yield `${headerLine(meta)}${DOCUMENTS_OPEN}\n`;
  yield* recordLines(documents, (n) => (written = { ...written, documents: n }));
  yield `${DOCUMENTS_CLOSE}\n${EVENTS_OPEN}\n`;
  yield* recordLines(events, (n) => (written = { ...written, events: n }));
  if (written.documents !== meta.counts.documents || written.events !== meta.counts.events) {
    throw new BackupIncomplete(
      `wrote ${written.documents} documents and ${written.events} events, the header says ${meta.counts.documents} and ${meta.counts.events}`,
    );
  }
  yield `${EVENTS_CLOSE}\n`;
}
