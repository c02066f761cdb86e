import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { nestedTooDeep } from '@/utils/export/backup-read';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { extensionPage } from '../support/senders';

const SELF = extensionPage('doctrail-id');
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const BLOB = `blob:${ORIGIN}/0b6c1d2e-1111-4222-8333-444455556666`;
let db: RegisterDB;
let counter = 0;
afterEach(() => db?.close());

/** A backup whose one event carries `depth` nested arrays in its details (line 6), ~2·depth characters. */
function deepBackup(depth: number): string {
  return readFileSync('tests/fixtures/security/bad-dates-backup.json', 'utf8')
    .replace('"receivedDate":"2026-02-30","deadline":"2026-13-45","dueDate":"2026-02-30"', '"receivedDate":"2026-02-27"')
    .replace('"details":{"registrationNo":"收〔2026〕0001号"}', `"details":{"registrationNo":"收〔2026〕0001号","x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
}

async function restore(file: string, language: string) {
  db = await openRegister(`doctrail-backup-depth-${++counter}`);
  const handle = createMessageHandler({
    db: async () => db,
    now: () => new Date(2026, 10, 23, 10),
    extensionId: SELF.id,
    backup: { fetchBlob: async () => new Blob([file]), origin: ORIGIN, languages: [language] },
  });
  return handle({ type: 'backup.restore', blobUrl: BLOB }, SELF);
}

describe('a deeply nested backup record (hole 11)', () => {
  it('is refused with the line, the record and the field, not "Maximum call stack size exceeded", and nothing is written', async () => {
    const answer = await restore(deepBackup(100_000), 'zh-CN');
    expect(answer).toMatchObject({ ok: true, data: { ok: false, code: 'invalid-record', line: 6, record: 'events[0]', field: 'details.x.0…' } });
    const message = (answer as { data: { message: string } }).data.message;
    expect(message).toContain('嵌套层数过多（最多 32 层）');
    expect(message).not.toMatch(/call stack/i);
    expect(await db.count('documents')).toBe(0);
    expect(await db.count('events')).toBe(0);
  });

  it('says so in English too', async () => {
    const answer = await restore(deepBackup(40), 'en');
    expect((answer as { data: { message: string } }).data.message).toContain('nested too deeply (at most 32 levels)');
  });

  it('measures depth without recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nestedTooDeep(deep)).toHaveLength(32);
    expect(nestedTooDeep({ a: { b: [1, { c: 2 }] } })).toBeUndefined();
  });
});
