import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  builtInCalendarData,
  calendarFileSchema,
  createCalendar,
  defaultCalendar,
  isWorkingDayOrNext,
  mergeCalendarFiles,
  nextWorkingDay,
  parseCalendarFile,
  workingDaysBetween,
  type CalendarFile,
} from '@/utils/deadlines/working-days';

// A test fixture in the chinese-days per-year format: plausible 2027 data (元旦 Fri 01-01..Sun 01-03, 春节
// 02-05..02-13 with make-up Sundays/Saturdays 01-31 and 02-20), NOT the official 2027 calendar.
const FIXTURE_2027_TEXT = readFileSync(resolve('tests/fixtures/calendar/2027.json'), 'utf8');

function fixture2027(): CalendarFile {
  const parsed = parseCalendarFile(FIXTURE_2027_TEXT);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.file;
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const cal = defaultCalendar();

describe('the built-in 2026 calendar', () => {
  it('has 国庆节 2026-10-01..07 off, even the weekdays', () => {
    for (const date of days('2026-10-01', '2026-10-07')) expect(cal.isWorkingDay(date), date).toBe(false);
    expect(cal.isWorkingDay('2026-09-30')).toBe(true);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('makes the 调休 Saturdays working days', () => {
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday after 国庆节
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday before 春节
    expect(cal.isWorkingDay('2026-02-28')).toBe(true); // Saturday after 春节
    expect(cal.isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday stays off
  });

  it('has 春节 2026-02-15..23 off', () => {
    for (const date of days('2026-02-15', '2026-02-23')) expect(cal.isWorkingDay(date), date).toBe(false);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
  });

  it('describes a day the way a clerk would read it', () => {
    expect(cal.describe('2026-10-01')).toEqual({ working: false, reason: 'holiday', name: '国庆节' });
    expect(cal.describe('2026-10-10')).toEqual({ working: true, reason: 'make-up-workday', name: '国庆节' });
    expect(cal.describe('2026-02-16')).toEqual({ working: false, reason: 'holiday', name: '春节' });
    expect(cal.describe('2026-11-20')).toEqual({ working: true, reason: 'weekday' });
    expect(cal.describe('2026-11-21')).toEqual({ working: false, reason: 'weekend' });
  });

  it('is covered until 2026; later years keep the statutory holidays and weekends, marked as a forecast', () => {
    expect(cal.coveredUntil).toBe(2026);
    expect(cal.describe('2027-01-01')).toEqual({ working: false, reason: 'holiday', name: '元旦', forecast: true }); // a Friday
    expect(cal.describe('2027-01-04')).toEqual({ working: true, reason: 'weekday', forecast: true });
    expect(cal.isWorkingDay('2027-01-02')).toBe(false); // a Saturday
  });

  it('is memoised', () => {
    expect(defaultCalendar()).toBe(cal);
  });

  it('rejects a date that is not yyyy-mm-dd', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026/10/01')).toThrow(RangeError);
  });
});

describe('counting 工作日', () => {
  it('gives the first working day after 国庆节 for "1 个工作日" from 09-30', () => {
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
  });

  it('counts 5 working days from Monday 2026-09-28 across the holiday and the 调休 Saturday', () => {
    // 09-29 Tue (1), 09-30 Wed (2), 10-01..07 国庆节 off, 10-08 Thu (3), 10-09 Fri (4), 10-10 Sat 调休 (5).
    expect(addWorkingDays(cal, '2026-09-28', 5)).toBe('2026-10-10');
    // One more skips Sunday 10-11 and lands on Monday.
    expect(addWorkingDays(cal, '2026-09-28', 6)).toBe('2026-10-12');
  });

  it('skips an ordinary weekend', () => {
    expect(addWorkingDays(cal, '2026-11-20' /* Fri */, 1)).toBe('2026-11-23');
    expect(addWorkingDays(cal, '2026-11-21' /* Sat */, 1)).toBe('2026-11-23');
  });

  it('crosses 春节 via its make-up Saturday', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-14', 1)).toBe('2026-02-24');
  });

  it('treats 0 working days as "today if working, else the next working day"', () => {
    expect(addWorkingDays(cal, '2026-11-20', 0)).toBe('2026-11-20');
    expect(addWorkingDays(cal, '2026-10-03', 0)).toBe('2026-10-08');
    expect(isWorkingDayOrNext(cal, '2026-10-10')).toBe('2026-10-10');
    expect(isWorkingDayOrNext(cal, '2026-10-11')).toBe('2026-10-12');
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays(cal, '2026-11-20', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-11-20', 1.5)).toThrow(RangeError);
  });

  it('finds the next working day strictly after a date', () => {
    expect(nextWorkingDay(cal, '2026-11-23')).toBe('2026-11-24');
    expect(nextWorkingDay(cal, '2026-09-30')).toBe('2026-10-08');
    expect(nextWorkingDay(cal, '2026-10-09')).toBe('2026-10-10');
  });

  it('counts working days between two dates (from excluded, to included)', () => {
    expect(workingDaysBetween(cal, '2026-11-20', '2026-11-23')).toBe(1); // Fri → Mon over a weekend
    expect(workingDaysBetween(cal, '2026-11-20', '2026-11-20')).toBe(0);
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-08')).toBe(1); // over the whole 国庆节 break
    // Fri 09-25 → Mon 10-12: 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (调休), 10-12 = 7.
    expect(workingDaysBetween(cal, '2026-09-25', '2026-10-12')).toBe(7);
    expect(workingDaysBetween(cal, '2026-10-12', '2026-09-25')).toBe(-7);
  });

  it('agrees with addWorkingDays', () => {
    for (const n of [1, 3, 5, 10, 20]) {
      expect(workingDaysBetween(cal, '2026-09-21', addWorkingDays(cal, '2026-09-21', n))).toBe(n);
    }
  });
});

describe('an imported newer calendar', () => {
  it('parses the fixture and reports its years', () => {
    const parsed = parseCalendarFile(FIXTURE_2027_TEXT);
    expect(parsed).toMatchObject({ ok: true, years: [2027] });
  });

  it('makes 2027-01-01 a holiday and extends the coverage', () => {
    const withImport = createCalendar(builtInCalendarData(), fixture2027());
    expect(withImport.describe('2027-01-01')).toEqual({ working: false, reason: 'holiday', name: '元旦' });
    expect(withImport.coveredUntil).toBe(2027);
    expect(withImport.isWorkingDay('2027-01-31')).toBe(true); // a make-up Sunday
    expect(addWorkingDays(withImport, '2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays(withImport, '2027-02-04', 1)).toBe('2027-02-15');
    // Without the import 元旦 is still a statutory day off (a forecast), so the answer is the same here.
    expect(addWorkingDays(cal, '2026-12-31', 1)).toBe('2027-01-04');
    expect(cal.isForecast('2027-01-04')).toBe(true);
    expect(withImport.isForecast('2027-01-04')).toBe(false);
    // The built-in 2026 data is still there.
    expect(withImport.isWorkingDay('2026-10-10')).toBe(true);
    expect(withImport.isWorkingDay('2026-10-01')).toBe(false);
  });

  it('lets a later file change the meaning of a date', () => {
    const correction: CalendarFile = {
      holidays: { '2026-10-10': 'Correction,更正,0' },
      workdays: { '2026-10-05': 'Correction,更正,0' },
    };
    const corrected = createCalendar(builtInCalendarData(), correction);
    expect(corrected.isWorkingDay('2026-10-10')).toBe(false);
    expect(corrected.describe('2026-10-05')).toEqual({ working: true, reason: 'make-up-workday', name: '更正' });
    // Order matters: the built-in data listed last wins back.
    expect(createCalendar(correction, builtInCalendarData()).isWorkingDay('2026-10-10')).toBe(true);
  });

  it('merges into one stored file that behaves like the two applied in order', () => {
    const correction: CalendarFile = { holidays: { '2026-10-10': 'x,更正,0' }, workdays: { '2026-10-05': 'x,更正,0' } };
    const merged = mergeCalendarFiles(mergeCalendarFiles(builtInCalendarData(), fixture2027()), correction);
    expect(calendarFileSchema.safeParse(merged).success).toBe(true); // no date both holiday and workday
    const layered = createCalendar(builtInCalendarData(), fixture2027(), correction);
    const single = createCalendar(merged);
    for (const date of [...days('2026-09-15', '2026-10-20'), ...days('2026-12-25', '2027-02-25')]) {
      expect(single.describe(date), date).toEqual(layered.describe(date));
    }
    expect(single.coveredUntil).toBe(2027);
  });
});

describe('parseCalendarFile', () => {
  function failure(text: string): string {
    const parsed = parseCalendarFile(text);
    if (parsed.ok) throw new Error('expected a failure');
    return parsed.message;
  }

  it('rejects text that is not JSON', () => {
    expect(failure('元旦 1月1日')).toMatch(/not valid JSON/i);
  });

  it('names an impossible date key', () => {
    const message = failure('{"holidays": {"2027-13-01": "x"}, "workdays": {}}');
    expect(message).toContain('holidays');
    expect(message).toContain('2027-13-01');
    expect(message).toMatch(/not a real calendar date/);
  });

  it('names a key in the wrong date format', () => {
    expect(failure('{"holidays": {"2027/1/1": "x"}, "workdays": {}}')).toMatch(/"2027\/1\/1" is not a date in yyyy-mm-dd form/);
  });

  it('says when workdays is missing', () => {
    expect(failure('{"holidays": {"2027-01-01": "元旦"}}')).toMatch(/workdays: missing/);
  });

  it('names a value that is not text', () => {
    const message = failure('{"holidays": {"2027-01-01": 1}, "workdays": {}}');
    expect(message).toContain('holidays["2027-01-01"]');
    expect(message).toMatch(/expected text.*got number 1/);
  });

  it('rejects a date that is both a holiday and a make-up working day', () => {
    expect(failure('{"holidays": {"2027-01-04": "x"}, "workdays": {"2027-01-04": "y"}}')).toMatch(
      /2027-01-04 is listed both as a holiday and as a make-up working day/,
    );
  });

  it('rejects a file that is not an object, or lists nothing', () => {
    expect(failure('[]')).toMatch(/JSON object with "holidays" and "workdays"/);
    expect(failure('{"holidays": {}, "workdays": {}}')).toMatch(/no holidays or make-up working days/);
  });

  it('accepts extra top-level keys and a bare name as value', () => {
    const parsed = parseCalendarFile('{"source": "gov.cn", "holidays": {"2027-01-01": "元旦"}, "workdays": {}}');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(createCalendar(parsed.file).describe('2027-01-01').name).toBe('元旦');
  });
});
