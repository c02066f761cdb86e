import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '@/utils/site-profiles/built-in';
import { domSelectorCheck, isPlausibleSelector } from '@/utils/site-profiles/css-selector';
import { matchesPattern, matchPatternProblem, profilesForUrl } from '@/utils/site-profiles/match-pattern';
import { parseProfileFile, serialiseProfiles, siteProfileSchema, validateProfile, type SiteProfile } from '@/utils/site-profiles/profile-schema';

const good: SiteProfile = {
  id: 'city-oa',
  name: '市政府协同办公',
  version: 2,
  urlPatterns: ['*://oa.example.gov.cn/*'],
  kinds: [{ kind: 'detail', when: { selector: 'td.label' } }],
  fields: {
    title: [
      { strategy: 'id', selector: '#title' },
      { strategy: 'label', selector: 'td.label', label: '文件标题' },
    ],
    docNumber: [{ strategy: 'structural', selector: '.doc-no', valuePattern: '文号：(.+)' }],
  },
  documentKey: { from: 'query', param: 'id' },
  actions: { send: ['button.send'], return: ['button.back'] },
};

/** A file holding `good` changed by `edit` (a deep copy, so the edit may mutate it). */
function fileWith(edit: (profile: Record<string, unknown>) => void, extra: Record<string, unknown> = {}): string {
  const profile = structuredClone(good) as unknown as Record<string, unknown>;
  edit(profile);
  return JSON.stringify({ format: 'doctrail-profile', formatVersion: 1, profiles: [profile], ...extra });
}

