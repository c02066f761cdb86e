import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION } from '@/utils/register/db-schema';
import { describeBackupError, type BackupError } from '@/utils/export/backup-errors';
import { BackupIncomplete, backupChunks, MAX_HEADER_LINE_CHARS, type BackupMeta } from '@/utils/export/backup-format';
import { readBackup, type BackupSource } from '@/utils/export/backup-read';
import { runExport } from '@/utils/export/export-run';
import { readHead, readTransaction } from '@/utils/register/register-db';
import type { RegisterDB } from '@/utils/register/register-db';
import { DEFAULT_SETTINGS } from '@/utils/register/settings';
import { BUILT_IN_PROFILES } from '@/utils/site-profiles/built-in';
import { allEvents, at, collect, fillRegister, freshRegister } from '../fixtures/backups/sample-register';

let db: RegisterDB | undefined;
afterEach(() => db?.close());

async function backupText(): Promise<{ text: string; reg: RegisterDB }> {
  db = await freshRegister('backup');
  await fillRegister(db);
  const bytes = await collect((write) => runExport(db!, { kind: 'backup', maskClassified: true, language: 'zh-CN', now: at(120), profiles: BUILT_IN_PROFILES.slice(0, 1) }, write));
  return { text: new TextDecoder().decode(bytes), reg: db };
}

async function refused(source: BackupSource): Promise<BackupError> {
  const result = await readBackup(source);
  if (result.ok) throw new Error('the file was accepted');
  return result.error;
}

const zh = (error: BackupError) => describeBackupError(error, 'zh-CN');
const lines = (text: string) => text.split('\n');
/** Edits the line holding `needle` (the first one after the header). */
function editLine(text: string, needle: string, edit: (line: string) => string): { text: string; line: number } {
  const all = lines(text);
  const index = all.findIndex((line, i) => i > 0 && line.includes(needle));
  all[index] = edit(all[index]!);
  return { text: all.join('\n'), line: index + 1 };
}

