import { daysBetween } from './local-date';

export type DeadlineState = 'ok' | 'due-soon' | 'overdue';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Days left (0 = due today); negative when overdue. */
  daysLeft: number;
}

export const DEFAULT_LEAD_DAYS = 1;

/**
 * How a 办理/归还 deadline stands today. Calendar days for now; the one place that working-day
 * maths will replace.
 */
export function deadlineStatus(deadline: string, today: string, leadDays = DEFAULT_LEAD_DAYS): DeadlineStatus {
  const daysLeft = daysBetween(today, deadline);
  const state: DeadlineState = daysLeft < 0 ? 'overdue' : daysLeft <= leadDays ? 'due-soon' : 'ok';
  return { state, daysLeft };
}

/** The default date a circulated document should come back: 急件 the same day, else the deadline, else in 3 days. */
export function defaultReturnDate(today: string, deadline: string | undefined, urgent: boolean, fallbackDays = 3): string {
  if (urgent) return today;
  if (deadline && deadline >= today) return deadline;
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + fallbackDays);
  return date.toISOString().slice(0, 10);
}
