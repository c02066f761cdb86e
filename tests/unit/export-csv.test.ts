import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { parseKeptHeads } from '@/utils/register/hash-chain';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyRegister } from '@/utils/register/chain-store';
import type { DocumentRecord } from '@/utils/documents/document-schema';
import { EVENT_COLUMNS, exportContext, formatDateTime, REGISTER_COLUMNS } from '@/utils/export/columns';
import { CSV_BOM, csvCell, csvChunks, csvRow } from '@/utils/export/csv';
import { runExport, type ExportRequest } from '@/utils/export/export-run';
import type { RegisterDB } from '@/utils/register/register-db';
import { findHeaderRow, mapHeader, mappedRows, readLedgerFile } from '@/utils/export/ledger-file';
import { checkLedger } from '@/utils/export/ledger-rows';
import { importLedger } from '@/utils/export/ledger-import-store';
import { defaultCalendar } from '@/utils/deadlines/working-days';
import { closeDocument, registerDocument } from '@/utils/register/register-store';
import {
  allEvents,
  at,
  DRAFTS,
  collect,
  fillRegister,
  freshRegister,
  HOSTILE_TITLE,
  MULTILINE_TITLE,
  QUOTED_TITLE,
  SECRET_TITLE,
  TOP_SECRET_TITLE,
} from '../fixtures/backups/sample-register';

let db: RegisterDB | undefined;
afterEach(() => db?.close());

const NOW = at(120);
const request = (overrides: Partial<ExportRequest>): ExportRequest => ({ kind: 'register-csv', maskClassified: true, language: 'zh-CN', now: NOW, ...overrides });

async function exportText(reg: RegisterDB, overrides: Partial<ExportRequest>): Promise<string> {
  const bytes = await collect((write) => runExport(reg, request(overrides), write));
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function parse(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  // The first line is the chain head when the file was written, as 校验 reads it back.
  const [title, ...rows] = result.data;
  expect(title).toHaveLength(1);
  expect(title![0]).toMatch(/^(文迹处理记录链头|DocTrail log head) #\d+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · [0-9a-f]{16}…$/);
  expect(parseKeptHeads(title![0]!).heads).toHaveLength(1);
  return rows;
}

describe('csvCell', () => {
  it('quotes cells holding a comma, a quote, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(csvCell('省应急管理厅')).toBe('省应急管理厅');
    expect(csvCell('关于印发，通知')).toBe('关于印发，通知'); // a full-width comma needs no quotes
    expect(csvCell('甲,乙')).toBe('"甲,乙"');
    expect(csvCell('做好"元旦"工作')).toBe('"做好""元旦""工作"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises text a spreadsheet would run as a formula with a leading apostrophe, but not real numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+86 10 1234')).toBe("'+86 10 1234");
    expect(csvCell('-按要求清退')).toBe("'-按要求清退");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(3)).toBe('3');
  });

  it('ends rows with CRLF', () => {
    expect(csvRow(['收〔2026〕0001号', 3, undefined])).toBe('收〔2026〕0001号,3,\r\n');
  });

  it('yields the BOM and header first, then one chunk per batch', async () => {
    async function* batches() {
      yield [{ n: 1 }, { n: 2 }];
      yield [{ n: 3 }];
    }
    const columns = [{ id: 'n', header: { 'zh-CN': '序号', en: 'No.' }, kind: 'number' as const, width: 6, value: (row: { n: number }) => row.n }];
    const chunks: string[] = [];
    for await (const chunk of csvChunks(columns, batches(), exportContext('zh-CN', false))) chunks.push(chunk);
    expect(chunks).toEqual([`${CSV_BOM}序号\r\n`, '1\r\n2\r\n', '3\r\n']);
  });
});

