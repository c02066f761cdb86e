import 'fake-indexeddb/auto';
import { contentScript, extensionPage, testPortals } from '../support/senders';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import type { RegisterDB } from '@/utils/register/register-db';
import { openRegister } from '@/utils/register/register-db';
import { BUILT_IN_PROFILES } from '@/utils/site-profiles/built-in';

const SELF = extensionPage('doctrail');
let counter = 0;
let db: RegisterDB;
const changed = vi.fn();

async function handler() {
  db = await openRegister(`doctrail-profiles-${++counter}`);
  changed.mockClear();
  return createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 23), extensionId: SELF.id, onProfilesChanged: changed });
}
afterEach(() => db?.close());

const taught = {
  id: 'taught-oa-x-cn-teach',
  name: 'oa.x.cn 识别规则',
  version: 1,
  urlPatterns: ['http://oa.x.cn/teach/*'],
  kinds: [],
  fields: { title: [{ strategy: 'label', label: '件名', selector: 'div.x-row > i' }] },
};

describe('site profiles in the background', () => {
  it('lists the built-ins, then adds the clerk’s own before them and serves the matching ones to a page', async () => {
    const handle = await handler();
    const before = await handle({ type: 'profiles.list' }, SELF);
    expect(before).toMatchObject({ ok: true });
    expect((before as { data: { profiles: unknown[] } }).data.profiles).toHaveLength(BUILT_IN_PROFILES.length);
    expect(await handle({ type: 'profiles.save', profiles: [taught] }, SELF)).toEqual({ ok: true, data: { saved: [taught.id] } });
    expect(changed).toHaveBeenCalledOnce();
    const list = (await handle({ type: 'profiles.list' }, SELF)) as { data: { profiles: { profile: { id: string }; builtIn: boolean }[] } };
    expect(list.data.profiles[0]).toMatchObject({ profile: { id: taught.id }, builtIn: false, off: false, health: null });
    const forUrl = (await handle({ type: 'profiles.forUrl', url: 'http://oa.x.cn:8080/teach/card.html?id=1' }, SELF)) as { data: { profiles: { id: string }[] } };
    expect(forUrl.data.profiles.map((p) => p.id)).toEqual([taught.id]);
  });

  it('refuses an invalid profile with a message naming the field, and stores nothing', async () => {
    const handle = await handler();
    const bad = { ...taught, urlPatterns: ['oa.x.cn'], fields: { title: [{ strategy: 'id' }] } };
    const response = await handle({ type: 'profiles.save', profiles: [bad] }, SELF);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringMatching(/profiles\.0\.urlPatterns\.0: not a valid match pattern/) } });
    expect(changed).not.toHaveBeenCalled();
    const forUrl = (await handle({ type: 'profiles.forUrl', url: 'http://oa.x.cn/teach/a' }, SELF)) as { data: { profiles: unknown[] } };
    expect(forUrl.data.profiles).toEqual([]);
  });

  it('switches a built-in off (no page gets it) and on again', async () => {
    const handle = await handler();
    const url = 'http://oa.x.cn/spa/workflow/static4form/index.html?requestid=1';
    const ids = async () => ((await handle({ type: 'profiles.forUrl', url }, SELF)) as { data: { profiles: { id: string }[] } }).data.profiles.map((p) => p.id);
    expect(await ids()).toEqual(['ecology-like']);
    expect(await handle({ type: 'profiles.toggle', id: 'ecology-like', off: true }, SELF)).toEqual({ ok: true, data: { id: 'ecology-like', off: true } });
    expect(await ids()).toEqual([]);
    await handle({ type: 'profiles.toggle', id: 'ecology-like', off: false }, SELF);
    expect(await ids()).toEqual(['ecology-like']);
    expect(await handle({ type: 'profiles.toggle', id: 'nope', off: true }, SELF)).toMatchObject({ ok: false });
  });

  it('records health only when it changes, and shows it in the list', async () => {
    const handle = await handler();
    const report = { type: 'profiles.reportHealth', id: 'xinhu-like', health: 'broken', url: 'http://oa.x.cn/index.php?m=flow', missing: ['title'] };
    expect(await handle(report, SELF)).toEqual({ ok: true, data: { changed: true } });
    expect(await handle(report, SELF)).toEqual({ ok: true, data: { changed: false } });
    expect(await handle({ ...report, health: 'ok', missing: [] }, SELF)).toEqual({ ok: true, data: { changed: true } });
    expect(await handle({ ...report, health: 'dead' }, SELF)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    const list = (await handle({ type: 'profiles.list' }, SELF)) as { data: { profiles: { profile: { id: string }; health: unknown }[] } };
    expect(list.data.profiles.find((e) => e.profile.id === 'xinhu-like')!.health).toMatchObject({ health: 'ok', missing: [] });
  });

  it('keeps a profile’s health per portal: a content script reports only a profile its own page uses, for its own origin', async () => {
    db = await openRegister(`doctrail-profiles-${++counter}`);
    const handle = createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 23), extensionId: SELF.id, isPortal: testPortals });
    const HERE = contentScript(SELF.id, 'http://127.0.0.1:8080/seeyon/collaboration/doc.html');
    const THERE = contentScript(SELF.id, 'http://localhost:9000/seeyon/doc.html', 9);
    const ELSEWHERE = contentScript(SELF.id, 'http://127.0.0.1:8080/doc-detail.html', 11);
    const report = (url: string, health: string) => ({ type: 'profiles.reportHealth', id: 'seeyon-cap4-like', health, url, missing: health === 'ok' ? [] : ['title'] });
    const sites = async () => {
      const list = (await handle({ type: 'profiles.list' }, SELF)) as { data: { profiles: { profile: { id: string }; health: { health: string } | null; sites: { origin: string; health: string; url: string }[] }[] } };
      return list.data.profiles.find((e) => e.profile.id === 'seeyon-cap4-like')!;
    };
    // A page the profile does not apply to (even on its own origin, naming a matching address of its origin): refused.
    expect(await handle(report(ELSEWHERE.url, 'broken'), ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle(report('http://127.0.0.1:8080/seeyon/x.html', 'broken'), ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ ...report(ELSEWHERE.url, 'ok'), id: 'xinhu-like' }, ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await sites()).toMatchObject({ health: null, sites: [] });
    // Each portal's pages speak for that portal only.
    expect(await handle(report(HERE.url, 'ok'), HERE)).toEqual({ ok: true, data: { changed: true } });
    expect(await handle(report(THERE.url, 'broken'), THERE)).toEqual({ ok: true, data: { changed: true } });
    expect(await handle(report(HERE.url, 'ok'), HERE)).toEqual({ ok: true, data: { changed: false } });
    const entry = await sites();
    expect(Object.fromEntries(entry.sites.map((s) => [s.origin, s.health]))).toEqual({ 'http://127.0.0.1:8080': 'ok', 'http://localhost:9000': 'broken' });
    // The list shows the worst: a portal where the profile broke is not hidden by another where it reads.
    expect(entry.health).toMatchObject({ health: 'broken', origin: 'http://localhost:9000', url: THERE.url });
    // The address kept is the frame's own, as the browser reported it.
    expect(await handle(report('http://127.0.0.1:8080/seeyon/other.html', 'partial'), HERE)).toMatchObject({ ok: true });
    expect((await sites()).sites.find((s) => s.origin === 'http://127.0.0.1:8080')).toMatchObject({ health: 'partial', url: HERE.url });
  });

  it('keeps a health record of the earlier kind (one per profile) under the origin of its page', async () => {
    const handle = await handler();
    await db.put('settings', { 'xinhu-like': { health: 'broken', url: 'http://oa.x.cn/index.php?m=flow', missing: ['title'], at: 1 }, junk: 3 }, 'profiles.health');
    const list = (await handle({ type: 'profiles.list' }, SELF)) as { data: { profiles: { profile: { id: string }; sites: unknown[] }[] } };
    expect(list.data.profiles.find((e) => e.profile.id === 'xinhu-like')!.sites).toEqual([{ origin: 'http://oa.x.cn', health: 'broken', url: 'http://oa.x.cn/index.php?m=flow', missing: ['title'], at: 1 }]);
    // A new report from another portal joins it rather than replacing it.
    await handle({ type: 'profiles.reportHealth', id: 'xinhu-like', health: 'ok', url: 'http://oa.y.cn/index.php?m=flow', missing: [] }, SELF);
    const after = (await handle({ type: 'profiles.list' }, SELF)) as { data: { profiles: { profile: { id: string }; sites: { origin: string }[] }[] } };
    expect(after.data.profiles.find((e) => e.profile.id === 'xinhu-like')!.sites.map((s) => s.origin).sort()).toEqual(['http://oa.x.cn', 'http://oa.y.cn']);
  });

  it('a profile of the clerk’s with a built-in’s id replaces it; removing it brings the built-in back', async () => {
    const handle = await handler();
    const own = { ...BUILT_IN_PROFILES[0]!, name: '本单位信呼', builtIn: true };
    await handle({ type: 'profiles.save', profiles: [own] }, SELF);
    let list = (await handle({ type: 'profiles.list' }, SELF)) as { data: { profiles: { profile: { id: string; name: string; builtIn?: boolean }; builtIn: boolean; replacesBuiltIn: boolean }[] } };
    const entries = list.data.profiles.filter((e) => e.profile.id === own.id);
    expect(entries).toEqual([expect.objectContaining({ builtIn: false, replacesBuiltIn: true, profile: expect.objectContaining({ name: '本单位信呼' }) })]);
    expect(entries[0]!.profile.builtIn).toBeUndefined();
    expect(await handle({ type: 'profiles.remove', id: own.id }, SELF)).toEqual({ ok: true, data: { removed: true } });
    list = (await handle({ type: 'profiles.list' }, SELF)) as typeof list;
    expect(list.data.profiles.find((e) => e.profile.id === own.id)).toMatchObject({ builtIn: true });
  });

  it('starts teaching in the sender’s tab and relays picker messages within it', async () => {
    db = await openRegister(`doctrail-profiles-${++counter}`);
    const startTeaching = vi.fn(async () => true);
    const relayTeach = vi.fn(async () => true);
    const handle = createMessageHandler({ db: async () => db, now: () => new Date(), extensionId: SELF.id, isPortal: testPortals, startTeaching, relayTeach });
    const page = contentScript(SELF.id, 'http://127.0.0.1:8080/oa/doc.html', 4);
    expect(await handle({ type: 'teach.start' }, page)).toEqual({ ok: true, data: { started: true } });
    expect(startTeaching).toHaveBeenCalledWith(4);
    expect(await handle({ type: 'teach.start' }, SELF)).toEqual({ ok: true, data: { started: false } });
    const picked = { kind: 'picked', field: 'title', value: 'x', raw: 'x', url: 'http://a.cn/', where: 'b', candidates: [{ strategy: 'structural', selector: 'b' }] };
    expect(await handle({ type: 'teach.relay', message: picked }, page)).toEqual({ ok: true, data: { delivered: true } });
    expect(relayTeach).toHaveBeenCalledWith(4, picked, true);
    await handle({ type: 'teach.relay', message: { kind: 'stop' } }, page);
    expect(relayTeach).toHaveBeenLastCalledWith(4, { kind: 'stop' }, false);
    expect(await handle({ type: 'teach.relay', message: { kind: 'picked', field: 'nope' } }, page)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });
});
