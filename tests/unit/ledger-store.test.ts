import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyRegister } from '@/utils/register/chain-store';
import { completeSupervision, correctDocument, LedgerRefused, recordChase, recordFeedback, superviseDocument, undoLastStep } from '@/utils/register/ledger-store';
import { supervisionBoard } from '@/utils/register/supervision-query';
import { defaultCalendar } from '@/utils/deadlines/working-days';
import { closeDocument, eventsOf, findDocument, registerDocument, returnDocument, sendDocument } from '@/utils/register/register-store';
import { openRegister, type RegisterDB } from '@/utils/register/register-db';
import { queryRegister } from '@/utils/register/register-query';
import { draft } from '../support/drafts';

let counter = 0;
let db: RegisterDB | undefined;
const NOW = new Date(2026, 10, 23, 9, 0);
const LATER = new Date(2026, 10, 24, 9, 0);

afterEach(() => db?.close());

async function registered(overrides = {}) {
  db = await openRegister(`doctrail-ledger-${++counter}`);
  const { document } = await registerDocument(db, draft(overrides), NOW);
  return { reg: db, id: document.id };
}

describe('更正 (corrections)', () => {
  it('logs the registered fields on the registered event, so the record can be rebuilt from the log', async () => {
    const { reg, id } = await registered();
    const [event] = await eventsOf(reg, id);
    expect(event!.details).toMatchObject({ fields: { title: '关于进一步加强公文处理工作的通知', docNumber: '省政办发〔2026〕15号', classification: draft().classification }, classificationScheme: 'standard' });
  });

  it('changes the record and logs old and new values with the reason, one event per field', async () => {
    const { reg, id } = await registered();
    const state = await correctDocument(reg, id, { title: '关于进一步加强公文处理工作的通知（更正）', copies: '3', urgency: null }, '登记时抄错标题', LATER);
    expect(state.document.title).toBe('关于进一步加强公文处理工作的通知（更正）');
    expect(state.document.copies).toBe('3');
    expect(state.document).not.toHaveProperty('urgency');
    const corrections = (await eventsOf(reg, id)).filter((e) => e.type === 'corrected');
    expect(corrections.map((e) => e.details)).toEqual([
      { field: 'title', old: '关于进一步加强公文处理工作的通知', new: '关于进一步加强公文处理工作的通知（更正）', reason: '登记时抄错标题' },
      { field: 'urgency', old: 'urgent', new: null, reason: '登记时抄错标题' },
      { field: 'copies', old: null, new: '3', reason: '登记时抄错标题' },
    ]);
    // the register (and so exports and prints, which read it) shows the corrected title
    const page = await queryRegister(reg, { text: '更正' }, LATER);
    expect(page.rows.map((d) => d.title)).toEqual(['关于进一步加强公文处理工作的通知（更正）']);
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', count: 4 });
  });

  it('moves the due date when the 办理期限 is corrected', async () => {
    const { reg, id } = await registered();
    const state = await correctDocument(reg, id, { deadline: '2026-12-05' }, '来文延期', LATER);
    expect(state.document.dueDate).toBe('2026-12-05');
  });

  it('a document out with a reader: correcting other fields keeps its due date (the return date) and answers with who holds it; the 办理期限 corrected past it does not move it', async () => {
    const { reg, id } = await registered({ deadline: '2026-12-20' });
    await sendDocument(reg, id, { recipients: ['王局长', '陈主任'], purpose: 'read', expectedReturn: '2026-11-30' }, NOW);
    await returnDocument(reg, id, '王局长', NOW);
    const titled = await correctDocument(reg, id, { title: '关于进一步加强公文处理工作的通知（更正）', receivedDate: '2026-11-19' }, '登记时抄错', LATER);
    expect(titled.document.dueDate).toBe('2026-11-30');
    expect(titled.circulation.map((r) => [r.recipient, r.returnedAt === undefined])).toEqual([['王局长', false], ['陈主任', true]]);
    expect((await reg.get('documents', id))!.dueDate).toBe('2026-11-30');
    const later = await correctDocument(reg, id, { deadline: '2026-12-31' }, '来文延期', LATER);
    expect(later.document.dueDate).toBe('2026-11-30');
    const sooner = await correctDocument(reg, id, { deadline: '2026-11-25' }, '来文提前', LATER);
    expect(sooner.document.dueDate).toBe('2026-11-25');
    await returnDocument(reg, id, '陈主任', LATER);
    const back = await correctDocument(reg, id, { copies: '2' }, '份数', LATER);
    expect(back.document.dueDate).toBe('2026-11-25');
    expect(back.circulation.every((r) => r.returnedAt !== undefined)).toBe(true);
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', audit: { contradictionCount: 0 } });
  });

  it('refuses a correction without a reason, without a change, to an invalid value, or onto another document\'s 文号', async () => {
    const { reg, id } = await registered();
    const other = await registerDocument(reg, draft({ docNumber: '市教发〔2026〕3号', issuer: '省人民政府办公厅', title: '另一份' }), NOW);
    await expect(correctDocument(reg, id, { title: 'x' }, '  ', LATER)).rejects.toThrow(LedgerRefused);
    await expect(correctDocument(reg, id, { title: '关于进一步加强公文处理工作的通知' }, '无', LATER)).rejects.toThrow(/same/);
    await expect(correctDocument(reg, id, { receivedDate: '2026/11/18' }, '格式', LATER)).rejects.toThrow(/receivedDate/);
    await expect(correctDocument(reg, id, { title: null }, '删标题', LATER)).rejects.toThrow(/title/);
    await expect(correctDocument(reg, id, { classification: 'very-secret' }, '密级', LATER)).rejects.toThrow(/classification/);
    await expect(correctDocument(reg, id, { docNumber: '市教发〔2026〕3号' }, '文号抄错', LATER)).rejects.toThrow(other.document.registrationNo);
    expect((await eventsOf(reg, id)).map((e) => e.type)).toEqual(['registered']);
    expect((await findDocument(reg, { docNumber: '省政办发〔2026〕15号', issuer: '省人民政府办公厅' })).exact?.id).toBe(id);
  });
});

