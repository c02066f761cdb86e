import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyRegister, verifyRegisterExtends } from '@/utils/register/chain-store';
import { canonicalJson, chainEvents, chainEventsSync, EMPTY_HEAD, formatHead, GENESIS_HASH, hashEvent, parseKeptHeads } from '@/utils/register/hash-chain';
import { logHandling, registerDocument, returnDocument, sendDocument } from '@/utils/register/register-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { EVENT_SEQUENCE, openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

let counter = 0;
let db: RegisterDB | undefined;
const NOW = new Date(2026, 10, 23, 9, 0);

afterEach(() => db?.close());

/** A register with a realistic history: three documents, circulation, a print with its reason — 8 events. */
async function busyRegister(): Promise<RegisterDB> {
  db = await openRegister(`doctrail-chain-${++counter}`);
  const a = await registerDocument(db, draft({ docNumber: '省政办发〔2026〕15号' }), NOW);
  const b = await registerDocument(db, draft({ docNumber: '市教发〔2026〕3号', classification: 'secret' }), NOW);
  await sendDocument(db, a.document.id, { recipients: ['王局长', '陈主任'], purpose: 'read' }, NOW);
  await returnDocument(db, a.document.id, '王局长', NOW);
  await logHandling(db, b.document.id, 'printed', { reason: '会议学习', intercepted: true }, NOW);
  await registerDocument(db, draft({ docNumber: '省档发〔2026〕7号' }), NOW);
  await returnDocument(db, a.document.id, '陈主任', NOW);
  return db;
}

describe('canonical content', () => {
  it('is the same text whatever order the keys were written in, and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined } })).toBe(canonicalJson({ a: { d: [1, 'x'] }, b: 1 }));
    expect(canonicalJson({ title: '关于"通知"' })).toBe('{"title":"关于\\"通知\\""}');
  });

  it('gives a different hash when any part of an event changes', async () => {
    const event = { sequence: 1, timestamp: 1, docId: 'd', type: 'printed', details: { reason: '会议学习' } };
    const base = await hashEvent(event, GENESIS_HASH);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashEvent({ ...event, details: { reason: '会议学习 ' } }, GENESIS_HASH)).not.toBe(base);
    expect(await hashEvent({ ...event, timestamp: 2 }, GENESIS_HASH)).not.toBe(base);
    expect(await hashEvent(event, '1'.repeat(64))).not.toBe(base);
  });
});

describe('verifying the register chain', () => {
  it('reports an untouched register as intact, with every event counted', async () => {
    const reg = await busyRegister();
    const progress: number[] = [];
    const result = await verifyRegister(reg, (checked) => progress.push(checked));
    expect(result).toMatchObject({ state: 'intact', count: 8, head: { sequence: 8 } });
    expect(progress.at(-1)).toBe(8);
  });

  it('finds a reason edited after the fact: the event whose content no longer matches its hash', async () => {
    const reg = await busyRegister();
    const printed = (await reg.getAll('events')).find((e) => e.type === 'printed')!;
    await reg.put('events', { ...printed, details: { ...printed.details, reason: '领导要求' } });
    const result = await verifyRegister(reg);
    expect(result).toMatchObject({ state: 'broken', count: printed.sequence - 1, firstBreak: { kind: 'content-changed', sequence: printed.sequence, type: 'printed' } });
  });

  it('finds an edit whose hash was recomputed: the next event no longer links to it', async () => {
    const reg = await busyRegister();
    const sent = (await reg.getAll('events')).find((e) => e.type === 'sent')!;
    const forged = { ...sent, details: { ...sent.details, recipient: '李四' } };
    await reg.put('events', { ...forged, hash: await hashEvent(forged, forged.prevHash) });
    const result = await verifyRegister(reg);
    expect(result).toMatchObject({ state: 'broken', firstBreak: { kind: 'link-broken', sequence: sent.sequence + 1 } });
  });

  it('finds an event removed from the middle and one cut off the end', async () => {
    const middle = await busyRegister();
    await middle.delete('events', 4);
    expect(await verifyRegister(middle)).toMatchObject({ state: 'broken', firstBreak: { kind: 'missing-events', sequence: 5, expected: '4' } });
    middle.close();
    const tail = await busyRegister();
    await tail.delete('events', 8);
    expect(await verifyRegister(tail)).toMatchObject({ state: 'broken', firstBreak: { kind: 'missing-events', sequence: 8, expected: '8', found: '7' } });
  });

  it('streams a long log in batches and still links across batch boundaries', async () => {
    db = await openRegister(`doctrail-chain-${++counter}`);
    for (let i = 1; i <= 30; i++) await registerDocument(db, draft({ docNumber: `测发〔2026〕${i}号` }), NOW);
    const { eventBatches } = await import('@/utils/register/chain-store');
    const sizes: number[] = [];
    for await (const batch of eventBatches(db, 7)) sizes.push(batch.length);
    expect(sizes).toEqual([7, 7, 7, 7, 2]);
    expect(await verifyRegister(db)).toMatchObject({ state: 'intact', count: 30 });
  });
});

