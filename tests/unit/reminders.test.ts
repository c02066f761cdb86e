import { describe, expect, it } from 'vitest';
import type { ReminderState } from '@/utils/register/db-schema';
import { dueSoonHorizon, nextSlotAfter, planReminders, snoozeUntil, type DueDocument } from '@/utils/reminders/reminders';
import { DEFAULT_SETTINGS } from '@/utils/register/settings';
import { defaultCalendar } from '@/utils/deadlines/working-days';

const calendar = defaultCalendar();
const settings = DEFAULT_SETTINGS; // 09:00, 1 working day ahead, 机密/绝密 masked

const overdue: DueDocument = { id: 'a', registrationNo: '收〔2026〕0012号', title: '关于报送年度工作总结的通知', classification: 'none', dueDate: '2026-11-20' };
const dueMonday: DueDocument = { id: 'b', registrationNo: '收〔2026〕0013号', title: '关于开展安全生产检查的通知', classification: 'confidential', dueDate: '2026-11-24' };
const secretOne: DueDocument = { id: 'c', registrationNo: '收〔2026〕0014号', title: '绝密会议纪要', classification: 'top-secret', dueDate: '2026-11-19' };

const at = (y: number, m: number, d: number, hh: number, mm = 0) => new Date(y, m - 1, d, hh, mm);
const plan = (now: Date, due: DueDocument[], states = new Map<string, ReminderState>()) =>
  planReminders({ now, settings, calendar, due, states });

describe('the daily reminder round', () => {
  it('waits for the reminder time, then brings up overdue documents first and due-soon ones after', () => {
    expect(plan(at(2026, 11, 23, 8, 59), [overdue, dueMonday]).notify).toEqual([]);
    const round = plan(at(2026, 11, 23, 9, 0), [dueMonday, overdue]);
    expect(round.notify.map((n) => [n.registrationNo, n.kind])).toEqual([
      ['收〔2026〕0012号', 'overdue'],
      ['收〔2026〕0013号', 'due-soon'],
    ]);
  });

  it('brings each document up once a working day, and again the next working day', () => {
    const shown = new Map([['a', { docId: 'a', lastNotifiedAt: at(2026, 11, 23, 9, 0).getTime() }]]);
    expect(plan(at(2026, 11, 23, 15, 0), [overdue], shown).notify).toEqual([]);
    expect(plan(at(2026, 11, 24, 9, 5), [overdue], shown).notify.map((n) => n.docId)).toEqual(['a']);
  });

  it('still gives the 09:00 round to a browser first opened at 10:30', () => {
    expect(plan(at(2026, 11, 23, 10, 30), [overdue]).notify).toHaveLength(1);
  });

  it('is quiet on weekends and official holidays but works on a make-up working Saturday (调休)', () => {
    expect(plan(at(2026, 11, 21, 10, 0), [overdue]).notify).toEqual([]); // Saturday
    expect(plan(at(2026, 10, 1, 10, 0), [overdue]).notify).toEqual([]); // 国庆节
    expect(plan(at(2026, 10, 10, 10, 0), [overdue]).notify).toHaveLength(1); // Saturday, 调休上班
  });

  it('hides the titles of 机密 and 绝密 documents unless the clerk turns masking off', () => {
    const [shown] = plan(at(2026, 11, 23, 9, 0), [secretOne]).notify;
    expect(shown).toMatchObject({ registrationNo: '收〔2026〕0014号', title: undefined });
    const unmasked = planReminders({ now: at(2026, 11, 23, 9, 0), settings: { ...settings, maskClassifiedTitles: false }, calendar, due: [secretOne], states: new Map() });
    expect(unmasked.notify[0]!.title).toBe('绝密会议纪要');
    expect(plan(at(2026, 11, 23, 9, 0), [dueMonday]).notify[0]!.title).toBe('关于开展安全生产检查的通知'); // 秘密 is not masked
  });

  it('wakes next at the reminder time of the next working day, skipping the weekend and the National Day holiday', () => {
    expect(new Date(nextSlotAfter(at(2026, 11, 20, 9, 30), '09:00', calendar))).toEqual(at(2026, 11, 23, 9, 0));
    expect(new Date(nextSlotAfter(at(2026, 9, 30, 18, 0), '09:00', calendar))).toEqual(at(2026, 10, 8, 9, 0));
    expect(new Date(nextSlotAfter(at(2026, 11, 23, 7, 0), '09:00', calendar))).toEqual(at(2026, 11, 23, 9, 0));
  });

  it('counts the due-soon window in working days: on Friday, Monday is one working day away', () => {
    expect(dueSoonHorizon(calendar, '2026-11-20', 1)).toBe('2026-11-23');
    expect(dueSoonHorizon(calendar, '2026-09-30', 1)).toBe('2026-10-08');
  });
});

describe('snoozing a reminder', () => {
  it('keeps a snoozed document quiet until the snooze ends, then brings it up whatever the hour', () => {
    const now = at(2026, 11, 23, 9, 0);
    const until = snoozeUntil({ kind: 'hour' }, now, '09:00', calendar);
    expect(new Date(until)).toEqual(at(2026, 11, 23, 10, 0));
    const states = new Map([['a', { docId: 'a', lastNotifiedAt: now.getTime(), snoozedUntil: until }]]);
    const during = plan(at(2026, 11, 23, 9, 30), [overdue], states);
    expect(during.notify).toEqual([]);
    expect(new Date(during.nextWakeAt)).toEqual(at(2026, 11, 23, 10, 0));
    expect(plan(at(2026, 11, 23, 10, 0), [overdue], states).notify).toHaveLength(1);
  });

  it('"tomorrow" on a Friday means Monday at the reminder time; a picked holiday moves to the next working day', () => {
    expect(new Date(snoozeUntil({ kind: 'tomorrow' }, at(2026, 11, 20, 16, 0), '09:00', calendar))).toEqual(at(2026, 11, 23, 9, 0));
    expect(new Date(snoozeUntil({ kind: 'date', date: '2026-10-03' }, at(2026, 9, 29, 16, 0), '08:30', calendar))).toEqual(at(2026, 10, 8, 8, 30));
  });
});

describe('reminders past the official holiday arrangement', () => {
  it('on 2026-12-31 the next working day is 2027-01-04 (元旦 a statutory day off): due soon, and marked a forecast; a 2026 date is not', () => {
    const nextYear: DueDocument = { id: 'f', registrationNo: '收〔2026〕0512号', title: '关于做好2027年元旦春节期间值班工作的通知', classification: 'none', dueDate: '2027-01-04' };
    const thisYear: DueDocument = { ...overdue, id: 'g', dueDate: '2026-12-31' };
    expect(dueSoonHorizon(calendar, '2026-12-31', 1)).toBe('2027-01-04');
    const round = plan(at(2026, 12, 31, 9, 0), [nextYear, thisYear]);
    expect(round.notify.map((n) => [n.docId, n.kind, n.forecast ?? false])).toEqual([
      ['g', 'due-soon', false],
      ['f', 'due-soon', true],
    ]);
  });
});
