import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isoWeek, listCheckpoints, recordCheckpoint } from '@/utils/register/checkpoints';
import { verifyRegister, verifyRegisterExtends } from '@/utils/register/chain-store';
import { chainEvents, EMPTY_HEAD, formatHead, headQrText, parseKeptHeads } from '@/utils/register/hash-chain';
import { EVENT_SEQUENCE, type RegisterDB } from '@/utils/register/register-db';
import { runExport } from '@/utils/export/export-run';
import { logHandling } from '@/utils/register/register-store';
import { at, collect, fillRegister, freshRegister } from '../fixtures/backups/sample-register';

let db: RegisterDB | undefined;
afterEach(() => db?.close());

describe('isoWeek', () => {
  it('numbers weeks from Monday, week 1 holding the first Thursday', () => {
    expect(isoWeek(new Date(2026, 10, 30))).toBe('2026-W49'); // Monday
    expect(isoWeek(new Date(2026, 11, 6))).toBe('2026-W49'); // Sunday of the same week
    expect(isoWeek(new Date(2026, 11, 7))).toBe('2026-W50');
    expect(isoWeek(new Date(2027, 0, 1))).toBe('2026-W53'); // Friday 1 January belongs to the last week of 2026
    expect(isoWeek(new Date(2026, 0, 1))).toBe('2026-W01'); // Thursday
    expect(isoWeek(new Date(2024, 11, 30))).toBe('2025-W01');
  });
});

describe('checkpoints', () => {
  it('take one weekly checkpoint per ISO week and one per print, in order, each a real head of the log', async () => {
    db = await freshRegister('checkpoints');
    expect(await recordCheckpoint(db, 'week', at(0))).toBeUndefined(); // an empty log has no head to keep
    const docs = await fillRegister(db);
    const monday = new Date(2026, 10, 30, 9);
    const first = await recordCheckpoint(db, 'week', monday);
    expect(first).toMatchObject({ reason: 'week', week: '2026-W49', recordedAt: monday.getTime() });
    expect(await recordCheckpoint(db, 'week', new Date(2026, 11, 4, 17))).toBeUndefined(); // same week: none
    await logHandling(db, docs[0]!.id, 'printed', { reason: '会议', intercepted: true }, at(200));
    const printed = await recordCheckpoint(db, 'print', new Date(2026, 11, 4, 17));
    expect(printed!.sequence).toBe(first!.sequence + 1);
    const next = await recordCheckpoint(db, 'week', new Date(2026, 11, 7, 8));
    expect(next).toMatchObject({ week: '2026-W50' });
    expect((await listCheckpoints(db)).map((c) => [c.reason, c.week, c.sequence])).toEqual([
      ['week', '2026-W49', first!.sequence],
      ['print', '2026-W49', printed!.sequence],
      ['week', '2026-W50', printed!.sequence],
    ]);
    const events = await db.getAll('events');
    for (const c of await listCheckpoints(db)) expect(events.find((e) => e.sequence === c.sequence)!.hash).toBe(c.hash);
    // Untouched, the log extends every checkpoint.
    expect(await verifyRegisterExtends(db, await listCheckpoints(db))).toMatchObject({ state: 'extends' });
  });

  it('show an in-storage rewrite that forgot them: the log no longer extends the checkpoint', async () => {
    db = await freshRegister('checkpoints-forged');
    const docs = await fillRegister(db);
    await logHandling(db, docs[0]!.id, 'printed', { reason: '会议', intercepted: true }, at(200));
    await recordCheckpoint(db, 'week', at(201));
    const all = await db.getAll('events');
    const kept = all.filter((e) => e.type !== 'printed').map((e, i) => ({ ...e, sequence: i + 1 }));
    const rehashed = await chainEvents(EMPTY_HEAD, kept);
    await db.clear('events');
    for (const event of rehashed) await db.put('events', event);
    await db.put('counters', rehashed.length, EVENT_SEQUENCE);
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact' });
    expect((await verifyRegisterExtends(db, await listCheckpoints(db))).state).toBe('shorter');
  });
});

describe('the head as written in each export', () => {
  it('is read back from the CSV’s first line, the whole CSV pasted, the backup header, the print and its QR code', async () => {
    db = await freshRegister('heads');
    await fillRegister(db);
    const verified = await verifyRegister(db);
    if (verified.state !== 'intact') throw new Error('expected intact');
    const { head, headTime } = verified;
    const short = { sequence: head.sequence, hash: head.hash.slice(0, 16) };

    const csv = new TextDecoder().decode(await collect((write) => runExport(db!, { kind: 'events-csv', maskClassified: true, language: 'zh-CN', now: at(300) }, write)));
    const [firstLine] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(firstLine).toBe(`文迹处理记录链头 ${formatHead(head, headTime)}`);
    expect(parseKeptHeads(firstLine!).heads).toEqual([short]);
    // The whole log CSV pasted: its rows (sequence numbers, hashes, dates) are not taken for heads.
    expect(parseKeptHeads(csv).heads).toEqual([short]);

    const backup = new TextDecoder().decode(await collect((write) => runExport(db!, { kind: 'backup', maskClassified: false, language: 'zh-CN', now: at(301) }, write)));
    const header = backup.split('\n')[0]!;
    expect(header).toContain(`"headAt":"${at(300).toISOString()}"`); // the CSV export's own logged event is the head now
    // The export just logged itself, so the backup's head is one later.
    expect(parseKeptHeads(header).heads).toEqual([{ sequence: head.sequence + 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    expect(parseKeptHeads(`收文登记簿 · 链头 ${formatHead(head, headTime)}`).heads).toEqual([short]);
    expect(headQrText(head, headTime)).toMatch(/^DocTrail head #\d+ \d{4}-\d{2}-\d{2} \d{2}:\d{2} [0-9a-f]{64}$/);
    expect(parseKeptHeads(headQrText(head, headTime)).heads).toEqual([{ sequence: head.sequence, hash: head.hash }]);
  });
});