describe('撤销 (undoing the last step)', () => {
  it('undoes a 收回: the recipient has the document again, by a compensating event', async () => {
    const { reg, id } = await registered();
    await sendDocument(reg, id, { recipients: ['王局长'], purpose: 'read', expectedReturn: '2026-11-26' }, NOW);
    await returnDocument(reg, id, '王局长', NOW);
    const state = await undoLastStep(reg, id, '误点收回，文件仍在王局长处', LATER);
    expect(state.document).toMatchObject({ status: 'in-circulation', currentHolder: '王局长', dueDate: '2026-11-26' });
    expect(state.circulation).toHaveLength(1);
    expect(state.circulation[0]!.returnedAt).toBeUndefined();
    const events = await eventsOf(reg, id);
    expect(events.map((e) => e.type)).toEqual(['registered', 'sent', 'returned', 'undone']);
    expect(events[3]!.details).toEqual({ undoes: [events[2]!.sequence], step: 'returned', reason: '误点收回，文件仍在王局长处', status: 'in-circulation', recipients: ['王局长'] });
    // and the return can then be recorded again
    expect((await returnDocument(reg, id, '王局长', LATER)).document.status).toBe('returned');
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', count: 5 });
  });

  it('undoes a whole 传阅 to several recipients at once, then the 办结 before it', async () => {
    const { reg, id } = await registered();
    await sendDocument(reg, id, { recipients: ['王局长', '陈主任'], purpose: 'handle' }, NOW);
    const undone = await undoLastStep(reg, id, '送错了人', LATER);
    expect(undone.document.status).toBe('registered');
    expect(undone.document.currentHolder).toBeUndefined();
    expect(undone.circulation).toEqual([]);
    await closeDocument(reg, id, 'completed', { note: '已办' }, LATER);
    const reopened = await undoLastStep(reg, id, '尚未办完', LATER);
    expect(reopened.document.status).toBe('registered');
    expect(reopened.document.dueDate).toBe('2026-11-28');
    await expect(undoLastStep(reg, id, '再撤', LATER)).rejects.toThrow(/no step/);
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact' });
  });

  it('refuses to undo an 归档 or a step the clerk no longer sees', async () => {
    const { reg, id } = await registered();
    await sendDocument(reg, id, { recipients: ['王局长'], purpose: 'read' }, NOW);
    const events = await eventsOf(reg, id);
    await returnDocument(reg, id, '王局长', NOW);
    await expect(undoLastStep(reg, id, '撤', LATER, events[1]!.sequence)).rejects.toThrow(/changed meanwhile/);
    await closeDocument(reg, id, 'completed', {}, NOW);
    await closeDocument(reg, id, 'archived', {}, NOW);
    await expect(undoLastStep(reg, id, '撤', LATER)).rejects.toThrow(/archived step cannot be undone/);
  });
});

describe('督办 (supervision)', () => {
  it('sets terms with a 时限 in working days, logs 反馈 and 催办, shows on the 督办台账 by 承办单位, and 办结 takes it off', async () => {
    const { reg, id } = await registered({ deadline: undefined });
    const calendar = defaultCalendar();
    // Monday 2026-11-23 + 5 working days = Monday 2026-11-30
    const set = await superviseDocument(reg, id, { unit: '区应急管理局', leader: '张副区长', requirement: '书面报告', workingDays: 5 }, calendar, NOW);
    expect(set.document.supervision).toMatchObject({ unit: '区应急管理局', dueDate: '2026-11-30', workingDays: 5, feedbackCount: 0, chaseCount: 0 });
    expect(set.document.dueDate).toBe('2026-11-30'); // reminders follow the 完成时限
    await recordFeedback(reg, id, { date: '2026-11-24', text: '已部署' }, LATER);
    await recordChase(reg, id, '电话催办', LATER);
    const lateDay = new Date(2026, 11, 2, 9, 0);
    const board = await supervisionBoard(reg, {}, calendar, lateDay);
    expect(board.groups).toEqual([expect.objectContaining({ unit: '区应急管理局', overdue: 1 })]);
    expect(board.groups[0]!.items[0]).toMatchObject({ id, state: 'overdue', overdueDays: 2, feedbackCount: 1, chaseCount: 1 });
    expect((await supervisionBoard(reg, { state: 'soon' }, calendar, lateDay)).total).toBe(0);
    await expect(completeSupervision(reg, id, '  ', lateDay)).rejects.toThrow(LedgerRefused);
    const done = await completeSupervision(reg, id, '已整改完毕', lateDay);
    expect(done.document).toMatchObject({ status: 'completed', supervision: { result: '已整改完毕', completedOn: '2026-12-02' } });
    expect(done.document.supervisionDue).toBeUndefined();
    expect((await supervisionBoard(reg, {}, calendar, lateDay)).total).toBe(0);
    // 撤销 the 办结: the item is open again
    const reopened = await undoLastStep(reg, id, '结果未达要求', lateDay);
    expect(reopened.document.supervisionDue).toBe('2026-11-30');
    expect((await supervisionBoard(reg, {}, calendar, lateDay)).total).toBe(1);
    expect((await eventsOf(reg, id)).map((e) => e.type)).toEqual(['registered', 'supervised', 'feedback', 'chased', 'completed', 'undone']);
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', count: 6 });
  });
});
