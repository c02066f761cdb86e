/**
 * Checkpoints: the chain head as it was when a 收文登记簿 was printed, and once a week (the first time the dashboard
 * opens in a new ISO week). They are listed in the dashboard and 校验 checks the log against every one. Kept in the
 * settings store (no schema change): someone who rewrites the log in the profile can rewrite these too, so they
 * catch a rewrite that forgot them; a checkpoint is evidence against a careful forger only where it also left the
 * machine (the printed register carries it, see README "What the log proves").
 */
import { z } from '../zod';
import { readHead, readTransaction, type RegisterDB } from './register-db';

const CHECKPOINTS_KEY = 'checkpoints';
/** Ten years of weeks and prints: older checkpoints drop off the list (the printed ones are on paper). */
export const MAX_CHECKPOINTS = 1000;

export const CHECKPOINT_REASONS = ['print', 'week'] as const;
export const checkpointSchema = z.strictObject({
  sequence: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** When the head event was written. */
  headTime: z.number().int(),
  /** When the checkpoint was taken. */
  recordedAt: z.number().int(),
  reason: z.enum(CHECKPOINT_REASONS),
  /** The ISO week it was taken in, `2026-W49`. */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
export type CheckpointReason = Checkpoint['reason'];

/** The ISO 8601 week of a local date: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (day.getDay() + 6) % 7; // Monday 0 … Sunday 6
  day.setDate(day.getDate() - weekday + 3); // the Thursday of this week decides the year
  const year = day.getFullYear();
  const firstThursday = new Date(year, 0, 4);
  firstThursday.setDate(firstThursday.getDate() - ((firstThursday.getDay() + 6) % 7) + 3);
  const week = 1 + Math.round((day.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export async function listCheckpoints(db: RegisterDB): Promise<Checkpoint[]> {
  const parsed = z.array(checkpointSchema).safeParse(await db.get('settings', CHECKPOINTS_KEY));
  return parsed.success ? parsed.data : [];
}

/**
 * Takes a checkpoint of the head now. `week`: only when none was taken this ISO week (and never for an empty log);
 * `print`: always. Returns the checkpoint taken, or undefined when none was needed.
 */
export async function recordCheckpoint(db: RegisterDB, reason: CheckpointReason, now: Date): Promise<Checkpoint | undefined> {
  const head = await readHead(readTransaction(db));
  if (!head.sequence) return undefined;
  const week = isoWeek(now);
  const event = await db.get('events', head.sequence);
  const checkpoint: Checkpoint = { sequence: head.sequence, hash: head.hash, headTime: event?.timestamp ?? now.getTime(), recordedAt: now.getTime(), reason, week };
  const tx = db.transaction('settings', 'readwrite');
  const parsed = z.array(checkpointSchema).safeParse(await tx.store.get(CHECKPOINTS_KEY));
  const list = parsed.success ? parsed.data : [];
  if (reason === 'week' && list.some((c) => c.reason === 'week' && c.week === week)) {
    await tx.done;
    return undefined;
  }
  await Promise.all([tx.store.put([...list, checkpoint].slice(-MAX_CHECKPOINTS), CHECKPOINTS_KEY), tx.done]);
  return checkpoint;
}
