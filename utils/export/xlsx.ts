/**
 * A small streaming XLSX (Office Open XML) writer over fflate's streaming zip: the workbook's parts
 * are written first, then each sheet's XML batch by batch, so a sheet of a million rows is never
 * held whole. Strings are inline (no shared-string table to keep in memory), dates are serial
 * numbers with a date style, the header row is bold and frozen, column widths follow the columns.
 * Inline strings are never formulas, so cells need no formula neutralising here (CSV does).
 */
import { Zip, ZipDeflate } from 'fflate';
import { displayWidth, headersOf, type CellKind, type CellValue, type ExportColumn } from './columns';
import type { Language } from '../i18n';

export interface SheetColumn {
  header: string;
  kind: CellKind;
  /** Width in character cells (a CJK character counts two). */
  width: number;
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
}

export type SheetRow = readonly CellValue[];

export interface XlsxWriter {
  /** Starts the next declared sheet (sheets are written in the order given), with its header row. */
  startSheet(name: string): void;
  addRows(rows: readonly SheetRow[]): void;
  endSheet(): void;
  /** Ends the workbook: the last chunk is passed with `final` true. */
  finish(): void;
}

export function sheetColumns<T>(columns: readonly ExportColumn<T>[], language: Language): SheetColumn[] {
  const headers = headersOf(columns, language);
  return columns.map((column, i) => ({ header: headers[i]!, kind: column.kind, width: column.width }));
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLE = { text: 0, date: 1, datetime: 2, header: 3 } as const;
const MAX_CELL_CHARS = 32_767;
/** Excel's row limit, the header row included. */
export const MAX_ROWS = 1_048_576;

/** Characters XML 1.0 cannot carry, written as OOXML's `_xHHHH_` escapes (ECMA-376 §22.9.2.19). */
const ILLEGAL_XML = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlText(text: string): string {
  return text
    .slice(0, MAX_CELL_CHARS)
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(ILLEGAL_XML, (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included), as days since the Unix epoch. */
const EXCEL_EPOCH_DAYS = 25_569;

/** A yyyy-mm-dd date as an Excel serial day, or undefined when it is not one (2025-02-30 is not: it stays text, never 2 March). */
export function dateSerial(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (Number.isNaN(ms) || back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / DAY_MS + EXCEL_EPOCH_DAYS;
}

/** Epoch milliseconds as an Excel serial date-time in the clerk's local time (what they saw when it happened). */
export function dateTimeSerial(ms: number): number {
  const local = ms - new Date(ms).getTimezoneOffset() * 60_000;
  return local / DAY_MS + EXCEL_EPOCH_DAYS;
}

function cellXml(ref: string, value: CellValue, kind: CellKind): string {
  if (value === undefined || value === '') return '';
  if (kind === 'date' && typeof value === 'string') {
    const serial = dateSerial(value);
    if (serial !== undefined) return `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
  }
  if (kind === 'datetime' && typeof value === 'number') return `<c r="${ref}" s="${STYLE.datetime}"><v>${dateTimeSerial(value)}</v></c>`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

function headerXml(columns: readonly SheetColumn[]): string {
  const cells = columns.map((c, i) => `<c r="${columnName(i)}1" s="${STYLE.header}" t="inlineStr"><is><t>${xmlText(c.header)}</t></is></c>`);
  return `<row r="1">${cells.join('')}</row>`;
}

function sheetStart(columns: readonly SheetColumn[], selected: boolean): string {
  const cols = columns.map((c, i) => {
    const width = Math.max(c.width, displayWidth(c.header) + 2) + 0.7;
    return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
  });
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols.join('')}</cols><sheetData>${headerXml(columns)}`
  );
}

const SHEET_END = '</sheetData></worksheet>';

function contentTypes(count: number): string {
  const sheets = Array.from(
    { length: count },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheets.join('')}</Types>`
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbook(names: readonly string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets.join('')}</sheets></workbook>`;
}

function workbookRels(count: number): string {
  const rels = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${count + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

const FONT = '<sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/>';
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  `<fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Excel refuses sheet names longer than 31 characters or holding any of : \ / ? * [ ]. */
function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new RangeError(`invalid sheet name "${name}"`);
}

export function createXlsxWriter(sheets: readonly SheetSpec[], onChunk: (bytes: Uint8Array, final: boolean) => void): XlsxWriter {
  if (!sheets.length) throw new RangeError('a workbook needs a sheet');
  sheets.forEach((sheet) => checkSheetName(sheet.name));
  const encoder = new TextEncoder();
  const zip = new Zip((error, data, final) => {
    if (error) throw error;
    onChunk(data, final);
  });
  const part = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(encoder.encode(text), true);
  };
  part('[Content_Types].xml', contentTypes(sheets.length));
  part('_rels/.rels', ROOT_RELS);
  part('xl/workbook.xml', workbook(sheets.map((s) => s.name)));
  part('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  part('xl/styles.xml', STYLES);

  let next = 0;
  let current: { file: ZipDeflate; spec: SheetSpec; row: number } | undefined;
  const open = () => {
    if (!current) throw new Error('no sheet started');
    return current;
  };
  return {
    startSheet(name) {
      if (current) throw new Error(`sheet "${current.spec.name}" is not ended`);
      const spec = sheets[next];
      if (!spec || spec.name !== name) throw new Error(`the next sheet is ${spec ? `"${spec.name}"` : 'none'}, not "${name}"`);
      const file = new ZipDeflate(`xl/worksheets/sheet${next + 1}.xml`, { level: 6 });
      zip.add(file);
      file.push(encoder.encode(sheetStart(spec.columns, next === 0)));
      current = { file, spec, row: 1 };
      next++;
    },
    addRows(rows) {
      const sheet = open();
      if (sheet.row + rows.length > MAX_ROWS) throw new RangeError(`a sheet holds at most ${MAX_ROWS} rows: export "${sheet.spec.name}" as CSV`);
      let xml = '';
      for (const row of rows) {
        const r = ++sheet.row;
        let cells = '';
        sheet.spec.columns.forEach((column, i) => (cells += cellXml(`${columnName(i)}${r}`, row[i], column.kind)));
        xml += `<row r="${r}">${cells}</row>`;
      }
      if (xml) sheet.file.push(encoder.encode(xml));
    },
    endSheet() {
      open().file.push(encoder.encode(SHEET_END), true);
      current = undefined;
    },
    finish() {
      if (current) throw new Error(`sheet "${current.spec.name}" is not ended`);
      if (next !== sheets.length) throw new Error(`sheet "${sheets[next]!.name}" was never written`);
      zip.end();
    },
  };
}
