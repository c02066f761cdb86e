import type { ReminderState } from '../register/db-schema';
import type { RegisterDB } from '../register/register-db';
import type { DueDocument } from './reminders';

/** Open documents due on or before `horizon` (overdue ones included): only open documents carry a due date. */
export async function dueDocuments(db: RegisterDB, horizon: string): Promise<DueDocument[]> {
  return db.getAllFromIndex('documents', 'dueDate', IDBKeyRange.upperBound(horizon));
}

export async function reminderStates(db: RegisterDB, docIds: readonly string[]): Promise<Map<string, ReminderState>> {
  const tx = db.transaction('reminders');
  const states = await Promise.all(docIds.map((id) => tx.store.get(id)));
  return new Map(states.filter((s): s is ReminderState => !!s).map((s) => [s.docId, s]));
}

export function reminderState(db: RegisterDB, docId: string): Promise<ReminderState | undefined> {
  return db.get('reminders', docId);
}

export async function markNotified(db: RegisterDB, docIds: readonly string[], at: number): Promise<void> {
  const tx = db.transaction('reminders', 'readwrite');
  await Promise.all([
    ...docIds.map(async (docId) => tx.store.put({ ...(await tx.store.get(docId)), docId, lastNotifiedAt: at })),
    tx.done,
  ]);
}

export async function snooze(db: RegisterDB, docId: string, until: number): Promise<ReminderState> {
  const tx = db.transaction('reminders', 'readwrite');
  const next: ReminderState = { ...(await tx.store.get(docId)), docId, snoozedUntil: until };
  await Promise.all([tx.store.put(next), tx.done]);
  return next;
}
