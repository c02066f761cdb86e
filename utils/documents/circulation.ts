import type { EventRecord, Purpose } from './document-schema';

export interface RecipientState {
  recipient: string;
  purpose: Purpose;
  sentAt: number;
  expectedReturn?: string;
  returnedAt?: number;
}

export interface CirculationState {
  recipients: RecipientState[];
  /** Recipients who still have the document (不得漏传、延误: each must come back). */
  outstanding: RecipientState[];
  /** Sent at least once and every recipient has returned it. */
  complete: boolean;
}

/** Where the document is, from its event log: each `sent` is open until a `returned` for the same recipient. */
export function circulationState(events: readonly EventRecord[]): CirculationState {
  const recipients: RecipientState[] = [];
  const undone = undoneSequences(events);
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
    if (undone.has(event.sequence)) continue;
    const recipient = typeof event.details.recipient === 'string' ? event.details.recipient : undefined;
    if (!recipient) continue;
    if (event.type === 'sent') {
      recipients.push({
        recipient,
        purpose: event.details.purpose === 'handle' ? 'handle' : 'read',
        sentAt: event.timestamp,
        expectedReturn: typeof event.details.expectedReturn === 'string' ? event.details.expectedReturn : undefined,
      });
    } else if (event.type === 'returned') {
      const open = recipients.find((r) => r.recipient === recipient && r.returnedAt === undefined);
      if (open) open.returnedAt = event.timestamp;
    }
  }
  const outstanding = recipients.filter((r) => r.returnedAt === undefined);
  return { recipients, outstanding, complete: recipients.length > 0 && outstanding.length === 0 };
}

/** The sequences of the events taken back by a later 撤销 (`undone` with `undoes: [sequence, …]`): they count as never having happened. */
export function undoneSequences(events: readonly Pick<EventRecord, 'type' | 'details'>[]): Set<number> {
  const out = new Set<number>();
  for (const event of events) {
    if (event.type !== 'undone' || !Array.isArray(event.details.undoes)) continue;
    for (const sequence of event.details.undoes) if (typeof sequence === 'number') out.add(sequence);
  }
  return out;
}
