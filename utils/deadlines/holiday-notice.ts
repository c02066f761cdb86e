/**
 * Reads the State Council's annual notice (国务院办公厅关于YYYY年部分节假日安排的通知) as a clerk pastes it, into the
 * calendar file shape: each item `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。` gives the days
 * off (the range before 放假) and the make-up working days (the dates of the sentence that ends in 上班). Sentences that
 * only encourage (安排职工在除夕（2月9日）休息) are neither. Simplified or traditional characters, full- or half-width
 * punctuation, cross-year ranges (2022年12月31日至2023年1月2日) are all read. A later notice pasted after it that extends a
 * festival (`延长2020年春节假期至2月2日…，2月3日…起正常上班`, 国办发明电〔2020〕1号) adds the days up to the new end to that
 * festival and cancels the make-up working days that fall inside them; its other items (推迟开学, 补休) set no date.
 */
import type { CalendarFile } from './working-days';

export type NoticeResult =
  | { ok: true; year: number; file: CalendarFile; items: NoticeItem[] }
  | { ok: false; message: string };

export interface NoticeItem {
  /** The festival as the notice names it, e.g. 中秋节、国庆节. */
  name: string;
  holidays: string[];
  workdays: string[];
}

const TRADITIONAL: Record<string, string> = {
  節: '节', 國: '国', 慶: '庆', 勞: '劳', 動: '动', 曆: '历', 歷: '历', 調: '调', 與: '与', 連: '连', 週: '周', 關: '关',
  於: '于', 過: '过', 辦: '办', 廳: '厅', 務: '务', 間: '间', 農: '农', 臘: '腊', 歲: '岁', 單: '单',
};
const ENGLISH: Record<string, string> = {
  元旦: "New Year's Day", 春节: 'Spring Festival', 清明节: 'Tomb-sweeping Day', 劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival', 中秋节: 'Mid-autumn Festival', 国庆节: 'National Day',
};

function normalise(text: string): string {
  return text
    .normalize('NFKC') // full-width digits, colons and parentheses to ASCII
    .replace(/[節國慶勞動曆歷調與連週關於過辦廳務間農臘歲單]/g, (c) => TRADITIONAL[c] ?? c)
    .replace(/[ \t\u3000]+/g, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function daysFrom(start: string, end: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`) && days.length < 40; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

// A date with optional year and month, then an optional parenthesised note (周四 / 农历除夕、周二).
const DATE = String.raw`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\([^)]*\))?`;
const RANGE = new RegExp(String.raw`${DATE}(?:至${DATE})?放假`);
const ITEM = /(?:^|\n|。)\s*[一二三四五六七八九十]+、([^:：\n]{1,20})[:：]/g;
// 延长2020年春节假期至2月2日: the festival's days off now run to that date.
const EXTENSION = new RegExp(String.raw`延长(?:\d{4}年)?([^\n。,]{1,10}?)假期至${DATE}`, 'g');

/** Parses a pasted notice. `year` is taken from the notice's title or first line, else from `fallbackYear`. */
export function parseHolidayNotice(text: string, fallbackYear?: number): NoticeResult {
  const plain = normalise(text);
  const year = Number(/(\d{4})年(?:元旦|部分节假日)/.exec(plain)?.[1] ?? fallbackYear);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    return { ok: false, message: 'notice.noYear' };
  }
  const starts = [...plain.matchAll(ITEM)];
  const items: NoticeItem[] = [];
  const problems: string[] = [];
  starts.forEach((match, i) => {
    const name = match[1]!;
    const end = starts[i + 1]?.index ?? plain.indexOf('节假日期间', match.index);
    const body = plain.slice(match.index! + match[0].length, end < 0 ? undefined : end);
    const sentences = body.split('。').filter(Boolean);
    const range = RANGE.exec(sentences[0] ?? '');
    if (!range) {
      problems.push(name);
      return;
    }
    const [, y1, m1, d1, y2, m2, d2] = range;
    const startYear = Number(y1 ?? year);
    const start = isoDate(startYear, Number(m1), Number(d1));
    const end2 = d2 ? isoDate(Number(y2 ?? startYear), Number(m2 ?? m1), Number(d2)) : start;
    if (!start || !end2 || !m1) {
      problems.push(name);
      return;
    }
    const holidays = daysFrom(start, end2);
    const workdays = sentences
      .slice(1)
      .filter((sentence) => sentence.endsWith('上班'))
      .flatMap((sentence) => [...sentence.matchAll(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g)])
      .map(([, y, m, d]) => isoDate(Number(y ?? year), Number(m), Number(d)))
      .filter((date): date is string => !!date);
    items.push({ name, holidays, workdays });
  });
  for (const extension of plain.matchAll(EXTENSION)) {
    const [, festival, y, m, d] = extension;
    const item = items.find((it) => it.name.split('、').some((n) => n === festival || n.replace(/节$/, '') === festival!.replace(/节$/, '')));
    const last = item?.holidays.at(-1);
    const lastDate = last ? new Date(`${last}T00:00:00Z`) : undefined;
    const until = lastDate && m ? isoDate(Number(y ?? lastDate.getUTCFullYear()), Number(m), Number(d)) : undefined;
    if (!item || !last || !until || until <= last) {
      problems.push(festival!);
      continue;
    }
    const added = daysFrom(last, until).slice(1);
    item.holidays.push(...added);
    for (const other of items) other.workdays = other.workdays.filter((date) => !added.includes(date));
  }
  if (problems.length) return { ok: false, message: `notice.unreadItem:${problems.join('、')}` };
  if (!items.length) return { ok: false, message: 'notice.noItems' };
  const file: CalendarFile = { holidays: {}, workdays: {} };
  for (const item of items) {
    const names = item.name.split('、');
    const label = `${names.map((n) => ENGLISH[n] ?? n).join(' / ')},${item.name},${item.holidays.length}`;
    for (const date of item.holidays) file.holidays[date] = label;
    for (const date of item.workdays) file.workdays[date] = label;
  }
  return { ok: true, year, file, items };
}
