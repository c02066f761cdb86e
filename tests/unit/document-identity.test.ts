import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalUrl, cleanText, comparableText, identityKeys, normaliseDocNumber } from '@/utils/documents/identity';
import { upgrade, type DocTrailDB } from '@/utils/register/db-schema';
import { findDocument, registerDocument } from '@/utils/register/register-store';
import { openRegister, type RegisterDB } from '@/utils/register/register-db';
import { draft } from '../support/drafts';

const NOW = new Date('2026-12-04T09:00:00+08:00');
let counter = 0;
const opened: RegisterDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
async function fresh(): Promise<RegisterDB> {
  const db = await openRegister(`doctrail-identity-${++counter}`);
  opened.push(db);
  return db;
}

describe('one spelling of a 文号', () => {
  it('brackets, full and half width, spaces: all 〔〕, no spaces', () => {
    for (const typed of ['明安委办【2026】14号', '明安委办[2026]14号', '明安委办(2026)14号', '明安委办（2026）14号', '明安委办［２０２６］１４号', '明安委办 〔2026〕 14 号', '明安委办〖2026〗14号', '明安委办﹝2026﹞14号']) {
      expect(normaliseDocNumber(typed), typed).toBe('明安委办〔2026〕14号');
    }
  });

  it('format characters, soft hyphens, variation selectors and U+180E are dropped (security case docnumber-zwj)', () => {
    for (const c of ['\u200d', '\u200c', '\u2060', '\u00ad', '\u200e', '\u202e', '\ufe0f', '\u180e', '\u200b', '\ufeff', '\u{e0101}']) {
      expect(normaliseDocNumber(`闽政${c}〔2026〕1${c}2号`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('闽政〔2026〕12号');
    }
    expect(cleanText('关于\u200d做好　春运 工作的通知')).toBe('关于做好 春运 工作的通知');
  });

  it('blank fillers, combining marks and look-alike brackets are the clean 文号 (security case docnumber-lookalike)', () => {
    for (const variant of ['闽政\u2800〔2026〕12号', '闽\u0332政〔2026〕12号', '闽政〔2026〕1\u03012号', '闽政〔2026〕12\u20dd号', '闽政\u{1d159}〔2026〕12号', '闽政〈2026〉12号', '闽政❨2026❩12号', '闽政⦗2026⦘12号', '闽政⁅2026⁆12号', '闽政\u3000〔２０２６〕１２号']) {
      expect(normaliseDocNumber(variant), JSON.stringify(variant)).toBe('闽政〔2026〕12号');
    }
    expect(comparableText('关于\u0332做好\u2800春运工作的通知')).toBe(comparableText('关于做好春运工作的通知'));
  });
});

describe('a page address as an identity', () => {
  it('drops volatile parameters (callback, _, t, timestamp, random values) and the fragment, keeps the rest sorted', () => {
    const base = 'http://oa.example.gov.cn/task.php?a=p&num=officib&mid=10';
    const same = [
      `${base}&callback=opegs1796044`,
      `${base}&_=1764830000000`,
      `${base}&t=1764830000`,
      `${base}&timestamp=1764830000123#top`,
      `${base}&r=0.8263748123`,
      'http://OA.example.gov.cn/task.php?mid=10&num=officib&a=p',
    ];
    for (const url of same) expect(canonicalUrl(url), url).toBe(canonicalUrl(base));
    expect(canonicalUrl(`${base.replace('mid=10', 'mid=11')}`)).not.toBe(canonicalUrl(base));
    expect(canonicalUrl(`${base}&sess=abc`, ['sess'])).toBe(canonicalUrl(base));
  });

  it('keys: 文号, address, 来文单位 + 标题 + 收文日期, title', () => {
    expect(identityKeys({ docNumber: '闽政【2026】1号', title: '关于 春运的通知', issuer: '省政府', receivedDate: '2026-12-01', sourceUrl: 'http://x/a?id=1&_=1' })).toEqual([
      'n:闽政〔2026〕1号',
      'u:http://x/a?id=1',
      'c:省政府|关于春运的通知|2026-12-01',
      't:关于春运的通知',
    ]);
  });
});

describe('the register finds one document whatever the spelling', () => {
  it('a 文号 typed with 【】 and read with 〔〕 is one document (x09): no second number', async () => {
    const db = await fresh();
    const typed = await registerDocument(db, draft({ docNumber: '明安委办【2026】14号', sourceUrl: 'http://127.0.0.1/x09a.html' }), NOW);
    expect(typed.document.docNumber).toBe('明安委办〔2026〕14号');
    const read = await registerDocument(db, draft({ docNumber: '明安委办〔2026〕14号', sourceUrl: 'http://127.0.0.1/x09b.html' }), NOW);
    expect(read).toMatchObject({ created: false, document: { registrationNo: typed.document.registrationNo } });
    expect(await db.count('documents')).toBe(1);
  });

  it('a 文号 with zero-width characters inside is the clean one', async () => {
    const db = await fresh();
    const clean = await registerDocument(db, draft({ docNumber: '闽政〔2026〕12号' }), NOW);
    for (const c of ['\u200d', '\u200c', '\u2060', '\u00ad', '\u200e', '\u202e', '\ufe0f', '\u180e']) {
      const lookup = { docNumber: `闽政〔2026〕1${c}2号`, issuer: draft().issuer, sourceUrl: 'http://127.0.0.1/zwj.html' };
      expect((await findDocument(db, lookup)).exact?.id).toBe(clean.document.id);
      expect((await registerDocument(db, draft(lookup), NOW)).created).toBe(false);
    }
    expect(await db.count('documents')).toBe(1);
  });

  it('an issuer and title with other spacing or width are the same', async () => {
    const db = await fresh();
    const first = await registerDocument(db, draft({ issuer: '省人民政府办公厅' }), NOW);
    const again = await registerDocument(db, draft({ issuer: '省人民政府\u3000办公厅\u200b' }), NOW);
    expect(again.document.id).toBe(first.document.id);
  });

  it('without a 文号: the same page with a volatile parameter (x08), or 来文单位 + 标题 + 收文日期 on another page', async () => {
    const db = await fresh();
    const page = 'http://127.0.0.1/task.php?a=p&num=officib&mid=10';
    const first = await registerDocument(db, draft({ docNumber: undefined, sourceUrl: page }), NOW);
    const viaList = await registerDocument(db, draft({ docNumber: undefined, sourceUrl: `${page}&callback=opegs1796044` }), NOW);
    expect(viaList).toMatchObject({ created: false, document: { id: first.document.id } });
    const elsewhere = await registerDocument(db, draft({ docNumber: undefined, sourceUrl: 'http://127.0.0.1/other.php?id=3' }), NOW);
    expect(elsewhere.document.id).toBe(first.document.id);
    // Another document at the same address (a portal that shows documents by form posts) is not taken for it.
    const other = await registerDocument(db, draft({ docNumber: undefined, title: '关于另一件事的函', sourceUrl: page }), NOW);
    expect(other.created).toBe(true);
    expect(await db.count('documents')).toBe(2);
  });

  it('a near match is asked about, never registered twice silently; 否 registers it anew', async () => {
    const db = await fresh();
    const first = await registerDocument(db, draft({ docNumber: undefined, receivedDate: undefined, sourceUrl: 'http://127.0.0.1/a.html' }), NOW);
    // Now with its 文号 and date: the title and issuer match a document registered without them.
    const lookup = { docNumber: '省政办发〔2026〕15号', issuer: '省人民政府办公厅', title: draft().title, receivedDate: '2026-11-18', sourceUrl: 'http://127.0.0.1/b.html' };
    expect(await findDocument(db, lookup)).toEqual({ near: expect.objectContaining({ id: first.document.id, registrationNo: '收〔2026〕0001号' }) });
    await expect(registerDocument(db, draft(), NOW)).rejects.toThrow('是否为已登记的 收〔2026〕0001号？');
    expect(await db.count('documents')).toBe(1);
    const second = await registerDocument(db, draft(), NOW, undefined, { notSameAs: [first.document.id] });
    expect(second).toMatchObject({ created: true, document: { registrationNo: '收〔2026〕0002号' } });
  });

  it('documents stored before normalisation (schema v4) are found by any spelling after the migration, every record kept', async () => {
    const name = `doctrail-identity-v4-${++counter}`;
    const v3 = await openDB<DocTrailDB>(name, 4, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 4) });
    const base = { title: '关于开展2026年度安全生产考核的通知', issuer: '三明市安全生产委员会办公室', status: 'registered' as const, createdAt: 1, updatedAt: 1 };
    await v3.put('documents', { ...base, id: 'old1', registrationNo: '收〔2026〕0001号', docNumber: '明安委办【2026】14号', sourceUrl: 'http://127.0.0.1/x09a.html' });
    await v3.put('documents', { ...base, id: 'old2', title: '关于商请协助做好招聘宣传的函', registrationNo: '收〔2026〕0002号', sourceUrl: 'http://127.0.0.1/t.php?mid=10&callback=abc' });
    await v3.put('counters', 2, 'registration:2026');
    await v3.put('counters', 2, 'documents');
    v3.close();
    const db = await openRegister(name);
    opened.push(db);
    expect(await db.count('documents')).toBe(2);
    expect((await db.get('documents', 'old1'))!.docNumber).toBe('明安委办【2026】14号');
    expect((await findDocument(db, { docNumber: '明安委办〔2026〕14号', issuer: base.issuer, sourceUrl: 'http://127.0.0.1/x09b.html' })).exact?.id).toBe('old1');
    expect((await findDocument(db, { sourceUrl: 'http://127.0.0.1/t.php?mid=10&callback=xyz', title: '关于商请协助做好招聘宣传的函' })).exact?.id).toBe('old2');
    expect((await registerDocument(db, draft({ docNumber: '明安委办(2026)14号', issuer: base.issuer, title: base.title }), NOW)).created).toBe(false);
  });
});
