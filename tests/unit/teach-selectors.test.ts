import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePage } from '@/utils/page-analysis/analyze-page';
import type { FieldKey } from '@/utils/page-analysis/vocabulary';
import { applyProfile, profileHealth } from '@/utils/site-profiles/apply-profile';
import { domSelectorCheck } from '@/utils/site-profiles/css-selector';
import { validateProfile } from '@/utils/site-profiles/profile-schema';
import { buildTaughtProfile, guessDocumentKey, taughtProfileId, taughtUrlPattern, type Pick } from '@/utils/teach/build-profile';
import { proposeCandidates, stableAttribute, stableClass, stableId } from '@/utils/teach/propose';

const PAGE = readFileSync(resolve(import.meta.dirname, '../../sample-portal/pages/teach/unknown-layout.html'), 'utf8');
const URL_ = 'http://10.1.2.3:8080/teach/unknown-layout.html?id=A-2026-0088';

function load(html: string, url = URL_): Document {
  const { window } = new JSDOM(html, { url });
  // finder reads these globals, as it does in a page.
  Object.assign(globalThis, { Node: window.Node, document: window.document, CSS: { escape: (s: string) => s.replace(/[^\w-]/g, (ch) => `\\${ch}`) } });
  return window.document;
}

function valueOf(doc: Document, label: string): Element {
  const row = [...doc.querySelectorAll('.x-row')].find((r) => r.querySelector('i')?.textContent === label)!;
  return row.querySelector('b')!;
}

describe('selector generation (教我识别)', () => {
  let doc: Document;
  beforeAll(() => {
    doc = load(PAGE);
  });

  it('the generic engine reads nothing on the unknown layout', () => {
    expect(analyzePage(doc, URL_).kind).toBe('none');
  });

  it('proposes checked candidates for a picked value: a structural selector and the label beside it', () => {
    const result = proposeCandidates(valueOf(doc, '字轨'), 'docNumber', doc, URL_);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.proposal.value).toBe('X府办函〔2026〕88号');
    const strategies = result.proposal.candidates.map((c) => c.strategy);
    expect(strategies).toContain('structural');
    expect(result.proposal.candidates).toContainEqual(expect.objectContaining({ strategy: 'label', label: '字轨', selector: 'div.x-row > i' }));
    // Each selector names exactly the picked element.
    for (const c of result.proposal.candidates.filter((c) => c.strategy !== 'label')) {
      const found = doc.querySelectorAll(c.selector!);
      expect(found.length).toBe(1);
      expect(found[0]).toBe(valueOf(doc, '字轨'));
    }
  });

  it('normalises what it reads (★ 密级, Chinese dates) and refuses a value that is not the field', () => {
    const secret = proposeCandidates(valueOf(doc, '涉密属性'), 'classification', doc, URL_);
    expect(secret.ok && secret.proposal.value).toBe('confidential');
    const date = proposeCandidates(valueOf(doc, '入口日期'), 'receivedDate', doc, URL_);
    expect(date.ok && date.proposal.value).toBe('2026-11-20');
    const wrong = proposeCandidates(valueOf(doc, '出处'), 'receivedDate', doc, URL_);
    expect(wrong).toEqual({ ok: false, problem: 'invalid', raw: 'XX市人民政府办公室' });
  });

  it('prefers a stable id and an attribute over volatile classes and generated ids', () => {
    const page = load(`<body><div class="form"><table><tr><td class="lbl">x</td>
      <td><span id="ext-gen1234" class="css-1x2y3z active">关于召开全市秘书长会议的通知</span></td></tr>
      <tr><td>y</td><td><span id="wenhao" class="val">市府〔2026〕9号</span></td></tr>
      <tr><td>z</td><td><span data-field="laiwendanwei" class="val hover">市财政局</span></td></tr></table></div></body>`);
    const span = page.getElementById('wenhao')!;
    const byId = proposeCandidates(span, 'docNumber', page, URL_);
    expect(byId.ok && byId.proposal.candidates[0]).toEqual({ strategy: 'id', selector: '#wenhao' });
    const title = proposeCandidates(page.getElementById('ext-gen1234')!, 'title', page, URL_);
    expect(title.ok).toBe(true);
    if (title.ok) for (const c of title.proposal.candidates) expect(c.selector ?? '').not.toMatch(/ext-gen|css-1x2y3z|active/);
    const issuer = proposeCandidates(page.querySelector('[data-field]')!, 'issuer', page, URL_);
    expect(issuer.ok && issuer.proposal.candidates[0]!.selector).toBe('[data-field="laiwendanwei"]');
  });

  it('reads an inline 标签：值 element through a value pattern', () => {
    const page = load('<body><p class="meta">来文单位：市教育局</p><p class="meta2">文号：市教〔2026〕3号</p></body>');
    const result = proposeCandidates(page.querySelector('.meta')!, 'issuer', page, URL_);
    expect(result.ok && result.proposal.value).toBe('市教育局');
    expect(result.ok && result.proposal.candidates[0]).toMatchObject({ valuePattern: '[:：]\\s*(.+)$' });
  });

  it('tells stable names from volatile ones', () => {
    expect(stableClass('tdleft')).toBe(true);
    expect(stableClass('x-row')).toBe(true);
    for (const c of ['active', 'is-selected', 'css-1q2w3e', 'title_3xK9a', 'ng-star-inserted', 'row12345']) expect(stableClass(c)).toBe(false);
    expect(stableId('field10086span')).toBe(true);
    for (const id of ['ext-gen1234', 'j_idt45', 'ember12', '1abc', 'a1b2c3d4-aaaa-bbbb']) expect(stableId(id)).toBe(false);
    expect(stableAttribute('name', 'wenhao')).toBe(true);
    expect(stableAttribute('href', 'x.html')).toBe(false);
    expect(stableAttribute('data-id', '12345')).toBe(false);
  });
});

