import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzePage, type PageAnalysis } from '@/utils/page-analysis/analyze-page';
import { scorePage, type Expected } from '@/utils/page-analysis/corpus-score';
import { applyProfile, profileHealth, readDocumentKey, type ProfileResult } from '@/utils/site-profiles/apply-profile';
import { BUILT_IN_PROFILES } from '@/utils/site-profiles/built-in';
import { profilesForUrl } from '@/utils/site-profiles/match-pattern';
import { parseProfileFile, type SiteProfile } from '@/utils/site-profiles/profile-schema';
import { corpusPages } from '../support/corpus';
import { decodePage } from '../../tools/analyze-file';

const DIR = resolve(import.meta.dirname, '../fixtures/profiles');

interface ProfileExpected extends Expected {
  documentKey?: string;
  sendButtons?: string[];
  returnButtons?: string[];
}

function fixture(id: string): { html: string; expected: ProfileExpected } {
  return {
    html: readFileSync(resolve(DIR, `${id}.html`), 'utf8'),
    expected: JSON.parse(readFileSync(resolve(DIR, `${id}.expected.json`), 'utf8')) as ProfileExpected,
  };
}

function run(profile: SiteProfile, html: string, url: string): { generic: PageAnalysis; result: ProfileResult; doc: Document } {
  const doc = new JSDOM(html, { url }).window.document;
  const generic = analyzePage(doc, url);
  return { generic, result: applyProfile(profile, doc, url, generic), doc };
}

const builtIn = (id: string) => BUILT_IN_PROFILES.find((p) => p.id === id)!;
const buttonTexts = (doc: Document, selectors: readonly string[] = []) => [...new Set(selectors.flatMap((s) => [...doc.querySelectorAll(s)].map((e) => (e.textContent ?? '').trim())))];

/**
 * Correct fields (rows' fields included) of the generic engine vs the built-in profile on each fixture:
 * xinhu-like 9 vs 10 (the flow summary's 标题 is taken for the title), ecology-like 3 vs 10 (labels broken over
 * two lines), seeyon-cap4-like 0 vs 10 (the required star after each title), landray-like 7 vs 9 (the flow's
 * 主题 and 编号), tongda-like 25 vs 34 (titles cut with …, 缓急 as icons), o2oa-like 0 vs 8 (a two-paragraph title).
 */
const GENERIC_VS_PROFILE: Record<string, [number, number]> = {
  // Since labels with a note in brackets, a required star or an action link are read, the generic engine reads all
  // of these but xinhu's title (its page title `[收文单]…的收文登记(05-12)` stands where the layout has no 标题 label).
  'xinhu-like': [9, 10],
  // The generic engine reads these two layouts fully since it pairs labels across split cells and by value shape.
  'ecology-like': [10, 10],
  'seeyon-cap4-like': [10, 10],
  'landray-like': [9, 9],
  'tongda-like': [29, 34],
  'o2oa-like': [0, 8],
};

