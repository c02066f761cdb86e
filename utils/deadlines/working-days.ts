/**
 * Working-day maths on the official Chinese calendar (法定节假日 + 调休上班). Pure: no DOM, no time zones —
 * every date is a 'yyyy-mm-dd' string and all arithmetic is done in UTC on those strings.
 *
 * Built-in data comes from the `chinese-days` package (its JSON). A clerk can import a newer calendar
 * in the same shape ({ holidays, workdays }) or paste the State Council's notice; later files override earlier ones
 * date by date. Past the last year of data, the statutory holidays (statutory-holidays.ts) and weekends decide, and
 * every such day is marked `forecast`.
 */
import calendarData from 'chinese-days/dist/chinese-days.json';
import { z } from '../zod';
import { statutoryHolidays } from './statutory-holidays';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Epoch day number of a 'yyyy-mm-dd' string, or undefined when it is not a real calendar date. */
function toDayNumber(date: string): number | undefined {
  if (!DATE_PATTERN.test(date)) return undefined;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const back = new Date(0);
  back.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, keeps years 0–99 literal
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(back.getTime() / DAY_MS);
}

function fromDayNumber(day: number): string {
  const date = new Date(day * DAY_MS);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True for a 'yyyy-mm-dd' string naming a real calendar date. */
export function isIsoDate(date: string): boolean {
  return toDayNumber(date) !== undefined;
}

function dayNumberOrThrow(date: string): number {
  const day = toDayNumber(date);
  if (day === undefined) throw new RangeError(`Not a yyyy-mm-dd calendar date: ${JSON.stringify(date)}`);
  return day;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input)}`;
}

/** { 'yyyy-mm-dd': 'English,中文,N' } — keys checked strictly, values any text. */
function dateKeyedRecord(what: string) {
  return z
    .record(
      z.string(),
      z.string({ error: (iss) => `expected text (e.g. "National Day,国庆节,3"), got ${describeInput(iss.input)}` }),
      {
        error: (iss) =>
          iss.input === undefined
            ? `missing (an object of ${what}, keyed by yyyy-mm-dd)`
            : `expected an object of ${what} keyed by yyyy-mm-dd, got ${describeInput(iss.input)}`,
      },
    )
    .superRefine((record, ctx) => {
      for (const key of Object.keys(record)) {
        if (!DATE_PATTERN.test(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `${JSON.stringify(key)} is not a date in yyyy-mm-dd form` });
        } else if (toDayNumber(key) === undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `${JSON.stringify(key)} is not a real calendar date` });
        }
      }
    });
}

/** Years a calendar file may list (hole 12): the official arrangement is published a year ahead, never for 0001 or 9999. */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;
/** Most days off and make-up working days one year may list (China has about 30 and 8). */
export const MAX_HOLIDAYS_PER_YEAR = 60;
export const MAX_WORKDAYS_PER_YEAR = 20;

/**
 * A calendar file: official days off and make-up working days (调休上班), plus the package's optional
 * `inLieuDays` (informational only). Extra top-level keys are accepted and dropped.
 */
export const calendarFileSchema = z
  .object(
    {
      holidays: dateKeyedRecord('official holidays'),
      workdays: dateKeyedRecord('make-up working days'),
      inLieuDays: dateKeyedRecord('days off in lieu').optional(),
    },
    { error: (iss) => `the file must be a JSON object with "holidays" and "workdays", got ${describeInput(iss.input)}` },
  )
  .superRefine((file, ctx) => {
    const perYear = (section: 'holidays' | 'workdays', max: number) => {
      const counts = new Map<number, number>();
      for (const date of Object.keys(file[section])) {
        const year = Number(date.slice(0, 4));
        if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
          ctx.addIssue({ code: 'custom', path: [section, date], message: `${date} is outside the years ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} a calendar may list` });
          return;
        }
        counts.set(year, (counts.get(year) ?? 0) + 1);
      }
      for (const [year, count] of counts) {
        if (count > max) ctx.addIssue({ code: 'custom', path: [section], message: `${year} lists ${count} ${section === 'holidays' ? 'days off' : 'make-up working days'}; an official calendar has at most ${max} a year` });
      }
    };
    perYear('holidays', MAX_HOLIDAYS_PER_YEAR);
    perYear('workdays', MAX_WORKDAYS_PER_YEAR);
    for (const date of Object.keys(file.workdays)) {
      if (date in file.holidays) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', date],
          message: `${date} is listed both as a holiday and as a make-up working day`,
        });
      }
    }
  });

export type CalendarFile = z.infer<typeof calendarFileSchema>;

export interface DayDescription {
  working: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'make-up-workday';
  /** The holiday's Chinese name (e.g. 国庆节) for holidays and make-up working days. */
  name?: string;
  /**
   * The day lies past the official arrangement (after `coveredUntil`): it is read from the statutory holidays and the
   * weekend alone, and the year's 调休 may still change it (按法定节日推算，未含调休).
   */
  forecast?: true;
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** Last year with official data (0 when the calendar has no data at all). */
  coveredUntil: number;
  describe(date: string): DayDescription;
  /** True when `date` ('yyyy-mm-dd') lies past the official arrangement, so working days up to it are a forecast. */
  isForecast(date: string): boolean;
}

const builtIn: CalendarFile = calendarData;

/** The calendar data shipped with the `chinese-days` package. */
export function builtInCalendarData(): CalendarFile {
  return builtIn;
}

/** 'National Day,国庆节,3' → '国庆节'; a value without commas is taken as the name itself. */
function holidayName(value: string): string | undefined {
  const parts = value.split(',').map((part) => part.trim());
  const name = parts.length >= 2 ? parts[1] : parts[0];
  return name ? name : undefined;
}

interface Override {
  working: boolean;
  name: string | undefined;
}

/** A working-day calendar; later files override earlier ones for the same date. */
export function createCalendar(...files: CalendarFile[]): WorkingCalendar {
  const overrides = new Map<string, Override>();
  let coveredUntil = 0;
  for (const file of files) {
    for (const [date, value] of Object.entries(file.holidays)) overrides.set(date, { working: false, name: holidayName(value) });
    for (const [date, value] of Object.entries(file.workdays)) overrides.set(date, { working: true, name: holidayName(value) });
    for (const date of [...Object.keys(file.holidays), ...Object.keys(file.workdays)]) {
      coveredUntil = Math.max(coveredUntil, Number(date.slice(0, 4)));
    }
  }

  const isForecast = (date: string) => coveredUntil > 0 && Number(date.slice(0, 4)) > coveredUntil;

  const describe = (date: string): DayDescription => {
    const day = dayNumberOrThrow(date);
    const override = overrides.get(date);
    if (override) {
      const reason = override.working ? 'make-up-workday' : 'holiday';
      return override.name ? { working: override.working, reason, name: override.name } : { working: override.working, reason };
    }
    const forecast = isForecast(date);
    if (forecast) {
      const year = Number(date.slice(0, 4));
      const statutory = year <= 2099 ? statutoryHolidays(year).find((holiday) => holiday.date === date) : undefined;
      if (statutory) return { working: false, reason: 'holiday', name: statutory.name, forecast: true };
    }
    // Epoch day 0 (1970-01-01) was a Thursday.
    const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
    const plain: DayDescription = weekday === 0 || weekday === 6 ? { working: false, reason: 'weekend' } : { working: true, reason: 'weekday' };
    return forecast ? { ...plain, forecast: true } : plain;
  };

  return { coveredUntil, describe, isForecast, isWorkingDay: (date) => describe(date).working };
}

let memo: WorkingCalendar | undefined;

/** The built-in calendar, created once. */
export const defaultCalendar = (): WorkingCalendar => (memo ??= createCalendar(builtInCalendarData()));

/** No real calendar has this many days off in a row (the longest, 春节 with two weekends, is about 10). */
const MAX_DAYS_OFF_IN_A_ROW = 60;

function nextWorkingDayNumber(calendar: WorkingCalendar, day: number): number {
  let next = day + 1;
  while (!calendar.isWorkingDay(fromDayNumber(next))) {
    next += 1;
    if (next - day > MAX_DAYS_OFF_IN_A_ROW) throw new RangeError(`the calendar has no working day in the ${MAX_DAYS_OFF_IN_A_ROW} days after ${fromDayNumber(day)}`);
  }
  return next;
}

/**
 * "N 个工作日" from `from`: the Nth working day strictly after it. `days = 0` gives `from` itself when it is
 * a working day, else the next working day.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${days}`);
  let day = dayNumberOrThrow(from);
  if (days === 0) return isWorkingDayOrNext(calendar, from);
  for (let i = 0; i < days; i += 1) day = nextWorkingDayNumber(calendar, day);
  return fromDayNumber(day);
}

