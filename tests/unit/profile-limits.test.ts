import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { BUILT_IN_PROFILES } from '@/utils/site-profiles/built-in';
import { selectorCostProblem } from '@/utils/site-profiles/css-selector';
import { globMatches, matchesPattern, matchPatternProblem } from '@/utils/site-profiles/match-pattern';
import { parseProfileFile, regexCostProblem, validateProfile } from '@/utils/site-profiles/profile-schema';
import { extensionPage } from '../support/senders';

/** ../shared/cases/security/profile-star-pattern.json: `http://127.0.0.1/*a*a*a*a*a*a*a*a*b`, which hung the worker for minutes. */
const STAR_FILE = readFileSync('tests/fixtures/security/profile-star-pattern.json', 'utf8');
const profile = (overrides: Record<string, unknown> = {}) => ({ id: 'office-oa', name: '本单位OA', version: 1, urlPatterns: ['http://127.0.0.1/oa/*'], kinds: [], fields: { title: [{ strategy: 'label', label: '文件标题' }] }, ...overrides });

describe('URL patterns of site profiles (hole 9)', () => {
  it('refuses the reproduction’s pattern on import, naming the field and the limit', () => {
    const parsed = parseProfileFile(STAR_FILE);
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining('profiles[0].urlPatterns[0]: not a valid match pattern: a URL pattern may have at most 8 “*” (this one has 9)') });
  });

  it('refuses a pattern longer than 300 characters', () => {
    expect(matchPatternProblem(`http://127.0.0.1/${'a'.repeat(290)}*`)).toMatch(/at most 300 characters \(this one has 308\)/);
  });

  it('answers at once for the worst pattern it accepts against a 4,000-character address (a regular expression backtracks for minutes)', () => {
    const pattern = 'http://127.0.0.1/*a*a*a*a*a*a*b';
    expect(matchPatternProblem(pattern)).toBeUndefined();
    expect(matchesPattern(pattern, `http://127.0.0.1/doc.html?${'a'.repeat(4000)}`)).toBe(false);
    expect(matchesPattern(pattern, `http://127.0.0.1/doc.html?${'a'.repeat(4000)}b`)).toBe(true);
  });

  it('matches like the glob it is, on every small case (checked against a regular expression)', () => {
    const alphabet = ['a', 'b', '*'];
    const texts = ['', 'a', 'b', 'ab', 'ba', 'aab', 'abab', 'bba', 'aaaa', 'abba'];
    let checked = 0;
    const patterns = [''];
    for (let length = 1; length <= 4; length++) for (const prefix of patterns.filter((p) => p.length === length - 1)) for (const c of alphabet) patterns.push(prefix + c);
    for (const pattern of patterns) {
      const reference = new RegExp(`^${pattern.split('*').join('.*')}$`);
      for (const text of texts) {
        expect(globMatches(pattern.split('*'), text), `${pattern} ~ ${text}`).toBe(reference.test(text));
        checked++;
      }
    }
    expect(checked).toBe(1210);
  });

  it('still reads every built-in profile’s patterns, and matches them as before', () => {
    for (const builtIn of BUILT_IN_PROFILES) for (const pattern of builtIn.urlPatterns) expect(matchPatternProblem(pattern)).toBeUndefined();
    expect(matchesPattern('*://*/index.php?*m=flow*', 'http://oa.x.cn/index.php?a=1&m=flow&d=2')).toBe(true);
    expect(matchesPattern('*://*/index.php?*m=flow*', 'http://oa.x.cn/index.php?a=1')).toBe(false);
    expect(matchesPattern('*://*/seeyon/*', 'https://10.1.2.3:8443/seeyon/collaboration.do?id=1')).toBe(true);
    expect(matchesPattern('http://127.0.0.1/oa/*', 'http://127.0.0.1:8080/oa/doc.html')).toBe(true);
    expect(matchesPattern('http://127.0.0.1/oa/*', 'http://127.0.0.1:8080/oa2/doc.html')).toBe(false);
  });
});

describe('selectors and value patterns of site profiles (hole 9)', () => {
  it.each([
    ['a :has() inside a :has()', 'tr:has(td:has(span))', /at most once \(this one uses it 2 times\)/],
    ['two :has()', 'div:has(> a) + div:has(> b)', /at most once/],
    ['more than 300 characters', `#a${' > div'.repeat(60)}`, /at most 300 characters/],
    ['a chain of 13 combinators', Array.from({ length: 14 }, () => 'div').join(' > '), /at most 12 combinators \(this one has 13\)/],
    ['a list of 9', Array.from({ length: 9 }, (_, i) => `#f${i}`).join(', '), /at most 8 parts/],
  ])('refuses a selector with %s', (_name, selector, message) => {
    expect(selectorCostProblem(selector)).toMatch(message);
    const result = validateProfile(profile({ fields: { title: [{ strategy: 'structural', selector }] } }));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(new RegExp(`^fields\\.title\\[0\\]\\.selector: .*${message.source}`)) });
  });

  it.each(['#title', 'table.doc-table td:nth-child(2n + 1)', 'tr:has(> td.label) > td', 'div[data-x="a > b > c > d > e > f > g > h > i > j > k > l > m > n"]'])('accepts %s', (selector) => {
    expect(selectorCostProblem(selector)).toBeUndefined();
  });

  it.each([
    ['(a+)+$', /repeat a group that itself repeats/],
    ['^(\\w|\\s)*$', /repeat a group that itself repeats/],
    ['.*a.*a.*b', /at most 2 unbounded repetitions/],
    ['(\\d)\\1', /back-references/],
  ])('refuses the value pattern %s', (valuePattern, message) => {
    const result = validateProfile(profile({ fields: { title: [{ strategy: 'label', label: '文件标题', valuePattern }] } }));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('accepts the value patterns 教我识别 and the built-ins write', () => {
    expect(regexCostProblem('[:：]\\s*(.+)$')).toBeUndefined();
    expect(regexCostProblem('^(.+?)(?:文件)?$')).toBeUndefined();
    expect(regexCostProblem('(\\d{4})年(\\d{1,2})月')).toBeUndefined();
  });
});

describe('saving a profile through the background (hole 9)', () => {
  let db: RegisterDB;
  afterEach(() => db?.close());

  it('refuses the star pattern from the dashboard with the field named, and keeps the profiles as they were', async () => {
    db = await openRegister('doctrail-profile-limits');
    const SELF = extensionPage('doctrail');
    const handle = createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 23), extensionId: SELF.id });
    expect(await handle({ type: 'profiles.save', profiles: [profile()] }, SELF)).toMatchObject({ ok: true });
    const before = await db.get('settings', 'profiles');
    const answer = await handle({ type: 'profiles.save', profiles: JSON.parse(STAR_FILE).profiles }, SELF);
    expect(answer).toEqual({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('profiles.0.urlPatterns.0: not a valid match pattern: a URL pattern may have at most 8') } });
    expect(await db.get('settings', 'profiles')).toEqual(before);
  });
});
