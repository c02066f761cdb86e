import 'fake-indexeddb/auto';
import { extensionPage } from '../support/senders';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyRegister } from '@/utils/register/chain-store';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { Request } from '@/utils/messaging/protocol';
import { registerDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

const SELF = extensionPage('doctrail-id');
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const SAMPLE = readFileSync('tests/fixtures/backups/sample-backup.json', 'utf8');
let counter = 0;
const open: RegisterDB[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** The background's message handler with the clerk's file behind a blob: URL, as the dashboard hands it over. */
async function background(files: Record<string, string>) {
  const db = await openRegister(`doctrail-backup-msg-${++counter}`);
  open.push(db);
  const handle = createMessageHandler({
    db: async () => db,
    now: () => new Date(2026, 10, 23, 10),
    extensionId: SELF.id,
    backup: { fetchBlob: async (url) => new Blob([files[url] ?? '']), origin: ORIGIN, languages: ['zh-CN'] },
  });
  const ask = (request: Request) => handle(request, SELF);
  return { db, ask };
}

const url = (name: string, origin = ORIGIN) => `blob:${origin}/${name}`;

describe('backup messages', () => {
  it('previews without writing, then restores into an empty register with the backup’s settings', async () => {
    const { db, ask } = await background({ [url('0b6c1d2e-1111-4222-8333-444455556666')]: SAMPLE });
    const preview = await ask({ type: 'backup.preview', blobUrl: url('0b6c1d2e-1111-4222-8333-444455556666') });
    expect(preview).toMatchObject({ ok: true, data: { ok: true, plan: { update: 0, skip: 0, conflictCount: 0 } } });
    expect(await db.count('documents')).toBe(0);
    const restored = await ask({ type: 'backup.restore', blobUrl: url('0b6c1d2e-1111-4222-8333-444455556666') });
    expect(restored).toMatchObject({ ok: true, data: { ok: true } });
    const header = JSON.parse(SAMPLE.split('\n')[0]!.replace(/,$/, '}')) as { counts: { documents: number }; settings: Record<string, unknown> };
    expect(await db.count('documents')).toBe(header.counts.documents);
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact' });
    const settings = await ask({ type: 'settings.get' });
    expect(settings).toMatchObject({ ok: true, data: { settings: { numberFormat: header.settings.numberFormat } } });
  });

  it('merging into a working register keeps this clerk’s own settings', async () => {
    const { db, ask } = await background({ [url('a')]: SAMPLE });
    await ask({ type: 'settings.update', patch: { clerkName: '张文书' } });
    await registerDocument(db, draft({ docNumber: '本机〔2026〕1号', title: '关于本机先登记的一份通知' }), new Date(2027, 0, 5));
    const restored = await ask({ type: 'backup.restore', blobUrl: url('a') });
    expect(restored).toMatchObject({ ok: true, data: { ok: true } });
    expect(await ask({ type: 'settings.get' })).toMatchObject({ data: { settings: { clerkName: '张文书' } } });
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact' });
  });

  it('refuses a file from anywhere but DocTrail’s own pages, and explains a bad file in the clerk’s language', async () => {
    const { db, ask } = await background({ [url('b')]: '{"format":"doctrail-backup","formatVersion":9}\n' });
    expect(await ask({ type: 'backup.preview', blobUrl: url('x', 'chrome-extension://someotherextensionidxxxxxxxxxxxx') })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await ask({ type: 'backup.preview', blobUrl: 'https://evil.example/backup.json' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    const refused = await ask({ type: 'backup.restore', blobUrl: url('b') });
    expect(refused).toMatchObject({ ok: true, data: { ok: false, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(await db.count('documents')).toBe(0);
    expect(await db.count('events')).toBe(0);
  });
});
