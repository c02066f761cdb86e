/**
 * f13: what a clerk sees when the exported register is opened in a spreadsheet. The CSV is opened by LibreOffice Calc
 * (headless, with its CSV defaults: special numbers detected, formulas evaluated — as Excel and WPS open a CSV), the
 * XLSX is read back as it is.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '@/utils/documents/document-schema';
import { exportContext, REGISTER_COLUMNS } from '@/utils/export/columns';
import { csvChunks, protectedTextCell } from '@/utils/export/csv';
import { createXlsxWriter, sheetColumns } from '@/utils/export/xlsx';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
const f13 = JSON.parse(readFileSync('tests/fixtures/data/f13-export-register-zeros-copynumber.json', 'utf8')) as { documents: DocumentRecord[] };
const expected = JSON.parse(readFileSync('tests/fixtures/data/f13-export-register-zeros-copynumber.expected.json', 'utf8')) as {
  csvOpenedInSpreadsheet: Record<string, string>;
  xlsxOpenedInSpreadsheet: Record<string, string>;
};

const base = f13.documents[0]!;
// Variants of the same kind: other cells a spreadsheet would turn into numbers or dates, and a hostile title.
const documents: DocumentRecord[] = [
  base,
  { ...base, id: 'b', registrationNo: '2026-0451', copyNumber: '000001', docNumber: '12345678901234567890', title: '=HYPERLINK("http://x","点我")' },
  { ...base, id: 'c', registrationNo: '收〔2026〕0007号', copyNumber: '1/3', docNumber: '2026-11-27', title: '关于1.50元标准的通知' },
];

const dir = mkdtempSync(join(tmpdir(), 'doctrail-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function registerCsv(): Promise<string> {
  let text = '';
  async function* oneBatch() {
    yield documents;
  }
  for await (const chunk of csvChunks(REGISTER_COLUMNS, oneBatch(), exportContext('zh-CN', false))) text += chunk;
  return text;
}

function registerXlsx(): Buffer {
  const chunks: Uint8Array[] = [];
  const columns = sheetColumns(REGISTER_COLUMNS, 'zh-CN');
  const xlsx = createXlsxWriter([{ name: '登记簿', columns }], (chunk) => chunks.push(chunk));
  xlsx.startSheet('登记簿');
  const context = exportContext('zh-CN', false);
  xlsx.addRows(documents.map((d) => REGISTER_COLUMNS.map((c) => c.value(d, context))));
  xlsx.endSheet();
  xlsx.finish();
  return Buffer.concat(chunks);
}

/** The sheet as rows of cells, keyed by the header. */
async function rowsOf(file: string | Buffer): Promise<Record<string, unknown>[]> {
  const [sheet] = await readXlsxFile(file);
  const [header, ...rows] = sheet!.data;
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [String(name), row[i]])));
}

describe('the register opened in a spreadsheet (f13)', () => {
  it('protects only cells made of digits and number punctuation', () => {
    // RFC 4180 quoting of the formula ="0123"
    expect(protectedTextCell('0123')).toBe('"=""0123"""');
    expect(protectedTextCell('1,234')).toBe('"=""1,234"""');
    expect(protectedTextCell('收〔2026〕0123号')).toBeUndefined();
    expect(protectedTextCell('=1+1')).toBeUndefined();
    expect(protectedTextCell('-1")+cmd|\' /C calc\'!A0')).toBeUndefined();
  });

  it('CSV opened by LibreOffice Calc keeps 0123, 000012 and long digit strings as the clerk wrote them', async () => {
    expect(SOFFICE, 'LibreOffice is needed for this test: apt-get install libreoffice-calc-nogui').toBeDefined();
    const csv = join(dir, 'register.csv');
    writeFileSync(csv, await registerCsv());
    await run(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], { timeout: 110_000 });
    const rows = await rowsOf(join(dir, 'register.xlsx'));
    expect({ 收文编号: rows[0]!['收文编号'], 份号: rows[0]!['份号'] }).toEqual(expected.csvOpenedInSpreadsheet);
    expect(rows[1]).toMatchObject({ 收文编号: '2026-0451', 份号: '000001', 文号: '12345678901234567890' });
    expect(rows[2]).toMatchObject({ 份号: '1/3', 文号: '2026-11-27', 标题: '关于1.50元标准的通知' });
    // the hostile title stays text (neutralised with a visible apostrophe), never a link or a formula
    expect(rows[1]!['标题']).toBe(`'=HYPERLINK("http://x","点我")`);
  }, 120_000);

  it('XLSX keeps 收文编号 and 份号 as text', async () => {
    const rows = await rowsOf(registerXlsx());
    expect({ 收文编号: rows[0]!['收文编号'], 份号: rows[0]!['份号'] }).toEqual(expected.xlsxOpenedInSpreadsheet);
    expect(rows[1]).toMatchObject({ 收文编号: '2026-0451', 份号: '000001', 文号: '12345678901234567890', 标题: '=HYPERLINK("http://x","点我")' });
  });
});
