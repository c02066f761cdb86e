import { addWorkingDays, type WorkingCalendar } from './working-days';

/**
 * A draft whose 办理期限 is "N 个工作日" gets its date: N working days after 收文日期 (or today), on the
 * official holiday and make-up-workday calendar. A date the clerk typed wins.
 */
export function resolveWorkingDayDeadline<D extends { deadline?: string; deadlineWorkingDays?: number; receivedDate?: string }>(
  draft: D,
  calendar: WorkingCalendar,
  today: string,
): D {
  if (draft.deadline || !draft.deadlineWorkingDays) return draft;
  return { ...draft, deadline: addWorkingDays(calendar, draft.receivedDate ?? today, draft.deadlineWorkingDays) };
}
