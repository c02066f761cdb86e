import 'fake-indexeddb/auto';
import { extensionPage } from '../support/senders';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { Request } from '@/utils/messaging/protocol';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

const SELF = extensionPage('doctrail-extension-id');
const NOW = new Date(2026, 10, 23, 9, 0); // Monday
let counter = 0;
let db: RegisterDB;

afterEach(() => db?.close());

async function handler() {
  db = await openRegister(`doctrail-dash-${++counter}`);
  let tick = 0; // each request a minute later, as a clerk's clicks are
  const handle = createMessageHandler({ db: async () => db, now: () => new Date(NOW.getTime() + 60_000 * tick++), extensionId: SELF.id });
  return async (request: Request) => {
    const response = await handle(request, SELF);
    if (!response.ok) throw Object.assign(new Error(response.error.message), { code: response.error.code });
    return response.data as never;
  };
}

async function seeded() {
  const ask = await handler();
  const docs = [
    draft({ docNumber: '省政办发〔2026〕15号', title: '关于进一步加强公文处理工作的通知', receivedDate: '2026-11-18', deadline: '2026-11-20', classification: 'confidential' }),
    draft({ docNumber: '市教发〔2026〕3号', title: '关于开展校园安全检查的通知', issuer: '市教育局', receivedDate: '2026-11-10', deadline: '2026-12-15', classification: 'none' }),
    draft({ docNumber: '省档发〔2026〕7号', title: '关于档案移交的函', issuer: '省档案局', receivedDate: '2026-10-30', deadline: undefined, classification: 'secret' }),
  ];
  const ids: string[] = [];
  for (const d of docs) ids.push(((await ask({ type: 'document.register', draft: d })) as { state: { document: { id: string } } }).state.document.id);
  return { ask, ids };
}

describe('the dashboard’s register queries', () => {
  it('pages the whole register newest first and counts it', async () => {
    const { ask } = await seeded();
    const page = (await ask({ type: 'register.query', query: { limit: 2 } })) as { total: number; rows: { docNumber: string }[] };
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.docNumber)).toEqual(['省档发〔2026〕7号', '市教发〔2026〕3号']);
  });

  it('filters overdue, by 密级, by 收文日期 and by text, and sorts by 办理期限 with blanks last', async () => {
    const { ask } = await seeded();
    const q = async (query: object) => ((await ask({ type: 'register.query', query } as Request)) as { rows: { docNumber: string }[] }).rows.map((r) => r.docNumber);
    expect(await q({ overdue: true })).toEqual(['省政办发〔2026〕15号']);
    expect(await q({ classification: ['confidential', 'secret'], sort: 'registrationNo', direction: 'asc' })).toEqual(['省政办发〔2026〕15号', '省档发〔2026〕7号']);
    expect(await q({ from: '2026-11-01', to: '2026-11-30', sort: 'receivedDate', direction: 'asc' })).toEqual(['市教发〔2026〕3号', '省政办发〔2026〕15号']);
    expect(await q({ text: '校园' })).toEqual(['市教发〔2026〕3号']);
    expect(await q({ sort: 'deadline', direction: 'asc' })).toEqual(['省政办发〔2026〕15号', '市教发〔2026〕3号', '省档发〔2026〕7号']);
    expect(await q({ sort: 'deadline', direction: 'desc' })).toEqual(['市教发〔2026〕3号', '省政办发〔2026〕15号', '省档发〔2026〕7号']);
  });

  it('answers a refused transition with its reason, and a history with circulation and reminder state', async () => {
    const { ask, ids } = await seeded();
    await expect(ask({ type: 'document.close', docId: ids[0]!, to: 'destroyed', approver: '张处长', witness: '李干事' })).rejects.toMatchObject({ code: 'refused' });
    await ask({ type: 'circulation.send', docId: ids[0]!, recipients: ['王局长'], purpose: 'read' });
    await expect(ask({ type: 'circulation.return', docId: ids[0]!, recipient: '陈主任' })).rejects.toMatchObject({ code: 'refused' });
    const snoozed = (await ask({ type: 'reminder.snooze', docId: ids[0]!, until: { kind: 'tomorrow' } })) as { snoozedUntil: number };
    expect(new Date(snoozed.snoozedUntil)).toEqual(new Date(2026, 10, 24, 9, 0));
    const history = (await ask({ type: 'document.history', docId: ids[0]! })) as { events: { type: string }[]; circulation: { recipient: string }[]; reminder: { snoozedUntil: number } };
    expect(history.events.map((e) => e.type)).toEqual(['registered', 'sent']);
    expect(history.circulation.map((r) => r.recipient)).toEqual(['王局长']);
    expect(history.reminder.snoozedUntil).toBe(snoozed.snoozedUntil);
  });
});

