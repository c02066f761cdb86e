/**
 * CSV that Excel and WPS open correctly with Chinese text: UTF-8 with a byte-order mark (without it
 * Excel on a Chinese Windows reads the bytes as GBK), RFC 4180 quoting and CRLF line ends.
 *
 * Formula injection: a cell whose text begins with `=`, `+`, `-`, `@`, TAB or CR would be run as a
 * formula by a spreadsheet (`=HYPERLINK(...)` in a title copied from a hostile page). Such a cell
 * gets a leading apostrophe, as OWASP's CSV-injection guidance recommends: Excel and WPS then show
 * the text as text (the apostrophe is visible in the cell, which is the honest trade-off — the
 * clerk sees exactly what was neutralised). Real numbers (份数, 序号) are written as numbers and
 * never prefixed.
 *
 * Text a spreadsheet would reinterpret — 收文编号 0123 (leading zero dropped), 份号 000012, a long digit string (shown as
 * 1.23E+17), text that looks like a date or a number — is written as the string formula `="0123"`, which Excel, WPS and
 * LibreOffice Calc evaluate to the text 0123 on opening. Only cells made of digits and number punctuation get this form,
 * so nothing the page wrote can become a formula through it. (A program that shows formulas without evaluating them
 * shows `="0123"`; the Excel workbook export keeps such cells as text without any of this.)
 */
import { formatDateTime, headersOf, type CellKind, type CellValue, type ExportColumn, type ExportContext } from './columns';

export const CSV_BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
/** = + - @ TAB CR: a cell starting with one of these is a formula to a spreadsheet. */
const FORMULA_STARTS = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/** One cell: text neutralised against formulas, then quoted when it holds a quote, comma, CR or LF. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_STARTS.has(value.charCodeAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Digits with number and date punctuation only: what Excel, WPS and Calc would turn into a number or a date. */
const REINTERPRETED = /^[\d\s.,:/%()+-]*\d[\d\s.,:/%()+eE-]*$/;

/** A text cell a spreadsheet would reinterpret, as a string formula that evaluates to the text; undefined otherwise. */
export function protectedTextCell(value: CellValue): string | undefined {
  if (typeof value !== 'string' || !REINTERPRETED.test(value)) return undefined;
  // The formula holds quotes, so the cell is always quoted (RFC 4180): "=""0123""".
  return `"=""${value}"""`;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i ? ',' : '') + csvCell(cells[i]);
  return `${line}\r\n`;
}

/** A column's value as CSV text: timestamps in local time, dates as written. */
export function csvValue(value: CellValue, kind: CellKind): string | number | undefined {
  if (kind === 'datetime' && typeof value === 'number') return formatDateTime(value);
  return value;
}

/**
 * The CSV text of a table, one chunk per batch of rows (the first chunk is the BOM and the header),
 * so a log of a million events is written without ever being held whole.
 */
export async function* csvChunks<T>(
  columns: readonly ExportColumn<T>[],
  batches: AsyncIterable<readonly T[]>,
  context: ExportContext,
  /** `title`: a line above the header row (the chain head when the file was written). */
  options: { bom?: boolean; title?: string } = {},
): AsyncGenerator<string> {
  yield `${options.bom === false ? '' : CSV_BOM}${options.title === undefined ? '' : csvRow([options.title])}${csvRow(headersOf(columns, context.language))}`;
  for await (const batch of batches) {
    let chunk = '';
    for (const row of batch) {
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const value = csvValue(column.value(row, context), column.kind);
        chunk += (i ? ',' : '') + ((column.kind === 'text' && protectedTextCell(value)) || csvCell(value));
      }
      chunk += '\r\n';
    }
    if (chunk) yield chunk;
  }
}
