/**
 * The clerk's site profiles and their state, kept by the background (the single writer) in the `settings` store:
 * `profiles` (the clerk's own, taught or imported), `profiles.off` (ids switched off, built-in or not) and
 * `profiles.health` (each profile's last health as a content script saw it). Built-in profiles are code, never stored.
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

export const profileEntrySchema = z.strictObject({
  profile: siteProfileSchema,
  builtIn: z.boolean(),
  /** A profile of the clerk's with a built-in's id: it is used instead of the built-in. */
  replacesBuiltIn: z.boolean(),
  off: z.boolean(),
  health: profileHealthRecordSchema.nullable(),
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

async function readHealth(db: RegisterDB): Promise<Record<string, ProfileHealthRecord>> {
  const stored = await db.get('settings', HEALTH_KEY);
  if (!stored || typeof stored !== 'object') return {};
  return Object.fromEntries(
    Object.entries(stored).flatMap(([id, record]) => {
      const parsed = profileHealthRecordSchema.safeParse(record);
      return parsed.success ? [[id, parsed.data]] : [];
    }),
  );
}

/** Every profile in the order they are tried: the clerk's own first, then the built-ins they do not replace. */
export async function listProfiles(db: RegisterDB): Promise<ProfileEntry[]> {
  const [own, off, health] = await Promise.all([readUserProfiles(db), readOff(db), readHealth(db)]);
  const ownIds = new Set(own.map((profile) => profile.id));
  const entry = (profile: SiteProfile, builtIn: boolean): ProfileEntry => ({
    profile,
    builtIn,
    replacesBuiltIn: !builtIn && BUILT_IN_IDS.has(profile.id),
    off: off.has(profile.id),
    health: health[profile.id] ?? null,
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

/** Records what a content script saw; written only when the health or the missing fields changed. */
export async function reportHealth(db: RegisterDB, id: string, report: Omit<ProfileHealthRecord, 'at'>, now: Date): Promise<{ changed: boolean }> {
  const tx = db.transaction('settings', 'readwrite');
  const health = ((await tx.store.get(HEALTH_KEY)) ?? {}) as Record<string, ProfileHealthRecord | undefined>;
  const previous = health[id];
  if (previous && previous.health === report.health && previous.missing.join() === report.missing.join()) {
    await tx.done;
    return { changed: false };
  }
  health[id] = { ...report, at: now.getTime() };
  await Promise.all([tx.store.put(health, HEALTH_KEY), tx.done]);
  return { changed: true };
}

export class UnknownProfile extends Error {}

/** Whether `id` names a profile (built-in or the clerk's). */
export async function profileExists(db: RegisterDB, id: string): Promise<boolean> {
  return BUILT_IN_IDS.has(id) || (await readUserProfiles(db)).some((profile) => profile.id === id);
}
