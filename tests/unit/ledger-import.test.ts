import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeCsv, detectEncoding, findHeaderRow, mapHeader, mappedRows, parseCsv, readLedgerFile, type LedgerRow } from '@/utils/export/ledger-file';
import { checkLedger, checkRow, numberInRegistration, sourceOf, statusOf } from '@/utils/export/ledger-rows';
import { dryRunLedgerImport, importLedger } from '@/utils/export/ledger-import-store';
import { createXlsxWriter, sheetColumns } from '@/utils/export/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { defaultCalendar } from '@/utils/deadlines/working-days';
import { verifyRegister } from '@/utils/register/chain-store';
import { openRegister, type RegisterDB } from '@/utils/register/register-db';
import { eventsOf, registerDocument } from '@/utils/register/register-store';
import { readStatistics } from '@/utils/register/stats-store';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import { contentScript, extensionPage, testPortals } from '../support/senders';
import { draft } from '../support/drafts';
import { encodeGbk } from '../support/gbk';

const NOW = new Date(2026, 10, 23, 9, 0);
let counter = 0;
let db: RegisterDB | undefined;
afterEach(() => {
  db?.close();
  vi.restoreAllMocks();
});
const fresh = async () => (db = await openRegister(`doctrail-ledger-import-${++counter}`));
const options = () => ({ fileName: '2025收文登记簿.xlsx', now: NOW, calendar: defaultCalendar() });

const gbk = encodeGbk;

const row = (n: number, cells: LedgerRow['cells']): LedgerRow => ({ row: n, cells });
const good = (n: number, overrides: LedgerRow['cells'] = {}): LedgerRow =>
  row(n, {
    registrationNo: `收〔2025〕${String(n).padStart(4, '0')}号`,
    receivedDate: '2025-03-04',
    issuer: '市应急管理局',
    docNumber: `市应急发〔2025〕${n}号`,
    title: `关于做好第${n}批安全生产检查工作的通知`,
    classification: '非密',
    ...overrides,
  });

describe('encoding detection', () => {
  it('reads a BOM or valid UTF-8 as UTF-8, anything else as GBK', () => {
    const utf8 = new TextEncoder().encode('收文编号,来文单位\n1,市应急管理局\n');
    expect(detectEncoding(utf8)).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('utf-8');
    const bytes = gbk('收文编号,来文单位\n1,市应急管理局\n');
    expect(detectEncoding(bytes)).toBe('gbk');
    expect(decodeCsv(bytes)).toBe('收文编号,来文单位\n1,市应急管理局\n');
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('收文编号,来文单位\n1,市应急管理局\n');
  });

  it('decoding GBK as UTF-8 would garble it: the clerk can force an encoding', async () => {
    const bytes = gbk('标题\n通知\n');
    const forced = await readLedgerFile('a.csv', bytes.buffer as ArrayBuffer, 'utf-8');
    expect(forced.rows[0]![0]).not.toBe('标题');
    expect((await readLedgerFile('a.csv', bytes.buffer as ArrayBuffer)).rows).toEqual([['标题'], ['通知']]);
  });

  it('parses quoted cells with commas and line breaks', () => {
    expect(parseCsv('标题,文号\r\n"关于A,B的通知","市发〔2025〕1号"\r\n\r\n')).toEqual([
      ['标题', '文号'],
      ['关于A,B的通知', '市发〔2025〕1号'],
    ]);
  });
});

