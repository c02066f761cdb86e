import { daysBetween } from './local-date';

export type DeadlineState = 'ok' | 'due-soon' | 'overdue';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Days left (0 = due today); negative when overdue. */
  daysLeft: number;
}

export const DEFAULT_LEAD_DAYS = 1;

/**
 * How a deadline read from the page stands today, in calendar days: the overlay's view before the
 * document is registered. Once registered, the background answers with `due` on the working-day
 * calendar (utils/due-status.ts).
 */
export function deadlineStatus(deadline: string, today: string, leadDays = DEFAULT_LEAD_DAYS): DeadlineStatus {
  const daysLeft = daysBetween(today, deadline);
  const state: DeadlineState = daysLeft < 0 ? 'overdue' : daysLeft <= leadDays ? 'due-soon' : 'ok';
  return { state, daysLeft };
}

export type ReturnSource = 'page' | 'urgent' | 'default';

/**
 * The return date the 传阅 prompt proposes, and where it comes from (the prompt says so): the page's (or the
 * register's) 归还/办理期限 first, even when it has passed; a 急件 the same day; else in `fallbackDays` days.
 */
export function proposeReturn(today: string, deadline: string | undefined, urgent: boolean, fallbackDays = 3): { date: string; source: ReturnSource } {
  if (deadline) return { date: deadline, source: 'page' };
  if (urgent) return { date: today, source: 'urgent' };
  return { date: defaultReturnDate(today, undefined, false, fallbackDays), source: 'default' };
}

/** The default date a circulated document should come back: 急件 the same day, else the deadline, else in 3 days. */
export function defaultReturnDate(today: string, deadline: string | undefined, urgent: boolean, fallbackDays = 3): string {
  if (urgent) return today;
  if (deadline && deadline >= today) return deadline;
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + fallbackDays);
  return date.toISOString().slice(0, 10);
}