describe('the backup file', () => {
  it('is valid JSON for any tool, with the header on the first line and one record per line', async () => {
    const { text, reg } = await backupText();
    const events = await allEvents(reg);
    const parsed = JSON.parse(text) as Record<string, unknown> & { documents: unknown[]; events: { sequence: number; hash: string }[] };
    const head = events.at(-2)!; // the last event is the export's own, logged after the file was written
    expect(parsed).toMatchObject({
      format: 'doctrail-backup',
      formatVersion: 1,
      exportedAt: at(120).toISOString(),
      schemaVersion: DB_VERSION,
      counts: { documents: 5, events: events.length - 1 },
      head: { sequence: head.sequence, hash: head.hash },
      settings: DEFAULT_SETTINGS,
      calendar: null,
      profiles: [{ id: BUILT_IN_PROFILES[0]!.id }],
    });
    expect(parsed.documents).toHaveLength(5);
    expect(parsed.events).toEqual(events.slice(0, -1));
    const all = lines(text);
    expect(all[0]).toMatch(/^\{"format":"doctrail-backup","formatVersion":1,.*"profiles":\[.*\],$/);
    expect(all[1]).toBe('"documents":[');
    expect(all.slice(2, 7).every((line) => line.startsWith('{"') && JSON.parse(line.replace(/,$/, '')))).toBe(true);
    expect(all[7]).toBe('],');
    expect(all[8]).toBe('"events":[');
    expect(all.at(-2)).toBe(']}');
    expect(events.at(-1)).toMatchObject({ type: 'exported', details: { format: 'backup', documents: 5, events: events.length - 1 } });
  });

  it('reads back: header, every record, the chain verified to the head it names', async () => {
    const { text, reg } = await backupText();
    const documents: string[] = [];
    let events = 0;
    const result = await readBackup(new Blob([text]), { onDocuments: (b) => void documents.push(...b.map((d) => d.id)), onEvents: (b) => void (events += b.length), batchSize: 4 });
    const head = await readHead(readTransaction(reg));
    expect(result).toMatchObject({ ok: true, documents: 5, events: head.sequence - 1 });
    expect(result.ok && result.settings).toEqual(DEFAULT_SETTINGS);
    expect(documents).toHaveLength(5);
    expect(events).toBe(head.sequence - 1);
  });

  it('reads a file saved with CRLF line ends and a byte-order mark', async () => {
    const { text } = await backupText();
    const result = await readBackup(new Blob([`\uFEFF${text.replaceAll('\n', '\r\n')}`]));
    expect(result.ok).toBe(true);
  });

  it('restores the register even when a setting or profile is one this DocTrail cannot take, and says which', async () => {
    const { text } = await backupText();
    const edited = text
      .replace('"leadWorkingDays":1', '"leadWorkingDays":"一天","theme":"dark"')
      .replace(`"id":"${BUILT_IN_PROFILES[0]!.id}"`, '"id":"Not A Slug"');
    const result = await readBackup(new Blob([edited]));
    expect(result).toMatchObject({ ok: true, documents: 5, profiles: [], settings: DEFAULT_SETTINGS });
    expect(result.ok && result.dropped.map((d) => d.field)).toEqual(['settings.leadWorkingDays', 'settings.theme', 'profiles[0]']);
  });

  it('refuses to finish a file whose records do not match the header it already wrote', async () => {
    const meta: BackupMeta = { exportedAt: new Date().toISOString(), schemaVersion: DB_VERSION, counts: { documents: 1, events: 0 }, head: { sequence: 0, hash: '0'.repeat(64) }, settings: DEFAULT_SETTINGS, calendar: null, profiles: [] };
    async function* none() {}
    const write = async () => {
      for await (const _ of backupChunks(meta, none(), none())) void _;
    };
    await expect(write()).rejects.toThrow(BackupIncomplete);
  });
});

describe('a bad file is refused with a message that says what and where', () => {
  it('a truncated file: 文件不完整（在第 N 行截断）', async () => {
    const { text } = await backupText();
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const error = await refused(new Blob([cut]));
    expect(error.code).toBe('truncated');
    expect(error.line).toBe(lines(cut).length);
    expect(zh(error)).toBe(`文件不完整（在第 ${lines(cut).length} 行截断）：备份没有写完，或复制、传输时被截断。`);
    // Cut at a line end, the missing closing lines still show.
    const atLine = lines(text).slice(0, 12).join('\n') + '\n';
    expect(await refused(new Blob([atLine]))).toMatchObject({ code: 'truncated', line: 12 });
    expect(await refused(new Blob([text.slice(0, -3)]))).toMatchObject({ code: 'truncated' });
  });

  it('a wrong version: 版本不支持, with the version found', async () => {
    const { text } = await backupText();
    const error = await refused(new Blob([text.replace('"formatVersion":1', '"formatVersion":2')]));
    expect(error).toMatchObject({ code: 'wrong-version', line: 1, field: 'formatVersion', found: '2' });
    expect(zh(error)).toBe('版本不支持：备份格式版本为 2，本版文迹只能读取版本 1。');
    const newer = await refused(new Blob([text.replace(`"schemaVersion":${DB_VERSION}`, `"schemaVersion":${DB_VERSION + 5}`)]));
    expect(zh(newer)).toContain('此备份来自较新版本的文迹');
  });

  it('wrong types: names the line, the record and its id, the field and what is wrong', async () => {
    const { text } = await backupText();
    const { text: bad, line } = editLine(text, '收〔2026〕0003号', (l) => l.replace(/"createdAt":\d+/, '"createdAt":"yesterday"'));
    const error = await refused(new Blob([bad]));
    expect(error).toMatchObject({ code: 'invalid-record', line, record: 'documents[2]', field: 'createdAt', problem: { kind: 'type', expected: 'number', received: 'string' } });
    expect(zh(error)).toBe(`第 ${line} 行 documents[2]（id ${error.id}）的字段 createdAt 不正确：应为数字，实为文本。`);
    expect(describeBackupError(error, 'en')).toBe(`line ${line}, documents[2] (id ${error.id}): field createdAt should be number, is string.`);

    const { text: badEvent } = editLine(text, '"type":"sent"', (l) => l.replace('"type":"sent"', '"type":"stolen"'));
    const eventError = await refused(new Blob([badEvent]));
    expect(eventError).toMatchObject({ code: 'invalid-record', field: 'type', problem: { kind: 'value' } });
    expect(eventError.record).toMatch(/^events\[\d+\]$/);
    expect(zh(eventError)).toContain('的字段 type 不正确：取值不在允许范围内');

    const headerError = await refused(new Blob([text.replace('"counts":{"documents":5', '"counts":{"documents":"5"')]));
    expect(zh(headerError)).toBe('第 1 行 文件头的字段 counts.documents 不正确：应为数字，实为文本。');
  });

  it('a changed event: the chain breaks at that event, named by its sequence', async () => {
    const { text } = await backupText();
    const { text: bad, line } = editLine(text, '报送局党组会议审议', (l) => l.replace('报送局党组会议审议', '个人留存'));
    const sequence = (JSON.parse(lines(bad)[line - 1]!.replace(/,$/, '')) as { sequence: number }).sequence;
    const error = await refused(new Blob([bad]));
    expect(error).toMatchObject({ code: 'chain-broken', breakKind: 'content-changed', sequence, line, record: `events[${sequence - 1}]` });
    expect(zh(error)).toBe(`处理记录的哈希链在第 ${sequence} 条断开：内容被改动（第 ${line} 行 events[${sequence - 1}]（第 ${sequence} 条））。文件被改动过，不能导入。`);
  });

  it('a removed event, an edited head and an edited count are caught too', async () => {
    const { text } = await backupText();
    const all = lines(text);
    const eventsAt = all.indexOf('"events":[');
    const removed = [...all.slice(0, eventsAt + 3), ...all.slice(eventsAt + 4)].join('\n');
    expect(await refused(new Blob([removed]))).toMatchObject({ code: 'chain-broken', breakKind: 'missing-events', sequence: 4, expected: '3', found: '4' });
    const header = JSON.parse(`${all[0]!.slice(0, -1)}}`) as { head: { hash: string } };
    const headEdited = text.replace(header.head.hash, 'f'.repeat(64));
    expect(await refused(new Blob([headEdited]))).toMatchObject({ code: 'chain-broken', breakKind: 'head-mismatch' });
    const countEdited = text.replace('"documents":5', '"documents":6');
    expect(zh(await refused(new Blob([countEdited])))).toBe('公文数量不符：文件头写明 6 条，实有 5 条。');
  });

  it('duplicated ids: the second line holding an id already seen', async () => {
    const { text } = await backupText();
    const all = lines(text);
    const duplicated = [...all.slice(0, 3), all[2]!, ...all.slice(3)].join('\n').replace('"documents":5', '"documents":6');
    const error = await refused(new Blob([duplicated]));
    expect(error).toMatchObject({ code: 'duplicate-id', line: 4, field: 'id', expected: '3' });
    expect(zh(error)).toBe(`第 4 行 documents[1]（id ${error.id}）：id ${error.id} 重复（已在第 3 行出现）。`);
  });

  it('a 50 MB junk file is refused in its first bytes, without being read whole', async () => {
    const size = 50 * 1024 * 1024;
    let pulled = 0;
    async function* source(fill: (chunk: Uint8Array, offset: number) => void): AsyncGenerator<Uint8Array> {
      for (let offset = 0; offset < size; offset += 65536) {
        const chunk = new Uint8Array(65536);
        fill(chunk, offset);
        pulled += chunk.byteLength;
        yield chunk;
      }
    }
    let seed = 42;
    const random = (chunk: Uint8Array) => {
      for (let i = 0; i < chunk.length; i++) chunk[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    };
    const junk = await refused(source(random));
    expect(['not-text', 'not-json']).toContain(junk.code);
    expect(pulled).toBeLessThanOrEqual(65536);

    // One 50 MB line that starts like a backup: refused once it passes the header's line limit.
    pulled = 0;
    const start = new TextEncoder().encode('{"format":"doctrail-backup","formatVersion":1,"padding":"');
    const oneLine = (chunk: Uint8Array, offset: number) => {
      chunk.fill(0x61);
      if (offset === 0) chunk.set(start);
    };
    const long = await refused(source(oneLine));
    expect(long).toMatchObject({ code: 'too-long-line', line: 1 });
    expect(zh(long)).toBe(`第 1 行过长（超过 ${MAX_HEADER_LINE_CHARS} 个字符），不是文迹备份文件。`);
    expect(pulled).toBeLessThan(MAX_HEADER_LINE_CHARS + 2 * 65536);
  });

  it('a file that is not JSON at all: refused from its first bytes, with a guess at what it is', async () => {
    const xlsx = await refused(new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])]));
    expect(zh(xlsx)).toBe('这不是文迹备份文件：内容不是 JSON（开头是“PK······”，看起来是Excel 或 ZIP 文件）。');
    const csv = await refused(new Blob(['\uFEFF收文编号,收文日期,来文单位\r\n收〔2026〕0001号,2026-11-18,省应急管理厅\r\n']));
    expect(csv).toMatchObject({ code: 'not-json', line: 1, hint: 'csv' });
    const prose = await refused(new Blob(['关于进一步加强公文处理工作的通知']));
    expect(zh(prose)).toBe('这不是文迹备份文件：内容不是 JSON（开头是“关于进一步加强公文处理工作的通知”）。');
    const gbk = await refused(new Blob([new Uint8Array([0x7b, 0x22, 0xb9, 0xab, 0xce, 0xc4])])); // {"公文 in GBK
    expect(gbk.code).toBe('not-text');
    expect(await refused(new Blob(['']))).toMatchObject({ code: 'truncated' });
  });

  it('valid JSON that is not a DocTrail backup, or not laid out as one', async () => {
    const profile = await refused(new Blob(['{"format":"doctrail-profile","formatVersion":1,\n"profiles":[]}\n']));
    // In words, not the raw JSON the reader expected.
    expect(zh(profile)).toBe('这不是文迹备份文件，而是识别规则文件（请在“设置 → 识别规则”中导入）。请选择文迹“导出与备份”保存的备份文件。');
    const { text } = await backupText();
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect(await refused(new Blob([pretty]))).toMatchObject({ code: 'wrong-format', line: 1 });
    expect(zh(await refused(new Blob([pretty])))).toBe('这不是文迹备份文件：第一行不是文迹备份的文件头。请选择文迹“导出与备份”保存的备份文件（不要在编辑器中改动或重新排版）。');
    const oneLine = JSON.stringify(JSON.parse(text));
    expect(await refused(new Blob([oneLine]))).toMatchObject({ code: 'wrong-format', line: 1 });
  });
});

