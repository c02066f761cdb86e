/**
 * Generates the old 收文登记簿 fixtures for the import tests (tests/fixtures/ledgers/): invented but realistic ledgers
 * of 200 rows each — a 2025 ledger as .xlsx and a 2024 ledger as a GBK .csv with other header words and a title line —
 * each in a good version and a "有误" version with five bad rows (an impossible date, an unknown 密级, a 文号 given
 * twice, a missing 标题, an unreadable 办理期限). Deterministic (seeded), so regenerating changes nothing.
 *
 *   npx tsx scripts/make-ledger-fixtures.ts            # writes the four fixtures
 *   npx tsx scripts/make-ledger-fixtures.ts 5000 out.csv   # one larger UTF-8 CSV ledger (for measuring)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createXlsxWriter, type SheetColumn } from '../utils/export/xlsx';
import { encodeGbk } from '../tests/support/gbk';

const ISSUERS: [string, string][] = [
  ['市人民政府办公室', '市政办发'],
  ['市应急管理局', '市应急发'],
  ['市教育局', '市教发'],
  ['市财政局', '市财发'],
  ['市卫生健康委员会', '市卫健发'],
  ['省人民政府办公厅', '省政办发'],
  ['中共市委办公室', '市委办发'],
  ['市生态环境局', '市环发'],
  ['市公安局', '市公通'],
  ['市自然资源和规划局', '市自然资规'],
  ['市人力资源和社会保障局', '市人社发'],
  ['市住房和城乡建设局', '市建发'],
  ['市农业农村局', '市农发'],
  ['市市场监督管理局', '市市监发'],
  ['市国家保密局', '市保发'],
];
const TOPICS = [
  '安全生产大检查', '防汛抗旱', '森林防火', '冬春季传染病防控', '财政预算执行', '义务教育招生入学', '生态环境保护督察整改', '消防安全专项整治',
  '城乡居民医疗保险', '优化营商环境', '政务公开', '安全生产月活动', '耕地保护', '根治欠薪', '粮食安全', '城镇燃气安全', '自建房安全排查', '保密自查自评',
  '信访矛盾化解', '春运交通保障', '食品安全抽检', '高温天气防范', '地质灾害防治', '重大活动安保', '防范电信网络诈骗',
];
const TITLES = [
  (t: string) => `关于做好${t}工作的通知`,
  (t: string) => `关于印发《${t}实施方案》的通知`,
  (t: string) => `关于开展${t}专项检查的通知`,
  (t: string) => `关于召开${t}工作会议的通知`,
  (t: string) => `关于进一步加强${t}管理的意见`,
  (t: string) => `关于${t}工作情况的通报`,
  (t: string) => `关于转发《省${t}工作要点》的通知`,
];
const LEVELS: [string, number][] = [['非密', 55], ['内部', 15], ['秘密★5年', 10], ['秘密★10年', 6], ['秘密', 4], ['机密★10年', 6], ['机密★20年', 2], ['工作秘密', 2]];
const URGENCIES: [string, number][] = [['平件', 60], ['', 15], ['急件', 15], ['特急', 8], ['特提', 2]];

function seeded(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const weighted = (items: readonly [string, number][]) => {
    let r = next() * items.reduce((n, [, w]) => n + w, 0);
    for (const [value, w] of items) if ((r -= w) < 0) return value;
    return items[0]![0];
  };
  return { next, pick, weighted };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export interface LedgerEntry {
  registrationNo: string;
  receivedDate: string;
  issuer: string;
  docNumber: string;
  title: string;
  classification: string;
  urgency: string;
  copies: number;
  deadline: string;
  status: string;
  note: string;
}

/** A year's ledger: `rows` documents received on working days through the year, numbered in order. */
export function makeLedger(year: number, rows: number, numberStyle: (year: number, n: number) => string, seed: number): LedgerEntry[] {
  const random = seeded(seed);
  const perIssuer = new Map<string, number>();
  const out: LedgerEntry[] = [];
  let day = Date.UTC(year, 0, 3);
  const step = (Date.UTC(year, 11, 28) - day) / rows;
  for (let n = 1; n <= rows; n++) {
    let date = new Date(day + Math.floor(random.next() * step * 0.8));
    while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date = new Date(date.getTime() + 86_400_000);
    day += step;
    const [issuer, prefix] = random.pick(ISSUERS);
    const count = (perIssuer.get(prefix) ?? 0) + 1 + Math.floor(random.next() * 4);
    perIssuer.set(prefix, count);
    const due = random.next();
    const deadline = due < 0.45 ? iso(new Date(date.getTime() + (7 + Math.floor(random.next() * 20)) * 86_400_000)) : due < 0.6 ? `${pick([3, 5, 10])}个工作日` : '';
    function pick(values: number[]) {
      return values[Math.floor(random.next() * values.length)]!;
    }
    out.push({
      registrationNo: numberStyle(year, n),
      receivedDate: iso(date),
      issuer,
      docNumber: `${prefix}〔${year}〕${count}号`,
      title: random.pick(TITLES)(random.pick(TOPICS)),
      classification: random.weighted(LEVELS),
      urgency: random.weighted(URGENCIES),
      copies: 1 + Math.floor(random.next() * 4),
      deadline,
      status: n > rows * 0.9 ? '在办' : random.next() < 0.9 ? '已办结' : '已归档',
      note: random.next() < 0.1 ? '原件存档' : '',
    });
  }
  return out;
}

