/**
 * The yearly reminder to import next year's holiday arrangement (国务院办公厅关于YYYY年部分节假日安排的通知, published
 * in November or December): from 1 November, while the calendar in force ends before next year, the dashboard and the
 * toolbar popup say so — once a day: 知道了 in either place hides it in both until the next day (the two pages share
 * the extension's localStorage). Once the year is imported it never shows again that year.
 */
import { calendarDateSchema } from './date-schema';
import { toIsoDate } from './local-date';

/** localStorage key of the day (local yyyy-mm-dd) the clerk last dismissed the reminder. */
export const CALENDAR_REMINDER_KEY = 'doctrail.calendarReminderDismissed';
/** The stored shape: one real calendar date. Anything else is taken as never dismissed. */
export const calendarReminderDismissalSchema = calendarDateSchema;

/** November (months count from 0): the State Council usually publishes the notice from late October to December. */
export const CALENDAR_REMINDER_FROM_MONTH = 10;

/**
 * The year to remind about on `today`, or undefined when there is nothing to say: before November, while the coverage is
 * unknown, once next year is covered, or when the reminder was dismissed today (`dismissedOn`, as stored).
 */
export function calendarReminderYear(today: Date, coveredUntil: number | undefined, dismissedOn: unknown): number | undefined {
  if (coveredUntil === undefined) return undefined;
  const next = today.getFullYear() + 1;
  if (today.getMonth() < CALENDAR_REMINDER_FROM_MONTH || coveredUntil >= next) return undefined;
  const dismissed = calendarReminderDismissalSchema.safeParse(dismissedOn);
  return dismissed.success && dismissed.data === toIsoDate(today) ? undefined : next;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The stored dismissal day; a store that cannot be read (storage disabled) counts as never dismissed. */
export function readCalendarReminderDismissal(store: Pick<Storage, 'getItem'>): string | undefined {
  try {
    return store.getItem(CALENDAR_REMINDER_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** 知道了: hides the reminder, in the dashboard and the popup alike, until tomorrow. */
export function dismissCalendarReminder(store: KeyValueStore, today: Date): void {
  try {
    store.setItem(CALENDAR_REMINDER_KEY, toIsoDate(today));
  } catch {
    // storage disabled: the reminder is hidden for this page only
  }
}
