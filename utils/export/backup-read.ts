/**
 * Reads a backup (see backup-format.ts) line by line and refuses it at the first problem, with
 * the line, record and field. Nothing here writes: a caller plans (dry run) or collects records
 * through the callbacks and acts only when the whole file was read, checked and its chain verified.
 * Validating holds one batch of events at a time (plus the set of document ids, for duplicates).
 */
import { DB_VERSION } from '../register/db-schema';
import { fromLegacyClassification } from '../documents/document-values';
import { documentRecordSchema, eventRecordSchema, type DocumentRecord, type EventRecord } from '../documents/document-schema';
import { EMPTY_HEAD, verifyChain, type ChainHead } from '../register/hash-chain';
import { LogAudit, REPLAYED_FIELDS } from '../register/log-audit';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupHeaderSchema,
  DOCUMENTS_CLOSE,
  DOCUMENTS_OPEN,
  EVENTS_CLOSE,
  EVENTS_OPEN,
  MAX_BACKUP_BYTES,
  MAX_HEADER_LINE_CHARS,
  MAX_RECORD_LINE_CHARS,
  headerExtras,
  type BackupHeader,
  type HeaderExtras,
} from './backup-format';
import { BackupRejected, describeIssue, reject, type BackupError } from './backup-errors';
import type { z } from '../zod';

export type BackupSource = Blob | AsyncIterable<Uint8Array | string>;

export interface ReadBackupOptions {
  onHeader?(header: BackupHeader): void | Promise<void>;
  /** Each batch of documents, checked against the schema and for duplicates. */
  onDocuments?(batch: DocumentRecord[]): void | Promise<void>;
  /** Each batch of events, checked against the schema; the chain is verified batch by batch. */
  onEvents?(batch: EventRecord[]): void | Promise<void>;
  onProgress?(bytesRead: number, totalBytes: number | undefined): void;
  batchSize?: number;
  /** The register's database version: a backup from a newer one is refused. */
  schemaVersion?: number;
}

export type BackupReadResult =
  | ({ ok: true; header: BackupHeader; documents: number; events: number; head: ChainHead } & HeaderExtras)
  | { ok: false; error: BackupError };

interface Line {
  text: string;
  number: number;
  /** False for a last line the file ends in without a newline. */
  terminated: boolean;
}

const MAGIC: [string, number[]][] = [
  ['xlsx', [0x50, 0x4b, 0x03, 0x04]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0]],
];