/** The forger's rewrite, done in the profile's own storage: drop every `printed` event, renumber, re-hash, fix the counter. */
async function forgeWithoutPrints(reg: RegisterDB): Promise<void> {
  const all = await reg.getAll('events');
  const kept = all.filter((e) => e.type !== 'printed').map((e, i) => ({ ...e, sequence: i + 1 }));
  const rehashed = await chainEvents(EMPTY_HEAD, kept);
  await reg.clear('events');
  for (const event of rehashed) await reg.put('events', event);
  await reg.put('counters', rehashed.length, EVENT_SEQUENCE);
}

describe('a head kept outside the machine', () => {
  it('is extended by an untouched register that has grown since the head was kept', async () => {
    const reg = await busyRegister();
    const before = await verifyRegister(reg);
    if (before.state !== 'intact') throw new Error('expected intact');
    const printed = formatHead(before.head, before.headTime);
    expect(printed).toMatch(/^#8 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · [0-9a-f]{16}…$/);
    await registerDocument(reg, draft({ docNumber: '省政办发〔2026〕16号' }), NOW);
    const { heads } = parseKeptHeads(printed);
    expect(await verifyRegisterExtends(reg, heads)).toMatchObject({ state: 'extends', head: { sequence: 9 }, count: 9 });
  });

  it('catches a forged-but-consistent rewrite that verifies intact on its own', async () => {
    const reg = await busyRegister();
    const before = await verifyRegister(reg);
    if (before.state !== 'intact') throw new Error('expected intact');
    const early = (await reg.get('events', 3))!;
    const six = (await reg.get('events', 6))!;
    await forgeWithoutPrints(reg);

    // On its own the forged log holds: every link recomputed.
    expect(await verifyRegister(reg)).toMatchObject({ state: 'intact', count: 7 });
    // The head printed before the forgery is not extended: the log now ends before #8.
    const kept = parseKeptHeads(formatHead(before.head, before.headTime)).heads;
    expect(await verifyRegisterExtends(reg, kept)).toMatchObject({ state: 'shorter', kept: { sequence: 8 }, head: { sequence: 7 } });
    // With an earlier head (#3, before the print at #5) and one after it (#6), the rewrite is located between them.
    const atSix = { sequence: 6, hash: six.hash!.slice(0, 16) };
    const result = await verifyRegisterExtends(reg, [{ sequence: 3, hash: early.hash!.slice(0, 8) }, atSix]);
    expect(result).toMatchObject({ state: 'diverged', sequence: 6, sinceSequence: 3 });
  });

  it('reports a register that no longer verifies on its own as broken, not as diverged', async () => {
    const reg = await busyRegister();
    const first = (await reg.get('events', 2))!;
    await reg.put('events', { ...first, details: { ...first.details, docNumber: '伪造' } });
    expect(await verifyRegisterExtends(reg, [{ sequence: 8, hash: 'abcdef12' }])).toMatchObject({ state: 'broken', chain: { firstBreak: { sequence: 2 } } });
  });

  it('reads heads typed, printed or pasted from a backup header, and says which lines it could not read', () => {
    const hash = 'ab'.repeat(32);
    const { heads, rejected } = parseKeptHeads(
      [`#1234 · 2026-11-30 09:00 · 3f9a1c2b…`, `77 ${hash}`, `{"format":"doctrail-backup","head":{"sequence":12,"hash":"${hash}"}}`, '今天校验过', '#5 · 2026-11-30 09:00 · 3f9a…'].join('\n'),
    );
    expect(heads).toEqual([
      { sequence: 12, hash },
      { sequence: 1234, hash: '3f9a1c2b' },
      { sequence: 77, hash },
    ]);
    expect(rejected).toEqual(['今天校验过', '#5 · 2026-11-30 09:00 · 3f9a…']);
  });
});

describe('hashing inside the write transaction', () => {
  it('gives every event the same hash WebCrypto gives, so 校验 (which uses WebCrypto) checks what the writes chained', async () => {
    const events = [
      { sequence: 1, timestamp: NOW.getTime(), docId: 'a', type: 'registered', details: { registrationNo: '收〔2026〕1号', fields: { title: '关于做好防汛工作的通知' } } },
      { sequence: 2, timestamp: NOW.getTime(), docId: 'a', type: 'corrected', details: { field: 'title', old: '关于做好防汛工作的通知', new: '关于做好2026年防汛工作的通知', reason: '登记错误' } },
    ];
    expect(chainEventsSync(EMPTY_HEAD, events)).toEqual(await chainEvents(EMPTY_HEAD, events));
  });
});
