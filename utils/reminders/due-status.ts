import { daysBetween } from '../deadlines/local-date';
import { dueSoonHorizon } from './reminders';
import { workingDaysBetween, type WorkingCalendar } from '../deadlines/working-days';

export interface DueStatus {
  /** The date the document is next due (办理期限, or sooner a recipient's 归还日期). */
  date: string;
  state: 'ok' | 'due-soon' | 'overdue';
  /** Calendar days from today; negative when overdue. */
  daysLeft: number;
  workingDaysLeft: number;
  /** The date lies past the official arrangement: its working days are forecast (按法定节日推算，未含调休). */
  forecast?: boolean;
}

/** How a due date stands today, with "soon" measured in working days as the reminders measure it. */
export function dueStatus(date: string, today: string, calendar: WorkingCalendar, leadWorkingDays: number): DueStatus {
  const state = date < today ? 'overdue' : date <= dueSoonHorizon(calendar, today, leadWorkingDays) ? 'due-soon' : 'ok';
  const status: DueStatus = { date, state, daysLeft: daysBetween(today, date), workingDaysLeft: workingDaysBetween(calendar, today, date) };
  return calendar.isForecast(date) ? { ...status, forecast: true } : status;
}
