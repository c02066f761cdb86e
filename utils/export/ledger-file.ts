/**
 * Reading a clerk's existing 收文登记簿 (issue 16, item 5): an `.xlsx` workbook or a `.csv` in UTF-8 or GBK, as a
 * table of text cells; finding its header row and mapping each column to a document field with the same label
 * vocabulary as page analysis (utils/page-analysis/vocabulary.ts). Runs in the dashboard; pure apart from decoding.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isIsoDate } from '../deadlines/working-days';
import { fieldForLabel, fieldForPair, type FieldKey } from '../page-analysis/vocabulary';
import { normaliseLabel } from '../page-analysis/normalise';
import type { ImportField, LedgerRow } from './ledger-rows';

export { IMPORT_FIELDS, type ImportField, type LedgerRow } from './ledger-rows';

/**
 * Labels of the one field a portal page never shows but a ledger has: how far the document got (办理状态). Everything
 * else is page analysis's vocabulary.
 */
const STATUS_LABELS = new Set(['状态', '办理状态', '处理状态', '办理情况', '办结情况', '文件状态', '公文状态']);
/** …and how the document came (来源: 纸质, 传真, 机要交通, 电子邮件, 门户). */
/** Labels of the day a document was 办结. */
const COMPLETED_LABELS = new Set(['办结日期', '办结时间', '办结日', '完成日期', '完成时间', '办毕日期', '办完日期', '实际办结日期', '实际完成日期']);
const SOURCE_LABELS = new Set(['来源', '文件来源', '公文来源', '来文方式', '收文方式', '来文渠道', '收文渠道', '来文途径', '收文途径', '来文形式', '收文来源']);

export type CsvEncoding = 'utf-8' | 'gbk';

/** UTF-8 when the bytes say so (a BOM) or decode as valid UTF-8; otherwise GBK (Excel and WPS on Chinese Windows). */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** The CSV's text in the given (or detected) encoding, without a BOM. GBK is read as GB18030, its superset. */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding = detectEncoding(bytes)): string {
  return new TextDecoder(encoding === 'gbk' ? 'gbk' : 'utf-8', { ignoreBOM: false }).decode(bytes).replace(/^\ufeff/, '');
}

/** RFC 4180 rows (quoted cells with commas and line breaks), empty lines skipped. */
export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return parsed.data.map((row) => row.map((cell) => String(cell ?? '')));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet cell as text; a date cell (read-excel-file gives the sheet's wall-clock day as a UTC instant) as YYYY-MM-DD. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  return String(value).trim();
}

/** A date cell (`t="d"`, an ISO 8601 text) whose day does not exist, as `2025-02-30` would be. */
const DATE_CELL = /<c\b([^>]*?)\st="d"([^>]*)>\s*<v>\s*([^<]*?)\s*<\/v>\s*<\/c>/g;

/**
 * The workbook with every date cell (`t="d"`) that names a day that does not exist turned into a text cell of that
 * text: read as a date, `2025-02-30` would roll over to 2 March (JavaScript's Date), and the preview would show a
 * plausible wrong date instead of the bad one. Unchanged (the same bytes) when there is none.
 */
function impossibleDatesAsText(data: ArrayBuffer): ArrayBuffer {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(data), { filter: (file) => file.name.startsWith('xl/worksheets/') });
  } catch {
    return data; // not a zip: read-excel-file says what is wrong
  }
  const changed: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const xml = strFromU8(bytes);
    if (!xml.includes('t="d"')) continue;
    const fixed = xml.replace(DATE_CELL, (cell, before: string, after: string, value: string) => {
      const day = value.slice(0, 10);
      if (isIsoDate(day)) return cell;
      const text = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return `<c${before} t="inlineStr"${after}><is><t>${text}</t></is></c>`;
    });
    if (fixed !== xml) changed[name] = strToU8(fixed);
  }
  if (!Object.keys(changed).length) return data;
  const zipped = zipSync({ ...unzipSync(new Uint8Array(data)), ...changed });
  return zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer;
}

/** The first sheet that holds anything, as text cells; a date cell naming a day that does not exist stays its text. */
export async function readXlsx(data: ArrayBuffer): Promise<string[][]> {
  const sheets = await readXlsxFile(impossibleDatesAsText(data));
  const sheet = sheets.find((s) => s.data.length > 0) ?? sheets[0];
  return (sheet?.data ?? []).map((row) => row.map(cellText));
}

export interface LedgerTable {
  kind: 'xlsx' | 'csv';
  /** For a CSV: the encoding it was read in. */
  encoding?: CsvEncoding;
  rows: string[][];
}

/** Reads the clerk's file by its name's extension; `encoding` overrides the detected one for a CSV. */
export async function readLedgerFile(name: string, data: ArrayBuffer, encoding?: CsvEncoding): Promise<LedgerTable> {
  if (/\.xlsx$/i.test(name)) return { kind: 'xlsx', rows: await readXlsx(data) };
  const bytes = new Uint8Array(data);
  const used = encoding ?? detectEncoding(bytes);
  return { kind: 'csv', encoding: used, rows: parseCsv(decodeCsv(bytes, used)) };
}

/** The field a header cell names, if any: page analysis's vocabulary, with a sample value deciding `编号`-like labels. */
export function fieldForHeader(header: string, sample = ''): ImportField | undefined {
  const text = header.trim();
  if (!text) return undefined;
  if (STATUS_LABELS.has(normaliseLabel(text))) return 'status';
  if (SOURCE_LABELS.has(normaliseLabel(text))) return 'source';
  if (COMPLETED_LABELS.has(normaliseLabel(text))) return 'completedOn';
  const field: FieldKey | undefined = fieldForLabel(text);
  if (!field) return undefined;
  return sample ? fieldForPair(text, field, sample) : field;
}

/** How many cells of a row name a field. */
function labelCount(row: readonly string[]): number {
  return row.filter((cell) => fieldForHeader(cell) !== undefined).length;
}

/**
 * The header row: the first of the first ten rows naming at least two fields (an old ledger often starts with a title
 * line such as `2025年收文登记簿`). -1 when there is none.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  let best = -1;
  let bestCount = 1;
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const count = labelCount(rows[i]!);
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  return best;
}

/** Each column's field (null: not imported). A field named by two columns is taken from the first. */
export type ColumnMapping = (ImportField | null)[];

export function mapHeader(header: readonly string[], dataRows: readonly (readonly string[])[] = []): ColumnMapping {
  const taken = new Set<ImportField>();
  return header.map((cell, column) => {
    const sample = dataRows.map((row) => row[column]?.trim() ?? '').find((value) => value !== '') ?? '';
    const field = fieldForHeader(cell, sample);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The data rows below the header, as field → text; rows with nothing in any mapped column are left out. */
export function mappedRows(rows: readonly (readonly string[])[], headerRow: number, mapping: ColumnMapping): LedgerRow[] {
  const out: LedgerRow[] = [];
  for (let i = headerRow + 1; i < rows.length; i++) {
    const cells: Partial<Record<ImportField, string>> = {};
    mapping.forEach((field, column) => {
      const value = rows[i]![column]?.trim();
      if (field && value) cells[field] = value;
    });
    if (Object.keys(cells).length) out.push({ row: i + 1, cells });
  }
  return out;
}