const snippet = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max)}…` : text).replace(/[\x00-\x1f\x7f]/g, '·');

async function* chunksOf(source: BackupSource): AsyncGenerator<Uint8Array | string> {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const reader = source.stream().getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  } else {
    yield* source as AsyncIterable<Uint8Array | string>;
  }
}

/**
 * The file's lines, decoded as strict UTF-8 (a BOM is dropped). Refuses at once a file whose first
 * bytes are not JSON text, and any line longer than its limit before reading the rest of it.
 */
async function* linesOf(source: BackupSource, onBytes: (n: number) => void): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let number = 1;
  let sniffed = false;
  const limit = () => (number === 1 ? MAX_HEADER_LINE_CHARS : MAX_RECORD_LINE_CHARS);
  const tooLong = (): never =>
    reject({ code: 'too-long-line', line: number, expected: String(limit()), detail: `line ${number} is longer than ${limit()} characters` });
  for await (const chunk of chunksOf(source)) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      onBytes(chunk.byteLength);
      const hint = sniffed ? undefined : MAGIC.find(([, bytes]) => bytes.every((b, i) => chunk[i] === b))?.[0];
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        text = reject({ code: 'not-text', line: number, hint, detail: `line ${number} is not UTF-8 text` });
      }
      if (hint) reject({ code: 'not-json', line: 1, hint, found: snippet(text, 8), detail: `the file is ${hint}, not JSON` });
    }
    if (!sniffed && text.trim()) {
      sniffed = true;
      const start = text.replace(/^[\s\uFEFF]+/, '');
      if (!start.startsWith('{')) {
        const hint = start.startsWith('收文编号') || start.startsWith('序号') ? 'csv' : undefined;
        reject({ code: 'not-json', line: 1, hint, found: snippet(start), detail: `the file begins "${snippet(start)}", not a JSON object` });
      }
    }
    pending += text;
    let from = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', from)) {
      if (end - from > limit()) tooLong();
      const line = pending.slice(from, end);
      yield { text: line.endsWith('\r') ? line.slice(0, -1) : line, number: number++, terminated: true };
      from = end + 1;
    }
    pending = pending.slice(from);
    if (pending.length > limit()) tooLong();
  }
  try {
    pending += decoder.decode();
  } catch {
    reject({ code: 'not-text', line: number, detail: `line ${number} ends in a broken UTF-8 sequence` });
  }
  if (pending) yield { text: pending, number, terminated: false };
}

/** Deepest nesting a record may have (an event's details are 2–3 levels deep; settings and profiles about 6). */
export const MAX_RECORD_DEPTH = 32;

/**
 * The path to the first value nested deeper than `max` levels, or undefined. Walked with a stack of its own, so a
 * hostile line (`[[[[…` 100,000 deep) is measured without recursion and refused before anything recursive — the
 * schemas, the hash chain's canonical JSON, IndexedDB's structured clone — sees it (hole 11).
 */
export function nestedTooDeep(value: unknown, max = MAX_RECORD_DEPTH): string[] | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (!current || typeof current !== 'object') continue;
    if (path.length >= max) return path;
    for (const [key, child] of Object.entries(current)) if (child && typeof child === 'object') stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}

function parseJson(line: Line, text: string, record?: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!line.terminated) return reject({ code: 'truncated', line: line.number, record, detail: `the file ends inside line ${line.number}` });
    return reject({ code: 'not-json', line: line.number, record, found: snippet(text, 40), detail: `line ${line.number}: ${(error as Error).message}` });
  }
  const deep = nestedTooDeep(value);
  if (deep) {
    const shown = deep.slice(0, 3).map((key) => snippet(key, 20));
    const field = deep.length > 3 ? `${shown.join('.')}…` : shown.join('.');
    reject({
      code: 'invalid-record',
      line: line.number,
      record,
      field,
      problem: { kind: 'too-deep', maximum: MAX_RECORD_DEPTH },
      detail: `line ${line.number}: ${record ?? 'the record'} is nested more than ${MAX_RECORD_DEPTH} levels deep at ${field}`,
    });
  }
  return value;
}

function readHeader(line: Line | undefined, schemaVersion: number): BackupHeader {
  if (!line) return reject({ code: 'truncated', line: 1, detail: 'the file is empty' });
  const text = line.text.replace(/^\uFEFF/, '').trim();
  if (!text.endsWith(',')) {
    // A whole JSON document on one line, or one reformatted by another tool.
    return reject({ code: 'wrong-format', line: 1, record: 'header', expected: '{"format":"doctrail-backup",…,', detail: 'the first line is not the header of a DocTrail backup' });
  }
  const raw = parseJson(line, `${text.slice(0, -1)}}`, 'header');
  const fields = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (fields.format !== BACKUP_FORMAT) {
    reject({ code: 'wrong-format', line: 1, record: 'header', field: 'format', found: JSON.stringify(fields.format) ?? 'missing', expected: `"${BACKUP_FORMAT}"`, detail: 'not a DocTrail backup' });
  }
  if (fields.formatVersion !== BACKUP_FORMAT_VERSION) {
    const found = JSON.stringify(fields.formatVersion) ?? 'missing';
    reject({ code: 'wrong-version', line: 1, record: 'header', field: 'formatVersion', found, expected: String(BACKUP_FORMAT_VERSION), detail: `unsupported formatVersion ${found}` });
  }
  if (typeof fields.schemaVersion === 'number' && fields.schemaVersion > schemaVersion) {
    const found = String(fields.schemaVersion);
    reject({ code: 'wrong-version', line: 1, record: 'header', field: 'schemaVersion', found, expected: String(schemaVersion), detail: `written by database version ${found}` });
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { field, problem, message } = describeIssue(parsed.error.issues[0]!, raw);
  return reject({ code: 'invalid-record', line: 1, record: 'header', field, problem, detail: message });
}

type Section = 'documents' | 'events';

function pickReplayed(document: DocumentRecord): DocumentRecord {
  const out: Record<string, unknown> = { id: document.id };
  for (const field of REPLAYED_FIELDS) if (document[field as keyof DocumentRecord] !== undefined) out[field] = document[field as keyof DocumentRecord];
  return out as DocumentRecord;
}

/** Splits a record line from its separator: a comma means another record follows. */
function recordText(line: Line): { text: string; more: boolean } {
  const text = line.text.trimEnd();
  return text.endsWith(',') ? { text: text.slice(0, -1), more: true } : { text, more: false };
}

function expectLine(line: Line | undefined, expected: string, lastLine: number): void {
  if (!line) reject({ code: 'truncated', line: lastLine, detail: `the file ends at line ${lastLine}, before ${expected}` });
  else if (line.text.trim() !== expected) {
    if (!line.terminated) reject({ code: 'truncated', line: line.number, detail: `the file ends inside line ${line.number}` });
    reject({ code: 'wrong-format', line: line.number, expected, found: snippet(line.text, 40), detail: `line ${line.number} should be ${expected}` });
  }
}

function parseRecord<T>(section: Section, index: number, line: Line, text: string, schema: z.ZodType<T>): T {
  const record = `${section}[${index}]`;
  const raw = parseJson(line, text, record);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const key = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = section === 'documents' && typeof key.id === 'string' ? key.id : undefined;
  const sequence = section === 'events' && typeof key.sequence === 'number' ? key.sequence : undefined;
  const { field, problem, message } = describeIssue(parsed.error.issues[0]!, raw);
  return reject({ code: 'invalid-record', line: line.number, record, id, sequence, field, problem, detail: `${record}: ${message}` });
}

/**
 * Reads and checks a whole backup: header, every document and event against the schemas,
 * duplicated ids and sequences, the counts, and the hash chain from the first event to the head
 * the header names. Returns the header, or the first problem found.
 */
export async function readBackup(source: BackupSource, options: ReadBackupOptions = {}): Promise<BackupReadResult> {
  const total = typeof Blob !== 'undefined' && source instanceof Blob ? source.size : undefined;
  if (total !== undefined && total > MAX_BACKUP_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 ** 2)} MB`;
    return { ok: false, error: { code: 'too-large', found: mb(total), expected: mb(MAX_BACKUP_BYTES), detail: `the file is ${total} bytes` } };
  }
  let read = 0;
  // The backup's register must be the one its own log gives: each record is compared with the log replayed (only
  // the fields the log carries are kept meanwhile), so a record edited in the file — hashes recomputed or not — is refused.
  const audit = new LogAudit();
  const compared: DocumentRecord[] = [];
  const lines = linesOf(source, (n) => {
    read += n;
    options.onProgress?.(read, total);
  });
  const batchSize = options.batchSize ?? 1000;
  const state = { header: undefined as BackupHeader | undefined, documents: 0, events: 0, lastLine: 0 };
  const eventLines = new Map<number, { line: number; index: number }>();
  const next = async (): Promise<Line | undefined> => {
    const { value, done } = await lines.next();
    if (done) return undefined;
    state.lastLine = value.number;
    return value;
  };

  async function* eventBatches(): AsyncGenerator<EventRecord[]> {
    const header = readHeader(await next(), options.schemaVersion ?? DB_VERSION);
    state.header = header;
    await options.onHeader?.(header);
    expectLine(await next(), DOCUMENTS_OPEN, state.lastLine);
    const ids = new Map<string, number>();
    const numbers = new Map<string, number>();
    let documents: DocumentRecord[] = [];
    // A backup from DocTrail 0.1 (no classificationScheme) has 秘密 and 机密 under swapped keys.
    const legacy = header.classificationScheme !== 'standard';
    for await (const { record, line } of records('documents', documentRecordSchema)) {
      const document = legacy && record.classification ? { ...record, classification: fromLegacyClassification(record.classification) } : record;
      const seen = ids.get(document.id) ?? numbers.get(document.registrationNo);
      if (seen !== undefined) {
        const field = ids.has(document.id) ? 'id' : 'registrationNo';
        reject({ code: 'duplicate-id', line: line.number, record: `documents[${state.documents - 1}]`, id: document.id, field, found: field === 'id' ? document.id : document.registrationNo, expected: String(seen), detail: `${field} ${field === 'id' ? document.id : document.registrationNo} appears twice` });
      }
      ids.set(document.id, line.number);
      numbers.set(document.registrationNo, line.number);
      compared.push(pickReplayed(document));
      documents.push(document);
      if (documents.length >= batchSize) {
        await options.onDocuments?.(documents);
        documents = [];
      }
    }
    if (documents.length) await options.onDocuments?.(documents);
    if (state.documents !== header.counts.documents) {
      reject({ code: 'count-mismatch', field: 'documents', found: String(state.documents), expected: String(header.counts.documents), detail: `${state.documents} documents, the header says ${header.counts.documents}` });
    }
    expectLine(await next(), EVENTS_OPEN, state.lastLine);
    let events: EventRecord[] = [];
    let lastSequence = 0;
    for await (const { record: event, line } of records('events', eventRecordSchema)) {
      const index = state.events - 1;
      if (event.sequence <= lastSequence) {
        reject({ code: 'duplicate-id', line: line.number, record: `events[${index}]`, sequence: event.sequence, field: 'sequence', found: String(event.sequence), expected: eventLines.get(event.sequence)?.line.toString(), detail: `event sequence ${event.sequence} appears twice or out of order` });
      }
      lastSequence = event.sequence;
      eventLines.set(event.sequence, { line: line.number, index });
      events.push(event);
      if (events.length >= batchSize) {
        await options.onEvents?.(events);
        yield events;
        events = [];
        eventLines.clear();
        eventLines.set(lastSequence, { line: line.number, index });
      }
    }
    if (events.length) {
      await options.onEvents?.(events);
      yield events;
    }
    for (let line = await next(); line; line = await next()) {
      if (line.text.trim()) reject({ code: 'wrong-format', line: line.number, expected: '(end of file)', found: snippet(line.text, 40), detail: `text after the end of the backup at line ${line.number}` });
    }
  }

  /** The records of a section up to its closing line, each checked against its schema. */
  async function* records<T>(section: Section, schema: z.ZodType<T>): AsyncGenerator<{ record: T; line: Line }> {
    const close = section === 'documents' ? DOCUMENTS_CLOSE : EVENTS_CLOSE;
    let more: boolean | undefined; // undefined: right after the opening line, a record or the close may follow
    for (;;) {
      const line = await next();
      if (!line) return reject({ code: 'truncated', line: state.lastLine, detail: `the file ends at line ${state.lastLine}, inside "${section}"` });
      if (line.text.trim() === close && more !== true) return;
      if (more === false || !line.text.trimStart().startsWith('{')) {
        if (!line.terminated) reject({ code: 'truncated', line: line.number, detail: `the file ends inside line ${line.number}` });
        reject({ code: 'wrong-format', line: line.number, expected: more === false ? close : 'a record', found: snippet(line.text, 40), detail: `line ${line.number}: expected ${more === false ? close : `a record of "${section}"`}` });
      }
      const split = recordText(line);
      more = split.more;
      const index = section === 'documents' ? state.documents++ : state.events++;
      yield { record: parseRecord(section, index, line, split.text, schema), line };
    }
  }

  try {
    // The head the header names is checked after the walk: a tail cut off (and the counts edited to match) shows there.
    const chain = await verifyChain(eventBatches(), { onVerified: (event) => audit.add(event) });
    const header = state.header!;
    if (chain.state === 'broken') {
      const at = eventLines.get(chain.firstBreak.sequence);
      const { kind, sequence, expected, found } = chain.firstBreak;
      const error: BackupError = { code: 'chain-broken', breakKind: kind, sequence, expected, found, detail: `the chain breaks at event ${sequence}: ${kind}` };
      return { ok: false, error: at ? { ...error, line: at.line, record: `events[${at.index}]` } : error };
    }
    if (state.events !== header.counts.events) {
      return { ok: false, error: { code: 'count-mismatch', field: 'events', found: String(state.events), expected: String(header.counts.events), detail: `${state.events} events, the header says ${header.counts.events}` } };
    }
    const head = chain.state === 'intact' && state.events ? chain.head : EMPTY_HEAD;
    if (head.sequence !== header.head.sequence || head.hash !== header.head.hash) {
      return { ok: false, error: { code: 'chain-broken', breakKind: 'head-mismatch', line: 1, record: 'header', field: 'head', sequence: header.head.sequence, expected: head.hash, found: header.head.hash, detail: "the header's head is not the chain's last event" } };
    }
    const report = await audit.report(compared);
    const first = report.contradictions[0];
    if (first) {
      const index = compared.findIndex((d) => d.id === first.docId);
      const error: BackupError = {
        code: 'record-contradicts-log',
        ...(index >= 0 && { record: `documents[${index}]` }),
        id: first.docId,
        field: first.field,
        found: JSON.stringify(first.record),
        expected: JSON.stringify(first.log),
        contradictions: report.contradictions,
        detail: `${report.contradictionCount} document field(s) disagree with the backup's own log; first: ${first.docId} ${first.field} ${JSON.stringify(first.record)} where the log gives ${JSON.stringify(first.log)}`,
      };
      return { ok: false, error };
    }
    return { ok: true, header, ...headerExtras(header), documents: state.documents, events: state.events, head };
  } catch (error) {
    if (error instanceof BackupRejected) return { ok: false, error: error.error };
    throw error;
  } finally {
    await lines.return(undefined);
  }
}
