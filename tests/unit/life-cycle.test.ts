import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyRegister } from '@/utils/register/chain-store';
import { TransitionRefused } from '@/utils/register/life-cycle';
import { closeDocument, countOverdue, eventsOf, registerDocument, returnDocument, sendDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

let counter = 0;
let db: RegisterDB | undefined;
const NOW = new Date(2026, 10, 23, 9, 0);

afterEach(() => db?.close());

async function registered(overrides = {}) {
  db = await openRegister(`doctrail-life-${++counter}`);
  const { document } = await registerDocument(db, draft(overrides), NOW);
  return { reg: db, id: document.id };
}

describe('document life cycle', () => {
  it('goes registered → in circulation → returned → completed → archived, one event per step', async () => {
    const { reg, id } = await registered();
    await sendDocument(reg, id, { recipients: ['王局长'], purpose: 'handle' }, NOW);
    expect((await returnDocument(reg, id, '王局长', NOW)).document.status).toBe('returned');
    expect((await closeDocument(reg, id, 'completed', { note: '已按要求落实' }, NOW)).document.status).toBe('completed');
    expect((await closeDocument(reg, id, 'archived', {}, NOW)).document.status).toBe('archived');
    const events = await eventsOf(reg, id);
    expect(events.map((e) => e.type)).toEqual(['registered', 'sent', 'returned', 'completed', 'archived']);
    expect(events[3]!.details).toEqual({ from: 'returned', note: '已按要求落实' });
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', count: 5 });
  });

  it('refuses 办结 while a recipient still has the document, naming who', async () => {
    const { reg, id } = await registered();
    await sendDocument(reg, id, { recipients: ['王局长', '陈主任'], purpose: 'read' }, NOW);
    await returnDocument(reg, id, '王局长', NOW);
    const refused = closeDocument(reg, id, 'completed', {}, NOW);
    await expect(refused).rejects.toThrow(TransitionRefused);
    await expect(refused).rejects.toThrow(/陈主任/);
    expect((await eventsOf(reg, id)).map((e) => e.type)).toEqual(['registered', 'sent', 'sent', 'returned']);
  });

  it('destroys only with an approver and a different witness, and logs both names', async () => {
    const { reg, id } = await registered();
    await closeDocument(reg, id, 'completed', {}, NOW);
    await expect(closeDocument(reg, id, 'destroyed', { approver: '张处长' }, NOW)).rejects.toThrow(/witness/);
    await expect(closeDocument(reg, id, 'destroyed', { approver: '张处长', witness: '张处长' }, NOW)).rejects.toThrow(/two different people/);
    const state = await closeDocument(reg, id, 'destroyed', { approver: '张处长', witness: '李干事' }, NOW);
    expect(state.document.status).toBe('destroyed');
    expect((await eventsOf(reg, id)).at(-1)!.details).toMatchObject({ approver: '张处长', witness: '李干事' });
    await expect(closeDocument(reg, id, 'archived', {}, NOW)).rejects.toThrow(/destroyed cannot become archived/);
  });

  it('clears (清退) only saying to whom, and the document is then with them', async () => {
    const { reg, id } = await registered();
    await closeDocument(reg, id, 'completed', {}, NOW);
    await expect(closeDocument(reg, id, 'cleared', { clearedTo: '  ' }, NOW)).rejects.toThrow(/to whom/);
    const state = await closeDocument(reg, id, 'cleared', { clearedTo: '省政府办公厅机要处' }, NOW);
    expect(state.document).toMatchObject({ status: 'cleared', currentHolder: '省政府办公厅机要处' });
  });

  it('does not send on a completed document and does not skip 办结 before archiving', async () => {
    const { reg, id } = await registered();
    await expect(closeDocument(reg, id, 'archived', {}, NOW)).rejects.toThrow(/registered cannot become archived/);
    await closeDocument(reg, id, 'completed', {}, NOW);
    await expect(sendDocument(reg, id, { recipients: ['王局长'], purpose: 'read' }, NOW)).rejects.toThrow(TransitionRefused);
  });

  it('keeps the due date while open — the earlier of 办理期限 and a recipient’s 归还日期 — and drops it when done', async () => {
    const { reg, id } = await registered({ deadline: '2026-11-30' });
    expect((await reg.get('documents', id))!.dueDate).toBe('2026-11-30');
    await sendDocument(reg, id, { recipients: ['王局长'], purpose: 'read', expectedReturn: '2026-11-20' }, NOW);
    expect((await reg.get('documents', id))!.dueDate).toBe('2026-11-20');
    expect(await countOverdue(reg, NOW)).toBe(1);
    await returnDocument(reg, id, '王局长', NOW);
    expect((await reg.get('documents', id))!.dueDate).toBe('2026-11-30');
    await closeDocument(reg, id, 'completed', {}, NOW);
    expect((await reg.get('documents', id))!.dueDate).toBeUndefined();
    expect(await countOverdue(reg, new Date(2026, 11, 5))).toBe(0);
  });
});
