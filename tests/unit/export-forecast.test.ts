/**
 * Exports say when a 办理期限 is a forecast: a deadline counted in working days that lands past the official holiday
 * arrangement (chinese-days ends with 2026) was computed from the statutory holidays alone. The row carries the note
 * 按法定节日推算，未含调休 in its 期限说明 cell, in the CSV and in the Excel workbook; a date the sender wrote, or one
 * inside the official arrangement, carries none; once next year's arrangement is imported, the note goes.
 */
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDraft } from '@/utils/documents/document-schema';
import { runExport, type ExportRequest } from '@/utils/export/export-run';
import { parseHolidayNotice } from '@/utils/deadlines/holiday-notice';
import type { RegisterDB } from '@/utils/register/register-db';
import { registerDocument } from '@/utils/register/register-store';
import { importCalendar } from '@/utils/register/settings-store';
import { at, collect, freshRegister } from '../fixtures/backups/sample-register';

let db: RegisterDB | undefined;
afterEach(() => db?.close());

const url = (n: number) => `http://127.0.0.1:8080/doc-detail.html?id=${n}`;
const DRAFTS: DocumentDraft[] = [
  // 7 个工作日 from 2026-12-24: past the data, counted over 2027 元旦 as a statutory holiday
  { title: '关于做好岁末年初安全生产工作的通知', receivedDate: '2026-12-24', deadline: '2027-01-05', deadlineWorkingDays: 7, sourceUrl: url(1) },
  // 5 个工作日 inside the official 2026 arrangement
  { title: '关于报送2026年度工作总结的通知', receivedDate: '2026-11-20', deadline: '2026-11-27', deadlineWorkingDays: 5, sourceUrl: url(2) },
  // a date the sender wrote in 2027: not computed, not a forecast
  { title: '关于2027年春运工作的函', receivedDate: '2026-11-25', deadline: '2027-01-10', sourceUrl: url(3) },
];

async function filled(): Promise<RegisterDB> {
  const reg = await freshRegister('forecast');
  for (const [i, draft] of DRAFTS.entries()) await registerDocument(reg, draft, at(i));
  return reg;
}

const request = (overrides: Partial<ExportRequest>): ExportRequest => ({ kind: 'register-csv', maskClassified: false, language: 'zh-CN', now: at(60), ...overrides });

async function csvRows(reg: RegisterDB, overrides: Partial<ExportRequest> = {}): Promise<Record<string, string>[]> {
  const bytes = await collect((write) => runExport(reg, request(overrides), write));
  const text = new TextDecoder().decode(bytes);
  // The first line is the chain head (export-run.ts headLine); the header row follows it.
  const [head, ...rest] = text.split('\r\n');
  expect(head).toMatch(/链头|log head/);
  return Papa.parse<Record<string, string>>(rest.join('\r\n'), { header: true, skipEmptyLines: true }).data;
}

const byTitle = (rows: Record<string, string>[], key: string, title: string) => rows.find((row) => row[key] === title);

describe('exports mark the deadlines forecast past the official arrangement', () => {
  it('CSV: the 2027 working-day deadline says 按法定节日推算，未含调休; the others say nothing', async () => {
    db = await filled();
    const rows = await csvRows(db);
    expect(Object.keys(rows[0]!)).toContain('期限说明');
    expect(byTitle(rows, '标题', DRAFTS[0]!.title)).toMatchObject({ 办理期限: '2027-01-05', 期限说明: '按法定节日推算，未含调休' });
    expect(byTitle(rows, '标题', DRAFTS[1]!.title)).toMatchObject({ 办理期限: '2026-11-27', 期限说明: '' });
    expect(byTitle(rows, '标题', DRAFTS[2]!.title)).toMatchObject({ 办理期限: '2027-01-10', 期限说明: '' });
  });

  it('CSV in English says it in English', async () => {
    db = await filled();
    const rows = await csvRows(db, { language: 'en' });
    expect(byTitle(rows, 'Title', DRAFTS[0]!.title)?.['Deadline note']).toBe('Forecast from the statutory holidays; make-up working days not included');
  });

  it('Excel workbook: the same note in the row of the forecast deadline', async () => {
    db = await filled();
    const bytes = await collect((write) => runExport(db!, request({ kind: 'xlsx' }), write));
    const sheets = await readXlsxFile(Buffer.from(bytes));
    const rows = sheets[0]!.data as unknown as (string | number | Date | null)[][];
    const header = rows[0]!.map(String);
    const note = header.indexOf('期限说明');
    const title = header.indexOf('标题');
    expect(note).toBe(header.indexOf('办理期限') + 1);
    const noteOf = (t: string) => rows.find((row) => row[title] === t)?.[note] ?? null;
    expect(noteOf(DRAFTS[0]!.title)).toBe('按法定节日推算，未含调休');
    expect(noteOf(DRAFTS[1]!.title)).toBeNull();
    expect(noteOf(DRAFTS[2]!.title)).toBeNull();
  });

  it('once the 2027 arrangement is imported, no deadline is a forecast any more', async () => {
    db = await filled();
    const notice = parseHolidayNotice('国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）放假，与周末连休。');
    if (!notice.ok) throw new Error(notice.message);
    await importCalendar(db, notice.file);
    const rows = await csvRows(db);
    expect(rows.map((row) => row['期限说明'])).toEqual(['', '', '']);
  });
});
