import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHolidayNotice } from '@/utils/deadlines/holiday-notice';
import { builtInCalendarData } from '@/utils/deadlines/working-days';

const notice = (year: number) => readFileSync(`tests/fixtures/calendar/notices/${year}.txt`, 'utf8');
const official = builtInCalendarData();
const inYear = (record: Record<string, string>, year: number) => Object.keys(record).filter((d) => d.startsWith(`${year}-`)).sort();

describe('the State Council notice pasted in', () => {
  for (const year of [2023, 2024, 2025, 2026]) {
    it(`reads the ${year} notice exactly as chinese-days holds that year`, () => {
      const parsed = parseHolidayNotice(notice(year));
      expect(parsed.ok && parsed.year).toBe(year);
      if (!parsed.ok) return;
      // every day the notice gives off or back to work is in the official data
      expect(Object.keys(parsed.file.holidays).filter((d) => !(d in official.holidays))).toEqual([]);
      expect(Object.keys(parsed.file.workdays).filter((d) => !(d in official.workdays))).toEqual([]);
      // and the notice accounts for every official day of that year
      expect(inYear(parsed.file.holidays, year)).toEqual(inYear(official.holidays, year));
      expect(inYear(parsed.file.workdays, year)).toEqual(inYear(official.workdays, year));
    });
  }

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