describe('the register as CSV', () => {
  it('opens with Chinese headers and reads back, through a CSV parser, as the register holds it', async () => {
    db = await freshRegister('csv');
    const docs = await fillRegister(db);
    const text = await exportText(db, { kind: 'register-csv', maskClassified: false });
    expect(text).toContain('\r\n');
    const [header, ...rows] = parse(text);
    expect(header).toEqual(['收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '份数', '份号', '紧急程度', '办理期限', '期限说明', '当前去向', '状态', '办结日期']);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(['收〔2026〕0001号', '2026-11-18', '省应急管理厅', '省应急〔2026〕45号', QUOTED_TITLE, '非密', '3', '', '加急', '2026-11-28', '', '李四', '传阅中', '']);
    expect(rows[1]).toEqual(['收〔2026〕0002号', '2026-11-18', '省人民政府办公厅', '省政办发〔2026〕15号', MULTILINE_TITLE, '内部', '2', '', '平件', '', '', '市政府办公室', '清退', '2026-11-18']);
    // The hostile title and the issuer starting with "-" are shown as text, never run.
    expect(rows[2]).toEqual(['收〔2026〕0003号', '2026-11-19', "'-某某科技有限公司", '某公司函〔2026〕7号', `'${HOSTILE_TITLE}`, '非密', '', '', '', '', '', '', '销毁', '2026-11-18']);
    expect(rows[3]).toEqual(['收〔2026〕0004号', '2026-11-20', '省财政厅', '财预〔2026〕101号', SECRET_TITLE, '机密★10年', '1', '', '特急', '2026-11-25', '', '王局长', '传阅中', '']);
    expect(rows[4]![4]).toBe(TOP_SECRET_TITLE);
    // 办结日期 is the day the register keeps for a document that was 办结 (then 清退 or 销毁); empty for an open one.
    expect(rows.map((row) => row[13])).toEqual(docs.map((d: DocumentRecord) => d.completedOn ?? ''));
    expect(rows.map((row) => row[0])).toEqual(docs.map((d: DocumentRecord) => d.registrationNo));
  });

  it('masks the titles of 机密 and 绝密 documents when asked, and only those', async () => {
    db = await freshRegister('csv');
    await fillRegister(db);
    const rows = parse(await exportText(db, { kind: 'register-csv', maskClassified: true })).slice(1);
    expect(rows.map((row) => row[4])).toEqual([QUOTED_TITLE, MULTILINE_TITLE, `'${HOSTILE_TITLE}`, '（涉密标题已隐去）', '（涉密标题已隐去）']);
    expect(rows[3]![0]).toBe('收〔2026〕0004号'); // the number still says which document it is
  });

  it('exports only what the filter selects (收文日期 range, status, 密级)', async () => {
    db = await freshRegister('csv');
    await fillRegister(db);
    const byDate = parse(await exportText(db, { filter: { from: '2026-11-19', to: '2026-11-20' } })).slice(1);
    expect(byDate.map((row) => row[0])).toEqual(['收〔2026〕0003号', '收〔2026〕0004号']);
    const byStatus = parse(await exportText(db, { filter: { status: 'in-circulation' } })).slice(1);
    expect(byStatus.map((row) => row[0])).toEqual(['收〔2026〕0001号', '收〔2026〕0004号', '收〔2026〕0005号']);
    const byLevel = parse(await exportText(db, { filter: { classification: ['secret', 'top-secret'] } })).slice(1);
    expect(byLevel.map((row) => row[0])).toEqual(['收〔2026〕0004号', '收〔2026〕0005号']);
  });

  it('writes English headers and words when the clerk works in English', async () => {
    db = await freshRegister('csv');
    await fillRegister(db);
    const [header, first] = parse(await exportText(db, { language: 'en', maskClassified: true }));
    expect(header![0]).toBe('Reg. no.');
    expect(first!.slice(5, 9)).toEqual(['Unclassified', '3', '', 'Urgent']);
  });
});

describe('the handling log as CSV', () => {
  it('reads back as the log: one row per event with time, action, counterpart, reason, approver, witness and hash', async () => {
    db = await freshRegister('csv');
    const docs = await fillRegister(db);
    const events = await allEvents(db);
    const [header, ...rows] = parse(await exportText(db, { kind: 'events-csv', maskClassified: true }));
    expect(header).toEqual(['序号', '时间', '收文编号', '文号', '标题', '事项', '对象', '事由', '批准人', '监销人', '哈希']);
    expect(rows).toHaveLength(events.length);
    expect(rows.map((row) => Number(row[0]))).toEqual(events.map((e) => e.sequence));
    expect(rows.map((row) => row[10])).toEqual(events.map((e) => e.hash));
    expect(rows.map((row) => row[1])).toEqual(events.map((e) => formatDateTime(e.timestamp)));
    expect(rows[0]!.slice(1, 6)).toEqual(['2026-11-18 09:00:00', '收〔2026〕0001号', '省应急〔2026〕45号', QUOTED_TITLE, '登记']);

    const find = (action: string, counterpart?: string) => rows.find((row) => row[5] === action && (counterpart === undefined || row[6] === counterpart));
    expect(find('送出（阅知）', '李四')!.slice(2, 8)).toEqual(['收〔2026〕0001号', '省应急〔2026〕45号', QUOTED_TITLE, '送出（阅知）', '李四', '应归还：2026-11-25']);
    expect(find('收回', '张三')).toBeDefined();
    expect(find('清退')!.slice(6, 8)).toEqual(['市政府办公室', "'-按要求清退"]);
    expect(find('销毁')!.slice(7, 10)).toEqual(["'@重复来文", '赵主任', '钱科长']);
    expect(find('确认密级')![7]).toBe('密级：内部');
    // 机密: the title is masked in every row, and so is the downloaded file named after it.
    const secretRows = rows.filter((row) => row[2] === docs[3]!.registrationNo);
    expect(secretRows.map((row) => row[4])).toEqual(Array(secretRows.length).fill('（涉密标题已隐去）'));
    expect(find('下载')![6]).toBe('（涉密标题已隐去）');
    expect(find('打印')![7]).toBe('报送局党组会议审议');
    expect(rows.join('\n')).not.toContain(SECRET_TITLE);
  });

  it('logs each export as an event of the register, and the chain still verifies', async () => {
    db = await freshRegister('csv');
    await fillRegister(db);
    const before = (await allEvents(db)).length;
    await exportText(db, { kind: 'events-csv', filter: { status: 'destroyed' } });
    const events = await allEvents(db);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ docId: '@register', type: 'exported', timestamp: NOW.getTime(), details: { format: 'events-csv', documents: 0, events: 3, masked: true, filter: { status: 'destroyed' } } });
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: before + 1 });
    // The next export shows the previous one in words.
    const rows = parse(await exportText(db, { kind: 'events-csv' })).slice(1);
    expect(rows.at(-1)!.slice(2, 8)).toEqual(['（整个台账）', '', '', '导出', '', 'CSV 处理记录：公文 0 件，处理记录 3 条（按筛选条件，涉密标题已隐去）']);
  });

  it('reports progress as it streams', async () => {
    db = await freshRegister('csv');
    await fillRegister(db);
    const progress: [number, number][] = [];
    await runExport(db, request({ kind: 'events-csv' }), () => undefined, (done, total) => progress.push([done, total]));
    const total = (await allEvents(db)).length - 1; // the export's own event came after
    expect(progress.at(-1)).toEqual([total, total]);
  });
});