describe('header mapping', () => {
  it('maps ledger headers with page analysis’s vocabulary, finding the header under a title line', () => {
    const rows = [
      ['2025年收文登记簿', '', '', '', '', '', '', ''],
      ['序号', '收文编号', '收到日期', '来文机关', '发文字号', '文件标题', '密级', '办理状态'],
      ['1', '收〔2025〕0001号', '2025-01-03', '市应急管理局', '市应急发〔2025〕1号', '关于……的通知', '秘密★5年', '已办结'],
    ];
    const header = findHeaderRow(rows);
    expect(header).toBe(1);
    expect(mapHeader(rows[1]!, rows.slice(2))).toEqual([null, 'registrationNo', 'receivedDate', 'issuer', 'docNumber', 'title', 'classification', 'status']);
  });

  it('decides 编号 by its values (a 文号 or the ledger’s own number), and takes a field from its first column only', () => {
    expect(mapHeader(['编号', '标题'], [['市政办〔2025〕3号', 'x']])).toEqual(['docNumber', 'title']);
    expect(mapHeader(['编号', '标题'], [['SW-2025-0003', 'x']])).toEqual(['registrationNo', 'title']);
    expect(mapHeader(['标题', '文件标题', '备注'])).toEqual(['title', null, null]);
  });

  it('reads the mapped cells of each data row, skipping empty rows, with the spreadsheet’s row numbers', () => {
    const rows = [['标题', '备注'], ['甲', 'x'], ['', 'y'], ['乙', '']];
    expect(mappedRows(rows, 0, ['title', null])).toEqual([row(2, { title: '甲' }), row(4, { title: '乙' })]);
  });

  it('reads an .xlsx workbook, dates as dates', async () => {
    const columns = sheetColumns(
      [
        { id: 'a', header: { 'zh-CN': '收文日期', en: 'x' }, kind: 'date', width: 12, value: (r: { d: string }) => r.d },
        { id: 'b', header: { 'zh-CN': '标题', en: 'y' }, kind: 'text', width: 20, value: () => '关于开展防汛检查的通知' },
      ],
      'zh-CN',
    );
    const parts: Uint8Array[] = [];
    const writer = createXlsxWriter([{ name: '登记簿', columns }], (chunk) => parts.push(chunk));
    writer.startSheet('登记簿');
    writer.addRows([['2025-12-31', '关于开展防汛检查的通知']]);
    writer.endSheet();
    writer.finish();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) bytes.set(part, (at += part.length) - part.length);
    const table = await readLedgerFile('old.xlsx', bytes.buffer);
    expect(table.kind).toBe('xlsx');
    expect(table.rows).toEqual([['收文日期', '标题'], ['2025-12-31', '关于开展防汛检查的通知']]);
  });
});

describe('impossible dates in an .xlsx ledger', () => {
  /** A one-column workbook of 收文日期 written by DocTrail's own XLSX writer (dates as date cells). */
  function workbook(dates: string[]): Uint8Array {
    const columns = sheetColumns([{ id: 'a', header: { 'zh-CN': '收文日期', en: 'x' }, kind: 'date', width: 12, value: (r: { d: string }) => r.d }], 'zh-CN');
    const parts: Uint8Array[] = [];
    const writer = createXlsxWriter([{ name: '登记簿', columns }], (chunk) => parts.push(chunk));
    writer.startSheet('登记簿');
    writer.addRows(dates.map((d) => [d]));
    writer.endSheet();
    writer.finish();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) bytes.set(part, (at += part.length) - part.length);
    return bytes;
  }

  it('a 2025-02-30 written to a date column stays 2025-02-30, never 2 March, and the preview calls it a bad date', async () => {
    const table = await readLedgerFile('old.xlsx', workbook(['2025-02-30', '2025-03-04']).buffer as ArrayBuffer);
    expect(table.rows).toEqual([['收文日期'], ['2025-02-30'], ['2025-03-04']]);
    expect(checkRow(good(2, { receivedDate: table.rows[1]![0] })).problems).toEqual([{ code: 'bad-date', field: 'receivedDate', value: '2025-02-30' }]);
  });

  it('a date cell holding ISO text (t="d") of a day that does not exist is read as its text, like the CSV path', async () => {
    const files = unzipSync(workbook(['2025-01-01', '2025-01-02']));
    const name = Object.keys(files).find((n) => n.startsWith('xl/worksheets/'))!;
    let xml = strFromU8(files[name]!);
    // two date cells as another spreadsheet program may write them: an impossible day and a real one
    let n = 0;
    xml = xml.replace(/<c r="(A[23])"[^>]*><v>[^<]*<\/v><\/c>/g, (_m, ref: string) => `<c r="${ref}" t="d"><v>${n++ ? '2025-03-04T00:00:00Z' : '2025-02-30'}</v></c>`);
    expect(n).toBe(2);
    const bytes = zipSync({ ...files, [name]: strToU8(xml) });
    const table = await readLedgerFile('old.xlsx', bytes.buffer as ArrayBuffer);
    expect(table.rows).toEqual([['收文日期'], ['2025-02-30'], ['2025-03-04']]);
    const [bad, fine] = checkLedger([good(2, { receivedDate: table.rows[1]![0] }), good(3, { receivedDate: table.rows[2]![0] })]);
    expect(bad!.problems).toEqual([{ code: 'bad-date', field: 'receivedDate', value: '2025-02-30' }]);
    expect(fine!.problems).toEqual([]);
  });
});