function messageOf(text: string): string {
  const result = parseProfileFile(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

describe('site profile schema', () => {
  it('accepts every built-in profile, each with its own id', () => {
    for (const profile of BUILT_IN_PROFILES) expect(siteProfileSchema.safeParse(profile).error?.issues, profile.id).toBeUndefined();
    expect(new Set(BUILT_IN_PROFILES.map((p) => p.id)).size).toBe(6);
    expect(BUILT_IN_PROFILES.every((p) => p.builtIn)).toBe(true);
  });

  it('round-trips profiles through the file format', () => {
    const text = serialiseProfiles([...BUILT_IN_PROFILES, good]);
    expect(text).toContain('"format": "doctrail-profile"');
    expect(text).toContain('"name": "信呼类 OA（标签/值表格）"');
    expect(parseProfileFile(text)).toEqual({ ok: true, profiles: [...BUILT_IN_PROFILES, good] });
  });

  it('reads a file holding a single profile', () => {
    expect(parseProfileFile(JSON.stringify({ format: 'doctrail-profile', formatVersion: 1, profile: good }))).toEqual({ ok: true, profiles: [good] });
    expect(validateProfile(good)).toEqual({ ok: true, value: good });
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"format": "doctrail-profile", ', /^not a JSON file: /],
    ['not a profile file', JSON.stringify({ format: 'other', formatVersion: 1, profiles: [good] }), /^format: not a DocTrail profile file/],
    ['a newer format version', JSON.stringify({ format: 'doctrail-profile', formatVersion: 2, profiles: [good] }), /^formatVersion: unsupported formatVersion 2 \(this DocTrail reads formatVersion 1\)/],
    ['neither profile nor profiles', JSON.stringify({ format: 'doctrail-profile', formatVersion: 1 }), /either "profile" or "profiles"/],
    ['no profiles', JSON.stringify({ format: 'doctrail-profile', formatVersion: 1, profiles: [] }), /^profiles: the file holds no profiles/],
    ['a bad regular expression', fileWith((p) => ((p.fields as Record<string, { valuePattern?: string }[]>).docNumber![0]!.valuePattern = '文号：(.+')), /^profiles\[0\]\.fields\.docNumber\[0\]\.valuePattern: not a valid regular expression/],
    ['a bad match pattern', fileWith((p) => (p.urlPatterns = ['oa.example.gov.cn/*'])), /^profiles\[0\]\.urlPatterns\[0\]: not a valid match pattern: expected scheme:\/\/host\/path/],
    ['a wildcard inside a host', fileWith((p) => (p.urlPatterns = ['*://oa.*.gov.cn/*'])), /^profiles\[0\]\.urlPatterns\[0\]: not a valid match pattern: the host must be/],
    ['an unknown field', fileWith((p) => ((p.fields as Record<string, unknown>).titel = [{ strategy: 'id', selector: '#t' }])), /^profiles\[0\]\.fields: unknown field "titel" \(fields are docNumber, /],
    ['a field without candidates', fileWith((p) => ((p.fields as Record<string, unknown>).title = [])), /^profiles\[0\]\.fields\.title: a field needs at least one candidate/],
    ['too many candidates', fileWith((p) => ((p.fields as Record<string, unknown>).title = Array(9).fill({ strategy: 'id', selector: '#t' }))), /^profiles\[0\]\.fields\.title: a field may have at most 8 candidates/],
    ['a bad selector', fileWith((p) => ((p.fields as Record<string, { selector?: string }[]>).title![1]!.selector = 'td[class=label')), /^profiles\[0\]\.fields\.title\[1\]\.selector: not a valid CSS selector \(profile "city-oa"\)$/],
    ['a label candidate without its label', fileWith((p) => ((p.fields as Record<string, unknown>).issuer = [{ strategy: 'label', selector: 'td' }])), /^profiles\[0\]\.fields\.issuer\[0\]\.label: a label-anchored candidate needs the label text/],
    ['an id candidate without a selector', fileWith((p) => ((p.fields as Record<string, unknown>).issuer = [{ strategy: 'id' }])), /^profiles\[0\]\.fields\.issuer\[0\]\.selector: an id candidate needs a selector/],
    ['an unknown strategy', fileWith((p) => ((p.fields as Record<string, unknown>).issuer = [{ strategy: 'xpath', selector: '//td' }])), /^profiles\[0\]\.fields\.issuer\[0\]\.strategy: /],
    ['an id that is not a slug', fileWith((p) => (p.id = 'City OA')), /^profiles\[0\]\.id: an id is a slug/],
    ['an empty kind rule', fileWith((p) => (p.kinds = [{ kind: 'detail', when: {} }])), /^profiles\[0\]\.kinds\[0\]\.when: a kind rule needs a selector, urlIncludes or textIncludes/],
    ['an unknown page kind', fileWith((p) => (p.kinds = [{ kind: 'archive', when: { urlIncludes: 'x' } }])), /^profiles\[0\]\.kinds\[0\]\.kind: /],
    ['a misspelt property', fileWith((p) => (p.urlPattern = ['*://*/*'])), /^profiles\[0\]: Unrecognized key: "urlPattern"/],
    ['a document key from nowhere', fileWith((p) => (p.documentKey = { from: 'cookie', param: 'id' })), /^profiles\[0\]\.documentKey\.from: /],
    ['duplicate ids', JSON.stringify({ format: 'doctrail-profile', formatVersion: 1, profiles: [good, good] }), /^profiles\[1\]\.id: duplicate profile id "city-oa"/],
  ])('rejects %s with a message naming where', (_name, text, message) => {
    expect(messageOf(text)).toMatch(message);
  });

  it('lists a few problems at most', () => {
    const text = fileWith((p) => {
      p.id = 'X';
      p.version = 0;
      p.urlPatterns = ['bad', 'worse'];
      p.kinds = [{ kind: 'detail', when: {} }];
    });
    expect(messageOf(text)).toMatch(/^profiles\[0\]\.id: .*; and \d+ more$/);
  });

  it('asks a real selector engine when one is given', () => {
    const text = fileWith((p) => ((p.fields as Record<string, { selector?: string }[]>).title![0]!.selector = 'td:nth-child(x)'));
    expect(parseProfileFile(text).ok).toBe(true);
    const engine = domSelectorCheck(new JSDOM('').window.document);
    expect(parseProfileFile(text, { validateSelector: engine })).toEqual({ ok: false, message: 'profiles[0].fields.title[0].selector: not a valid CSS selector (profile "city-oa")' });
    expect(parseProfileFile(serialiseProfiles(BUILT_IN_PROFILES), { validateSelector: engine }).ok).toBe(true);
  });

  it('tells plausible selectors from broken ones without a DOM', () => {
    for (const s of ['#field10086span', 'td.td_normal_title', ':scope > td:nth-child(4)', 'a[href^="javascript:circulate"]', '.o2_toolbar [title="传阅"]', 'tr.TableHeader ~ tr.TableLine1', 'td, th', '#\\31 0086']) {
      expect(isPlausibleSelector(s), s).toBe(true);
    }
    for (const s of ['', '   ', 'td[', 'td]', '#10086', 'div.', 'div >', '> td', 'td,,th', 'td, ', 'a{color:red}', 'td"x"', 'td | th', 'td:not(.a']) {
      expect(isPlausibleSelector(s), s).toBe(false);
    }
  });
});

describe('match patterns', () => {
  it.each<[string, string, boolean]>([
    ['*://oa.example.gov.cn/*', 'http://oa.example.gov.cn/seeyon/x.do?a=1', true],
    ['*://oa.example.gov.cn/*', 'https://oa.example.gov.cn/', true],
    ['*://oa.example.gov.cn/*', 'ftp://oa.example.gov.cn/', false],
    ['*://oa.example.gov.cn/*', 'http://oa.example.gov.cn.evil.com/', false],
    ['https://oa.example.gov.cn/*', 'http://oa.example.gov.cn/', false],
    ['*://*.example.gov.cn/*', 'http://example.gov.cn/a', true],
    ['*://*.example.gov.cn/*', 'http://oa.sub.example.gov.cn/a', true],
    ['*://*.example.gov.cn/*', 'http://badexample.gov.cn/a', false],
    ['*://*/seeyon/*', 'http://10.1.2.3:8080/seeyon/collaboration/collaboration.do?method=summary', true],
    ['*://*/seeyon/*', 'http://10.1.2.3/portal/seeyon/', false],
    ['*://*/index.php?*m=flow*', 'http://oa.x.cn/index.php?a=p&m=flow&mid=5', true],
    ['*://*/index.php?*m=flow*', 'http://oa.x.cn/index.php?a=p&m=word', false],
    ['http://10.1.2.3:8080/*', 'http://10.1.2.3:8080/a', true],
    ['http://10.1.2.3:8080/*', 'http://10.1.2.3:9090/a', false],
    ['http://10.1.2.3/*', 'http://10.1.2.3:9090/a', true],
    ['*://OA.Example.gov.cn/*', 'http://oa.example.gov.cn/', true],
    ['*://*/km/review/*', 'not a url', false],
    ['*://*/spa/workflow/*', 'http://h/spa/workflow/static4form/index.html#/main/workflow/req?requestid=1', true],
  ])('%s against %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('explains invalid patterns', () => {
    expect(matchPatternProblem('*://*/*')).toBeUndefined();
    expect(matchPatternProblem('oa.example.gov.cn')).toMatch(/scheme:\/\/host\/path/);
    expect(matchPatternProblem('ftp://oa.example.gov.cn/*')).toMatch(/scheme must be/);
    expect(matchPatternProblem('http://oa.example.gov.cn')).toMatch(/path is needed/);
    expect(matchPatternProblem('http://oa.*.cn/*')).toMatch(/host must be/);
    expect(matchPatternProblem('http://oa.cn:99999/*')).toMatch(/host must be/);
  });

  it('picks the profiles for a page, leaving out those switched off', () => {
    const url = 'http://oa.example.gov.cn/seeyon/collaboration/collaboration.do?summaryId=1';
    const cityOa = { ...good, urlPatterns: ['*://oa.example.gov.cn/*'] };
    expect(profilesForUrl([cityOa, ...BUILT_IN_PROFILES], url).map((p) => p.id)).toEqual(['city-oa', 'seeyon-cap4-like']);
    expect(profilesForUrl([cityOa, ...BUILT_IN_PROFILES], url, new Set(['seeyon-cap4-like'])).map((p) => p.id)).toEqual(['city-oa']);
    expect(profilesForUrl(BUILT_IN_PROFILES, 'http://www.example.gov.cn/zwgk/index.html')).toEqual([]);
  });
});
