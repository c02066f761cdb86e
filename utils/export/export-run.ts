/**
 * One export, start to end: streams the chosen format to `write` in chunks with progress, then logs
 * it as an `exported` event (an export that failed or was cancelled is not logged as done).
 */
import { DB_VERSION } from '../register/db-schema';
import type { DocumentRecord, EventRecord } from '../documents/document-schema';
import { EMPTY_HEAD, formatHead, type ChainHead } from '../register/hash-chain';
import type { Language } from '../i18n';
import { DOCUMENT_COUNT, readHead, readTransaction, serialisedWrite, type RegisterDB } from '../register/register-db';
import { logRegisterEvent } from '../register/register-store';
import { readImportedCalendar, readSettings, workingCalendar } from '../register/settings-store';
import type { SiteProfile } from '../site-profiles/profile-schema';
import { backupChunks } from './backup-format';
import { EVENT_COLUMNS, exportContext, formatDateTime, REGISTER_COLUMNS, type CellValue, type EventRow, type ExportColumn, type ExportContext } from './columns';
import { csvChunks } from './csv';
import { hasFilter, type RegisterFilter } from '../register/register-query';
import { documentBatches, eventRowBatches, eventsUpTo } from './export-source';
import { createXlsxWriter, sheetColumns } from './xlsx';

export const EXPORT_KINDS = ['register-csv', 'events-csv', 'xlsx', 'backup'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  kind: ExportKind;
  /** Ignored for a backup, which is always the whole register. */
  filter?: RegisterFilter;
  /** Ignored for a backup, which must restore exactly. */
  maskClassified: boolean;
  language: Language;
  now: Date;
  /** The clerk's own site profiles, carried in a backup. */
  profiles?: SiteProfile[];
}

export interface ExportResult {
  fileName: string;
  mimeType: string;
  documents: number;
  events: number;
  bytes: number;
  /** The `exported` event this export was logged as. */
  logged: EventRecord;
}

export type ExportWrite = (chunk: Uint8Array) => void | Promise<void>;
export type ExportProgress = (done: number, total: number) => void;

const MIME: Record<ExportKind, string> = {
  'register-csv': 'text/csv;charset=utf-8',
  'events-csv': 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  backup: 'application/json',
};

export const SHEET_NAMES: Record<Language, [string, string]> = { 'zh-CN': ['登记簿', '处理记录'], en: ['Register', 'Log'] };
/** The workbook's third sheet: the chain head when it was written. */
export const HEAD_SHEET: Record<Language, { name: string; item: string; value: string; line: string; sequence: string; time: string; hash: string }> = {
  'zh-CN': { name: '链头', item: '项目', value: '内容', line: '链头', sequence: '序号', time: '时间', hash: '哈希' },
  en: { name: 'Head', item: 'Item', value: 'Value', line: 'Head', sequence: 'Sequence', time: 'Time', hash: 'Hash' },
};
const HEAD_LABEL: Record<Language, string> = { 'zh-CN': '文迹处理记录链头', en: 'DocTrail log head' };

/**
 * The head as every export writes it (CSV first line, the workbook's 链头 sheet): `文迹处理记录链头 #1234 · 2026-11-30
 * 09:00 · 3f9a1c2b4d5e6f70…`. Pasted into 校验 as it is, it is read back (hash-chain.ts parseKeptHeads).
 */
export function headLine(head: ChainHead, headTime: number | undefined, language: Language): string {
  return `${HEAD_LABEL[language]} ${formatHead(head, headTime)}`;
}

export function exportFileName(kind: ExportKind, language: Language, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  const zh = { 'register-csv': '文迹-收文登记簿', 'events-csv': '文迹-处理记录', xlsx: '文迹-台账', backup: '文迹备份' }[kind];
  const en = { 'register-csv': 'doctrail-register', 'events-csv': 'doctrail-log', xlsx: 'doctrail-register', backup: 'doctrail-backup' }[kind];
  const ext = kind === 'xlsx' ? 'xlsx' : kind === 'backup' ? 'json' : 'csv';
  return `${language === 'zh-CN' ? zh : en}-${stamp}.${ext}`;
}

async function snapshot(db: RegisterDB): Promise<{ head: ChainHead; headTime?: number; documents: number }> {
  const tx = readTransaction(db);
  const [head, counted] = await Promise.all([readHead(tx), tx.objectStore('counters').get(DOCUMENT_COUNT)]);
  const headTime = head.sequence ? (await tx.objectStore('events').get(head.sequence))?.timestamp : undefined;
  return { head, ...(headTime !== undefined && { headTime }), documents: counted ?? (await db.count('documents')) };
}