describe('reading in small batches', () => {
  it('names the right line and record for a break in a later batch', async () => {
    const { text } = await backupText();
    const { text: bad, line } = editLine(text, '"recipient":"李书记"', (l) => l.replace('李书记', '李副书记'));
    const sequence = (JSON.parse(lines(bad)[line - 1]!.replace(/,$/, '')) as { sequence: number }).sequence;
    const result = await readBackup(new Blob([bad]), { batchSize: 3 });
    expect(result).toMatchObject({ ok: false, error: { code: 'chain-broken', sequence, line, record: `events[${sequence - 1}]` } });
  });
});

describe('a backup written by this format version', () => {
  it('stays readable and restorable: tests/fixtures/backups/sample-backup.json', async () => {
    const { readFileSync } = await import('node:fs');
    const { applyImport } = await import('@/utils/export/import-store');
    const { verifyRegister } = await import('@/utils/register/chain-store');
    const file = readFileSync(new URL('../fixtures/backups/sample-backup.json', import.meta.url));
    const result = await readBackup(new Blob([file]));
    expect(result).toMatchObject({ ok: true, documents: 5, events: 17, header: { formatVersion: 1, profiles: [{ id: 'xinhu-like' }] } });
    db = await freshRegister('fixture');
    expect(await applyImport(db, new Blob([file]), { now: at(600) })).toMatchObject({ ok: true, plan: { add: 5, eventsAdd: 17 } });
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 18 });
    // written by 0.1, whose keys were swapped (机密 'confidential'): restored as 机密 in the standard keys
    const levels = Object.fromEntries((await db.getAll('documents')).map((d) => [d.docNumber, d.classification]));
    expect(levels).toMatchObject({ '财预〔2026〕101号': 'secret', '军发〔2026〕3号': 'top-secret', '省政办发〔2026〕15号': 'internal' });
    // written before the records kept their 办结 date (schema v2): the two documents 办结 on 18 November and then
    // 清退 / 销毁 get the date of that 办结 from the log, as the v7 migration gives it; the open ones get none
    const completed = Object.fromEntries((await db.getAll('documents')).map((d) => [d.docNumber, [d.status, d.completedOn]]));
    expect(completed).toEqual({
      '省应急〔2026〕45号': ['in-circulation', undefined],
      '省政办发〔2026〕15号': ['cleared', '2026-11-18'],
      '某公司函〔2026〕7号': ['destroyed', '2026-11-18'],
      '财预〔2026〕101号': ['in-circulation', undefined],
      '军发〔2026〕3号': ['in-circulation', undefined],
    });
  });

  it('a backup written now says which 密级 keys it uses, and restores them as they are', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../fixtures/backups/sample-backup.json', import.meta.url), 'utf8');
    const marked = text.replace('"schemaVersion":2,', '"schemaVersion":2,"classificationScheme":"standard",');
    const result = await readBackup(new Blob([marked]), {
      onDocuments: (documents) => void documents.forEach((d) => d.docNumber === '财预〔2026〕101号' && expect(d.classification).toBe('confidential')),
    });
    expect(result).toMatchObject({ ok: true, header: { classificationScheme: 'standard' } });
  });
});
