import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from '@/utils/deadlines/statutory-holidays';
import { addWorkingDays, builtInCalendarData, createCalendar, defaultCalendar } from '@/utils/deadlines/working-days';
import { resolveWorkingDayDeadline } from '@/utils/deadlines/working-day-deadline';

interface F12 {
  results: ({ what: 'isWorkingDay'; date: string; expected: boolean } | { what: 'deadlineFromWorkingDays'; receivedDate: string; deadline: string; expected: string })[];
}
const f12 = JSON.parse(readFileSync('tests/fixtures/data/f12-workdays-2027-boundary.expected.json', 'utf8')) as F12;

describe('statutory holidays past the official arrangement (全国年节及纪念日放假办法, 2024)', () => {
  it('f12: 2027 元旦 and 春节 are days off, and 7 个工作日 from 2026-12-24 ends on 2027-01-05', () => {
    const calendar = defaultCalendar();
    expect(calendar.coveredUntil).toBe(2026);
    for (const check of f12.results) {
      if (check.what === 'isWorkingDay') expect([check.date, calendar.isWorkingDay(check.date)]).toEqual([check.date, check.expected]);
      else {
        const days = Number(/(\d+)/.exec(check.deadline)![1]);
        expect(resolveWorkingDayDeadline<{ receivedDate: string; deadlineWorkingDays: number; deadline?: string }>({ receivedDate: check.receivedDate, deadlineWorkingDays: days }, calendar, '2026-11-30').deadline).toBe(check.expected);
      }
    }
  });

  it('marks every day past the data as a forecast, and none inside it', () => {
    const calendar = defaultCalendar();
    expect(calendar.describe('2027-01-01')).toEqual({ working: false, reason: 'holiday', name: '元旦', forecast: true });
    expect(calendar.describe('2027-01-04')).toEqual({ working: true, reason: 'weekday', forecast: true });
    expect(calendar.describe('2026-12-31').forecast).toBeUndefined();
    expect(calendar.isForecast('2027-01-05')).toBe(true);
    expect(calendar.isForecast('2026-12-31')).toBe(false);
  });

  it('follows the lunar calendar year by year: 春节 is 除夕 to 初三, 端午 and 中秋 move', () => {
    const names = (year: number) => statutoryHolidays(year).map((d) => `${d.date} ${d.name}`);
    expect(names(2027)).toEqual([
      '2027-01-01 元旦', '2027-02-05 春节', '2027-02-06 春节', '2027-02-07 春节', '2027-02-08 春节', '2027-04-05 清明节',
      '2027-05-01 劳动节', '2027-05-02 劳动节', '2027-06-09 端午节', '2027-09-15 中秋节', '2027-10-01 国庆节', '2027-10-02 国庆节', '2027-10-03 国庆节',
    ]);
    // 2028: 中秋 falls on 3 October, one day off with both names; 春节 in January
    expect(names(2028)).toContain('2028-10-03 中秋节、国庆节');
    expect(names(2028).filter((d) => d.endsWith('春节'))).toEqual(['2028-01-25 春节', '2028-01-26 春节', '2028-01-27 春节', '2028-01-28 春节']);
    expect(statutoryHolidays(2030)).toHaveLength(13);
    expect(() => statutoryHolidays(2100)).toThrow(RangeError);
  });

  it('agrees with the official arrangements chinese-days holds: every statutory day off of 2025 and 2026 is a holiday there', () => {
    const official = builtInCalendarData();
    for (const year of [2025, 2026]) {
      const missing = statutoryHolidays(year).filter((day) => !(day.date in official.holidays));
      expect([year, missing]).toEqual([year, []]);
    }
  });

  it('an imported arrangement for the year replaces the forecast, 调休 included', () => {
    const arrangement = { holidays: { '2027-01-01': 'New Year,元旦,1' }, workdays: { '2027-02-20': 'Spring Festival,春节,8' } };
    const calendar = createCalendar(builtInCalendarData(), arrangement);
    expect(calendar.coveredUntil).toBe(2027);
    expect(calendar.isForecast('2027-06-01')).toBe(false);
    expect(calendar.describe('2027-02-20')).toEqual({ working: true, reason: 'make-up-workday', name: '春节' });
    // past 2027 the forecast starts again
    expect(addWorkingDays(calendar, '2027-12-30', 1)).toBe('2027-12-31');
    expect(calendar.isWorkingDay('2028-01-01')).toBe(false);
  });
});
