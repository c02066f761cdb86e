import type { DocumentRecord } from '../documents/document-schema';
import { daysBetween, toIsoDate } from '../deadlines/local-date';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../deadlines/working-days';
import type { RegisterDB } from './register-db';

export interface BoardItem {
  id: string;
  registrationNo: string;
  title: string;
  classification?: DocumentRecord['classification'];
  unit: string;
  handler?: string;
  leader?: string;
  requirement?: string;
  dueDate: string;
  /** Working days left (0 on the day itself); when overdue, the calendar days past the 时限. */
  workingDaysLeft: number;
  overdueDays: number;
  state: 'ok' | 'soon' | 'overdue';
  feedbackCount: number;
  lastFeedbackAt?: number;
  chaseCount: number;
}

export interface BoardGroup {
  unit: string;
  items: BoardItem[];
  overdue: number;
}

export interface Board {
  total: number;
  overdue: number;
  units: string[];
  groups: BoardGroup[];
}

/** "Soon" on the 督办台账: due within this many working days. */
export const SOON_WORKING_DAYS = 3;

/**
 * 督办台账: the open 督办 items, read through the `supervisionDue` index only (never the whole register),
 * grouped by 承办单位, most urgent first, with time left in working days or days overdue.
 */
export async function supervisionBoard(
  db: RegisterDB,
  filter: { unit?: string; state?: 'overdue' | 'soon' },
  calendar: WorkingCalendar,
  now: Date,
): Promise<Board> {
  const today = toIsoDate(now);
  const soon = addWorkingDays(calendar, today, SOON_WORKING_DAYS);
  const index = db.transaction('documents').store.index('supervisionDue');
  const range = filter.state === 'overdue' ? IDBKeyRange.upperBound(today, true) : filter.state === 'soon' ? IDBKeyRange.bound(today, soon) : null;
  const documents = await index.getAll(range);
  const all = documents.filter((d) => d.supervision);
  const units = [...new Set(all.map((d) => d.supervision!.unit))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const items = all
    .filter((d) => !filter.unit || d.supervision!.unit === filter.unit)
    .map((d): BoardItem => {
      const s = d.supervision!;
      const overdue = s.dueDate < today;
      return {
        id: d.id,
        registrationNo: d.registrationNo,
        title: d.title,
        ...(d.classification && { classification: d.classification }),
        unit: s.unit,
        ...(s.handler && { handler: s.handler }),
        ...(s.leader && { leader: s.leader }),
        ...(s.requirement && { requirement: s.requirement }),
        dueDate: s.dueDate,
        workingDaysLeft: overdue ? 0 : workingDaysBetween(calendar, today, s.dueDate),
        overdueDays: overdue ? daysBetween(s.dueDate, today) : 0,
        state: overdue ? 'overdue' : s.dueDate <= soon ? 'soon' : 'ok',
        feedbackCount: s.feedbackCount,
        ...(s.lastFeedbackAt !== undefined && { lastFeedbackAt: s.lastFeedbackAt }),
        chaseCount: s.chaseCount,
      };
    });
  const byUnit = new Map<string, BoardItem[]>();
  for (const item of items) byUnit.set(item.unit, [...(byUnit.get(item.unit) ?? []), item]);
  const groups = [...byUnit.entries()]
    .map(([unit, list]) => ({ unit, items: list.sort((a, b) => a.dueDate.localeCompare(b.dueDate)), overdue: list.filter((i) => i.state === 'overdue').length }))
    .sort((a, b) => b.overdue - a.overdue || a.unit.localeCompare(b.unit, 'zh-CN'));
  return { total: items.length, overdue: items.filter((i) => i.state === 'overdue').length, units, groups };
}