/** The first working day strictly after `from`. */
export function nextWorkingDay(calendar: WorkingCalendar, from: string): string {
  return fromDayNumber(nextWorkingDayNumber(calendar, dayNumberOrThrow(from)));
}

/** `date` itself when it is a working day, else the next working day. */
export function isWorkingDayOrNext(calendar: WorkingCalendar, date: string): string {
  dayNumberOrThrow(date);
  return calendar.isWorkingDay(date) ? date : nextWorkingDay(calendar, date);
}

/** Working days d with from < d ≤ to; negative (mirrored) when `to` is before `from`, 0 when equal. */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  const start = dayNumberOrThrow(from);
  const end = dayNumberOrThrow(to);
  if (end < start) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) if (calendar.isWorkingDay(fromDayNumber(day))) count += 1;
  return count;
}

function withoutKeys(record: Record<string, string>, drop: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([date]) => !(date in drop)));
}

/**
 * One file equivalent to `createCalendar(base, update)`: the update's holidays and workdays win date by date
 * (a base holiday the update lists as a workday stops being a holiday, and vice versa).
 */
export function mergeCalendarFiles(base: CalendarFile, update: CalendarFile): CalendarFile {
  const merged: CalendarFile = {
    holidays: { ...withoutKeys(base.holidays, update.workdays), ...update.holidays },
    workdays: { ...withoutKeys(base.workdays, update.holidays), ...update.workdays },
  };
  if (base.inLieuDays || update.inLieuDays) {
    merged.inLieuDays = { ...withoutKeys(base.inLieuDays ?? {}, update.workdays), ...update.inLieuDays };
  }
  return merged;
}

function formatPath(path: readonly PropertyKey[]): string {
  const [section, ...rest] = path;
  if (section === undefined) return '';
  return `${String(section)}${rest.map((key) => `[${JSON.stringify(String(key))}]`).join('')}: `;
}

/** Years (ascending) that a calendar file lists holidays or make-up working days for. */
export function calendarYears(file: CalendarFile): number[] {
  const years = new Set<number>();
  for (const date of [...Object.keys(file.holidays), ...Object.keys(file.workdays)]) years.add(Number(date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

/** Parse and validate an imported calendar (JSON text); the message says what is wrong and where. */
export function parseCalendarFile(
  text: string,
): { ok: true; file: CalendarFile; years: number[] } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = calendarFileSchema.safeParse(json);
  if (!result.success) {
    const shown = result.error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}${issue.message}`);
    const more = result.error.issues.length - shown.length;
    return { ok: false, message: shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '') };
  }
  const years = calendarYears(result.data);
  if (years.length === 0) return { ok: false, message: 'The calendar lists no holidays or make-up working days' };
  return { ok: true, file: result.data, years };
}
