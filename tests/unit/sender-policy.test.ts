import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import { classifySender, CONTENT_SCRIPT_RULES, patternOnOrigin, portAllowed, PORT_RULES, senderTable, type SenderContext } from '@/utils/messaging/sender-policy';
import { EXPORT_PORT } from '@/utils/messaging/backup-protocol';
import { VERIFY_PORT } from '@/utils/messaging/protocol';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { draft } from '../support/drafts';
import { contentScript, extensionPage, testPortals } from '../support/senders';

const ID = 'doctrail-extension-id';
const SELF = extensionPage(ID);
/** The overlay on the portal page the document was registered from, and on another enabled portal. */
const HOME = contentScript(ID, 'http://127.0.0.1:8080/doc-detail.html?id=1');
const ELSEWHERE = contentScript(ID, 'http://localhost:9000/oa/doc.html', 9);

const context: SenderContext = { extensionId: ID, extensionOrigin: `chrome-extension://${ID}`, isPortal: testPortals };
let counter = 0;
let db: RegisterDB;

async function handler() {
  db = await openRegister(`doctrail-senders-${++counter}`);
  return createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 23), extensionId: ID, isPortal: testPortals, startTeaching: async () => true });
}
afterEach(() => db?.close());

async function registered(handle: Awaited<ReturnType<typeof handler>>) {
  const answer = await handle({ type: 'document.register', draft: draft() }, SELF);
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.data as { state: { document: { id: string } } }).state.document.id;
}

const counts = async () => ({ documents: await db.count('documents'), events: await db.count('events'), settings: await db.count('settings') });

describe('who is a sender', () => {
  it('knows DocTrail’s own pages by their URL under the extension origin, with or without a tab', async () => {
    expect(await classifySender(extensionPage(ID, 'popup.html'), context)).toEqual({ kind: 'extension-page', url: `chrome-extension://${ID}/popup.html` });
    expect(await classifySender({ ...extensionPage(ID), tab: { id: 3 } }, context)).toMatchObject({ kind: 'extension-page' });
  });

  it('knows a content script by its tab and a URL on an enabled portal', async () => {
    expect(await classifySender(HOME, context)).toEqual({ kind: 'content-script', url: HOME.url, origin: 'http://127.0.0.1:8080', tabId: 7, frameId: 0 });
  });

  it.each([
    ['only the right id (tab-less, URL-less spoofing)', { id: ID }],
    ['another extension', { ...extensionPage('other-extension'), id: 'other-extension' }],
    ['the right id with another extension’s page', { id: ID, url: 'chrome-extension://other-extension/options.html' }],
    ['a web URL without a tab', { id: ID, url: 'http://127.0.0.1:8080/doc.html' }],
    ['a page on a portal that is not enabled', contentScript(ID, 'https://evil.example.com/doc.html')],
    ['a file: page', { id: ID, url: 'file:///tmp/doc.html', tab: { id: 1 } }],
    ['an origin that disagrees with the URL', { ...HOME, origin: 'https://evil.example.com' }],
    ['an extension URL whose origin is a web page', { ...extensionPage(ID), origin: 'http://127.0.0.1:8080' }],
    ['nothing at all', undefined],
  ])('refuses %s', async (_name, sender) => {
    expect(await classifySender(sender, context)).toBeUndefined();
  });
});

