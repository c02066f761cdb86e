import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { changedParams, identityKeys } from '@/utils/documents/identity';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { logHandling, registerDocument, sendDocument } from '@/utils/register/register-store';
import { correctDocument } from '@/utils/register/ledger-store';
import { learnedParams } from '@/utils/register/volatile-params';
import { contentScript, testPortals } from '../support/senders';

const ID = 'doctrail-extension-id';
const PAGE = 'http://127.0.0.1:8080/task.php?a=p&num=officib&mid=10';
/** A document without 文号, as x08 shows it. */
const LETTER = { title: '关于商请协助做好2027年高校毕业生招聘宣传的函', issuer: '福州大学招生就业处', receivedDate: '2026-12-04' };

let counter = 0;
let db: RegisterDB;
async function handler() {
  db = await openRegister(`doctrail-volatile-${++counter}`);
  return createMessageHandler({ db: async () => db, now: () => new Date(2026, 11, 4), extensionId: ID, isPortal: testPortals });
}
afterEach(() => db?.close());

/** The overlay on the page at `url` looks its document up, with what the page shows. */
async function lookup(handle: Awaited<ReturnType<typeof handler>>, url: string, fields: Partial<typeof LETTER> = LETTER) {
  const answer = await handle({ type: 'document.lookup', lookup: { ...fields, sourceUrl: url } }, contentScript(ID, url));
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.data as { state: { document: { registrationNo: string } } | null }).state?.document.registrationNo ?? null;
}

describe('which query parameters change between two openings of one document', () => {
  it('are the ones only one opening has or whose value changed, not record ids nor the page', () => {
    expect(changedParams(`${PAGE}&opentk=a8f3k2`, `${PAGE}&opentk=zz91qq`)).toEqual(['opentk']);
    expect(changedParams(PAGE, `${PAGE}&tabkey=list7`)).toEqual(['tabkey']);
    expect(changedParams(`${PAGE}&OpenTk=a8f3k2`, `${PAGE}&opentk=b1`)).toEqual(['opentk']);
    // Two record ids of one letter are two records, not a volatile parameter; known ones need no learning.
    expect(changedParams(PAGE, PAGE.replace('mid=10', 'mid=11'))).toEqual([]);
    expect(changedParams(PAGE, `${PAGE}&callback=opegs1796044&_=1764830000000`)).toEqual([]);
    // Another page or another portal teaches nothing.
    expect(changedParams(PAGE, 'http://127.0.0.1:8080/other.php?a=p&num=officib&mid=10&x=1')).toEqual([]);
    expect(changedParams(PAGE, 'http://127.0.0.2:8080/task.php?a=p&num=officib&mid=10&x=1')).toEqual([]);
    expect(changedParams('not a url', PAGE)).toEqual([]);
  });

  it('give a document a second address key once learned', () => {
    const keys = identityKeys({ ...LETTER, sourceUrl: `${PAGE}&opentk=a8f3k2` }, ['opentk']);
    expect(keys.filter((k) => k.startsWith('u:'))).toEqual([`u:${PAGE.replace('task.php?a=p&num=officib&mid=10', 'task.php?a=p&mid=10&num=officib')}&opentk=a8f3k2`, 'u:http://127.0.0.1:8080/task.php?a=p&mid=10&num=officib']);
  });
});

