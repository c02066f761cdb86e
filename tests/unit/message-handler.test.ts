import 'fake-indexeddb/auto';
import { extensionPage } from '../support/senders';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

const SELF = extensionPage('doctrail-extension-id');
let counter = 0;
let db: RegisterDB;

async function handler() {
  db = await openRegister(`doctrail-handler-${++counter}`);
  return createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 23), extensionId: SELF.id });
}

afterEach(() => db?.close());

async function nothingWritten() {
  expect(await db.count('documents')).toBe(0);
  expect(await db.count('events')).toBe(0);
}

describe('background message handling', () => {
  it('registers a valid document and answers with its number', async () => {
    const handle = await handler();
    const response = await handle({ type: 'document.register', draft: draft() }, SELF);
    expect(response).toMatchObject({ ok: true, data: { created: true, state: { document: { registrationNo: '收〔2026〕0001号' }, circulation: [] } } });
    expect(await db.count('events')).toBe(1);
  });

  it('refuses an unknown message type and writes nothing', async () => {
    const handle = await handler();
    const response = await handle({ type: 'document.delete', id: 'x' }, SELF);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    await nothingWritten();
  });

  it('names the field that is wrong in a malformed registration', async () => {
    const handle = await handler();
    const response = await handle({ type: 'document.register', draft: { ...draft(), deadline: '28/11/2026' } }, SELF);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('invalid-message');
    expect(response.error.message).toContain('draft.deadline');
    await nothingWritten();
  });

  it('refuses fields the protocol does not know, such as a forged registration number', async () => {
    const handle = await handler();
    const response = await handle({ type: 'document.register', draft: { ...draft(), registrationNo: '收〔2026〕9999号' } }, SELF);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    await nothingWritten();
  });

  it.each([null, 'register', 42, [], { draft: draft() }])('refuses %j', async (raw) => {
    const handle = await handler();
    expect(await handle(raw, SELF)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    await nothingWritten();
  });

  it('refuses messages that do not come from DocTrail itself', async () => {
    const handle = await handler();
    const response = await handle({ type: 'document.register', draft: draft() }, { id: 'some-other-extension' });
    expect(response).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    await nothingWritten();
  });

  it('reports a storage failure as an answer rather than a crash', async () => {
    const handle = createMessageHandler({
      db: () => Promise.reject(new Error('QuotaExceededError: the disk is full')),
      now: () => new Date(),
      extensionId: SELF.id,
    });
    db = await openRegister(`doctrail-handler-${++counter}`);
    expect(await handle({ type: 'register.summary' }, SELF)).toEqual({
      ok: false,
      error: { code: 'storage-failed', message: 'QuotaExceededError: the disk is full' },
    });
  });

  it('looks up a registered document and returns null for an unknown one', async () => {
    const handle = await handler();
    await handle({ type: 'document.register', draft: draft() }, SELF);
    const known = await handle({ type: 'document.lookup', lookup: { docNumber: draft().docNumber, issuer: draft().issuer, sourceUrl: draft().sourceUrl } }, SELF);
    expect(known).toMatchObject({ ok: true, data: { state: { document: { registrationNo: '收〔2026〕0001号' } } } });
    const unknown = await handle({ type: 'document.lookup', lookup: { docNumber: '无〔2026〕1号', sourceUrl: draft().sourceUrl } }, SELF);
    expect(unknown).toEqual({ ok: true, data: { state: null } });
  });
});
