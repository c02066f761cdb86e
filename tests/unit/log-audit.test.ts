import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyRegister } from '@/utils/register/chain-store';
import { auditLog, CLOCK_TOLERANCE_MS, LogAudit } from '@/utils/register/log-audit';
import { correctDocument, undoLastStep } from '@/utils/register/ledger-store';
import { confirmClassification, returnDocument, sendDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import type { ChainContent } from '@/utils/register/hash-chain';
import { at, fillRegister, freshRegister } from '../fixtures/backups/sample-register';

let db: RegisterDB | undefined;
afterEach(() => db?.close());

async function filled() {
  db = await freshRegister('audit');
  const docs = await fillRegister(db);
  return { reg: db, docs };
}

describe('the register replayed from the log', () => {
  it('agrees with every record the real store wrote: registration, confirmation, circulation, returns, 办结, 清退, 销毁, 更正, 撤销', async () => {
    const { reg, docs } = await filled();
    const [notice, , , secret] = docs.map((d) => d.id) as [string, string, string, string];
    await correctDocument(reg, notice, { title: '更正后的标题', classification: 'internal', deadline: null }, '登记时看错', at(100));
    await confirmClassification(reg, secret, 'top-secret', at(101));
    await returnDocument(reg, secret, '王局长', at(102));
    await undoLastStep(reg, secret, '误点收回', at(103));
    await sendDocument(reg, notice, { recipients: ['王五'], purpose: 'handle' }, at(104));
    const result = await verifyRegister(reg);
    expect(result.state).toBe('intact');
    if (result.state !== 'intact') return;
    expect(result.audit).toMatchObject({ documents: 5, contradictions: [], timeWarps: [], contradictionCount: 0 });
  });

  it('names the document, field, record value and log value of an in-storage edit to a record', async () => {
    const { reg, docs } = await filled();
    const destroyed = docs[2]!; // registered 非密, completed, then destroyed
    const secret = docs[3]!;
    await reg.put('documents', { ...destroyed, status: 'registered' });
    await reg.put('documents', { ...secret, classification: 'none', title: '普通来文' });
    const result = await verifyRegister(reg);
    // The chain itself still holds: records are outside it. The replay is what finds the edit.
    expect(result.state).toBe('intact');
    if (result.state !== 'intact') return;
    expect(result.audit!.contradictions).toEqual(
      expect.arrayContaining([
        { docId: destroyed.id, registrationNo: destroyed.registrationNo, field: 'status', record: 'registered', log: 'destroyed' },
        { docId: secret.id, registrationNo: secret.registrationNo, field: 'classification', record: 'none', log: 'secret' },
        { docId: secret.id, registrationNo: secret.registrationNo, field: 'title', record: '普通来文', log: secret.title },
      ]),
    );
    expect(result.audit!.contradictionCount).toBe(3);
  });

  it('reports a record the log never registered and a registered document whose record was deleted', async () => {
    const { reg, docs } = await filled();
    await reg.delete('documents', docs[4]!.id);
    await reg.put('documents', { ...docs[0]!, id: 'planted', registrationNo: '收〔2026〕9999号' });
    const result = await verifyRegister(reg);
    if (result.state !== 'intact') throw new Error('chain should hold');
    expect(result.audit!.contradictions).toEqual(
      expect.arrayContaining([
        { docId: 'planted', registrationNo: '收〔2026〕9999号', field: 'record', record: 'in-circulation', log: null },
        { docId: docs[4]!.id, registrationNo: docs[4]!.registrationNo, field: 'record', record: null, log: 'in-circulation' },
      ]),
    );
  });

  it('reads old events: a `registered` event without its fields checks only what later events set', async () => {
    const events: ChainContent[] = [
      { sequence: 1, timestamp: 1000, docId: 'd1', type: 'registered', details: { registrationNo: 'R1' } },
      // written by 0.1: swapped keys, no scheme — `secret` there is 秘密, `confidential` today
      { sequence: 2, timestamp: 2000, docId: 'd1', type: 'classification-confirmed', details: { classification: 'secret' } },
    ];
    const record = { id: 'd1', registrationNo: 'R1', title: 'anything', status: 'registered' as const, classification: 'confidential' as const, createdAt: 1000, updatedAt: 2000 };
    expect((await auditLog(events, [record])).contradictions).toEqual([]);
    expect((await auditLog(events, [{ ...record, classification: 'secret' }])).contradictions).toEqual([
      { docId: 'd1', registrationNo: 'R1', field: 'classification', record: 'secret', log: 'confidential' },
    ]);
  });

  it('takes a document imported from an old 收文登记簿 (its `imported` event) with the status the ledger gave it', async () => {
    const audit = new LogAudit();
    audit.add({ sequence: 1, timestamp: 1, docId: 'd1', type: 'imported', details: { ledgerFile: 'x.xlsx', row: 3, registrationNo: 'R1', status: 'completed', fields: { title: 'T', classification: 'secret' }, classificationScheme: 'standard' } });
    const record = { id: 'd1', registrationNo: 'R1', title: 'T', classification: 'secret' as const, status: 'completed' as const, createdAt: 1, updatedAt: 1 };
    expect(audit.compare(record)).toEqual([]);
    expect(audit.compare({ ...record, status: 'registered' })).toEqual([{ docId: 'd1', registrationNo: 'R1', field: 'status', record: 'registered', log: 'completed' }]);
  });

  it('follows a calendar import that moved a working-day deadline', async () => {
    const audit = new LogAudit();
    audit.add({ sequence: 1, timestamp: 1, docId: 'd1', type: 'registered', details: { registrationNo: 'R1', fields: { title: 'T', deadline: '2026-10-09', deadlineWorkingDays: 5 }, classificationScheme: 'standard' } });
    audit.add({ sequence: 2, timestamp: 2, docId: '@register', type: 'calendar-imported', details: { years: [2026], moved: [{ docId: 'd1', registrationNo: 'R1', from: '2026-10-09', to: '2026-10-13' }] } });
    expect(audit.replayed('d1')).toMatchObject({ deadline: '2026-10-13', status: 'registered' });
  });
});

describe('event times', () => {
  const event = (sequence: number, minutes: number, type = 'printed'): ChainContent => ({ sequence, timestamp: minutes * 60_000, docId: 'd1', type, details: {} });

  it(`accept a clock set back by up to ${CLOCK_TOLERANCE_MS / 60_000} minutes and name the event that goes back further`, async () => {
    const events = [event(1, 100, 'registered'), event(2, 110), event(3, 106), event(4, 111), event(5, 104), event(6, 120)];
    const { timeWarps } = await auditLog(events, []);
    expect(timeWarps).toEqual([{ sequence: 5, docId: 'd1', type: 'printed', timestamp: 104 * 60_000, previousSequence: 4, previousTimestamp: 111 * 60_000 }]);
  });

  it('do not count the older events an import appended before its `imported` event', async () => {
    const events = [event(1, 500, 'registered'), event(2, 10), event(3, 20), { ...event(4, 501, 'imported'), docId: '@register', details: { eventsAdded: 2 } }, event(5, 400)];
    const { timeWarps } = await auditLog(events, []);
    expect(timeWarps.map((w) => w.sequence)).toEqual([5]);
  });
});
