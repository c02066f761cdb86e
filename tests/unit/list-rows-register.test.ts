import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { verifyRegister } from '@/utils/register/chain-store';
import { draft } from '../support/drafts';
import { contentScript, extensionPage, testPortals } from '../support/senders';

const ID = 'doctrail-extension-id';
const SELF = extensionPage(ID);
const LIST = 'http://127.0.0.1:8080/todo.html';
/** The overlay on the 待办 list, and on another enabled portal. */
const HOME = contentScript(ID, LIST);
const ELSEWHERE = contentScript(ID, 'http://localhost:9000/oa/list.html', 9);

let counter = 0;
let db: RegisterDB;
async function handler() {
  db = await openRegister(`doctrail-rows-${++counter}`);
  return createMessageHandler({ db: async () => db, now: () => new Date(2026, 11, 4), extensionId: ID, isPortal: testPortals });
}
afterEach(() => db?.close());

const rows = [
  draft({ docNumber: '南政办〔2026〕12号', title: '关于做好冬季防火工作的通知', issuer: '南平市人民政府办公室', sourceUrl: LIST, classification: 'none', deadline: undefined }),
  draft({ docNumber: '闽应急〔2026〕77号', title: '关于开展应急演练的通知', issuer: '福建省应急管理厅', sourceUrl: LIST, classification: 'none', deadline: undefined }),
  draft({ docNumber: '南财〔2026〕31号', title: '关于年终结算的通知', issuer: '南平市财政局', sourceUrl: LIST, classification: 'none', deadline: undefined }),
];
const lookupOf = ({ docNumber, issuer, title, receivedDate, sourceUrl }: ReturnType<typeof draft>) => ({ docNumber, issuer, title, receivedDate, sourceUrl: sourceUrl! });

describe('a list’s rows: batch lookup and batch registration (issue 13, point 6)', () => {
  it('registers several rows after one request, each with its own number and registered event; the lookup then marks them', async () => {
    const handle = await handler();
    const before = await handle({ type: 'rows.lookup', rows: rows.map(lookupOf) }, HOME);
    expect(before).toEqual({ ok: true, data: { states: ['new', 'new', 'new'] } });

    const made = await handle({ type: 'rows.register', rows: rows.slice(0, 2).map((d) => ({ draft: d })) }, HOME);
    expect(made.ok).toBe(true);
    const results = (made as { data: { results: { outcome: string; registrationNo?: string }[] } }).data.results;
    expect(results.map((r) => r.outcome)).toEqual(['registered', 'registered']);
    expect(new Set(results.map((r) => r.registrationNo)).size).toBe(2);
    expect(await db.count('documents')).toBe(2);
    const events = await db.getAll('events');
    expect(events.filter((e) => e.type === 'registered')).toHaveLength(2);
    expect((await verifyRegister(db)).state).toBe('intact');

    const after = await handle({ type: 'rows.lookup', rows: rows.map(lookupOf) }, HOME);
    expect(after).toEqual({ ok: true, data: { states: ['registered', 'registered', 'new'] } });
  });

  it('never registers a row twice: again, or twice in one batch, or with its 文号 spelt 【】', async () => {
    const handle = await handler();
    await handle({ type: 'rows.register', rows: [{ draft: rows[0]! }] }, HOME);
    const again = await handle({ type: 'rows.register', rows: [{ draft: rows[0]! }, { draft: { ...rows[1]! } }, { draft: { ...rows[1]!, docNumber: '闽应急【2026】77号' } }] }, HOME);
    expect((again as { data: { results: { outcome: string }[] } }).data.results.map((r) => r.outcome)).toEqual(['existed', 'registered', 'existed']);
    expect(await db.count('documents')).toBe(2);
  });

  it('tells another site’s page no more than “elsewhere” and registers nothing for it', async () => {
    const handle = await handler();
    await handle({ type: 'rows.register', rows: [{ draft: rows[0]! }] }, HOME);
    const foreign = { ...rows[0]!, sourceUrl: 'http://localhost:9000/oa/list.html' };
    const lookup = await handle({ type: 'rows.lookup', rows: [lookupOf(foreign)] }, ELSEWHERE);
    expect(lookup).toEqual({ ok: true, data: { states: ['elsewhere'] } });
    const made = await handle({ type: 'rows.register', rows: [{ draft: foreign }] }, ELSEWHERE);
    expect(made).toEqual({ ok: true, data: { results: [{ outcome: 'elsewhere' }] } });
    expect(JSON.stringify(made)).not.toContain('收〔');
    expect(await db.count('documents')).toBe(1);
  });

  it('refuses rows whose addresses are on another site (only the page’s own rows), and malformed batches', async () => {
    const handle = await handler();
    const foreign = { ...lookupOf(rows[0]!), sourceUrl: 'http://localhost:9000/oa/doc.html' };
    expect(await handle({ type: 'rows.lookup', rows: [lookupOf(rows[1]!), foreign] }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'rows.register', rows: [{ draft: { ...rows[0]!, sourceUrl: 'http://localhost:9000/oa/doc.html' } }] }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'rows.lookup', rows: [] }, HOME)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await handle({ type: 'rows.lookup', rows: [{ title: 'x' }] }, HOME)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await handle({ type: 'rows.register', rows: Array.from({ length: 51 }, () => ({ draft: rows[0]! })) }, HOME)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await db.count('documents')).toBe(0);
  });

  it('leaves a probable match for the clerk (near), registering the others', async () => {
    const handle = await handler();
    // Registered without 文号 or 收文日期 from another page of the portal …
    await handle({ type: 'document.register', draft: { title: rows[2]!.title, issuer: rows[2]!.issuer, classification: 'none', sourceUrl: 'http://127.0.0.1:8080/doc.html?id=9' } }, SELF);
    const lookup = await handle({ type: 'rows.lookup', rows: rows.map(lookupOf) }, HOME);
    expect((lookup as { data: { states: string[] } }).data.states).toEqual(['new', 'new', 'near']);
    const made = await handle({ type: 'rows.register', rows: rows.map((d) => ({ draft: d })) }, HOME);
    expect((made as { data: { results: { outcome: string }[] } }).data.results.map((r) => r.outcome)).toEqual(['registered', 'registered', 'near']);
    expect(await db.count('documents')).toBe(3);
  });
});
