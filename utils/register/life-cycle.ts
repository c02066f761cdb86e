import type { CirculationState } from '../documents/circulation';
import type { DocumentStatus } from '../documents/document-schema';

/** What the clerk can do to a document's status from the dashboard (sending and returns happen through circulation). */
export const CLOSING_TRANSITIONS = ['completed', 'archived', 'cleared', 'destroyed'] as const;
export type ClosingTransition = (typeof CLOSING_TRANSITIONS)[number];

/**
 * registered → in circulation → returned → completed (办结) → archived (归档) / cleared (清退) / destroyed (销毁).
 * An archived document can still be cleared or destroyed when its retention ends; cleared and destroyed are final.
 */
const ALLOWED: Record<DocumentStatus, readonly DocumentStatus[]> = {
  registered: ['in-circulation', 'completed'],
  'in-circulation': ['in-circulation', 'returned'],
  returned: ['in-circulation', 'completed'],
  completed: ['archived', 'cleared', 'destroyed'],
  archived: ['cleared', 'destroyed'],
  cleared: [],
  destroyed: [],
};

export type TransitionRefusal =
  | { reason: 'not-allowed'; from: DocumentStatus; to: DocumentStatus }
  | { reason: 'still-out'; recipients: string[] }
  | { reason: 'needs-approver-and-witness' }
  | { reason: 'same-person' }
  | { reason: 'needs-recipient' };

export class TransitionRefused extends Error {
  constructor(readonly refusal: TransitionRefusal) {
    super(describeRefusal(refusal));
  }
}

function describeRefusal(refusal: TransitionRefusal): string {
  switch (refusal.reason) {
    case 'not-allowed':
      return `a document that is ${refusal.from} cannot become ${refusal.to}`;
    case 'still-out':
      return `not every recipient has returned it: ${refusal.recipients.join(', ')}`;
    case 'needs-approver-and-witness':
      return 'destroying a document needs the approver and a witness';
    case 'same-person':
      return 'the approver and the witness must be two different people';
    case 'needs-recipient':
      return 'clearing a document records to whom it was returned';
  }
}

export function canTransition(from: DocumentStatus, to: DocumentStatus): boolean {
  return ALLOWED[from].includes(to);
}

export interface ClosingDetails {
  /** 清退: the unit or person the document went back to. */
  clearedTo?: string;
  /** 销毁: who approved it and who watched it done (the rules ask for approval and two people). */
  approver?: string;
  witness?: string;
  note?: string;
}

/** Checks a closing transition against the rules and returns the event details to log, or throws `TransitionRefused`. */
export function planClosing(
  from: DocumentStatus,
  to: ClosingTransition,
  circulation: Pick<CirculationState, 'outstanding'>,
  details: ClosingDetails,
): Record<string, string> {
  // Who still has it is the more useful answer than "in circulation cannot become completed".
  if (circulation.outstanding.length) {
    throw new TransitionRefused({ reason: 'still-out', recipients: circulation.outstanding.map((r) => r.recipient) });
  }
  if (!canTransition(from, to)) throw new TransitionRefused({ reason: 'not-allowed', from, to });
  const note = details.note?.trim();
  const logged: Record<string, string> = { from, ...(note && { note }) };
  if (to === 'cleared') {
    const clearedTo = details.clearedTo?.trim();
    if (!clearedTo) throw new TransitionRefused({ reason: 'needs-recipient' });
    logged.clearedTo = clearedTo;
  }
  if (to === 'destroyed') {
    const approver = details.approver?.trim();
    const witness = details.witness?.trim();
    if (!approver || !witness) throw new TransitionRefused({ reason: 'needs-approver-and-witness' });
    if (approver === witness) throw new TransitionRefused({ reason: 'same-person' });
    Object.assign(logged, { approver, witness });
  }
  return logged;
}
