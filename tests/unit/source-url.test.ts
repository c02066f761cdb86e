import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';
import { extensionPage } from '../support/senders';

const SELF = extensionPage('doctrail-id');
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const BLOB = `blob:${ORIGIN}/0b6c1d2e-1111-4222-8333-444455556666`;
const HOSTILE = ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'JaVaScRiPt:alert(1)', 'blob:http://127.0.0.1/x'];
let counter = 0;
let db: RegisterDB;
afterEach(() => db?.close());

/** The reproduction backup with real dates and a `javascript:` address instead. */
const backupWith = (sourceUrl: string) =>
  readFileSync('tests/fixtures/security/bad-dates-backup.json', 'utf8')
    .replace('"receivedDate":"2026-02-30","deadline":"2026-13-45","dueDate":"2026-02-30"', '"receivedDate":"2026-02-27","deadline":"2026-03-13","dueDate":"2026-03-13"')
    .replace('"sourceUrl":"http://127.0.0.1/doc"', `"sourceUrl":${JSON.stringify(sourceUrl)}`);

async function background(file = '') {
  db = await openRegister(`doctrail-source-url-${++counter}`);
  const handle = createMessageHandler({
    db: async () => db,
    now: () => new Date(2026, 10, 23, 10),
    extensionId: SELF.id,
    backup: { fetchBlob: async () => new Blob([file]), origin: ORIGIN, languages: ['zh-CN'] },
  });
  return (request: Record<string, unknown>) => handle(request, SELF);
}

describe('sourceUrl: http(s) only (hole 14, schema half)', () => {
  it.each(HOSTILE)('refuses to register a document from %s, naming the field', async (sourceUrl) => {
    const ask = await background();
    const answer = await ask({ type: 'document.register', draft: draft({ sourceUrl }) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('draft.sourceUrl: only an http:// or https:// address') } });
    expect(await db.count('documents')).toBe(0);
  });

  it('refuses such addresses in lookups and profile messages too', async () => {
    const ask = await background();
    expect(await ask({ type: 'document.lookup', lookup: { docNumber: 'x', sourceUrl: HOSTILE[0] } })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await ask({ type: 'profiles.forUrl', url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await ask({ type: 'profiles.reportHealth', id: 'xinhu-like', health: 'ok', url: HOSTILE[1], missing: [] })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('refuses a backup whose document links to javascript:, naming line and field, and restores nothing', async () => {
    const ask = await background(backupWith(HOSTILE[0]!));
    const answer = await ask({ type: 'backup.restore', blobUrl: BLOB });
    expect(answer).toMatchObject({ ok: true, data: { ok: false, line: 3, field: 'sourceUrl' } });
    expect(await db.count('documents')).toBe(0);
    // The same file with an http address restores.
    const fine = await background(backupWith('http://127.0.0.1/doc'));
    expect(await fine({ type: 'backup.restore', blobUrl: BLOB })).toMatchObject({ ok: true, data: { ok: true } });
  });

  it('never hands out a javascript: address stored by an older version, and the record still works', async () => {
    const ask = await background();
    const registered = await ask({ type: 'document.register', draft: draft() });
    const id = (registered as { data: { state: { document: { id: string } } } }).data.state.document.id;
    await db.put('documents', { ...(await db.get('documents', id))!, sourceUrl: HOSTILE[0]! });
    const history = await ask({ type: 'document.history', docId: id });
    expect(history).toMatchObject({ ok: true, data: { document: { id } } });
    const query = await ask({ type: 'register.query', query: {} });
    const summary = await ask({ type: 'register.summary' });
    for (const answer of [history, query, summary]) expect(JSON.stringify(answer)).not.toContain('javascript:');
    expect(await ask({ type: 'circulation.send', docId: id, recipients: ['王局长'], purpose: 'read' })).toMatchObject({ ok: true });
  });
});
