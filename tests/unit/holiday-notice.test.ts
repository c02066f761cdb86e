import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHolidayNotice } from '@/utils/deadlines/holiday-notice';
import { builtInCalendarData } from '@/utils/deadlines/working-days';

const notice = (year: number) => readFileSync(`tests/fixtures/calendar/notices/${year}.txt`, 'utf8');
const official = builtInCalendarData();
const inYear = (record: Record<string, string>, year: number) => Object.keys(record).filter((d) => d.startsWith(`${year}-`)).sort();

const FIXTURE_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
const parsedFile = (year: number) => {
  const parsed = parseHolidayNotice(notice(year));
  if (!parsed.ok) throw new Error(`${year}: ${parsed.message}`);
  return parsed;
};

describe('the State Council notice pasted in', () => {
  for (const year of FIXTURE_YEARS) {
    it(`reads the ${year} notice exactly as chinese-days holds that year`, () => {
      const parsed = parsedFile(year);
      expect(parsed.year).toBe(year);
      // every day the notice gives off or back to work is in the official data
      expect(Object.keys(parsed.file.holidays).filter((d) => !(d in official.holidays))).toEqual([]);
      expect(Object.keys(parsed.file.workdays).filter((d) => !(d in official.workdays))).toEqual([]);
      // and the notice accounts for every official day of that year; a day the next year's notice gives
      // (元旦 starting on 31 December, as 2022-12-31 in the 2023 notice) is that notice's
      const next = FIXTURE_YEARS.includes(year + 1) ? parsedFile(year + 1).file : { holidays: {}, workdays: {} };
      const own = (record: Record<string, string>, nextRecord: Record<string, string>) =>
        inYear(record, year).concat(inYear(nextRecord, year)).sort();
      expect(own(parsed.file.holidays, next.holidays)).toEqual(inYear(official.holidays, year));
      expect(own(parsed.file.workdays, next.workdays)).toEqual(inYear(official.workdays, year));
    });
  }

  it('counts, per fixture year, the days off and make-up working days it read (all equal to chinese-days)', () => {
    const counts = Object.fromEntries(
      FIXTURE_YEARS.map((year) => {
        const { file } = parsedFile(year);
        return [year, [inYear(file.holidays, year).length, inYear(file.workdays, year).length]];
      }),
    );
    expect(counts).toEqual({
      2020: [30, 6], 2021: [31, 7], 2022: [31, 7], 2023: [26, 7], 2024: [28, 8],
      2025: [28, 5], 2026: [33, 6],
    });
  });

  it('reads a later notice that extends a festival (2020: 春节 to 2 February, 1 February no longer a working day)', () => {
    const { file, items } = parsedFile(2020);
    const spring = items.find((i) => i.name === '春节')!;
    expect(spring.holidays.at(-1)).toBe('2020-02-02');
    expect(file.holidays['2020-01-31']).toBeDefined();
    expect(file.workdays['2020-02-01']).toBeUndefined();
    expect(file.workdays['2020-01-19']).toBeDefined();
    // the annual notice alone keeps 1 February as a make-up working day
    const annual = parseHolidayNotice(notice(2020).split('国务院办公厅关于延长')[0]!);
    expect(annual.ok && annual.file.workdays['2020-02-01']).toBeTruthy();
    expect(annual.ok && annual.file.holidays['2020-01-31']).toBeUndefined();
  });

  it('names each festival and leaves out what is only encouraged (除夕 in 2024)', () => {
    const parsed = parseHolidayNotice(notice(2024));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.items.map((i) => i.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(parsed.file.holidays['2024-02-09']).toBeUndefined();
    expect(parsed.file.holidays['2024-10-01']).toBe('National Day,国庆节,7');
  });

  it('reads the lines the issue quotes for a future year, half-width or full-width', () => {
    const text = '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）放假，与周末连休。\n二、春节:2月5日(农历除夕、周五)至12日(农历正月初八、周五)放假调休,共8天。2月14日(周日)、2月20日(周六)上班。';
    const parsed = parseHolidayNotice(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.year).toBe(2027);
    expect(Object.keys(parsed.file.holidays)).toEqual(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12']);
    expect(Object.keys(parsed.file.workdays)).toEqual(['2027-02-14', '2027-02-20']);
  });

  it('says what it could not read instead of guessing', () => {
    expect(parseHolidayNotice('随便一段文字')).toEqual({ ok: false, message: 'notice.noYear' });
    expect(parseHolidayNotice('关于2027年部分节假日安排的通知，正文缺失')).toEqual({ ok: false, message: 'notice.noItems' });
    expect(parseHolidayNotice('2027年部分节假日安排\n一、元旦：另行通知。')).toEqual({ ok: false, message: 'notice.unreadItem:元旦' });
  });
});
