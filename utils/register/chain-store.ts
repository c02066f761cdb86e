import type { EventRecord } from '../documents/document-schema';
import { verifyChain, verifyExtends, type ExtendsResult, type KeptHead, type VerifyResult } from './hash-chain';
import { EVENT_SEQUENCE, type RegisterDB } from './register-db';

/** The log in sequence order, `size` events per read, each read its own short transaction. */
export async function* eventBatches(db: RegisterDB, size = 5000): AsyncGenerator<EventRecord[]> {
  let after = 0;
  for (;;) {
    const batch = await db.getAll('events', IDBKeyRange.lowerBound(after, true), size);
    if (!batch.length) return;
    yield batch;
    after = batch.at(-1)!.sequence;
  }
}

/** Verifies the whole register's chain, streaming, and checks that no event was cut off the end. */
export async function verifyRegister(db: RegisterDB, onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
  const [total, lastSequence] = await Promise.all([db.count('events'), db.get('counters', EVENT_SEQUENCE)]);
  return verifyChain(eventBatches(db), { lastSequence: lastSequence ?? 0, onProgress: (checked) => onProgress?.(checked, total) });
}

/** Verifies the register and whether it still extends the heads the clerk kept outside. */
export async function verifyRegisterExtends(db: RegisterDB, kept: readonly KeptHead[], onProgress?: (checked: number, total: number) => void): Promise<ExtendsResult> {
  const [total, lastSequence] = await Promise.all([db.count('events'), db.get('counters', EVENT_SEQUENCE)]);
  return verifyExtends(eventBatches(db), kept, { lastSequence: lastSequence ?? 0, onProgress: (checked) => onProgress?.(checked, total) });
}
