/**
 * 教我识别's proposals, kept by the background until the clerk confirms one on DocTrail's own 核对识别规则 page.
 *
 * The page the picker ran on is hostile and can propose again at any moment (it drives the picker, or its content
 * script): the open 核对 tab then shows the new proposal instead. So what is saved is bound to what was shown:
 * - each proposal has its own id and a digest of its content; the 核对 page sends both back with 保存;
 * - the background saves its OWN stored copy, and only if the id is still the open proposal (not one the page has
 *   since replaced) and the digest is the stored content's;
 * - and only once the proposal has stood for `CONFIRM_DELAY_MS`: a 保存 that lands as the content changes (the
 *   clerk's click on its way while the page swaps) is refused, whatever the page's own button did.
 * One proposal at a time (a page proposing in a loop replaces it rather than filling the session storage).
 */
import { canonicalJson, sha256Hex } from '../register/hash-chain';
import { siteProfileSchema, type SiteProfile } from '../site-profiles/profile-schema';

/** How long a proposal must have stood, unchanged, before 保存 saves it (the 核对 page disables 保存 as long). */
export const CONFIRM_DELAY_MS = 1500;

/** The open proposal, kept where the worker finds it again after it stopped (storage.session in the background). */
export interface ProposalStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

const CURRENT = 'proposal.current';
const keyOf = (id: string) => `proposal:${id}`;

interface Stored {
  profile: unknown;
  digest: string;
  at: number;
}

export class ProposalRefused extends Error {}

/** SHA-256 (hex) of the profile's content (canonical JSON, as the hash chain hashes events): what the 核对 page was shown. */
export async function proposalDigest(profile: unknown): Promise<string> {
  return sha256Hex(canonicalJson(profile));
}

function stored(value: unknown): Stored | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { profile, digest, at } = value as Partial<Stored>;
  return typeof digest === 'string' && typeof at === 'number' ? { profile, digest, at } : undefined;
}

export function createProposals(store: ProposalStore, now: () => number = Date.now) {
  return {
    /** Keeps a new proposal as the open one (dropping the one it replaces); its id. */
    async put(profile: unknown): Promise<string> {
      const id = crypto.randomUUID();
      const previous = await store.get(CURRENT);
      await store.set(keyOf(id), { profile, digest: await proposalDigest(profile), at: now() } satisfies Stored);
      await store.set(CURRENT, id);
      if (typeof previous === 'string' && previous !== id) await store.remove(keyOf(previous)).catch(() => undefined);
      return id;
    },
    /** The proposal the 核对 page was opened for, with the digest it sends back with 保存; null when gone. */
    async read(id: string): Promise<{ profile: unknown; digest: string } | null> {
      const entry = stored(await store.get(keyOf(id)));
      return entry ? { profile: entry.profile, digest: entry.digest } : null;
    },
    /**
     * The clerk's 保存 for proposal `id` as shown (`digest`): the stored profile to save, and the proposal is closed.
     * Throws ProposalRefused when it was replaced, is gone, differs from what was shown or has not stood long enough.
     */
    async confirm(id: string, digest: string): Promise<SiteProfile> {
      const current = await store.get(CURRENT);
      const entry = stored(await store.get(keyOf(id)));
      if (current !== id || !entry) throw new ProposalRefused('the page proposed something else since this was shown: check the new proposal');
      if (entry.digest !== digest || (await proposalDigest(entry.profile)) !== digest) throw new ProposalRefused('this is not the proposal that was shown');
      if (now() - entry.at < CONFIRM_DELAY_MS) throw new ProposalRefused('the proposal has only just been shown: read it, then save');
      const parsed = siteProfileSchema.safeParse(entry.profile);
      if (!parsed.success) throw new ProposalRefused('the proposal is not a valid site profile');
      await store.remove(keyOf(id));
      if ((await store.get(CURRENT)) === id) await store.remove(CURRENT);
      return parsed.data;
    },
  };
}