export async function runExport(db: RegisterDB, request: ExportRequest, write: ExportWrite, onProgress?: ExportProgress): Promise<ExportResult> {
  const encoder = new TextEncoder();
  let bytes = 0;
  const emit = async (chunk: Uint8Array | string) => {
    const data = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    bytes += data.byteLength;
    await write(data);
  };
  const counted = { documents: 0, events: 0 };
  let head: ChainHead = EMPTY_HEAD;

  if (request.kind === 'backup') {
    // In the write queue: nothing is appended or changed while the backup is read, so its header,
    // records and chain describe one and the same register.
    await serialisedWrite(db, async () => {
      head = await readHead(readTransaction(db));
      const [documents, settings, calendar, headEvent] = await Promise.all([
        db.count('documents'),
        readSettings(db),
        readImportedCalendar(db),
        head.sequence ? db.get('events', head.sequence) : undefined,
      ]);
      const total = documents + head.sequence;
      let done = 0;
      const meta = {
        exportedAt: request.now.toISOString(),
        schemaVersion: DB_VERSION,
        counts: { documents, events: head.sequence },
        head,
        ...(headEvent && { headAt: new Date(headEvent.timestamp).toISOString() }),
        settings,
        calendar: calendar ?? null,
        profiles: request.profiles ?? [],
      };
      const tally = async function* <T>(batches: AsyncIterable<T[]>): AsyncGenerator<T[]> {
        for await (const batch of batches) {
          done += batch.length;
          onProgress?.(done, total);
          yield batch;
        }
      };
      for await (const chunk of backupChunks(meta, tally(documentBatches(db)), tally(eventsUpTo(db, head.sequence)))) await emit(chunk);
      Object.assign(counted, meta.counts);
    });
  } else {
    const { isForecast } = await workingCalendar(db);
    const context = exportContext(request.language, request.maskClassified, isForecast);
    const at = await snapshot(db);
    head = at.head;
    const withDocuments = request.kind !== 'events-csv';
    const withEvents = request.kind !== 'register-csv';
    const total = (withDocuments ? at.documents : 0) + (withEvents ? head.sequence : 0);
    let scannedDocuments = 0;
    const source = { filter: request.filter, now: request.now };
    const documents = documentBatches(db, { ...source, onScanned: (n) => onProgress?.((scannedDocuments = n), total) });
    const events = eventRowBatches(db, head.sequence, { ...source, onScanned: (n) => onProgress?.(scannedDocuments + n, total) });
    const title = headLine(head, at.headTime, request.language);
    if (request.kind === 'xlsx') await writeXlsx(context, documents, events, emit, counted, { head, headTime: at.headTime });
    else if (request.kind === 'register-csv') {
      for await (const chunk of csvChunks(REGISTER_COLUMNS, count(documents, counted, 'documents'), context, { title })) await emit(chunk);
    } else {
      for await (const chunk of csvChunks(EVENT_COLUMNS, count(events, counted, 'events'), context, { title })) await emit(chunk);
    }
  }

  const details: Record<string, unknown> = {
    format: request.kind,
    documents: counted.documents,
    events: counted.events,
    head: { sequence: head.sequence, hash: head.hash },
  };
  if (request.kind !== 'backup') {
    details.masked = request.maskClassified;
    if (hasFilter(request.filter)) details.filter = request.filter;
  }
  const logged = await logRegisterEvent(db, 'exported', details, request.now);
  return { fileName: exportFileName(request.kind, request.language, request.now), mimeType: MIME[request.kind], ...counted, bytes, logged };
}

async function* count<T>(batches: AsyncIterable<T[]>, counted: { documents: number; events: number }, key: 'documents' | 'events'): AsyncGenerator<T[]> {
  for await (const batch of batches) {
    counted[key] += batch.length;
    yield batch;
  }
}

function rowsOf<T>(columns: readonly ExportColumn<T>[], batch: readonly T[], context: ExportContext): CellValue[][] {
  return batch.map((row) => columns.map((column) => column.value(row, context)));
}

async function writeXlsx(
  context: ExportContext,
  documents: AsyncIterable<DocumentRecord[]>,
  events: AsyncIterable<EventRow[]>,
  emit: (chunk: Uint8Array) => Promise<void>,
  counted: { documents: number; events: number },
  at: { head: ChainHead; headTime?: number },
): Promise<void> {
  const [registerName, logName] = SHEET_NAMES[context.language];
  const headSheet = HEAD_SHEET[context.language];
  let pending: Uint8Array[] = [];
  const flush = async () => {
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) await emit(chunk);
  };
  const xlsx = createXlsxWriter(
    [
      { name: registerName, columns: sheetColumns(REGISTER_COLUMNS, context.language) },
      { name: logName, columns: sheetColumns(EVENT_COLUMNS, context.language) },
      { name: headSheet.name, columns: [{ header: headSheet.item, kind: 'text', width: 10 }, { header: headSheet.value, kind: 'text', width: 80 }] },
    ],
    (chunk) => pending.push(chunk),
  );
  xlsx.startSheet(registerName);
  for await (const batch of count(documents, counted, 'documents')) {
    xlsx.addRows(rowsOf(REGISTER_COLUMNS, batch, context));
    await flush();
  }
  xlsx.endSheet();
  xlsx.startSheet(logName);
  for await (const batch of count(events, counted, 'events')) {
    xlsx.addRows(rowsOf(EVENT_COLUMNS, batch, context));
    await flush();
  }
  xlsx.endSheet();
  xlsx.startSheet(headSheet.name);
  xlsx.addRows([
    [headSheet.line, headLine(at.head, at.headTime, context.language)],
    [headSheet.sequence, String(at.head.sequence)],
    [headSheet.time, at.headTime === undefined ? '' : formatDateTime(at.headTime)],
    [headSheet.hash, at.head.hash],
  ]);
  xlsx.endSheet();
  xlsx.finish();
  await flush();
}
