import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { circulationState } from '@/utils/documents/circulation';
import { defaultReturnDate, deadlineStatus } from '@/utils/deadlines/deadline';
import { missingMandatory } from '@/utils/documents/mandatory-fields';
import { confirmClassification, eventsOf, logHandling, registerDocument, returnDocument, sendDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

let counter = 0;
let db: RegisterDB | undefined;
const NOW = new Date(2026, 10, 23, 9, 0);
const LATER = new Date(2026, 10, 24, 15, 0);

async function registered() {
  db = await openRegister(`doctrail-circ-${++counter}`);
  const { document } = await registerDocument(db, draft(), NOW);
  return { reg: db, id: document.id };
}

afterEach(() => db?.close());

describe('circulation (传阅) in the register', () => {
  it('records one sent event per recipient and puts the document in circulation', async () => {
    const { reg, id } = await registered();
    const state = await sendDocument(reg, id, { recipients: ['王局长', '陈主任'], purpose: 'read', expectedReturn: '2026-11-25' }, NOW);
    expect(state.document).toMatchObject({ status: 'in-circulation', currentHolder: '陈主任' });
    expect(state.circulation.map((r) => [r.recipient, r.purpose, r.expectedReturn, r.returnedAt])).toEqual([
      ['王局长', 'read', '2026-11-25', undefined],
      ['陈主任', 'read', '2026-11-25', undefined],
    ]);
    expect((await eventsOf(reg, id)).map((e) => e.type)).toEqual(['registered', 'sent', 'sent']);
  });

  it('is complete only when every recipient has returned the document', async () => {
    const { reg, id } = await registered();
    await sendDocument(reg, id, { recipients: ['王局长', '陈主任'], purpose: 'handle' }, NOW);
    const half = await returnDocument(reg, id, '王局长', LATER);
    expect(half.document).toMatchObject({ status: 'in-circulation', currentHolder: '陈主任' });
    expect(circulationState(await eventsOf(reg, id)).outstanding.map((r) => r.recipient)).toEqual(['陈主任']);
    const all = await returnDocument(reg, id, '陈主任', LATER);
    expect(all.document.status).toBe('returned');
    expect(all.document.currentHolder).toBeUndefined();
    expect(circulationState(await eventsOf(reg, id)).complete).toBe(true);
  });

  it('refuses a return from someone who does not have the document, and writes nothing', async () => {
    const { reg, id } = await registered();
    await sendDocument(reg, id, { recipients: ['王局长'], purpose: 'read' }, NOW);
    await expect(returnDocument(reg, id, '李副局长', LATER)).rejects.toThrow('李副局长 has no copy');
    expect((await eventsOf(reg, id)).map((e) => e.type)).toEqual(['registered', 'sent']);
  });

  it('logs prints, copies and downloads with their reason, and classification confirmations', async () => {
    const { reg, id } = await registered();
    await logHandling(reg, id, 'printed', { reason: '呈送王局长批阅', intercepted: true, detail: '打印' }, NOW);
    await logHandling(reg, id, 'printed', { intercepted: false, detail: 'browser' }, NOW);
    const confirmed = await confirmClassification(reg, id, 'secret', NOW);
    expect(confirmed.document.classification).toBe('secret');
    const events = await eventsOf(reg, id);
    expect(events.slice(1).map((e) => [e.type, e.details])).toEqual([
      ['printed', { reason: '呈送王局长批阅', intercepted: true, detail: '打印' }],
      ['printed', { intercepted: false, detail: 'browser' }],
      ['classification-confirmed', { classification: 'secret', classificationScheme: 'standard' }],
    ]);
  });

  it('logs the 密级 a clerk confirmed while registering a page that showed none', async () => {
    db = await openRegister(`doctrail-circ-${++counter}`);
    const { document } = await registerDocument(db, draft({ classification: 'internal' }), NOW, undefined, { classificationConfirmed: true });
    expect((await eventsOf(db, document.id)).map((e) => e.type)).toEqual(['registered', 'classification-confirmed']);
  });
});

describe('deadlines and required elements', () => {
  it('counts down to the deadline, amber within the lead time, red when overdue', () => {
    expect(deadlineStatus('2026-11-28', '2026-11-23')).toEqual({ state: 'ok', daysLeft: 5 });
    expect(deadlineStatus('2026-11-24', '2026-11-23')).toEqual({ state: 'due-soon', daysLeft: 1 });
    expect(deadlineStatus('2026-11-23', '2026-11-23')).toEqual({ state: 'due-soon', daysLeft: 0 });
    expect(deadlineStatus('2026-11-20', '2026-11-23')).toEqual({ state: 'overdue', daysLeft: -3 });
  });

  it('expects an urgent document back the same day, others by their deadline or in three days', () => {
    expect(defaultReturnDate('2026-11-23', '2026-11-28', true)).toBe('2026-11-23');
    expect(defaultReturnDate('2026-11-23', '2026-11-28', false)).toBe('2026-11-28');
    expect(defaultReturnDate('2026-11-23', '2026-11-20', false)).toBe('2026-11-26');
    expect(defaultReturnDate('2026-11-30', undefined, false)).toBe('2026-12-03');
  });

  it('names the missing required elements of a registration', () => {
    expect(missingMandatory(draft())).toEqual([]);
    expect(missingMandatory(draft({ issuer: undefined, classification: undefined }))).toEqual(['issuer', 'classification']);
  });
});
