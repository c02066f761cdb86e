import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, URGENCIES } from '@/utils/documents/document-values';
import type { DocumentRecord } from '@/utils/documents/document-schema';
import { defaultCalendar, workingDaysBetween } from '@/utils/deadlines/working-days';
import { bucketsOf, deltaRecord, documentFacts, factsDelta, foldDeltas, tallyFacts, type StatsBucket, type Tally } from '@/utils/statistics/facts';
import { defaultPeriod, histogramMedian, monthsBetween, statisticsSchema, summariseStatistics, workingDayCounter } from '@/utils/statistics/summary';
import { completeSupervision, correctDocument, superviseDocument, undoLastStep } from '@/utils/register/ledger-store';
import { closeDocument, registerDocument, sendDocument } from '@/utils/register/register-store';
import { openRegister, type RegisterDB } from '@/utils/register/register-db';
import { readStatistics, statsBuckets } from '@/utils/register/stats-store';
import { verifyRegister } from '@/utils/register/chain-store';
import { draft } from '../support/drafts';

const calendar = defaultCalendar();
const TODAY = '2026-11-23';

let n = 0;
/** A registered document as the register stores it (what the figures are built from). */
function doc(fields: Partial<DocumentRecord>): DocumentRecord {
  n++;
  return {
    id: `d${n}`,
    registrationNo: `收〔2026〕${n}号`,
    title: `关于第${n}项工作的通知`,
    status: 'registered',
    createdAt: Date.UTC(2026, 0, 1),
    updatedAt: Date.UTC(2026, 0, 1),
    ...fields,
  };
}

const supervised = (unit: string, dueDate: string, completedOn?: string) => ({
  unit,
  dueDate,
  setAt: 0,
  feedbackCount: 0,
  chaseCount: 0,
  ...(completedOn && { completedAt: 1, completedOn, result: '已办结' }),
});

/**
 * A small office's autumn: September to November 2026, three issuers, 密级 and 紧急程度 as clerks see them, four
 * documents under 督办 with two 承办单位, and documents 办结 across the 国庆 holiday and over weekends.
 */
function autumnRegister(): DocumentRecord[] {
  return [
    doc({ receivedDate: '2026-09-07', issuer: '省人民政府办公厅', classification: 'none', urgency: 'normal', status: 'archived', completedOn: '2026-09-11' }), // Mon → Fri: 4
    doc({ receivedDate: '2026-09-30', issuer: '省人民政府办公厅', classification: 'confidential', urgency: 'urgent', status: 'completed', completedOn: '2026-10-12' }), // across 国庆
    doc({ receivedDate: '2026-10-09', issuer: '市教育局', classification: 'none', status: 'completed', completedOn: '2026-10-16', supervision: supervised('办公室', '2026-10-15', '2026-10-16') }), // late
    doc({ receivedDate: '2026-10-12', issuer: '市教育局', classification: 'secret', urgency: 'flash', status: 'completed', completedOn: '2026-10-14', supervision: supervised('财务科', '2026-10-20', '2026-10-14') }), // on time
    doc({ receivedDate: '2026-11-02', issuer: '市财政局', classification: 'internal', urgency: 'urgent', status: 'in-circulation', supervision: supervised('办公室', '2026-11-13') }), // open, overdue on 11-23
    doc({ receivedDate: '2026-11-16', issuer: '省人民政府办公厅', urgency: 'very-urgent', status: 'registered', supervision: supervised('财务科', '2026-11-30') }), // open, pending
    doc({ receivedDate: '2026-11-20', status: 'registered' }), // no 来文单位, 密级 or 紧急程度 recorded
  ];
}

function tallied(documents: readonly DocumentRecord[]): StatsBucket[] {
  const tally: Tally = new Map();
  for (const d of documents) tallyFacts(tally, documentFacts(d), 1);
  return bucketsOf(tally);
}

const summarise = (buckets: StatsBucket[], from: string, to: string, documentsOverdue = 0) =>
  summariseStatistics({ buckets, period: { from, to }, today: TODAY, calendar, documentsOverdue, classifications: CLASSIFICATIONS, urgencies: URGENCIES });

