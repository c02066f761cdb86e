import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { importCalendar, workingCalendar } from '@/utils/register/settings-store';
import { parseCalendarFile } from '@/utils/deadlines/working-days';
import { extensionPage } from '../support/senders';

/** ../shared/cases/security/calendar-every-day-holiday.mjs: every day a holiday for N days, plus 0001-01-01 and 9999-12-31. */
const everyDayHoliday = (days: number) => execFileSync(process.execPath, ['tests/fixtures/security/calendar-every-day-holiday.mjs', String(days)], { encoding: 'utf8' });
const SELF = extensionPage('doctrail-id');
let counter = 0;
let db: RegisterDB;
afterEach(() => db?.close());

async function background() {
  db = await openRegister(`doctrail-calendar-limits-${++counter}`);
  const handle = createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 23, 10), extensionId: SELF.id });
  return (request: Record<string, unknown>) => handle(request, SELF);
}

describe('holiday calendar import (hole 12)', () => {
  it('refuses the reproduction (years 0001 and 9999, 40,000 days off) with a clear message and keeps the calendar as it was', async () => {
    const ask = await background();
    const before = await ask({ type: 'settings.get' });
    const answer = await ask({ type: 'calendar.import', file: JSON.parse(everyDayHoliday(40_000)) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('holidays["0001-01-01"]: 0001-01-01 is outside the years 2000–2100') } });
    expect(await ask({ type: 'settings.get' })).toEqual(before);
    expect(await db.get('settings', 'calendar')).toBeUndefined();
  });

  it('refuses a year with more days off than any official calendar, naming the year', () => {
    const file = JSON.parse(everyDayHoliday(200));
    delete file.holidays['0001-01-01'];
    delete file.holidays['9999-12-31'];
    expect(parseCalendarFile(JSON.stringify(file))).toEqual({ ok: false, message: expect.stringContaining('2027 lists 169 days off; an official calendar has at most 60 a year') });
  });

  it('refuses a second file that would push a year over the limit once merged, leaving the first in force', async () => {
    const ask = await background();
    const days = (from: number, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`2030-${String(from + Math.floor(i / 28)).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, 'x,假日,1']));
    expect(await ask({ type: 'calendar.import', file: { holidays: days(1, 40), workdays: {} } })).toMatchObject({ ok: true, data: { importedYears: [2030] } });
    const second = await ask({ type: 'calendar.import', file: { holidays: days(5, 40), workdays: {} } });
    expect(second).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('2030 lists 80 days off') } });
    expect(Object.keys(((await db.get('settings', 'calendar')) as { holidays: object }).holidays)).toHaveLength(40);
  });

  it('builds the calendar once and keeps it until an import changes it', async () => {
    await background();
    const first = await workingCalendar(db);
    expect(await workingCalendar(db)).toBe(first);
    await importCalendar(db, { holidays: { '2027-01-01': 'New Year,元旦,1' }, workdays: {} });
    const second = await workingCalendar(db);
    expect(second).not.toBe(first);
    expect(second.describe('2027-01-01')).toMatchObject({ working: false, reason: 'holiday' });
    expect(await workingCalendar(db)).toBe(second);
  });
});