describe('row validation', () => {
  it('normalises values as page analysis does: 密级 with its 保密期限, brackets of the 文号, Chinese dates', () => {
    const checked = checkRow(row(2, { title: '关于印发应急预案的通知', docNumber: '市应急发[2025]12号', issuer: '市应急管理局', classification: '秘密★5年', receivedDate: '2025年3月4日', urgency: '特急', copies: '3份' }));
    expect(checked.problems).toEqual([]);
    expect(checked.draft).toMatchObject({ docNumber: '市应急发〔2025〕12号', classification: 'confidential', classificationPeriod: '5年', receivedDate: '2025-03-04', urgency: 'very-urgent', copies: '3' });
  });

  it('reports impossible and unreadable dates, unknown 密级 and 紧急程度, missing mandatory fields', () => {
    expect(checkRow(good(3, { receivedDate: '2026-02-30' })).problems).toEqual([{ code: 'bad-date', field: 'receivedDate', value: '2026-02-30' }]);
    expect(checkRow(good(3, { documentDate: '去年' })).problems).toEqual([{ code: 'bad-date', field: 'documentDate', value: '去年' }]);
    expect(checkRow(good(3, { classification: '保密' })).problems).toEqual([{ code: 'unknown-classification', field: 'classification', value: '保密' }]);
    expect(checkRow(good(3, { urgency: '很急' })).problems).toEqual([{ code: 'unknown-urgency', field: 'urgency', value: '很急' }]);
    const { title: _t, issuer: _i, ...rest } = good(3).cells;
    expect(checkRow(row(3, rest)).problems).toEqual([{ code: 'missing', field: 'title' }, { code: 'missing', field: 'issuer' }]);
  });

  it('finds a 文号 given twice from the same 来文单位 (spelt otherwise) and a 收文编号 given twice', () => {
    const checked = checkLedger([good(2), good(3, { docNumber: '市应急发（2025）2号', registrationNo: '收〔2025〕0002号' }), good(4, { docNumber: '市应急发〔2025〕2号', issuer: '市教育局' })]);
    expect(checked.map((r) => r.problems)).toEqual([
      [],
      [
        { code: 'duplicate-in-file', field: 'docNumber', value: '市应急发〔2025〕2号', row: 2 },
        { code: 'duplicate-regno-in-file', field: 'registrationNo', value: '收〔2025〕0002号', row: 2 },
      ],
      [],
    ]);
  });

  it('reads an old ledger’s 办理状态 as a life-cycle status', () => {
    expect([statusOf(''), statusOf('已办结'), statusOf('在办'), statusOf('已归档'), statusOf('未办结'), statusOf('丢了')]).toEqual(['registered', 'completed', 'registered', 'archived', 'registered', undefined]);
  });

  it('reads every 状态 word of DocTrail’s own export (its 收文登记簿 imported back)', () => {
    const words = ['已登记', '传阅中', '已收回', '办结', '归档', '清退', '销毁'];
    expect(words.map((w) => statusOf(w))).toEqual(['registered', 'registered', 'registered', 'completed', 'archived', 'cleared', 'destroyed']);
  });
});