describe('the allow-list table', () => {
  it('lets content scripts touch only their own page’s document, origin or tab, and nothing of the register as a whole', () => {
    const allowed = Object.entries(CONTENT_SCRIPT_RULES).filter(([, scope]) => scope !== 'never').map(([type]) => type).sort();
    expect(allowed).toEqual(
      [
        'circulation.return',
        'circulation.send',
        'document.confirmClassification',
        'document.logHandling',
        'document.lookup',
        'document.register',
        'profiles.forUrl',
        'profiles.reportHealth',
        'profiles.propose',
        'profiles.learn',
        'print.unheld',
        'print.answer',
        'rows.lookup',
        'rows.register',
        'teach.relay',
        'teach.start',
      ].sort(),
    );
    for (const type of ['register.query', 'register.summary', 'settings.update', 'settings.get', 'profiles.toggle', 'profiles.learnedToggle', 'profiles.remove', 'calendar.import', 'backup.preview', 'backup.restore', 'document.history', 'document.close'] as const) {
      expect(CONTENT_SCRIPT_RULES[type]).toBe('never');
    }
  });

  it('gives ports to DocTrail’s pages only', async () => {
    expect(PORT_RULES[EXPORT_PORT]).toBe('never');
    expect(PORT_RULES[VERIFY_PORT]).toBe('never');
    const page = await classifySender(SELF, context);
    const script = await classifySender(HOME, context);
    for (const name of [EXPORT_PORT, VERIFY_PORT, 'made-up-port']) {
      expect(portAllowed(name, page)).toBe(true);
      expect(portAllowed(name, script)).toBe(false);
      expect(portAllowed(name, undefined)).toBe(false);
    }
  });

  it('is the table in the README’s Safety section, row for row', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const row of senderTable().split('\n')) expect(readme, `README.md lacks the row\n${row}`).toContain(row);
  });

  it('reads a pattern as on an origin only when it names that host and scheme', () => {
    expect(patternOnOrigin('http://127.0.0.1/oa/*', 'http://127.0.0.1:8080')).toBe(true);
    expect(patternOnOrigin('http://127.0.0.1:8080/*', 'http://127.0.0.1:8080')).toBe(true);
    expect(patternOnOrigin('http://127.0.0.1:9090/*', 'http://127.0.0.1:8080')).toBe(false);
    expect(patternOnOrigin('https://127.0.0.1/*', 'http://127.0.0.1:8080')).toBe(false);
    expect(patternOnOrigin('*://127.0.0.1/*', 'http://127.0.0.1:8080')).toBe(false);
    expect(patternOnOrigin('*://*/seeyon/*', 'http://127.0.0.1:8080')).toBe(false);
    expect(patternOnOrigin('http://127.0.0.1.evil.cn/*', 'http://127.0.0.1:8080')).toBe(false);
  });
});

