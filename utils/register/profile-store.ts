/**
 * The clerk's site profiles and their state, kept by the background (the single writer) in the `settings` store:
 * `profiles` (the clerk's own, taught or imported), `profiles.off` (ids switched off, built-in or not) and
 * `profiles.health` (each profile's last health on each portal, by origin, as a content script of that origin saw
 * it — one portal's page cannot speak for another's). Built-in profiles are code, never stored.
 */
import type { RegisterDB } from './register-db';
import { FIELD_KEYS } from '../page-analysis/vocabulary';
import { BUILT_IN_PROFILES } from '../site-profiles/built-in';
import { profilesForUrl } from '../site-profiles/match-pattern';
import { siteProfileSchema, type SiteProfile } from '../site-profiles/profile-schema';
import { z } from '../zod';

const PROFILES_KEY = 'profiles';
const OFF_KEY = 'profiles.off';
const HEALTH_KEY = 'profiles.health';

export const PROFILE_HEALTH = ['ok', 'partial', 'broken'] as const;

export const profileHealthRecordSchema = z.strictObject({
  health: z.enum(PROFILE_HEALTH),
  /** The page it was seen on (the address of the frame). */
  url: z.string().max(4000),
  missing: z.array(z.enum(FIELD_KEYS)).max(20),
  at: z.number(),
});
export type ProfileHealthRecord = z.infer<typeof profileHealthRecordSchema>;

/** A profile's health on one portal (origin), as a page of that origin reported it. */
export const siteHealthSchema = profileHealthRecordSchema.extend({ origin: z.string().max(300) });
export type SiteHealth = z.infer<typeof siteHealthSchema>;

/** At most this many portals' health is kept per profile (the most recent). */
export const MAX_HEALTH_SITES = 20;

export const profileEntrySchema = z.strictObject({
  profile: siteProfileSchema,
  builtIn: z.boolean(),
  /** A profile of the clerk's with a built-in's id: it is used instead of the built-in. */
  replacesBuiltIn: z.boolean(),
  off: z.boolean(),
  /** The state to show for the profile: the worst of its portals' (a portal where it broke is never hidden by another). */
  health: siteHealthSchema.nullable(),
  /** Its health on each portal it was reported from, most recent first. */
  sites: z.array(siteHealthSchema),
});
export type ProfileEntry = z.infer<typeof profileEntrySchema>;

const BUILT_IN_IDS = new Set(BUILT_IN_PROFILES.map((profile) => profile.id));

