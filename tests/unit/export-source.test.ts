import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { documentBatches } from '@/utils/export/export-source';
import { registerDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

let db: RegisterDB | undefined;
afterEach(() => db?.close());

describe('reading the register for an export', () => {
  it('reads every document once, in registration order, even when many were registered in the same millisecond', async () => {
    db = await openRegister('doctrail-export-source');
    const burst = new Date(2026, 10, 23, 9, 0); // seven documents registered by one batch import at the same instant
    for (let i = 1; i <= 7; i++) await registerDocument(db, draft({ docNumber: `同时〔2026〕${i}号` }), burst);
    for (let i = 1; i <= 4; i++) await registerDocument(db, draft({ docNumber: `之后〔2026〕${i}号` }), new Date(burst.getTime() + i * 60_000));
    const sizes: number[] = [];
    const seen: string[] = [];
    for await (const batch of documentBatches(db, { size: 3 })) {
      sizes.push(batch.length);
      seen.push(...batch.map((d) => d.registrationNo));
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    expect(seen.slice(7)).toEqual(['收〔2026〕0008号', '收〔2026〕0009号', '收〔2026〕0010号', '收〔2026〕0011号']);
    expect(sizes.every((n) => n >= 1 && n <= 3 + 7)).toBe(true);
  });
});
