/**
 * A new holiday calendar moves the deadlines DocTrail computed from "N 个工作日": every open document whose 办理期限 came
 * from working days gets it again on the new calendar, in one change whose `calendar-imported` event names the years
 * and each document moved (from → to), so the register can be replayed from the log.
 */
import { circulationState } from '../documents/circulation';
import type { DocumentRecord } from '../documents/document-schema';
import { OPEN_STATUSES } from '../documents/document-schema';
import { REGISTER_SCOPE } from '../documents/document-values';
import { dueDateOf } from '../documents/due-date';
import { addWorkingDays, type WorkingCalendar } from '../deadlines/working-days';
import { writeChained, type RegisterDB } from './register-db';

export interface MovedDeadline {
  docId: string;
  registrationNo: string;
  from: string;
  to: string;
}

const isOpen = (status: DocumentRecord['status']) => (OPEN_STATUSES as readonly string[]).includes(status);

/** Recomputes working-day deadlines on `calendar`; logs one event even when nothing moved. Returns what moved. */
export function recomputeWorkingDayDeadlines(db: RegisterDB, calendar: WorkingCalendar, years: readonly number[], now: Date): Promise<MovedDeadline[]> {
  return writeChained(db, async (tx) => {
    const moved: { document: DocumentRecord; to: string }[] = [];
    for (let cursor = await tx.objectStore('documents').openCursor(); cursor; cursor = await cursor.continue()) {
      const doc = cursor.value;
      if (!doc.deadlineWorkingDays || !doc.deadline || !doc.receivedDate || !isOpen(doc.status)) continue;
      const to = addWorkingDays(calendar, doc.receivedDate, doc.deadlineWorkingDays);
      if (to !== doc.deadline) moved.push({ document: doc, to });
    }
    const byDoc = tx.objectStore('events').index('docId_timestamp');
    const circulations = await Promise.all(moved.map(({ document }) => byDoc.getAll(IDBKeyRange.bound([document.id, 0], [document.id, Infinity]))));
    const list: MovedDeadline[] = moved.map(({ document, to }) => ({ docId: document.id, registrationNo: document.registrationNo, from: document.deadline!, to }));
    return {
      events: [{ timestamp: now.getTime(), docId: REGISTER_SCOPE, type: 'calendar-imported', details: { years: [...years], moved: list } }],
      apply: async (write) => {
        const store = write.objectStore('documents');
        await Promise.all(
          moved.map(({ document, to }, i) => {
            const { dueDate: _old, ...rest } = { ...document, deadline: to, updatedAt: now.getTime() };
            const dueDate = dueDateOf(rest, circulationState(circulations[i]!));
            return store.put(dueDate ? { ...rest, dueDate } : rest);
          }),
        );
        return list;
      },
    };
  });
}
