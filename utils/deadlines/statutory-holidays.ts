/**
 * The days off fixed by 《全国年节及纪念日放假办法》 (State Council, as revised 2024-11-10, in force from 2025):
 * 元旦 1 day (1 January); 春节 4 days (农历除夕 to 正月初三); 清明节 1 day (the solar term 清明); 劳动节 2 days (1–2 May);
 * 端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (1–3 October).
 *
 * For years past the official annual arrangement these are the only days off DocTrail can know: the make-up working
 * days (调休) and the bridging days of each year's notice are published each November and cannot be predicted.
 * Lunar dates and the solar term come from `chinese-days` (`getSolarDateFromLunar`, `getSolarTermDate`).
 */
import chineseDays from 'chinese-days';

export interface StatutoryHoliday {
  /** 'yyyy-mm-dd' */
  date: string;
  /** The festival's Chinese name, e.g. 春节. */
  name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

function shift(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * DAY_MS;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The solar date of a lunar month/day in lunar year `year` (not a leap month). */
function lunar(year: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;
}

const memo = new Map<number, readonly StatutoryHoliday[]>();

/**
 * The statutory days off that fall in Gregorian `year`, in date order. 春节's 除夕 is the day before 正月初一, so a
 * year's list can hold the 除夕 of the next lunar year (never: 正月初一 is never before 21 January).
 * Supported years: 1901–2099 (the range of `chinese-days`' lunar tables); others throw a RangeError.
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < 1901 || year > 2099) throw new RangeError(`No lunar calendar for year ${year}`);
  const known = memo.get(year);
  if (known) return known;
  const springFestival = lunar(year, 1, 1);
  const days: StatutoryHoliday[] = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((offset) => ({ date: shift(springFestival, offset), name: '春节' })),
    { date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunar(year, 5, 5), name: '端午节' },
    { date: lunar(year, 8, 15), name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ].filter((day) => day.date.startsWith(`${year}-`));
  // 中秋 can fall on 国庆 (2028-10-03): one day off, both names.
  const byDate = new Map<string, string>();
  for (const { date, name } of days) byDate.set(date, byDate.has(date) ? `${byDate.get(date)}、${name}` : name);
  const list = [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
  memo.set(year, list);
  return list;
}
