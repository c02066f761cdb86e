import type { ReminderState } from '../register/db-schema';
import type { DocumentRecord } from '../documents/document-schema';
import { toIsoDate } from '../deadlines/local-date';
import type { Settings } from '../register/settings';
import { addWorkingDays, isWorkingDayOrNext, nextWorkingDay, type WorkingCalendar } from '../deadlines/working-days';

export type ReminderKind = 'overdue' | 'due-soon';

export interface PlannedReminder {
  docId: string;
  kind: ReminderKind;
  registrationNo: string;
  /** The title, or undefined when it must not appear (机密 / 绝密 with masking on). */
  title?: string;
  dueDate: string;
  /** The due date lies past the official holiday arrangement, so "due soon" is a forecast. */
  forecast?: boolean;
}

export interface ReminderPlan {
  notify: PlannedReminder[];
  /** When the next reminder could be due: the next daily slot or the end of a snooze. */
  nextWakeAt: number;
}

type ReminderSettings = Pick<Settings, 'reminderTime' | 'leadWorkingDays' | 'maskClassifiedTitles'>;
export type DueDocument = Pick<DocumentRecord, 'id' | 'registrationNo' | 'title' | 'classification' | 'dueDate'>;

/** The reminder time on a date, in the clerk's local time. */
export function slotOn(date: string, reminderTime: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = reminderTime.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
}

/** The last day a reminder window covers: due dates up to it are "due soon" today. */
export function dueSoonHorizon(calendar: WorkingCalendar, today: string, leadWorkingDays: number): string {
  return leadWorkingDays === 0 ? today : addWorkingDays(calendar, today, leadWorkingDays);
}

export function masksTitle(document: Pick<DocumentRecord, 'classification'>, settings: Pick<Settings, 'maskClassifiedTitles'>): boolean {
  return settings.maskClassifiedTitles && (document.classification === 'secret' || document.classification === 'top-secret');
}

/**
 * Which documents to bring up now. On a working day, from the reminder time on, every overdue or
 * due-soon document is brought up once (a browser opened at 10:00 still gets the 09:00 round); a
 * snoozed document stays quiet until its snooze ends, then comes up whatever the day.
 */
export function planReminders(input: {
  now: Date;
  settings: ReminderSettings;
  calendar: WorkingCalendar;
  /** Open documents with a due date no later than the due-soon horizon. */
  due: readonly DueDocument[];
  states: ReadonlyMap<string, ReminderState>;
}): ReminderPlan {
  const { now, settings, calendar } = input;
  const at = now.getTime();
  const today = toIsoDate(now);
  const slotToday = slotOn(today, settings.reminderTime);
  const dailyRoundDue = calendar.isWorkingDay(today) && at >= slotToday;
  const notify: PlannedReminder[] = [];
  let nextWakeAt = nextSlotAfter(now, settings.reminderTime, calendar);
  for (const doc of input.due) {
    if (!doc.dueDate) continue;
    const state = input.states.get(doc.id);
    const last = state?.lastNotifiedAt ?? 0;
    const snoozed = state?.snoozedUntil;
    if (snoozed !== undefined && snoozed > at) {
      nextWakeAt = Math.min(nextWakeAt, snoozed);
      continue;
    }
    const snoozeEnded = snoozed !== undefined && last < snoozed;
    if (!snoozeEnded && !(dailyRoundDue && last < slotToday)) continue;
    notify.push({
      docId: doc.id,
      kind: doc.dueDate < today ? 'overdue' : 'due-soon',
      registrationNo: doc.registrationNo,
      title: masksTitle(doc, settings) ? undefined : doc.title,
      dueDate: doc.dueDate,
      ...(calendar.isForecast(doc.dueDate) && { forecast: true }),
    });
  }
  notify.sort((a, b) => (a.kind === b.kind ? a.dueDate.localeCompare(b.dueDate) : a.kind === 'overdue' ? -1 : 1));
  return { notify, nextWakeAt };
}

/** The next daily reminder time strictly after now, on a working day. */
export function nextSlotAfter(now: Date, reminderTime: string, calendar: WorkingCalendar): number {
  const today = toIsoDate(now);
  const slotToday = slotOn(today, reminderTime);
  if (calendar.isWorkingDay(today) && slotToday > now.getTime()) return slotToday;
  return slotOn(nextWorkingDay(calendar, today), reminderTime);
}

export type SnoozeChoice = { kind: 'hour' } | { kind: 'tomorrow' } | { kind: 'date'; date: string };

/** When a snoozed reminder comes back: in an hour, or at the reminder time of the next (or a chosen) working day. */
export function snoozeUntil(choice: SnoozeChoice, now: Date, reminderTime: string, calendar: WorkingCalendar): number {
  if (choice.kind === 'hour') return now.getTime() + 3_600_000;
  if (choice.kind === 'tomorrow') return slotOn(nextWorkingDay(calendar, toIsoDate(now)), reminderTime);
  return slotOn(isWorkingDayOrNext(calendar, choice.date), reminderTime);
}
