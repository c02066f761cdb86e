import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzePage } from '@/utils/page-analysis/analyze-page';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { learnRule, uniqueLocation } from '@/utils/site-profiles/learn-location';
import { applyProfile, profileHealth } from '@/utils/site-profiles/apply-profile';
import type { SiteProfile } from '@/utils/site-profiles/profile-schema';
import { draft } from '../support/drafts';
import { contentScript, extensionPage, testPortals } from '../support/senders';

/** The invented 启航 portal: its 来文单位 is labelled 报送机关, and the engine takes the footer's 印发机关 line instead. */
const page = (name: string) => readFileSync(resolve(import.meta.dirname, `../../sample-portal/pages/learn/${name}.html`), 'utf8');
const URL_1 = 'http://127.0.0.1:8080/learn/card-1.html?id=QH-0041';
const URL_2 = 'http://127.0.0.1:8080/learn/card-2.html?id=QH-0017';

function load(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

describe('where a corrected value stands on the page', () => {
  it('finds the one cell holding the value, and none when it stands in two places or nowhere', () => {
    const doc = load(page('card-1'), URL_1);
    expect(uniqueLocation(doc, '市生态环境局')?.outerHTML).toBe('<td>市生态环境局</td>');
    // 启航市人民政府办公室 stands only in the footer line, 收文 in the header and the caption.
    expect(uniqueLocation(doc, '启航市人民政府办公室')?.className).toBe('qh-foot');
    expect(uniqueLocation(doc, '收文')).toBeUndefined();
    expect(uniqueLocation(doc, '省财政厅')).toBeUndefined();
  });

  it('finds a control whose value the clerk typed, and counts a control and a cell as two places', () => {
    const doc = load('<table><tr><td>报送单位</td><td><input name="bs" value="市教育局"></td></tr></table><p>备注</p>', 'http://127.0.0.1/x/a.html');
    expect(uniqueLocation(doc, '市教育局')?.tagName).toBe('INPUT');
    doc.querySelector('p')!.textContent = '转 市教育局 阅';
    expect(uniqueLocation(doc, '市教育局')).toBeUndefined();
  });
});

describe('the rule derived from a correction', () => {
  it('reads the value beside its label on the page it was learned on (the engine had misread it)', () => {
    const doc = load(page('card-1'), URL_1);
    expect(analyzePage(doc, URL_1).fields.issuer).toMatch(/^启航市人民政府办公室/);
    expect(learnRule(doc, URL_1, 'issuer', '市生态环境局')).toEqual({ strategy: 'label', label: '报送机关', selector: 'td' });
  });

  it('proposes nothing when the value stands in two places', () => {
    const doc = load(page('card-1'), URL_1);
    doc.querySelector('.qh-log')!.textContent = '流转记录：市生态环境局 报送';
    expect(learnRule(doc, URL_1, 'issuer', '市生态环境局')).toBeUndefined();
  });

  it('proposes nothing for a value inside a line of text with no label beside it, nor for one not on the page', () => {
    const doc = load(page('card-1'), URL_1);
    expect(learnRule(doc, URL_1, 'issuer', '启航市人民政府办公室')).toBeUndefined();
    expect(learnRule(doc, URL_1, 'issuer', '市财政局')).toBeUndefined();
  });
});

describe('the background learns a rule from a content script', () => {
  const ID = 'doctrail-extension-id';
  const SELF = extensionPage(ID);
  const HOME = contentScript(ID, URL_1);
  const ELSEWHERE = contentScript(ID, 'http://localhost:9000/learn/card-1.html', 9);
  let db: RegisterDB;
  let counter = 0;
  afterEach(() => db?.close());

  async function setUp() {
    db = await openRegister(`doctrail-learn-${++counter}`);
    const handle = createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 24, 9), extensionId: ID, isPortal: testPortals });
    const register = async (sourceUrl: string, from: typeof HOME, docNumber = '市环发〔2026〕41号') => {
      const answer = await handle({ type: 'document.register', draft: draft({ sourceUrl, title: '关于开展2026年度大气污染防治专项检查的通知', docNumber, issuer: '市生态环境局' }) }, from);
      if (!answer.ok) throw new Error(answer.error.message);
      return (answer.data as { state: { document: { id: string; registrationNo: string } } }).state.document;
    };
    return { handle, register };
  }
  const learn = (docId: string, over: Record<string, unknown> = {}) => ({
    type: 'profiles.learn',
    url: URL_1,
    field: 'issuer',
    value: '市生态环境局',
    candidate: { strategy: 'label', label: '报送机关', selector: 'td' },
    docId,
    ...over,
  });
  const forUrl = async (handle: Awaited<ReturnType<typeof setUp>>['handle'], url: string) =>
    ((await handle({ type: 'profiles.forUrl', url }, SELF)) as { data: { profiles: SiteProfile[] } }).data.profiles;

  it('saves the rule into the portal’s learned profile, which reads the next document right and counts in its health', async () => {
    const { handle, register } = await setUp();
    const document = await register(URL_1, HOME);
    expect(await handle(learn(document.id), HOME)).toEqual({ ok: true, data: { profileId: 'learned-127-0-0-1-learn', ruleId: expect.any(String) } });
    const [profile] = await forUrl(handle, URL_2);
    expect(profile).toMatchObject({ id: 'learned-127-0-0-1-learn', urlPatterns: ['http://127.0.0.1/learn/*'], fields: { issuer: [{ strategy: 'label', label: '报送机关', selector: 'td' }] } });
    const next = load(page('card-2'), URL_2);
    const generic = analyzePage(next, URL_2);
    expect(generic.fields.issuer).not.toBe('市应急管理局');
    const result = applyProfile(profile!, next, URL_2, generic);
    expect(result.analysis.fields.issuer).toBe('市应急管理局');
    expect(profileHealth(result)).toBe('ok');
    // A page of that portal without the label: the learned field is missing and the profile's health says so.
    const other = load(page('card-2').replace('报送机关', '来源'), URL_2);
    expect(profileHealth(applyProfile(profile!, other, URL_2, analyzePage(other, URL_2)))).toBe('broken');
    // The dashboard lists it with the document it came from (as the register holds it).
    const list = (await handle({ type: 'profiles.list' }, SELF)) as { data: { learned: unknown[] } };
    expect(list.data.learned).toEqual([
      expect.objectContaining({ field: 'issuer', off: false, source: { docId: document.id, registrationNo: document.registrationNo, title: '关于开展2026年度大气污染防治专项检查的通知' } }),
    ]);
  });

  it('switches a learned rule off (the portal gets no learned profile) and on again, from DocTrail’s own pages only', async () => {
    const { handle, register } = await setUp();
    const document = await register(URL_1, HOME);
    const { ruleId } = ((await handle(learn(document.id), HOME)) as { data: { ruleId: string } }).data;
    expect(await handle({ type: 'profiles.learnedToggle', id: ruleId, off: true }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await forUrl(handle, URL_2)).toHaveLength(1);
    expect(await handle({ type: 'profiles.learnedToggle', id: ruleId, off: true }, SELF)).toEqual({ ok: true, data: { id: ruleId, off: true } });
    expect(await forUrl(handle, URL_2)).toEqual([]);
    const list = (await handle({ type: 'profiles.list' }, SELF)) as { data: { learned: { off: boolean }[] } };
    expect(list.data.learned).toEqual([expect.objectContaining({ off: true })]);
    expect(await handle({ type: 'profiles.learnedToggle', id: ruleId, off: false }, SELF)).toMatchObject({ ok: true });
    expect((await forUrl(handle, URL_2)).map((p) => p.fields.issuer)).toEqual([[{ strategy: 'label', label: '报送机关', selector: 'td' }]]);
  });

  it('refuses a rule proposed for another origin, from a document registered elsewhere, or by an unknown sender', async () => {
    const { handle, register } = await setUp();
    const home = await register(URL_1, HOME);
    const foreign = await register('http://localhost:9000/learn/card-1.html', ELSEWHERE, '外〔2026〕1号');
    // A page of localhost:9000 proposing a rule for 127.0.0.1's pages.
    expect(await handle(learn(home.id), ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle(learn(home.id, { url: 'http://localhost:9000/learn/card-1.html' }), ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle(learn(home.id, { url: 'http://evil.example.cn/learn/a.html' }), HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle(learn(foreign.id), HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle(learn('no-such-document'), HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // Not an enabled portal, and a message from a web page without a tab.
    expect(await handle(learn(home.id, { url: 'https://oa.example.cn/learn/a.html' }), contentScript(ID, 'https://oa.example.cn/learn/a.html'))).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await db.get('settings', 'profiles.learned')).toBeUndefined();
    expect(await forUrl(handle, URL_2)).toEqual([]);
  });

  it('refuses a rule the profile schema refuses (a costly selector, a candidate that is not a label rule) and writes nothing', async () => {
    const { handle, register } = await setUp();
    const document = await register(URL_1, HOME);
    const costly = { strategy: 'label', label: '报送机关', selector: 'td:has(a):has(b)' };
    expect(await handle(learn(document.id, { candidate: costly }), HOME)).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/:has\(\) at most once/) } });
    expect(await handle(learn(document.id, { candidate: { strategy: 'structural', selector: 'body' } }), HOME)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await handle(learn(document.id, { field: 'classification' }), HOME)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await db.get('settings', 'profiles.learned')).toBeUndefined();
    expect(await forUrl(handle, URL_2)).toEqual([]);
  });
});
