/**
 * The forged backup of issue 14: a destroyed 机密 document's record turned into a registered 非密 one, every `printed`
 * event dropped and the chain re-hashed with the field case's own script (tests/fixtures/security-cases/forge-backup.mjs).
 * The chain alone verifies; the records are checked against the file's own log and the file is refused. A forger who
 * also rewrites the log so the records agree gets a file that restores — and a head kept outside shows it.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackup } from '@/utils/export/backup-read';
import { runExport } from '@/utils/export/export-run';
import { applyImport } from '@/utils/export/import-store';
import { verifyRegister, verifyRegisterExtends } from '@/utils/register/chain-store';
import { chainEvents, EMPTY_HEAD, parseKeptHeads } from '@/utils/register/hash-chain';
import { closeDocument, returnDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import type { DocumentRecord, EventRecord } from '@/utils/documents/document-schema';
import { at, collect, fillRegister, freshRegister, registerState } from '../fixtures/backups/sample-register';

const FORGE = join(__dirname, '../fixtures/security-cases/forge-backup.mjs');
const opened: RegisterDB[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A register whose 机密 document was printed, circulated, returned, completed and destroyed; its full backup. */
async function genuineBackup(): Promise<{ text: string; secret: DocumentRecord }> {
  const db = await freshRegister('forge');
  opened.push(db);
  const docs = await fillRegister(db);
  const secret = docs[3]!;
  expect(secret.classification).toBe('secret');
  await returnDocument(db, secret.id, '王局长', at(100));
  await closeDocument(db, secret.id, 'completed', {}, at(101));
  await closeDocument(db, secret.id, 'destroyed', { approver: '赵主任', witness: '钱科长' }, at(102));
  const bytes = await collect((write) => runExport(db, { kind: 'backup', maskClassified: false, language: 'zh-CN', now: at(120) }, write));
  return { text: new TextDecoder().decode(bytes), secret: (await db.get('documents', secret.id))! };
}

/** The record edit: destroyed 机密 → registered 非密. */
function editRecord(text: string, id: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes(`"id":"${id}"`) || !line.includes('"registrationNo"')) return line;
      const comma = line.endsWith(',');
      const record = JSON.parse(comma ? line.slice(0, -1) : line) as Record<string, unknown>;
      return JSON.stringify({ ...record, status: 'registered', classification: 'none' }) + (comma ? ',' : '');
    })
    .join('\n');
}

function runForgeScript(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'forge-'));
  writeFileSync(join(dir, 'genuine.json'), text);
  execFileSync(process.execPath, [FORGE, join(dir, 'genuine.json'), join(dir, 'forged.json')]);
  return readFileSync(join(dir, 'forged.json'), 'utf8');
}

const blob = (text: string) => new Blob([text]);

describe('the forged backup (destroyed 机密 → registered 非密, prints dropped, chain re-hashed)', () => {
  it('is refused: the records are compared with the file’s own log, field by field', async () => {
    const { text, secret } = await genuineBackup();
    const forged = runForgeScript(editRecord(text, secret.id));
    // The chain alone is fine after the script: the refusal is the replay's, not the hashes'.
    const result = await readBackup(blob(forged));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'record-contradicts-log', id: secret.id, record: 'documents[3]' });
    expect(result.error.contradictions).toEqual([
      { docId: secret.id, registrationNo: secret.registrationNo, field: 'classification', record: 'none', log: 'secret' },
      { docId: secret.id, registrationNo: secret.registrationNo, field: 'status', record: 'registered', log: 'destroyed' },
    ]);
  });

  it('leaves the register untouched when restore is attempted', async () => {
    const { text, secret } = await genuineBackup();
    const target = await freshRegister('forge-target');
    opened.push(target);
    const before = await registerState(target);
    const outcome = await applyImport(target, blob(runForgeScript(editRecord(text, secret.id))), { now: at(200) });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'record-contradicts-log' } });
    expect(await registerState(target)).toEqual(before);
  });

  it('restores when the forger rewrites the log to match too, and is then caught by the head kept from the genuine backup', async () => {
    const { text, secret } = await genuineBackup();
    const [headerLine] = text.split('\n');
    const kept = parseKeptHeads(headerLine!).heads;
    expect(kept).toHaveLength(1);

    // The consistent forgery: the document's later events dropped, its `registered` event says 非密, all re-hashed.
    const { documents, events, ...header } = JSON.parse(editRecord(text, secret.id)) as { documents: DocumentRecord[]; events: EventRecord[]; head: unknown; counts: { events: number } };
    const rewritten = events
      .filter((e) => e.docId !== secret.id || e.type === 'registered')
      .map((e, i) => ({
        ...e,
        sequence: i + 1,
        details: e.docId === secret.id ? { ...e.details, fields: { ...(e.details.fields as object), classification: 'none' } } : e.details,
      }));
    const chained = await chainEvents(EMPTY_HEAD, rewritten);
    const forgedDocs = documents.map((d) => (d.id === secret.id ? (({ currentHolder: _h, ...rest }) => rest)(d) : d));
    const forgedHeader = { ...header, head: { sequence: chained.length, hash: chained.at(-1)!.hash }, counts: { ...header.counts, events: chained.length } };
    const list = (xs: unknown[]) => xs.map((x, i) => JSON.stringify(x) + (i < xs.length - 1 ? ',' : ''));
    const forged = [JSON.stringify(forgedHeader).replace(/\}$/, ','), '"documents":[', ...list(forgedDocs), '],', '"events":[', ...list(chained), ']}'].join('\n');

    const target = await freshRegister('forge-consistent');
    opened.push(target);
    expect(await applyImport(target, blob(forged), { now: at(200) })).toMatchObject({ ok: true });
    expect((await target.get('documents', secret.id))).toMatchObject({ status: 'registered', classification: 'none' });
    // On its own the restored register holds together and agrees with its log …
    const alone = await verifyRegister(target);
    expect(alone).toMatchObject({ state: 'intact', audit: { contradictionCount: 0 } });
    // … but it does not extend the head written in the genuine backup.
    const verdict = await verifyRegisterExtends(target, kept);
    expect(verdict.state).not.toBe('extends');
    expect(['diverged', 'shorter']).toContain(verdict.state);
  });
});
