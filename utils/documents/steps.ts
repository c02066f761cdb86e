import { undoneSequences } from './circulation';
import { UNDOABLE_STEPS, type UndoableStep } from './document-values';
import type { EventRecord } from './document-schema';
import { toIsoDate } from '../deadlines/local-date';

/** The events that move a document along its life cycle: the last of them (not yet taken back) is its "last step". */
const STEP_TYPES = new Set<string>(['sent', 'returned', 'completed', 'archived', 'cleared', 'destroyed']);

/** What 撤销 would take back now: the last step and the events it consists of (a 传阅 to three people is three `sent` events). */
export interface UndoableStepInfo {
  step: UndoableStep;
  sequences: number[];
  recipients: string[];
}

/** The document's last step if it can be undone (a 收回, a 办结, a 传阅), otherwise why not. */
export function lastStep(events: readonly EventRecord[]): { ok: true; info: UndoableStepInfo } | { ok: false; reason: 'nothing-to-undo' | 'not-undoable'; type?: string } {
  const undone = undoneSequences(events);
  const steps = [...events].sort((a, b) => a.sequence - b.sequence).filter((e) => STEP_TYPES.has(e.type) && !undone.has(e.sequence));
  const last = steps.at(-1);
  if (!last) return { ok: false, reason: 'nothing-to-undo' };
  if (!(UNDOABLE_STEPS as readonly string[]).includes(last.type)) return { ok: false, reason: 'not-undoable', type: last.type };
  const step = last.type as UndoableStep;
  // One 传阅 sends to several recipients at once: the trailing `sent` events of that moment are one step.
  const group = step === 'sent' ? trailing(steps, (e) => e.type === 'sent' && e.timestamp === last.timestamp) : [last];
  return {
    ok: true,
    info: {
      step,
      sequences: group.map((e) => e.sequence),
      recipients: group.map((e) => e.details.recipient).filter((r): r is string => typeof r === 'string'),
    },
  };
}

function trailing<T>(items: readonly T[], keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (let i = items.length - 1; i >= 0 && keep(items[i]!); i--) out.unshift(items[i]!);
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day of the document's 办结 that stands — its last `completed` event not taken back by 撤销 — for documents 办结
 * before the record kept `completedOn`: the date the event carries, or the clerk's local date of the moment it was logged.
 */
export function completedOnFromEvents(events: readonly Pick<EventRecord, 'sequence' | 'timestamp' | 'type' | 'details'>[]): string | undefined {
  const undone = undoneSequences(events);
  const completed = [...events].sort((a, b) => a.sequence - b.sequence).filter((e) => e.type === 'completed' && !undone.has(e.sequence)).at(-1);
  if (!completed) return undefined;
  const recorded = completed.details.completedOn;
  return typeof recorded === 'string' && ISO_DATE.test(recorded) ? recorded : toIsoDate(new Date(completed.timestamp));
}