describe('statistics figures (pure)', () => {
  const figures = summarise(tallied(autumnRegister()), '2026-09', '2026-11', 2);

  it('counts documents received per month, by 来文单位 (largest first), 密级 and 紧急程度 in their order', () => {
    expect(statisticsSchema.parse(figures)).toEqual(figures);
    expect(figures.received).toBe(7);
    expect(figures.byMonth).toEqual([
      { month: '2026-09', received: 2 },
      { month: '2026-10', received: 2 },
      { month: '2026-11', received: 3 },
    ]);
    expect(figures.byIssuer).toEqual([
      { key: '省人民政府办公厅', count: 3 },
      { key: '市教育局', count: 2 },
      { key: '', count: 1 },
      { key: '市财政局', count: 1 },
    ]);
    expect(figures.byClassification).toEqual([
      { key: 'none', count: 2 },
      { key: 'internal', count: 1 },
      { key: 'confidential', count: 1 },
      { key: 'secret', count: 1 },
      { key: '', count: 2 },
    ]);
    expect(figures.byUrgency.map((u) => `${u.key}:${u.count}`)).toEqual(['normal:1', 'urgent:2', 'very-urgent:1', 'flash:1', ':2']);
  });

  it('gives the on-time rate of 督办 items by the month of their 时限 and by 承办单位, an open item past its 时限 counting as late', () => {
    const october = figures.onTimeByMonth.find((m) => m.month === '2026-10')!;
    expect(october).toMatchObject({ onTime: 1, late: 1, overdue: 0, pending: 0, rate: 0.5 });
    const november = figures.onTimeByMonth.find((m) => m.month === '2026-11')!;
    expect(november).toMatchObject({ onTime: 0, late: 0, overdue: 1, pending: 1, rate: 0 });
    expect(figures.onTimeByMonth.find((m) => m.month === '2026-09')!.rate).toBeNull();
    expect(figures.onTimeByUnit).toEqual([
      { unit: '办公室', onTime: 0, late: 1, overdue: 1, pending: 0, rate: 0 },
      { unit: '财务科', onTime: 1, late: 0, overdue: 0, pending: 1, rate: 1 },
    ]);
    expect(figures.onTimeTotal).toMatchObject({ onTime: 1, late: 1, overdue: 1, rate: 1 / 3 });
    expect(figures.overdueNow).toEqual({ documents: 2, supervision: 1, byUnit: [{ unit: '办公室', count: 1 }] });
  });

  it('counts working days from 收文 to 办结 on the official calendar (weekends and 国庆 are not working days)', () => {
    const acrossNationalDay = workingDaysBetween(calendar, '2026-09-30', '2026-10-12');
    // 10-01 to 10-08 are the holiday in 2026; 10-10 (Sat) is a make-up working day on the official arrangement
    expect(acrossNationalDay).toBeLessThan(6);
    expect(figures.closing.byMonth).toEqual([
      { month: '2026-09', count: 1, median: 4 },
      { month: '2026-10', count: 3, median: [acrossNationalDay, 5, 2].sort((a, b) => a - b)[1] },
      { month: '2026-11', count: 0, median: null },
    ]);
    expect(figures.closing.count).toBe(4);
    expect(figures.closing.median).toBe([4, acrossNationalDay, 5, 2].sort((a, b) => a - b).slice(1, 3).reduce((a, b) => a + b) / 2);
  });

  it('keeps the period: months outside it count only in what is overdue now', () => {
    const october = summarise(tallied(autumnRegister()), '2026-10', '2026-10');
    expect(october.received).toBe(2);
    expect(october.byIssuer).toEqual([{ key: '市教育局', count: 2 }]);
    expect(october.onTimeByUnit.map((u) => u.unit)).toEqual(['办公室', '财务科']);
    expect(october.overdueNow.supervision).toBe(1);
  });

  it('counts working days between many pairs as the calendar does, one by one', () => {
    const count = workingDayCounter(calendar, '2024-01-01', '2026-12-31');
    for (let i = 0; i < 200; i++) {
      const a = new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 1000) * 86_400_000).toISOString().slice(0, 10);
      const b = new Date(Date.parse(`${a}T00:00:00Z`) + ((i * 31) % 60) * 86_400_000).toISOString().slice(0, 10);
      expect(count(a, b)).toBe(workingDaysBetween(calendar, a, b));
    }
  });

  it('takes the median of a histogram, the mean of the middle two for an even count', () => {
    expect(histogramMedian(new Map())).toBeNull();
    expect(histogramMedian(new Map([[3, 1]]))).toBe(3);
    expect(histogramMedian(new Map([[1, 2], [10, 1]]))).toBe(1);
    expect(histogramMedian(new Map([[1, 1], [4, 1], [9, 2]]))).toBe(6.5);
  });

  it('names the months of a period and defaults to the twelve months up to today', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(defaultPeriod('2026-11-23')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(defaultPeriod('2026-01-05')).toEqual({ from: '2025-02', to: '2026-01' });
  });

  it('a correction moves a document between months and 来文单位: the delta takes it out of one and into the other', () => {
    const before = autumnRegister()[0]!;
    const after = { ...before, receivedDate: '2026-10-09', issuer: '市教育局' };
    const delta = factsDelta(before, after);
    expect(delta.get('2026-09')!.get('n')).toBe(-1);
    expect(delta.get('2026-10')!.get('n')).toBe(1);
    expect(delta.get('2026-10')!.get('i\u0001市教育局')).toBe(1);
    // the 办结 stays in September's bucket; only its 收文 date changed
    expect([...delta.get('2026-09')!.keys()]).toContain('d\u00012026-09-07\u00012026-09-11');
  });
});

