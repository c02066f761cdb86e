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
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
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
