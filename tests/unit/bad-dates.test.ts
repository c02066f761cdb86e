import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarDateSchema } from '@/utils/deadlines/date-schema';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { Request } from '@/utils/messaging/protocol';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';
import { contentScript, extensionPage, testPortals } from '../support/senders';

/** ../shared/cases/security/bad-dates-backup.json: 收文日期 2026-02-30, 办理期限 2026-13-45. */
const BAD_DATES = readFileSync('tests/fixtures/security/bad-dates-backup.json', 'utf8');
const SELF = extensionPage('doctrail-id');
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const BLOB = `blob:${ORIGIN}/0b6c1d2e-1111-4222-8333-444455556666`;
let counter = 0;
let db: RegisterDB;
afterEach(() => db?.close());

async function background() {
  db = await openRegister(`doctrail-bad-dates-${++counter}`);
  const handle = createMessageHandler({
    db: async () => db,
    now: () => new Date(2026, 10, 23, 10),
    extensionId: SELF.id,
    isPortal: testPortals,
    backup: { fetchBlob: async () => new Blob([BAD_DATES]), origin: ORIGIN, languages: ['zh-CN'] },
  });
  return (request: Request | Record<string, unknown>, sender: object = SELF) => handle(request, sender);
}

describe('impossible dates (hole 10)', () => {
  it.each(['2026-02-30', '2026-13-45', '2025-02-29', '0001-01-01', '9999-12-31', '2026-2-3'])('refuses %s as a date', (date) => {
    expect(calendarDateSchema.safeParse(date).success).toBe(false);
  });

  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('accepts %s', (date) => {
    expect(calendarDateSchema.safeParse(date).success).toBe(true);
  });

  it('refuses the reproduction backup, naming the line, the record and the field, and writes nothing', async () => {
    const ask = await background();
    for (const type of ['backup.preview', 'backup.restore'] as const) {
      const answer = await ask({ type, blobUrl: BLOB });
      expect(answer).toMatchObject({ ok: true, data: { ok: false, line: 3, field: expect.stringMatching(/receivedDate|deadline|dueDate/) } });
      expect((answer as { data: { message: string } }).data.message).toMatch(/2026-02-30|2026-13-45|日期/);
    }
    expect(await db.count('documents')).toBe(0);
    expect(await db.count('events')).toBe(0);
  });

  it('refuses messages carrying an impossible date, naming the field', async () => {
    const ask = await background();
    const register = await ask({ type: 'document.register', draft: draft({ deadline: '2026-13-45' }) });
    expect(register).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('draft.deadline: "2026-13-45" is not a real calendar date') } });
    expect(await ask({ type: 'register.query', query: { from: '2026-02-30' } })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await db.count('events')).toBe(0);
  });

  it('answers a write on a record that holds an impossible date (stored by an older version) as done, once', async () => {
    const ask = await background();
    const page = contentScript(SELF.id, draft().sourceUrl!);
    const registered = await ask({ type: 'document.register', draft: draft() });
    const id = (registered as { data: { state: { document: { id: string } } } }).data.state.document.id;
    // What an older DocTrail let in: a due date that is no day at all.
    const stored = await db.get('documents', id);
    await db.put('documents', { ...stored!, dueDate: '2026-02-30', deadline: '2026-02-30' });
    const events = await db.count('events');

    const lookup = await ask({ type: 'document.lookup', lookup: { docNumber: draft().docNumber, sourceUrl: draft().sourceUrl } }, page);
    expect(lookup).toMatchObject({ ok: true, data: { state: { document: { id } } } });
    const printed = await ask({ type: 'document.logHandling', docId: id, action: 'printed', reason: '会议学习', intercepted: true }, page);
    expect(printed).toMatchObject({ ok: true, data: { document: { id } } });
    expect((printed as { data: { due?: unknown } }).data.due).toBeUndefined();
    // Committed and said so: nothing for the overlay to retry, so the log holds exactly one `printed`.
    expect(await db.count('events')).toBe(events + 1);
    const sent = await ask({ type: 'circulation.send', docId: id, recipients: ['王局长'], purpose: 'read' }, page);
    expect(sent).toMatchObject({ ok: true });
    expect(await db.count('events')).toBe(events + 2);
  });
});