describe('来源 of imported documents', () => {
  it('reads an old ledger’s 来源 column, and says 导入 where the ledger has none', () => {
    expect([sourceOf(''), sourceOf('纸质'), sourceOf('机要交通'), sourceOf('传真件'), sourceOf('OA系统'), sourceOf('电子邮件'), sourceOf('隔壁老王')]).toEqual(['imported', 'paper', 'courier', 'fax', 'portal', 'email', undefined]);
    expect(mapHeader(['收文编号', '来源', '来源单位', '标题'])).toEqual(['registrationNo', 'source', 'issuer', 'title']);
  });

  it('the register shows each imported document’s 来源: the ledger’s, or 导入; an unknown one is a problem in the preview', async () => {
    const reg = await fresh();
    const outcome = await importLedger(reg, [good(2), good(3, { source: '机要' }), good(4, { source: '纸质' })], options());
    expect(outcome).toMatchObject({ ok: true, written: 3 });
    const byNumber = new Map((await reg.getAll('documents')).map((d) => [d.registrationNo, d.source]));
    expect(Object.fromEntries(byNumber)).toEqual({ '收〔2025〕0002号': 'imported', '收〔2025〕0003号': 'courier', '收〔2025〕0004号': 'paper' });
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', audit: { contradictionCount: 0 } });
    const dry = await dryRunLedgerImport(await fresh(), [good(2, { source: '隔壁老王' })], options());
    expect(dry.problems).toEqual([{ row: 2, problems: [{ code: 'unknown-source', field: 'source', value: '隔壁老王' }] }]);
  });
});

describe('办结日期 of imported documents', () => {
  it('maps a 办结日期 column, and reads a 办结日期 without a 办理状态 as 办结', () => {
    expect(mapHeader(['收文编号', '标题', '办理状态', '办结日期'])).toEqual(['registrationNo', 'title', 'status', 'completedOn']);
    expect(mapHeader(['收文编号', '标题', '完成时间'])).toEqual(['registrationNo', 'title', 'completedOn']);
    expect(checkRow(good(2, { completedOn: '2025年3月20日' }))).toMatchObject({ status: 'completed', completedOn: '2025-03-20', problems: [] });
    expect(checkRow(good(3, { status: '已归档', completedOn: '2025.3.21' }))).toMatchObject({ status: 'archived', completedOn: '2025-03-21' });
    // a document still open in the ledger has not been 办结: a date there is not its 办结 date
    expect(checkRow(good(4, { status: '在办', completedOn: '2025-03-22' })).completedOn).toBeUndefined();
    expect(checkRow(good(5, { status: '已办结', completedOn: '尽快' })).problems).toEqual([{ code: 'bad-date', field: 'completedOn', value: '尽快' }]);
  });

  it('shows a 办结日期 before the 收文日期 as a problem (it would count negative working days); the same day is fine', () => {
    // received 2025-03-04
    const early = checkRow(good(6, { status: '已办结', completedOn: '2025年3月3日' }));
    expect(early.problems).toEqual([{ code: 'completed-before-received', field: 'completedOn', value: '2025-03-03' }]);
    expect(early.completedOn).toBeUndefined();
    expect(checkRow(good(7, { status: '已办结', completedOn: '2025.3.4' }))).toMatchObject({ completedOn: '2025-03-04', problems: [] });
  });

  it('the imported 办结 documents keep the ledger’s 办结 date, so the statistics’ 收文→办结 working days count them', async () => {
    const reg = await fresh();
    const rows = [good(2, { status: '已办结', completedOn: '2025-03-11' }), good(3, { status: '已办结', completedOn: '2025-03-07' }), good(4, { status: '已办结' }), good(5, { status: '在办' })];
    expect(await importLedger(reg, rows, options())).toMatchObject({ ok: true, written: 4 });
    const byNumber = Object.fromEntries((await reg.getAll('documents')).map((d) => [d.registrationNo, [d.status, d.completedOn]]));
    expect(byNumber).toEqual({
      '收〔2025〕0002号': ['completed', '2025-03-11'],
      '收〔2025〕0003号': ['completed', '2025-03-07'],
      '收〔2025〕0004号': ['completed', undefined],
      '收〔2025〕0005号': ['registered', undefined],
    });
    const imported = (await reg.getAll('events')).find((e) => e.type === 'imported' && e.details.row === 2);
    expect(imported?.details).toMatchObject({ status: 'completed', completedOn: '2025-03-11' });
    // received Tuesday 2025-03-04: 办结 Tuesday 03-11 is 5 working days, Friday 03-07 is 3 — the median of the two counted
    const stats = await readStatistics(reg, { from: '2025-01', to: '2025-12' }, defaultCalendar(), NOW);
    expect(stats.closing).toMatchObject({ median: 4 });
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', audit: { contradictionCount: 0 } });
  });
});