describe('built-in profiles on their own layouts', () => {
  it('has a fixture page for every built-in profile', () => {
    expect(Object.keys(GENERIC_VS_PROFILE).sort()).toEqual(BUILT_IN_PROFILES.map((p) => p.id).sort());
  });

  for (const profile of BUILT_IN_PROFILES) {
    describe(profile.id, () => {
      const { html, expected } = fixture(profile.id);
      const { generic, result, doc } = run(profile, html, expected.url);

      it('is the one built-in profile for the page’s URL', () => {
        expect(profilesForUrl(BUILT_IN_PROFILES, expected.url).map((p) => p.id)).toEqual([profile.id]);
      });

      it('reads the page as a clerk would', () => {
        expect(result.analysis.kind).toBe(expected.kind);
        expect(result.analysis.fields).toEqual(expected.fields);
        if (expected.rows) expect(result.analysis.rows).toEqual(expected.rows);
        expect(result.documentKey).toBe(expected.documentKey);
        expect(profileHealth(result)).toBe('ok');
        expect(result.kindFromProfile).toBe(true);
      });

      it('reads at least as much as the generic engine', () => {
        const [genericScore, profileScore] = [scorePage(expected, generic), scorePage(expected, result.analysis)];
        expect(profileScore.mistakes).toEqual([]);
        expect([genericScore.truePositives, profileScore.truePositives]).toEqual(GENERIC_VS_PROFILE[profile.id]);
        expect(profileScore.truePositives).toBeGreaterThanOrEqual(genericScore.truePositives);
      });

      it('explains each field it read and finds the portal’s send and return buttons', () => {
        for (const field of result.fieldsFromProfile) {
          if (expected.kind !== 'list') expect(result.analysis.evidence.fields[field]?.label, field).toContain(`profile ${profile.id}`);
        }
        expect(buttonTexts(doc, profile.actions?.send)).toEqual(expected.sendButtons ?? []);
        expect(buttonTexts(doc, profile.actions?.return)).toEqual(expected.returnButtons ?? []);
      });
    });
  }

  it('never reads a corpus page under its URLs worse than the generic engine', () => {
    let compared = 0;
    for (const page of corpusPages()) {
      for (const profile of profilesForUrl(BUILT_IN_PROFILES, page.expected.url)) {
        const { generic, result } = run(profile, decodePage(readFileSync(page.path)), page.expected.url);
        const [before, after] = [scorePage(page.expected, generic), scorePage(page.expected, result.analysis)];
        expect(result.analysis.kind, `${page.file} ${profile.id}`).toBe(generic.kind);
        expect(after.truePositives, `${page.file} ${profile.id}`).toBeGreaterThanOrEqual(before.truePositives);
        expect(after.falsePositives, `${page.file} ${profile.id}`).toBeLessThanOrEqual(before.falsePositives);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  }, 60_000);
});

describe('falling back to the generic engine', () => {
  const { html, expected } = fixture('landray-like');

  it('takes a field the profile does not name from the generic engine', () => {
    const { copies: _copies, issuer: _issuer, ...fields } = builtIn('landray-like').fields;
    const { result } = run({ ...builtIn('landray-like'), fields }, html, expected.url);
    expect(result.analysis.fields).toEqual(expected.fields);
    expect(result.fieldsFromProfile).not.toContain('copies');
    expect(result.analysis.evidence.fields.copies?.label).toBe('份数');
    expect(result.analysis.evidence.fields.title?.label).toContain('profile landray-like');
  });

  it('keeps the generic reading of a page the profile does not describe', () => {
    const url = 'http://oa.example.gov.cn/seeyon/main.do?method=main';
    const { generic, result } = run(builtIn('seeyon-cap4-like'), '<html><body><h1>工作台</h1><p>欢迎使用协同办公平台</p></body></html>', url);
    expect(result.analysis).toBe(generic);
    expect(result.matched).toBe(false);
    expect(profileHealth(result)).toBe('idle');
  });

  it('does not call a non-document form a document because the layout matches', () => {
    const html = `<table><tr><td class="fieldName">请假类型</td><td class="fieldValue"><span id="field501span">年假</span></td></tr>
      <tr><td class="fieldName">事由</td><td class="fieldValue"><input type="text" id="field502" name="field502" value="探亲"></td></tr></table>`;
    const { result } = run(builtIn('ecology-like'), html, 'http://10.1.1.1/spa/workflow/static4form/index.html#/main/workflow/req?iscreate=1');
    expect(result.matched).toBe(true);
    expect(result.analysis.kind).toBe('none');
    expect(profileHealth(result)).toBe('idle');
  });
});

describe('noticing a profile that stopped matching', () => {
  const { html, expected } = fixture('ecology-like');
  /** An office's own profile, pinned to its form's field ids, as it would import it. */
  const file = parseProfileFile(readFileSync(resolve(DIR, 'office-ecology.profile.json'), 'utf8'));
  const pinned = file.ok ? file.profiles[0]! : builtIn('ecology-like');

  it('reads the page by the pinned ids of an imported profile', () => {
    expect(file.ok && file.profiles.map((p) => p.id)).toEqual(['office-ecology']);
    const { result } = run(pinned, html, expected.url);
    expect(result.analysis.fields).toEqual(expected.fields);
    expect(profileHealth(result)).toBe('ok');
  });

  it('is broken when the portal renumbered every field', () => {
    const { result, generic } = run(pinned, html.replace(/field100(\d\d)/g, 'field200$1'), expected.url);
    expect(result.matched).toBe(false);
    expect(result.missing).toHaveLength(Object.keys(pinned.fields).length);
    expect(profileHealth(result)).toBe('broken');
    expect(result.analysis).toBe(generic);
  });

  it('is partial when one field moved, and that field falls back to the generic engine', () => {
    const { result } = run(pinned, html.replace(/field10086/g, 'field20086'), expected.url);
    expect(result.missing).toEqual(['docNumber']);
    expect(profileHealth(result)).toBe('partial');
    expect(result.analysis.fields.docNumber).toBe(expected.fields.docNumber);
    expect(result.analysis.evidence.fields.docNumber?.label).toBe('来文文号');
  });

  it('is broken when a built-in layout was redesigned under a document’s URL', () => {
    const o2oa = fixture('o2oa-like');
    const { result } = run(builtIn('o2oa-like'), o2oa.html.replace(/o2_doc_/g, 'doc-el-'), o2oa.expected.url);
    expect(result.documentKey).toBe(o2oa.expected.documentKey);
    expect(profileHealth(result)).toBe('broken');
  });
});

describe('document keys and candidates', () => {
  const base: SiteProfile = { id: 'k', name: 'k', version: 1, urlPatterns: ['*://*/*'], kinds: [], fields: {} };

  it('reads the record id from the query, a hash route’s query, or a path pattern', () => {
    expect(readDocumentKey({ ...base, documentKey: { from: 'query', param: 'fdId' } }, 'http://a/km/review/x.do?method=view&fdId=abc')).toBe('abc');
    expect(readDocumentKey({ ...base, documentKey: { from: 'query', param: 'requestid' } }, 'http://a/spa/workflow/index.html#/req?requestid=88')).toBe('88');
    expect(readDocumentKey({ ...base, documentKey: { from: 'path', pattern: '/doc/(\\d+)' } }, 'http://a/oa/doc/4711/view')).toBe('4711');
    expect(readDocumentKey({ ...base, documentKey: { from: 'query', param: 'id' } }, 'http://a/list')).toBeUndefined();
    expect(readDocumentKey(base, 'http://a/?id=1')).toBeUndefined();
  });

  it('tries candidates in order, applies value patterns and reads attributes and label-for controls', () => {
    const html = `<div id="box" data-no="收文号：SW-77"></div><p class="t">（标题）关于开展2026年度安全检查的通知</p>
      <label for="dl">办理期限：</label><input id="dl" value="2026年6月1日">`;
    const profile: SiteProfile = {
      ...base,
      kinds: [{ kind: 'detail', when: { textIncludes: '安全 检查' } }],
      fields: {
        registrationNo: [{ strategy: 'id', selector: '#missing' }, { strategy: 'id', selector: '#box', attribute: 'data-no', valuePattern: '收文号：(\\S+)' }],
        title: [{ strategy: 'structural', selector: 'p.t', valuePattern: '^（标题）(.+)$' }],
        deadline: [{ strategy: 'label', label: '办理期限' }],
        issuer: [{ strategy: 'structural', selector: 'p.t', valuePattern: '^来文：(.+)' }],
      },
    };
    const { result } = run(profile, html, 'http://a/x');
    expect(result.analysis.kind).toBe('detail');
    expect(result.analysis.fields).toMatchObject({ registrationNo: 'SW-77', title: '关于开展2026年度安全检查的通知', deadline: '2026-06-01' });
    expect(result.missing).toEqual(['issuer']);
  });
});
