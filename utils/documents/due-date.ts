import type { CirculationState } from './circulation';
import { OPEN_STATUSES, type DocumentRecord } from './document-schema';

const OPEN = new Set<string>(OPEN_STATUSES);

/**
 * The date an open document next needs the clerk: its 办理期限, or sooner, the 归还日期 of a
 * recipient who still has it, or the 完成时限 of an open 督办 item. Closed documents are due nothing, so they drop out of reminders.
 */
export function dueDateOf(document: Pick<DocumentRecord, 'status' | 'deadline' | 'supervision'>, circulation: Pick<CirculationState, 'outstanding'>): string | undefined {
  if (!OPEN.has(document.status)) return undefined;
  const dates = [document.deadline, document.supervision && !document.supervision.completedAt ? document.supervision.dueDate : undefined, ...circulation.outstanding.map((r) => r.expectedReturn)].filter((d): d is string => !!d);
  return dates.sort()[0];
}

/** The 完成时限 of a 督办 item still to be done on an open document; undefined otherwise (the 督办台账's index). */
export function supervisionDueOf(document: Pick<DocumentRecord, 'status' | 'supervision'>): string | undefined {
  if (!OPEN.has(document.status) || !document.supervision || document.supervision.completedAt !== undefined) return undefined;
  return document.supervision.dueDate;
}