describe('counters', () => {
  it('reads the year and number of old 收文编号 in several styles', () => {
    expect(numberInRegistration('收〔2025〕0012号')).toEqual({ year: 2025, sequence: 12 });
    expect(numberInRegistration('2024-0345')).toEqual({ year: 2024, sequence: 345 });
    expect(numberInRegistration('SW20250012')).toEqual({ year: 2025, sequence: 12 });
    expect(numberInRegistration('88', 2023)).toEqual({ year: 2023, sequence: 88 });
    expect(numberInRegistration('无')).toBeUndefined();
  });

  it('keeps the old numbers and moves each year’s counter past the highest, so the next registration does not collide', async () => {
    const reg = await fresh();
    const outcome = await importLedger(reg, [good(7), good(41, { receivedDate: '2025-12-30' }), good(2, { registrationNo: '收〔2026〕0005号', receivedDate: '2026-01-05' })], options());
    expect(outcome).toMatchObject({ ok: true, written: 3, counters: [{ year: 2025, from: 0, to: 41 }, { year: 2026, from: 0, to: 5 }] });
    const numbers = (await reg.getAll('documents')).map((d) => d.registrationNo).sort();
    expect(numbers).toEqual(['收〔2025〕0007号', '收〔2025〕0041号', '收〔2026〕0005号']);
    const { document } = await registerDocument(reg, draft(), NOW);
    expect(document.registrationNo).toBe('收〔2026〕0006号');
  });

  it('numbers rows without an old 收文编号 after the highest of their year, in the register’s format', async () => {
    const reg = await fresh();
    const outcome = await importLedger(reg, [good(9), good(3, { registrationNo: undefined })], { ...options(), numberFormat: 'SW{YYYY}-{NNN}' });
    expect(outcome).toMatchObject({ ok: true, numbered: 1, counters: [{ year: 2025, from: 0, to: 10 }] });
    expect((await reg.getAll('documents')).map((d) => d.registrationNo).sort()).toEqual(['SW2025-010', '收〔2025〕0009号']);
  });
});

describe('dry run and atomic write', () => {
  it('logs an imported event per document naming the file and row, and the chain verifies', async () => {
    const reg = await fresh();
    await importLedger(reg, [good(2), good(3, { status: '已办结' })], options());
    // The imported records are the register the log gives (status included): verify's replay finds nothing.
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', count: 3, audit: { documents: 2, contradictionCount: 0, timeWarps: [] } });
    const docs = await reg.getAll('documents');
    const done = docs.find((d) => d.registrationNo === '收〔2025〕0003号')!;
    expect(done.status).toBe('completed');
    const [event] = await eventsOf(reg, done.id);
    expect(event).toMatchObject({ type: 'imported', details: { ledgerFile: '2025收文登记簿.xlsx', row: 3, registrationNo: '收〔2025〕0003号', status: 'completed', classificationScheme: 'standard' } });
    expect(event!.details.fields).toMatchObject({ title: '关于做好第3批安全生产检查工作的通知', classification: 'none' });
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact' });
  });

  it('a dry run reports problems against the register too and writes nothing', async () => {
    const reg = await fresh();
    await registerDocument(reg, draft({ docNumber: '市应急发〔2025〕3号', issuer: '市应急管理局', sourceUrl: undefined }), NOW);
    const before = await reg.count('events');
    const outcome = await dryRunLedgerImport(reg, [good(2), good(3)], options());
    expect(outcome).toMatchObject({ ok: false, dryRun: true, rows: 2, written: 0, wouldWrite: 0, problemRows: 1 });
    expect(outcome.problems).toEqual([{ row: 3, problems: [{ code: 'duplicate-in-register', field: 'docNumber', value: '市应急发〔2025〕3号', registrationNo: '收〔2026〕0001号' }] }]);
    expect(await reg.count('events')).toBe(before);
    expect((await dryRunLedgerImport(reg, [good(2)], options())).wouldWrite).toBe(1);
  });

  it('refuses the whole file when one row of 200 has a problem: nothing written', async () => {
    const reg = await fresh();
    const rows = Array.from({ length: 200 }, (_, i) => good(i + 2));
    rows[150] = good(152, { receivedDate: '2025-02-30' });
    const outcome = await importLedger(reg, rows, options());
    expect(outcome).toMatchObject({ ok: false, written: 0, problemRows: 1, problems: [{ row: 152 }] });
    expect(await reg.count('documents')).toBe(0);
    expect(await reg.count('events')).toBe(0);
    expect(await reg.get('counters', 'registration:2025')).toBeUndefined();
  });

  it('a write that fails part-way (disk full) leaves the register, the counters and the chain as they were', async () => {
    const reg = await fresh();
    await registerDocument(reg, draft(), NOW);
    const before = { docs: await reg.count('documents'), events: await reg.count('events'), counter: await reg.get('counters', 'registration:2025') };
    const add = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'documents' && ++calls > 100) throw new DOMException('the disk is full', 'QuotaExceededError');
      return add.apply(this, args);
    });
    await expect(importLedger(reg, Array.from({ length: 200 }, (_, i) => good(i + 2)), options())).rejects.toThrow(/no more room/);
    vi.restoreAllMocks();
    expect({ docs: await reg.count('documents'), events: await reg.count('events'), counter: await reg.get('counters', 'registration:2025') }).toEqual(before);
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact' });
  });
});