describe('the register learns volatile parameters per portal (issue 13, point 5)', () => {
  it('learns a parameter from two openings with the same 来文单位 + 标题 + 收文日期, then knows the document by its address alone', async () => {
    const handle = await handler();
    const { document } = await registerDocument(db, { ...LETTER, classification: 'none', sourceUrl: `${PAGE}&opentk=a8f3k2` }, new Date(2026, 11, 4));
    // Before: a page that shows only the title at another token is not known by its address.
    expect(await lookup(handle, `${PAGE}&opentk=q0q0q0`, { title: LETTER.title })).toBeNull();
    expect(await learnedParams(db, PAGE)).toEqual([]);

    // The same letter opened again with another token: found (by its content) and the token learned for the portal.
    expect(await lookup(handle, `${PAGE}&opentk=zz91qq`)).toBe(document.registrationNo);
    expect(await learnedParams(db, PAGE)).toEqual(['opentk']);

    // Now the title-only page at yet another token is this document, and registering it there creates nothing.
    expect(await lookup(handle, `${PAGE}&opentk=x7y8z9`, { title: LETTER.title })).toBe(document.registrationNo);
    const again = await registerDocument(db, { title: LETTER.title, classification: 'none', sourceUrl: `${PAGE}&opentk=m1n2` }, new Date(2026, 11, 4));
    expect(again).toMatchObject({ created: false, document: { id: document.id } });
    expect(await db.count('documents')).toBe(1);
  });

  it('a print, a 传阅 or a correction of its title leaves the document known by its address without the learned parameter', async () => {
    const handle = await handler();
    const { document } = await registerDocument(db, { ...LETTER, classification: 'none', sourceUrl: `${PAGE}&opentk=a8f3k2` }, new Date(2026, 11, 4));
    expect(await lookup(handle, `${PAGE}&opentk=zz91qq`)).toBe(document.registrationNo);
    expect(await learnedParams(db, PAGE)).toEqual(['opentk']);
    const now = new Date(2026, 11, 4, 10);
    await logHandling(db, document.id, 'printed', { reason: '会议学习', intercepted: true }, now);
    await sendDocument(db, document.id, { recipients: ['王局长'], purpose: 'read' }, now);
    expect(await lookup(handle, `${PAGE}&opentk=x7y8z9`, { title: LETTER.title })).toBe(document.registrationNo);
    const title = '关于商请协助做好2027年高校毕业生招聘宣传工作的函';
    await correctDocument(db, document.id, { title }, '标题登记有误', now);
    expect(await lookup(handle, `${PAGE}&opentk=p4q5r6`, { title })).toBe(document.registrationNo);
    // the corrected title is what it is found by now, the old one no longer
    const keys = (await db.get('documents', document.id))!.identityKeys!;
    expect(keys.some((key) => key.startsWith('t:') && key.includes('工作的函'))).toBe(true);
    expect(keys.filter((key) => key.startsWith('t:'))).toHaveLength(1);
  });

  it('keys documents registered after the learning without the parameter too', async () => {
    const handle = await handler();
    await registerDocument(db, { ...LETTER, classification: 'none', sourceUrl: `${PAGE}&opentk=a1` }, new Date(2026, 11, 4));
    await lookup(handle, `${PAGE}&opentk=b2`);
    const other = { title: '关于报送2026年度统计报表的通知', issuer: '福州市统计局', receivedDate: '2026-12-05' };
    const page = PAGE.replace('mid=10', 'mid=12');
    const { document } = await registerDocument(db, { ...other, classification: 'none', sourceUrl: `${page}&opentk=c3` }, new Date(2026, 11, 4));
    expect(await lookup(handle, `${page}&opentk=d4`, { title: other.title })).toBe(document.registrationNo);
    expect(await db.count('documents')).toBe(2);
  });

  it('learns nothing from record ids, from different letters, or for another portal', async () => {
    const handle = await handler();
    await registerDocument(db, { ...LETTER, classification: 'none', sourceUrl: PAGE }, new Date(2026, 11, 4));
    // The same letter under another record id (two records of one letter): found, nothing learned.
    expect(await lookup(handle, PAGE.replace('mid=10', 'mid=11'))).not.toBeNull();
    // Another letter (another 收文日期) at the page with an extra parameter: not the same opening.
    await lookup(handle, `${PAGE}&opentk=zz`, { ...LETTER, receivedDate: '2026-12-05' });
    expect(await learnedParams(db, PAGE)).toEqual([]);

    const there = { ...LETTER, title: '关于做好2027年校园招聘的函' };
    await registerDocument(db, { ...there, classification: 'none', sourceUrl: `http://localhost:9000/task.php?mid=10&sk=a1` }, new Date(2026, 11, 4));
    await lookup(handle, 'http://localhost:9000/task.php?mid=10&sk=b2', there);
    expect(await learnedParams(db, 'http://localhost:9000/')).toEqual(['sk']);
    expect(await learnedParams(db, PAGE)).toEqual([]);
  });
});
