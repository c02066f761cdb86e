import type { EventRecord } from '../documents/document-schema';
import { verifyChain, verifyExtends, type ExtendsResult, type KeptHead, type VerifyResult } from './hash-chain';
import { EVENT_SEQUENCE, type RegisterDB } from './register-db';
import { LogAudit } from './log-audit';
import type { DocumentRecord } from '../documents/document-schema';

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

/** The document records, `size` per read, in key order. */
export async function* documentBatches(db: RegisterDB, size = 2000): AsyncGenerator<DocumentRecord[]> {
  let after: string | undefined;
  for (;;) {
    const batch = await db.getAll('documents', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), size);
    if (!batch.length) return;
    yield batch;
    after = batch.at(-1)!.id;
  }
}

/**
 * Verifies the whole register's chain, streaming, and checks that no event was cut off the end; when it holds,
 * replays the log against the document records and checks that event times never go backwards (`audit`).
 */
export async function verifyRegister(db: RegisterDB, onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
  const [total, lastSequence] = await Promise.all([db.count('events'), db.get('counters', EVENT_SEQUENCE)]);
  const audit = new LogAudit();
  const result = await verifyChain(eventBatches(db), { lastSequence: lastSequence ?? 0, onProgress: (checked) => onProgress?.(checked, total), onVerified: (event) => audit.add(event) });
  if (result.state !== 'intact') return result;
  return { ...result, audit: await audit.report(documentBatches(db)) };
}

/** Verifies the register and whether it still extends the heads the clerk kept outside. */
export async function verifyRegisterExtends(db: RegisterDB, kept: readonly KeptHead[], onProgress?: (checked: number, total: number) => void): Promise<ExtendsResult> {
  const [total, lastSequence] = await Promise.all([db.count('events'), db.get('counters', EVENT_SEQUENCE)]);
  return verifyExtends(eventBatches(db), kept, { lastSequence: lastSequence ?? 0, onProgress: (checked) => onProgress?.(checked, total) });
}