describe('ledger.import message', () => {
  const ID = 'doctrail-extension-id';
  const handler = (reg: RegisterDB) => createMessageHandler({ db: async () => reg, now: () => NOW, extensionId: ID, isPortal: testPortals });
  const message = { type: 'ledger.import', fileName: 'old.csv', dryRun: false, rows: [good(2)] };

  it('is taken from DocTrail’s own page and refused from a content script on a portal', async () => {
    const reg = await fresh();
    const handle = handler(reg);
    expect(await handle(message, contentScript(ID, 'http://127.0.0.1:8080/doc-detail.html'))).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await reg.count('documents')).toBe(0);
    expect(await handle(message, extensionPage(ID))).toMatchObject({ ok: true, data: { ok: true, written: 1 } });
  });

  it('refuses rows that are not of the schema (an unknown field, an over-long cell)', async () => {
    const reg = await fresh();
    const handle = handler(reg);
    expect(await handle({ ...message, rows: [row(2, { title: 'x', evil: 'y' } as never)] }, extensionPage(ID))).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await handle({ ...message, rows: [row(2, { title: 'x'.repeat(1001) })] }, extensionPage(ID))).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });
});

describe('fixture ledgers', () => {
  it('the committed GBK CSV decodes as GBK and maps every column it has', async () => {
    const path = 'tests/fixtures/ledgers/收文登记簿-2024-gbk.csv';
    const bytes = new Uint8Array(readFileSync(path));
    expect(detectEncoding(bytes)).toBe('gbk');
    const table = await readLedgerFile(path, bytes.buffer);
    const header = findHeaderRow(table.rows);
    const mapping = mapHeader(table.rows[header]!, table.rows.slice(header + 1));
    expect(mapping.filter(Boolean)).toEqual(expect.arrayContaining(['registrationNo', 'receivedDate', 'issuer', 'docNumber', 'title', 'classification', 'urgency', 'copies', 'deadline']));
    const checked = checkLedger(mappedRows(table.rows, header, mapping));
    expect(checked).toHaveLength(200);
    expect(checked.filter((r) => r.problems.length)).toEqual([]);
  });
});

describe('the import in the log, as exports show it', () => {
  it('names the file and row of each document and the count of the import', async () => {
    const { registerEventSummary } = await import('@/utils/export/columns');
    const reg = await fresh();
    await importLedger(reg, [good(2)], options());
    const events = await reg.getAll('events');
    expect(events.map((e) => registerEventSummary(e, 'zh-CN'))).toEqual(['导入自登记簿 2025收文登记簿.xlsx 第 2 行', '导入登记簿 2025收文登记簿.xlsx：1 件']);
  });
});