/** The clerk's own profiles; a stored one that no longer validates (written by another version) is left out, not lost. */
export async function readUserProfiles(db: RegisterDB): Promise<SiteProfile[]> {
  const stored = await db.get('settings', PROFILES_KEY);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((value) => {
    const parsed = siteProfileSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

async function readOff(db: RegisterDB): Promise<Set<string>> {
  const stored = await db.get('settings', OFF_KEY);
  return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
}

type HealthStore = Record<string, Record<string, ProfileHealthRecord>>;

function originOf(url: string): string | undefined {
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each profile's health by origin. A record written by an earlier version (one per profile, whatever site said it)
 * is kept under the origin of the page it names.
 */
function parseHealth(stored: unknown): HealthStore {
  if (!stored || typeof stored !== 'object') return {};
  const health: HealthStore = {};
  for (const [id, value] of Object.entries(stored)) {
    if (!value || typeof value !== 'object') continue;
    const single = profileHealthRecordSchema.safeParse(value);
    const bySite = single.success ? { [originOf(single.data.url) ?? '']: value } : (value as Record<string, unknown>);
    for (const [origin, record] of Object.entries(bySite)) {
      const parsed = profileHealthRecordSchema.safeParse(record);
      if (parsed.success && origin && originOf(origin) === origin) (health[id] ??= {})[origin] = parsed.data;
    }
  }
  return health;
}

async function readHealth(db: RegisterDB): Promise<HealthStore> {
  return parseHealth(await db.get('settings', HEALTH_KEY));
}

const SEVERITY = { ok: 0, partial: 1, broken: 2 } as const;

/** A profile's health per portal, most recent first. */
export function sitesOf(bySite: Record<string, ProfileHealthRecord> | undefined): SiteHealth[] {
  return Object.entries(bySite ?? {})
    .map(([origin, record]) => ({ ...record, origin }))
    .sort((a, b) => b.at - a.at);
}

/** What the profile's state is, all portals together: the worst, the most recent among equals. */
export function worstOf(sites: readonly SiteHealth[]): SiteHealth | null {
  return sites.reduce<SiteHealth | null>((worst, site) => (!worst || SEVERITY[site.health] > SEVERITY[worst.health] ? site : worst), null);
}

const withSites = (sites: SiteHealth[]) => ({ health: worstOf(sites), sites });

/** Every profile in the order they are tried: the clerk's own first, then the built-ins they do not replace. */
export async function listProfiles(db: RegisterDB): Promise<ProfileEntry[]> {
  const [own, off, health] = await Promise.all([readUserProfiles(db), readOff(db), readHealth(db)]);
  const ownIds = new Set(own.map((profile) => profile.id));
  const entry = (profile: SiteProfile, builtIn: boolean): ProfileEntry => ({
    profile,
    builtIn,
    replacesBuiltIn: !builtIn && BUILT_IN_IDS.has(profile.id),
    off: off.has(profile.id),
    ...withSites(sitesOf(health[profile.id])),
  });
  return [...own.map((p) => entry(p, false)), ...BUILT_IN_PROFILES.filter((p) => !ownIds.has(p.id)).map((p) => entry(p, true))];
}

/** The profiles a content script applies on `url`: matching, switched on, the clerk's own first. */
export async function profilesFor(db: RegisterDB, url: string): Promise<SiteProfile[]> {
  const entries = await listProfiles(db);
  const off = new Set(entries.filter((e) => e.off).map((e) => e.profile.id));
  return profilesForUrl(
    entries.map((e) => e.profile),
    url,
    off,
  );
}

/** Adds or replaces (by id) the clerk's profiles; a replaced profile's health starts afresh. */
export async function saveProfiles(db: RegisterDB, profiles: readonly SiteProfile[]): Promise<string[]> {
  const tx = db.transaction('settings', 'readwrite');
  const stored = await tx.store.get(PROFILES_KEY);
  const current = (Array.isArray(stored) ? stored : []) as SiteProfile[];
  const byId = new Map(current.map((profile) => [profile.id, profile]));
  for (const profile of profiles) {
    const { builtIn: _builtIn, ...own } = profile;
    byId.set(profile.id, own);
  }
  const health = ((await tx.store.get(HEALTH_KEY)) ?? {}) as Record<string, unknown>;
  for (const profile of profiles) delete health[profile.id];
  await Promise.all([tx.store.put([...byId.values()], PROFILES_KEY), tx.store.put(health, HEALTH_KEY), tx.done]);
  return profiles.map((profile) => profile.id);
}

export async function removeProfile(db: RegisterDB, id: string): Promise<boolean> {
  const tx = db.transaction('settings', 'readwrite');
  const stored = await tx.store.get(PROFILES_KEY);
  const current = (Array.isArray(stored) ? stored : []) as SiteProfile[];
  const kept = current.filter((profile) => profile.id !== id);
  const health = ((await tx.store.get(HEALTH_KEY)) ?? {}) as Record<string, unknown>;
  delete health[id];
  await Promise.all([tx.store.put(kept, PROFILES_KEY), tx.store.put(health, HEALTH_KEY), tx.done]);
  return kept.length !== current.length;
}

/** Switches a profile (built-in or the clerk's) off or on again. */
export async function toggleProfile(db: RegisterDB, id: string, off: boolean): Promise<{ id: string; off: boolean }> {
  const tx = db.transaction('settings', 'readwrite');
  const stored = await tx.store.get(OFF_KEY);
  const ids = new Set(Array.isArray(stored) ? (stored as string[]) : []);
  if (off) ids.add(id);
  else ids.delete(id);
  await Promise.all([tx.store.put([...ids], OFF_KEY), tx.done]);
  return { id, off };
}

/**
 * Records what a content script of `origin` saw with profile `id` on its page; written only when that portal's health
 * or missing fields changed. Other portals' health of the profile stands.
 */
export async function reportHealth(db: RegisterDB, id: string, origin: string, report: Omit<ProfileHealthRecord, 'at'>, now: Date): Promise<{ changed: boolean }> {
  if (originOf(origin) !== origin) throw new RangeError(`not a web origin: ${origin.slice(0, 100)}`);
  const tx = db.transaction('settings', 'readwrite');
  const health = parseHealth(await tx.store.get(HEALTH_KEY));
  const previous = health[id]?.[origin];
  if (previous && previous.health === report.health && previous.missing.join() === report.missing.join()) {
    await tx.done;
    return { changed: false };
  }
  const sites = { ...health[id], [origin]: { ...report, at: now.getTime() } };
  // Keep the most recent portals only.
  health[id] = Object.fromEntries(sitesOf(sites).slice(0, MAX_HEALTH_SITES).map(({ origin: site, ...record }) => [site, record]));
  await Promise.all([tx.store.put(health, HEALTH_KEY), tx.done]);
  return { changed: true };
}

export class UnknownProfile extends Error {}

/** Whether `id` names a profile (built-in or the clerk's). */
export async function profileExists(db: RegisterDB, id: string): Promise<boolean> {
  return BUILT_IN_IDS.has(id) || (await readUserProfiles(db)).some((profile) => profile.id === id);
}