/** Five bad rows, as a clerk's ledger has them: the preview must show each. */
export function spoil(entries: readonly LedgerEntry[], impossibleDate: string): LedgerEntry[] {
  const bad = entries.map((e) => ({ ...e }));
  bad[16]!.receivedDate = impossibleDate; // 2月30日 does not exist
  bad[47]!.classification = '保密'; // not a 密级
  bad[94]!.docNumber = bad[93]!.docNumber; // the same 文号 twice
  bad[94]!.issuer = bad[93]!.issuer;
  bad[132]!.title = ''; // no 标题
  bad[177]!.deadline = '尽快'; // not a date nor N 个工作日
  return bad;
}

export const BAD_ROWS = [17, 48, 95, 133, 178];

const XLSX_HEADERS = ['序号', '收文编号', '收文日期', '来文单位', '文号', '标题', '密级', '紧急程度', '份数', '办理期限', '办理状态', '备注'];
const CSV_HEADERS = ['收文号', '签收日期', '来文机关', '发文字号', '文件标题', '密级及保密期限', '缓急', '份数', '办结时限', '状态', '承办科室', '备注'];
const OFFICES = ['办公室', '综合科', '业务一科', '业务二科', '法规科'];

export function xlsxLedger(entries: readonly LedgerEntry[]): Uint8Array {
  const kinds: SheetColumn['kind'][] = ['number', 'text', 'date', 'text', 'text', 'text', 'text', 'text', 'number', 'date', 'text', 'text'];
  const columns: SheetColumn[] = XLSX_HEADERS.map((header, i) => ({ header, kind: kinds[i]!, width: [6, 16, 12, 22, 22, 50, 12, 10, 6, 12, 10, 12][i]! }));
  const parts: Uint8Array[] = [];
  const writer = createXlsxWriter([{ name: '收文登记簿', columns }], (chunk) => parts.push(chunk));
  writer.startSheet('收文登记簿');
  writer.addRows(entries.map((e, i) => [i + 1, e.registrationNo, e.receivedDate, e.issuer, e.docNumber, e.title, e.classification, e.urgency, e.copies, e.deadline, e.status, e.note]));
  writer.endSheet();
  writer.finish();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const csvCell = (value: string | number) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

export function csvLedger(entries: readonly LedgerEntry[], title: string): string {
  const lines = [[title, ...Array(CSV_HEADERS.length - 1).fill('')], CSV_HEADERS];
  entries.forEach((e, i) => lines.push([e.registrationNo, e.receivedDate, e.issuer, e.docNumber, e.title, e.classification, e.urgency, String(e.copies), e.deadline, e.status, OFFICES[i % OFFICES.length]!, e.note]));
  return lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const xlsxNumber = (year: number, n: number) => `收〔${year}〕${pad(n, 4)}号`;
const csvNumber = (year: number, n: number) => `SW${year}-${pad(n, 3)}`;
/** The CSV writes dates as Excel on Chinese Windows exports them: 2024/3/5. */
const slashDate = (date: string) => date.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1/$2/$3');

function main(): void {
  const [count, target] = process.argv.slice(2);
  if (count) {
    const entries = makeLedger(2023, Number(count), xlsxNumber, 7);
    writeFileSync(target ?? `ledger-${count}.csv`, '\ufeff' + csvLedger(entries, `2023年收文登记簿（${count}件）`));
    return;
  }
  const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'ledgers');
  const ledger2025 = makeLedger(2025, 200, xlsxNumber, 2025);
  writeFileSync(join(dir, '收文登记簿-2025.xlsx'), xlsxLedger(ledger2025));
  // A text cell: the writer would store a 2025-02-30 date cell as a serial, which Excel rolls over to 3月2日.
  writeFileSync(join(dir, '收文登记簿-2025-有误.xlsx'), xlsxLedger(spoil(ledger2025, '2025年2月30日')));
  const ledger2024 = makeLedger(2024, 200, csvNumber, 2024).map((e) => ({ ...e, receivedDate: slashDate(e.receivedDate) }));
  writeFileSync(join(dir, '收文登记簿-2024-gbk.csv'), encodeGbk(csvLedger(ledger2024, '2024年收文登记簿')));
  writeFileSync(join(dir, '收文登记簿-2024-有误-gbk.csv'), encodeGbk(csvLedger(spoil(ledger2024, '2024/2/30'), '2024年收文登记簿')));
  console.log(`wrote 4 ledgers to ${dir}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