describe('settings and the holiday calendar', () => {
  it('saves settings, refuses an invalid numbering format, and numbers new documents with the saved format', async () => {
    const ask = await handler();
    await expect(ask({ type: 'settings.update', patch: { numberFormat: '收文{NNN}' } })).rejects.toMatchObject({ code: 'invalid-message', message: /YYYY/ });
    const saved = (await ask({ type: 'settings.update', patch: { clerkName: '李文书', numberFormat: '办收〔{YYYY}〕{NNN}号', reminderTime: '08:30' } })) as { clerkName: string };
    expect(saved).toMatchObject({ clerkName: '李文书', reminderTime: '08:30', leadWorkingDays: 1 });
    const registered = (await ask({ type: 'document.register', draft: draft() })) as { state: { document: { registrationNo: string } } };
    expect(registered.state.document.registrationNo).toBe('办收〔2026〕001号');
  });

  it('imports a newer calendar, extending the covered years, and rejects a broken one with its reason', async () => {
    const ask = await handler();
    const before = (await ask({ type: 'settings.get' })) as { calendar: { coveredUntil: number } };
    expect(before.calendar.coveredUntil).toBe(2026);
    const file = JSON.parse(readFileSync('tests/fixtures/calendar/2027.json', 'utf8'));
    expect(await ask({ type: 'calendar.import', file })).toEqual({ coveredUntil: 2027, importedYears: [2027], movedDeadlines: 0 });
    await expect(ask({ type: 'calendar.import', file: { holidays: { '2027-13-01': '元旦' }, workdays: {} } })).rejects.toMatchObject({
      code: 'refused',
      message: /2027-13-01/,
    });
  });

  it('a deadline counted in working days past the calendar is a forecast, and moves (logged) when the year is imported', async () => {
    const ask = await handler();
    type State = { document: { id: string; deadline: string; registrationNo: string }; due?: { forecast?: boolean } };
    const registered: { state: State } = await ask({
      type: 'document.register',
      draft: draft({ docNumber: '省政办发〔2027〕3号', receivedDate: '2027-02-01', deadline: undefined, deadlineWorkingDays: 5 }),
    });
    // 2027-02-05 and 02-08 are statutory 春节 days off: 02-02, 03, 04, 09, 10
    expect(registered.state.document.deadline).toBe('2027-02-10');
    expect(registered.state.due?.forecast).toBe(true);
    const file = JSON.parse(readFileSync('tests/fixtures/calendar/2027.json', 'utf8'));
    expect(await ask({ type: 'calendar.import', file })).toMatchObject({ coveredUntil: 2027, movedDeadlines: 1 });
    // the imported arrangement has 春节 off until 02-13: 02-02, 03, 04, 15, 16
    const after = await db.get('documents', registered.state.document.id);
    expect(after).toMatchObject({ deadline: '2027-02-16', dueDate: '2027-02-16' });
    const all = await db.getAll('events');
    const logged = all.find((e) => e.type === 'calendar-imported');
    expect(logged?.details).toEqual({ years: [2027], moved: [{ docId: registered.state.document.id, registrationNo: registered.state.document.registrationNo, from: '2027-02-10', to: '2027-02-16' }] });
    const { verifyRegister } = await import('@/utils/register/chain-store');
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact' });
  });

  it('a 办理期限 the sender wrote is not a forecast, even past the calendar', async () => {
    const ask = await handler();
    const registered: { state: { document: { deadline: string }; due?: { date: string; forecast?: boolean } } } = await ask({
      type: 'document.register',
      draft: draft({ docNumber: '省政办发〔2027〕4号', receivedDate: '2027-02-01', deadline: '2027-02-10' }),
    });
    expect(registered.state.due).toMatchObject({ date: '2027-02-10' });
    expect(registered.state.due?.forecast).toBeUndefined();
  });
});