describe('the taught profile', () => {
  it('validates, covers the portal’s pages and reads the fields the generic engine missed', () => {
    const doc = load(PAGE);
    const fields: [string, FieldKey][] = [['件名', 'title'], ['字轨', 'docNumber'], ['出处', 'issuer'], ['涉密属性', 'classification'], ['入口日期', 'receivedDate'], ['须回复于', 'deadline']];
    const picks: Pick[] = fields.map(([label, field]) => {
      const element = field === 'title' ? valueOf(doc, label).querySelector('a')! : valueOf(doc, label);
      const result = proposeCandidates(element, field, doc, URL_);
      if (!result.ok) throw new Error(`${label}: ${result.problem}`);
      return { field, value: result.proposal.value, url: URL_, candidates: result.proposal.candidates };
    });
    const profile = buildTaughtProfile(picks, undefined, { name: '10.1.2.3 识别规则', description: 'test' });
    expect(profile.id).toBe('taught-10-1-2-3-teach');
    expect(profile.urlPatterns).toEqual(['http://10.1.2.3/teach/*']);
    expect(profile.documentKey).toEqual({ from: 'query', param: 'id' });
    const checked = validateProfile(JSON.parse(JSON.stringify(profile)), { validateSelector: domSelectorCheck(doc) });
    expect(checked).toMatchObject({ ok: true });

    const fresh = load(PAGE, 'http://10.1.2.3:9090/teach/unknown-layout.html?id=B-7');
    const result = applyProfile(profile, fresh, fresh.location.href, analyzePage(fresh, fresh.location.href));
    expect(result.analysis.kind).toBe('detail');
    expect(result.analysis.fields).toMatchObject({
      title: '关于做好2027年元旦春节期间安全生产工作的通知',
      docNumber: 'X府办函〔2026〕88号',
      issuer: 'XX市人民政府办公室',
      classification: 'confidential',
      classificationPeriod: '1年',
      receivedDate: '2026-11-20',
      deadline: '2026-12-05',
    });
    expect(profileHealth(result)).toBe('ok');
    expect(result.documentKey).toBe('B-7');
  });

  it('merges a second teaching into the first and keeps what it knew', () => {
    const first = buildTaughtProfile([{ field: 'title', value: 't', url: URL_, candidates: [{ strategy: 'structural', selector: '.a' }] }], undefined, { name: 'n', description: 'd' });
    const second = buildTaughtProfile([{ field: 'title', value: 't', url: URL_, candidates: [{ strategy: 'id', selector: '#b' }] }, { field: 'issuer', value: 'i', url: URL_, candidates: [{ strategy: 'structural', selector: '.c' }] }], first, { name: 'other', description: 'd2' });
    expect(second).toMatchObject({ id: first.id, name: 'n', version: 2 });
    expect(second.fields.title).toEqual([{ strategy: 'id', selector: '#b' }, { strategy: 'structural', selector: '.a' }]);
    expect(second.fields.issuer).toHaveLength(1);
  });

  it('derives patterns, ids and record keys from the page address', () => {
    expect(taughtUrlPattern('https://oa.example.gov.cn/seeyon/collaboration.do?x=1')).toBe('https://oa.example.gov.cn/seeyon/*');
    expect(taughtUrlPattern('http://10.1.2.3:8080/doc.jsp')).toBe('http://10.1.2.3/*');
    expect(taughtProfileId('https://OA.Example.gov.cn/seeyon/x')).toBe('taught-oa-example-gov-cn-seeyon');
    expect(guessDocumentKey('http://x.cn/a?view=1&requestid=88')).toEqual({ from: 'query', param: 'requestid' });
    expect(guessDocumentKey('http://x.cn/a?view=1')).toBeUndefined();
  });
});