describe('columns', () => {
  it('lists the register in 收文登记簿 order and the log with its hash last', () => {
    expect(REGISTER_COLUMNS.map((c) => c.header['zh-CN'])).toEqual(['收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '份数', '份号', '紧急程度', '办理期限', '期限说明', '当前去向', '状态', '办结日期']);
    expect(EVENT_COLUMNS.map((c) => c.header['zh-CN']).at(-1)).toBe('哈希');
  });
});

describe('办结日期 read back by the ledger import (#/import)', () => {
  for (const kind of ['register-csv', 'xlsx'] as const) {
    it(`a ${kind === 'xlsx' ? 'XLSX' : 'CSV'} export imported into an empty register keeps each document's 状态 and 办结日期`, async () => {
      // Documents 办结 on or after their 收文日期 (the sample register 办结 one the day before the 收文日期 its draft gives,
      // which the import rightly calls a problem row): one open, one 办结, one 办结 then 清退, one 办结 then 销毁.
      db = await freshRegister('roundtrip');
      const ids: string[] = [];
      for (const [i, draft] of [DRAFTS[0]!, DRAFTS[1]!, { ...DRAFTS[2]!, receivedDate: '2026-11-18' }, DRAFTS[3]!].entries()) {
        ids.push((await registerDocument(db, { ...draft, classification: 'none', classificationPeriod: undefined }, at(i))).document.id);
      }
      await closeDocument(db, ids[1]!, 'completed', {}, at(50));
      await closeDocument(db, ids[2]!, 'completed', {}, at(60));
      await closeDocument(db, ids[2]!, 'cleared', { clearedTo: '市政府办公室' }, at(70));
      await closeDocument(db, ids[3]!, 'completed', {}, at(60 * 24 * 3));
      await closeDocument(db, ids[3]!, 'destroyed', { approver: '赵主任', witness: '钱科长' }, at(60 * 24 * 3 + 10));
      const docs = await Promise.all(ids.map(async (id) => (await db!.get('documents', id))!));
      const bytes = await collect((write) => runExport(db!, request({ kind, maskClassified: false }), write));
      const name = kind === 'xlsx' ? '文迹-收文登记簿.xlsx' : '文迹-收文登记簿.csv';
      const table = await readLedgerFile(name, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      const header = findHeaderRow(table.rows);
      const mapping = mapHeader(table.rows[header]!, table.rows.slice(header + 1));
      expect(mapping[table.rows[header]!.indexOf('办结日期')]).toBe('completedOn');
      const rows = mappedRows(table.rows, header, mapping);
      const checked = checkLedger(rows);
      expect(checked.flatMap((r) => r.problems.filter((p) => p.field === 'completedOn'))).toEqual([]);
      expect(checked.map((r) => [r.registrationNo, r.status, r.completedOn])).toEqual(docs.map((d) => [d.registrationNo, d.status, d.completedOn]));
      expect(docs.map((d) => [d.status, d.completedOn])).toEqual([['registered', undefined], ['completed', '2026-11-18'], ['cleared', '2026-11-18'], ['destroyed', '2026-11-21']]);

      const target = await freshRegister('roundtrip-target');
      try {
        const result = await importLedger(target, rows, { fileName: name, now: NOW, calendar: defaultCalendar() });
        expect(result).toMatchObject({ ok: true, written: docs.length, problemRows: 0 });
        const imported = Object.fromEntries((await target.getAll('documents')).map((d) => [d.registrationNo, [d.status, d.completedOn]]));
        expect(imported).toEqual(Object.fromEntries(docs.map((d) => [d.registrationNo, [d.status, d.completedOn]])));
      } finally {
        target.close();
      }
    });
  }
});