describe('statistics deltas (pure)', () => {
  it('adds the deltas of the writes to the buckets in any order, and calls a count below zero inconsistent', () => {
    const a = { id: 'a', registrationNo: '1', status: 'registered', createdAt: 0, updatedAt: 0, receivedDate: '2026-10-09', issuer: '省政府办公厅' } as DocumentRecord;
    const aMoved = { ...a, receivedDate: '2026-11-02', issuer: '市教育局' } as DocumentRecord;
    const b = { ...a, id: 'b', completedOn: '2026-11-20', status: 'completed' } as DocumentRecord;
    const start = tallied([b]);
    const deltas = [deltaRecord(2, factsDelta(undefined, a)), deltaRecord(3, factsDelta(a, aMoved)), deltaRecord(4, factsDelta(b, undefined))];
    expect(foldDeltas(start, deltas)).toEqual(tallied([aMoved]));
    expect(foldDeltas(start, [...deltas].reverse())).toEqual(tallied([aMoved]));
    // a bucket that lost a count it should hold: the delta that takes it away cannot be added
    expect(foldDeltas([], [deltaRecord(5, factsDelta(a, aMoved))])).toBe('inconsistent');
  });
});

describe('statistics kept in the register', () => {
  let db: RegisterDB | undefined;
  afterEach(() => db?.close());
  const NOW = new Date(2026, 10, 23, 9, 0);
  let count = 0;

  /** The stored buckets must always be what a rebuild from the documents gives. */
  async function expectKept(reg: RegisterDB) {
    const { buckets, rebuilt } = await statsBuckets(reg);
    expect(rebuilt).toBe(false);
    expect(buckets).toEqual(tallied(await reg.getAll('documents')));
  }

  it('follows registering, 督办, 办结, 更正 and 撤销 write by write, and the chain stays intact', async () => {
    db = await openRegister(`doctrail-stats-${++count}`);
    // the first reading builds (an empty register), later ones read what the writes kept
    expect((await statsBuckets(db)).rebuilt).toBe(true);
    const a = (await registerDocument(db, draft({ receivedDate: '2026-10-09' }), NOW)).document;
    const b = (await registerDocument(db, draft({ docNumber: '市教发〔2026〕3号', issuer: '市教育局', title: '另一份', receivedDate: '2026-11-02', classification: 'none' }), NOW)).document;
    await expectKept(db);
    await superviseDocument(db, a.id, { unit: '办公室', dueDate: '2026-11-13' }, calendar, NOW);
    await sendDocument(db, b.id, { recipients: ['王局长'], purpose: 'read' }, NOW);
    await expectKept(db);
    await completeSupervision(db, a.id, '已按要求办结', NOW);
    await expectKept(db);
    let figures = await readStatistics(db, { from: '2026-10', to: '2026-11' }, calendar, NOW);
    expect(figures.rebuilt).toBe(false);
    expect(figures.onTimeByUnit).toEqual([{ unit: '办公室', onTime: 0, late: 1, overdue: 0, pending: 0, rate: 0 }]);
    expect(figures.closing.count).toBe(1);
    await correctDocument(db, b.id, { issuer: '市财政局', receivedDate: '2026-10-30' }, '来文单位登记错误', NOW);
    await undoLastStep(db, a.id, '误点办结', NOW);
    await expectKept(db);
    figures = await readStatistics(db, { from: '2026-10', to: '2026-11' }, calendar, NOW);
    expect(figures.byMonth).toEqual([{ month: '2026-10', received: 2 }, { month: '2026-11', received: 0 }]);
    expect(figures.byIssuer.map((i) => i.key).sort()).toEqual(['市财政局', '省人民政府办公厅'].sort());
    // 办结 undone: the item is open again and past its 时限
    expect(figures.onTimeByUnit).toEqual([{ unit: '办公室', onTime: 0, late: 0, overdue: 1, pending: 0, rate: 0 }]);
    expect(figures.closing.count).toBe(0);
    await closeDocument(db, a.id, 'completed', {}, NOW);
    await expectKept(db);
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact' });
  });

  it('a write keeps the buckets current from the marker its connection remembers, and a rebuild in between is not forgotten', async () => {
    db = await openRegister(`doctrail-stats-${++count}`);
    const a = (await registerDocument(db, draft({ receivedDate: '2026-10-09' }), NOW)).document;
    // Never built: the correction leaves them to be built, and its connection remembers them unmatched.
    await correctDocument(db, a.id, { receivedDate: '2026-10-10' }, '日期登记错误', NOW);
    expect((await statsBuckets(db)).rebuilt).toBe(true);
    // Built now: the next corrections (their head and marker taken from memory) keep them, each moving the document a month.
    await correctDocument(db, a.id, { receivedDate: '2026-09-01' }, '日期登记错误', NOW);
    await correctDocument(db, a.id, { receivedDate: '2026-08-01', issuer: '市财政局' }, '日期登记错误', NOW);
    await expectKept(db);
    const figures = await readStatistics(db, { from: '2026-08', to: '2026-10' }, calendar, NOW);
    expect(figures.byMonth).toEqual([{ month: '2026-08', received: 1 }, { month: '2026-09', received: 0 }, { month: '2026-10', received: 0 }]);
    // Another connection appends meanwhile: this one reads the head and the marker again, and the buckets stay kept.
    const other = await openRegister(db.name);
    try {
      await correctDocument(other, a.id, { receivedDate: '2026-07-01' }, '日期登记错误', NOW);
      await correctDocument(db, a.id, { receivedDate: '2026-06-01' }, '日期登记错误', NOW);
      await expectKept(db);
    } finally {
      other.close();
    }
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 7 });
  });

  it('rebuilds when documents were written around the chained writes (an import, a restore), and when a bucket is found wrong', async () => {
    db = await openRegister(`doctrail-stats-${++count}`);
    await registerDocument(db, draft(), NOW);
    await statsBuckets(db);
    const [stored] = await db.getAll('documents');
    // written directly, as a restore does: the document count moves, the buckets no longer match
    await db.put('documents', { ...stored!, id: 'restored', registrationNo: '收〔2025〕9号', receivedDate: '2025-03-03' });
    await db.put('counters', 2, 'documents');
    const rebuilt = await readStatistics(db, { from: '2025-01', to: '2026-12' }, calendar, NOW);
    expect(rebuilt.rebuilt).toBe(true);
    expect(rebuilt.received).toBe(2);
    await expectKept(db);
    // a bucket that lost a count: the reading after a write that takes it below zero rebuilds instead of showing it
    await db.put('stats', { month: '2026-11', counts: {} });
    await correctDocument(db, stored!.id, { receivedDate: '2026-10-01' }, '日期登记错误', NOW);
    const again = await readStatistics(db, { from: '2025-01', to: '2026-12' }, calendar, NOW);
    expect(again.rebuilt).toBe(true);
    expect(again.byMonth.find((m) => m.month === '2026-10')!.received).toBe(1);
  });
});

describe('statistics strings', () => {
  it('has every string of the statistics page in Chinese and English, none empty', async () => {
    const { statsZhCN } = await import('@/utils/i18n/stats-zh-CN');
    const { statsEn } = await import('@/utils/i18n/stats-en');
    expect(Object.keys(statsEn).sort()).toEqual(Object.keys(statsZhCN).sort());
    for (const text of [...Object.values(statsEn), ...Object.values(statsZhCN)]) expect(text.trim()).not.toBe('');
  });
});
