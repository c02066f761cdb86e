import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '@/utils/register/hash-chain';
import { CONFIRM_DELAY_MS, createProposals, proposalDigest, ProposalRefused, type ProposalStore } from '@/utils/messaging/proposals';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import { openRegister, type RegisterDB } from '@/utils/register/register-db';

let db: RegisterDB | undefined;
afterEach(() => db?.close());
import { contentScript, extensionPage, testPortals } from '../support/senders';

/** Reorders every object's keys, as chrome.storage.session hands values back (sorted). */
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sortedKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortedKeys(v)])) : value;

/** storage.session, as the background uses it: values go in and come out as copies, their keys reordered. */
function memoryStore(): ProposalStore & { keys(): string[] } {
  const map = new Map<string, string>();
  return {
    get: async (key) => (map.has(key) ? sortedKeys(JSON.parse(map.get(key)!)) : undefined),
    set: async (key, value) => void map.set(key, JSON.stringify(value)),
    remove: async (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

const profile = (selector: string) => ({ id: 'taught-127-0-0-1', name: '本单位OA', version: 1, urlPatterns: ['http://127.0.0.1/*'], kinds: [], fields: { title: [{ strategy: 'structural', selector }] } });

describe('教我识别 proposals: what is saved is what was shown', () => {
  it('digests content, not the order its keys were stored in', async () => {
    expect(canonicalJson({ b: [{ d: 1, c: '2' }], a: null, u: undefined })).toBe('{"a":null,"b":[{"c":"2","d":1}]}');
    expect(await proposalDigest({ b: 1, a: 2 })).toBe(await proposalDigest({ a: 2, b: 1 }));
    expect(await proposalDigest({ a: 1 })).not.toBe(await proposalDigest({ a: 2 }));
  });

  it('saves the stored proposal as shown, once it has stood long enough', async () => {
    let clock = 1_000;
    const proposals = createProposals(memoryStore(), () => clock);
    const id = await proposals.put(profile('td.title'));
    const shown = (await proposals.read(id))!;
    expect(shown.profile).toEqual(profile('td.title'));
    expect(shown.digest).toMatch(/^[0-9a-f]{64}$/);
    // A 保存 that lands the moment the proposal appears is refused; read, then saved.
    await expect(proposals.confirm(id, shown.digest)).rejects.toThrow(ProposalRefused);
    clock += CONFIRM_DELAY_MS;
    expect(await proposals.confirm(id, shown.digest)).toMatchObject({ fields: { title: [{ selector: 'td.title' }] } });
    // Once saved, it is gone: a second 保存 saves nothing.
    expect(await proposals.read(id)).toBeNull();
    await expect(proposals.confirm(id, shown.digest)).rejects.toThrow(ProposalRefused);
  });

  it('refuses a proposal the page has replaced, and another content under the open one’s id', async () => {
    let clock = 1_000;
    const store = memoryStore();
    const proposals = createProposals(store, () => clock);
    const first = await proposals.put(profile('td.title'));
    const firstShown = (await proposals.read(first))!;
    clock += 5_000;
    const second = await proposals.put(profile('.sys-title'));
    const secondShown = (await proposals.read(second))!;
    clock += 5_000;
    await expect(proposals.confirm(first, firstShown.digest)).rejects.toThrow(/proposed something else/);
    await expect(proposals.confirm(second, firstShown.digest)).rejects.toThrow(/not the proposal that was shown/);
    // The replaced one is not kept (one proposal at a time).
    expect(store.keys().filter((key) => key.startsWith('proposal:'))).toEqual([`proposal:${second}`]);
    // Content changed under the same id after it was shown (and its digest with it): refused.
    await store.set(`proposal:${second}`, { ...(await store.get(`proposal:${second}`) as object), profile: profile('td.other') });
    await expect(proposals.confirm(second, secondShown.digest)).rejects.toThrow(/not the proposal that was shown/);
  });

  it('the confirmation is DocTrail’s own pages’ only, and saves the background’s own copy', async () => {
    const ID = 'doctrail-extension-id';
    let clock = 1_000;
    let opened = '';
    const proposals = createProposals(memoryStore(), () => clock);
    db = await openRegister('doctrail-proposals-1');
    const handle = createMessageHandler({
      db: async () => db!,
      now: () => new Date(2026, 10, 23),
      extensionId: ID,
      isPortal: testPortals,
      proposals: { propose: async (p) => ((opened = await proposals.put(p)), true), read: (id) => proposals.read(id), confirm: (id, digest) => proposals.confirm(id, digest) },
    });
    const HOME = contentScript(ID, 'http://127.0.0.1:8080/doc-detail.html?id=1');
    const SELF = extensionPage(ID);
    expect(await handle({ type: 'profiles.propose', profiles: [profile('td.title')] }, HOME)).toMatchObject({ ok: true });
    const shown = await handle({ type: 'profiles.proposal', id: opened }, SELF);
    expect(shown).toMatchObject({ ok: true, data: { profile: { name: '本单位OA' } } });
    const digest = (shown as { data: { digest: string } }).data.digest;
    clock += CONFIRM_DELAY_MS;
    // The page's content script can neither read the proposal nor confirm it.
    expect(await handle({ type: 'profiles.proposal', id: opened }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'profiles.confirmProposal', id: opened, digest }, HOME)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'profiles.confirmProposal', id: opened, digest: '0'.repeat(64) }, SELF)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await db.get('settings', 'profiles')).toBeUndefined();
    expect(await handle({ type: 'profiles.confirmProposal', id: opened, digest }, SELF)).toEqual({ ok: true, data: { saved: ['taught-127-0-0-1'] } });
    expect(JSON.stringify(await db.get('settings', 'profiles'))).toContain('td.title');
  });
});
