import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { exportContext, REGISTER_COLUMNS } from '@/utils/export/columns';
import { runExport } from '@/utils/export/export-run';
import { parseKeptHeads } from '@/utils/register/hash-chain';
import { columnName, createXlsxWriter, dateSerial, dateTimeSerial, sheetColumns, xmlText } from '@/utils/export/xlsx';
import type { RegisterDB } from '@/utils/register/register-db';
import { allEvents, at, collect, fillRegister, freshRegister, HOSTILE_TITLE, MULTILINE_TITLE, QUOTED_TITLE } from '../fixtures/backups/sample-register';

let db: RegisterDB | undefined;
afterEach(() => db?.close());

const NOW = at(120);
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** read-excel-file turns a serial into a UTC instant: the cell's wall-clock time, as the clerk saw it. */
const wallClock = (ms: number) => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
};

async function workbook(reg: RegisterDB, maskClassified = true): Promise<Uint8Array> {
  return collect((write) => runExport(reg, { kind: 'xlsx', maskClassified, language: 'zh-CN', now: NOW }, write));
}

describe('the register and the log as an XLSX workbook', () => {
  it('reads back, through an XLSX reader, as two sheets holding the data, with dates as dates', async () => {
    db = await freshRegister('xlsx');
    const docs = await fillRegister(db);
    const events = await allEvents(db);
    const sheets = await readXlsxFile(Buffer.from(await workbook(db)));
    expect(sheets.map((s) => s.sheet)).toEqual(['登记簿', '处理记录', '链头']);
    // The third sheet: the chain head when the workbook was written, its first row as 校验 reads it back.
    const headRows = sheets[2]!.data.slice(1);
    expect(headRows.map((r) => r[0])).toEqual(['链头', '序号', '时间', '哈希']);
    const [kept] = parseKeptHeads(String(headRows[0]![1])).heads;
    expect(kept).toEqual({ sequence: Number(headRows[1]![1]), hash: String(headRows[3]![1]).slice(0, 16) });

    const [header, ...rows] = sheets[0]!.data;
    expect(header).toEqual(['收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '份数', '份号', '紧急程度', '办理期限', '期限说明', '当前去向', '状态', '办结日期']);
    expect(rows).toHaveLength(docs.length);
    expect(rows[0]).toEqual(['收〔2026〕0001号', utcDate('2026-11-18'), '省应急管理厅', '省应急〔2026〕45号', QUOTED_TITLE, '非密', 3, null, '加急', utcDate('2026-11-28'), null, '李四', '传阅中', null]);
    // 办结日期: a date cell for the document that was 办结 (then 清退), none for an open one.
    expect(rows[1]![13]).toEqual(utcDate('2026-11-18'));
    expect(rows[1]![12]).toBe('清退');
    expect(rows[1]![4]).toBe(MULTILINE_TITLE);
    // Inline strings are never formulas: the hostile title is kept exactly as text.
    expect(rows[2]![4]).toBe(HOSTILE_TITLE);
    expect(rows[2]![2]).toBe('-某某科技有限公司');
    expect(rows[3]!.slice(4, 7)).toEqual(['（涉密标题已隐去）', '机密★10年', 1]);
    expect(rows[4]![4]).toBe('（涉密标题已隐去）');

    const [logHeader, ...log] = sheets[1]!.data;
    expect(logHeader).toEqual(['序号', '时间', '收文编号', '文号', '标题', '事项', '对象', '事由', '批准人', '监销人', '哈希']);
    expect(log).toHaveLength(events.length);
    expect(log.map((row) => row[0])).toEqual(events.map((e) => e.sequence));
    // A serial day is a double: read back, it is exact to the second the sheet shows (hh:mm:ss).
    const toSecond = (value: unknown) => new Date(Math.round((value as Date).getTime() / 1000) * 1000);
    expect(log.map((row) => toSecond(row[1]))).toEqual(events.map((e) => wallClock(e.timestamp)));
    expect(log.map((row) => row[10])).toEqual(events.map((e) => e.hash));
    expect(log[0]![1]).toBeInstanceOf(Date);
    const destroyed = log.find((row) => row[5] === '销毁')!;
    expect(destroyed.slice(7, 10)).toEqual(['@重复来文', '赵主任', '钱科长']);
  });

  it('is a valid package: content types, a bold frozen header, date styles and sized columns', async () => {
    db = await freshRegister('xlsx');
    await fillRegister(db);
    const files = unzipSync(await workbook(db));
    expect(Object.keys(files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    const styles = strFromU8(files['xl/styles.xml']!);
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(styles).toContain('formatCode="yyyy-mm-dd hh:mm:ss"');
    expect(styles).toContain('<b/>');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(14);
    expect(widths[4]).toBeGreaterThanOrEqual(50); // 标题
    expect(widths[6]).toBeLessThan(10); // 份数
    expect(sheet).toContain('<c r="B2" s="1"><v>46344</v></c>'); // 2026-11-18 as a serial date
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="处理记录" sheetId="2" r:id="rId2"/>');
  });

  it('keeps text XML cannot carry: control characters and literal _xHHHH_ survive the round trip', async () => {
    const chunks: Uint8Array[] = [];
    const columns = sheetColumns(REGISTER_COLUMNS.slice(0, 1), 'zh-CN');
    const xlsx = createXlsxWriter([{ name: '登记簿', columns }], (chunk) => chunks.push(chunk));
    xlsx.startSheet('登记簿');
    xlsx.addRows([['甲\u000b乙'], ['_x0041_ <b>&</b>'], ['😀 𠀀']]);
    xlsx.endSheet();
    xlsx.finish();
    const buffer = Buffer.concat(chunks);
    const [sheet] = await readXlsxFile(buffer);
    expect(sheet!.data.slice(1)).toEqual([['甲\u000b乙'], ['_x0041_ <b>&</b>'], ['😀 𠀀']]);
  });

  it('streams: sheet data leaves the writer batch by batch, before the workbook is finished', () => {
    const chunks: Uint8Array[] = [];
    const columns = sheetColumns(REGISTER_COLUMNS, 'zh-CN');
    const xlsx = createXlsxWriter([{ name: '登记簿', columns }], (chunk) => chunks.push(chunk));
    xlsx.startSheet('登记簿');
    const context = exportContext('zh-CN', false);
    let before = chunks.length;
    for (let batch = 0; batch < 5; batch++) {
      const rows = Array.from({ length: 2000 }, (_, i) => {
        const n = batch * 2000 + i + 1;
        const doc = { id: `d${n}`, registrationNo: `收〔2026〕${String(n).padStart(5, '0')}号`, title: `关于第${n}号事项的通知（随机${(n * 7919) % 10007}）`, status: 'registered' as const, sourceUrl: 'http://x/', createdAt: n, updatedAt: n, receivedDate: '2026-11-18' };
        return REGISTER_COLUMNS.map((c) => c.value(doc, context));
      });
      xlsx.addRows(rows);
      expect(chunks.length).toBeGreaterThan(before);
      before = chunks.length;
    }
    xlsx.endSheet();
    xlsx.finish();
  });

  it('refuses what Excel would refuse: an invalid sheet name, sheets out of order', () => {
    expect(() => createXlsxWriter([{ name: '登记簿/2026', columns: [] }], () => undefined)).toThrow(/sheet name/);
    const xlsx = createXlsxWriter([{ name: 'A', columns: [] }, { name: 'B', columns: [] }], () => undefined);
    expect(() => xlsx.startSheet('B')).toThrow(/next sheet is "A"/);
  });
});

describe('cell helpers', () => {
  it('names columns A…Z, AA…', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('converts dates to Excel serial days from 1899-12-30, timestamps in local time', () => {
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('2026-11-18')).toBe(46344);
    expect(dateSerial('18/11/2026')).toBeUndefined();
    const ms = new Date(2026, 10, 18, 12, 0).getTime();
    expect(dateTimeSerial(ms)).toBe(46344.5);
  });

  it('escapes XML and writes illegal characters as _xHHHH_', () => {
    expect(xmlText('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    expect(xmlText('a\u0001b')).toBe('a_x0001_b');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
  });
});