describe('messages from a content script', () => {
  it.each(Object.entries(CONTENT_SCRIPT_RULES).filter(([, scope]) => scope === 'never').map(([type]) => type))(
    'refuses %s from a portal page and changes nothing',
    async (type) => {
      const handle = await handler();
      await registered(handle);
      const before = await counts();
      const answer = await handle({ type }, HOME);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses the reproduction’s register.query, settings.update and calendar.import even when well formed', async () => {
    const handle = await handler();
    await registered(handle);
    const before = await counts();
    expect(await handle({ type: 'register.query', query: { limit: 500 } }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'settings.update', patch: { maskClassifiedTitles: false, reminderTime: '23:59' } }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'calendar.import', file: { holidays: { '2026-12-01': 'x,假日,1' }, workdays: {} } }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await counts()).toEqual(before);
    // The same messages from the dashboard work.
    expect(await handle({ type: 'register.query', query: { limit: 500 } }, SELF)).toMatchObject({ ok: true, data: { total: 1 } });
  });

  it('answers a lookup with details only on the origin the document was registered from', async () => {
    const handle = await handler();
    const id = await registered(handle);
    const lookup = (sourceUrl: string) => ({ type: 'document.lookup', lookup: { docNumber: draft().docNumber, issuer: draft().issuer, sourceUrl } });
    const home = await handle(lookup(HOME.url), HOME);
    expect(home).toMatchObject({ ok: true, data: { state: { document: { id, registrationNo: '收〔2026〕0001号', title: draft().title } } } });
    const elsewhere = await handle(lookup(ELSEWHERE.url), ELSEWHERE);
    expect(elsewhere).toEqual({ ok: true, data: { state: null, registeredElsewhere: true } });
    expect(JSON.stringify(elsewhere)).not.toMatch(/收〔2026〕|公文处理|id/);
    // A content script may not ask on behalf of another site either.
    expect(await handle(lookup(HOME.url), ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // The dashboard sees everything.
    expect(await handle(lookup(ELSEWHERE.url), SELF)).toMatchObject({ ok: true, data: { state: { document: { id } } } });
  });

  it('does not disclose a document registered elsewhere when a page registers the same 文号, and writes nothing', async () => {
    const handle = await handler();
    await registered(handle);
    const before = await counts();
    const answer = await handle({ type: 'document.register', draft: draft({ sourceUrl: ELSEWHERE.url }) }, ELSEWHERE);
    expect(answer).toMatchObject({ ok: false, error: { code: 'registered-elsewhere' } });
    expect(JSON.stringify(answer)).not.toContain('收〔2026〕');
    expect(await counts()).toEqual(before);
    // Registering for another site than its own is refused.
    expect(await handle({ type: 'document.register', draft: draft({ docNumber: '新〔2026〕1号', sourceUrl: HOME.url }) }, ELSEWHERE)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await counts()).toEqual(before);
    // Its own document registers as before.
    expect(await handle({ type: 'document.register', draft: draft({ docNumber: '新〔2026〕1号', sourceUrl: ELSEWHERE.url }) }, ELSEWHERE)).toMatchObject({ ok: true, data: { created: true } });
  });

  it('logs handling and circulation only on documents registered from the page’s own origin', async () => {
    const handle = await handler();
    const docId = await registered(handle);
    const before = await counts();
    const printed = { type: 'document.logHandling', docId, action: 'printed', intercepted: false };
    const sent = { type: 'circulation.send', docId, recipients: ['王局长'], purpose: 'read' };
    for (const message of [printed, sent, { type: 'circulation.return', docId, recipient: '王局长' }, { type: 'document.confirmClassification', docId, classification: 'none' }]) {
      expect(await handle(message, ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    // An id that does not exist gets the same answer: guessing ids tells nothing.
    expect(await handle({ ...printed, docId: 'no-such-id' }, ELSEWHERE)).toEqual(await handle(printed, ELSEWHERE));
    expect(await counts()).toEqual(before);
    expect(await handle(printed, HOME)).toMatchObject({ ok: true });
    expect(await handle(sent, HOME)).toMatchObject({ ok: true });
    expect(await db.count('events')).toBe(before.events + 2);
  });

  it('serves and takes site profiles only for the page’s own site', async () => {
    const handle = await handler();
    const profile = (urlPatterns: string[], id = 'taught-127-0-0-1-oa') => ({ id, name: '本单位OA', version: 1, urlPatterns, kinds: [], fields: { title: [{ strategy: 'label', label: '文件标题' }] } });
    expect(await handle({ type: 'profiles.forUrl', url: HOME.url }, HOME)).toMatchObject({ ok: true });
    expect(await handle({ type: 'profiles.forUrl', url: 'https://other.example.cn/x' }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'profiles.reportHealth', id: 'xinhu-like', health: 'broken', url: 'http://localhost/x', missing: [] }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'profiles.propose', profiles: [profile(['*://*/*'])] }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'profiles.propose', profiles: [profile(['http://localhost/*'])] }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // Taking over a built-in's id would change how every portal of that layout is read.
    expect(await handle({ type: 'profiles.propose', profiles: [profile(['http://127.0.0.1/oa/*'], 'xinhu-like')] }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // A page's content script never saves a profile: it proposes one for its own site, the clerk saves it on DocTrail's page.
    expect(await handle({ type: 'profiles.save', profiles: [profile(['http://127.0.0.1/oa/*'])] }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'profiles.propose', profiles: [profile(['http://127.0.0.1/oa/*'])] }, HOME)).toMatchObject({ ok: true });
    expect(await db.get('settings', 'profiles')).toBeUndefined();
  });

  it('starts 教我识别 in the sender’s own tab only', async () => {
    const handle = await handler();
    expect(await handle({ type: 'teach.start' }, HOME)).toEqual({ ok: true, data: { started: true } });
    expect(await handle({ type: 'teach.start' }, { ...HOME, tab: undefined })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });
});
