/**
 * Rules learned from the clerk's corrections (issue #12, "Learn from the clerk"), kept by the background in the
 * `settings` store under `profiles.learned`: each rule names the field, the label-anchored candidate that reads it,
 * the portal page it was learned on and the registered document it came from, and whether it is switched off.
 * A portal's rules that are on make its learned profile (`learned-<host>-<path>`), built with 教我识别's builder and
 * saved among the clerk's profiles, so it is applied, reported and listed like any other profile.
 */
import type { RegisterDB } from './register-db';
import { readUserProfiles, removeProfile, saveProfiles } from './profile-store';
import { LEARNABLE_FIELDS } from '../site-profiles/learn-location';
import { siteProfileSchema, validateProfile, type SiteProfile } from '../site-profiles/profile-schema';
import { buildTaughtProfile, taughtProfileId } from '../site-profiles/taught-profile';
import { z } from '../zod';

const LEARNED_KEY = 'profiles.learned';

/** The rule shape 教我识别 makes from a label beside the value: the label's text and the elements that may be it. */
export const learnedCandidateSchema = z.strictObject({
  strategy: z.literal('label'),
  label: z.string().trim().min(1).max(40),
  selector: z.string().min(1).max(300).optional(),
});

export const learnedRuleSchema = z.strictObject({
  id: z.string().min(1).max(80),
  profileId: z.string().min(1).max(64),
  field: z.enum(LEARNABLE_FIELDS),
  candidate: learnedCandidateSchema,
  /** The value the clerk typed, as the rule read it on that page. */
  value: z.string().max(500),
  /** The page (frame address) it was learned on. */
  url: z.string().max(4000),
  /** The registered document it was learned from, as the register holds it (never as the page says). */
  source: z.strictObject({ docId: z.string().max(100), registrationNo: z.string().max(100), title: z.string().max(500) }),
  at: z.number(),
  off: z.boolean(),
});
export type LearnedRule = z.infer<typeof learnedRuleSchema>;

export interface Correction {
  url: string;
  field: LearnedRule['field'];
  value: string;
  candidate: LearnedRule['candidate'];
  source: LearnedRule['source'];
}

/** Refused: the rule would not make a valid profile (a selector too costly, a label the schema refuses). */
export class LearnRefused extends Error {}

/** The learned profile's id for a page: 教我识别's slug with `learned-` for `taught-`. */
export function learnedProfileId(url: string): string {
  return taughtProfileId(url).replace(/^taught(?=-|$)/, 'learned');
}

/** Every learned rule; one that no longer validates is left out, not lost. */
export async function readLearnedRules(db: RegisterDB): Promise<LearnedRule[]> {
  const stored = await db.get('settings', LEARNED_KEY);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((value) => {
    const parsed = learnedRuleSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

async function writeRules(db: RegisterDB, rules: readonly LearnedRule[]): Promise<void> {
  await db.put('settings', rules, LEARNED_KEY);
}

/** The learned profile of one portal from its rules that are on (newest first per field); undefined when none is on. */
export function learnedProfile(rules: readonly LearnedRule[], profileId: string, name: string, previous?: SiteProfile): SiteProfile | undefined {
  const on = rules.filter((rule) => rule.profileId === profileId && !rule.off).sort((a, b) => a.at - b.at);
  if (!on.length) return undefined;
  const built = buildTaughtProfile(
    on.map((rule) => ({ field: rule.field, value: rule.value, url: rule.url, candidates: [rule.candidate] })),
    undefined,
    { name, description: '' },
  );
  const { description: _description, ...rest } = built;
  return { ...rest, id: profileId, name: previous?.name ?? name, version: (previous?.version ?? 0) + 1 };
}

/** Saves (or, with no rule on, removes) the portal's learned profile after its rules changed. */
async function rebuild(db: RegisterDB, rules: readonly LearnedRule[], profileId: string, name: string): Promise<void> {
  const previous = (await readUserProfiles(db)).find((profile) => profile.id === profileId);
  const profile = learnedProfile(rules, profileId, name, previous);
  if (!profile) {
    if (previous) await removeProfile(db, profileId);
    return;
  }
  const checked = validateProfile(profile);
  if (!checked.ok) throw new LearnRefused(`the learned rule does not make a valid profile: ${checked.message}`);
  await saveProfiles(db, [checked.value]);
}

/**
 * Remembers where the clerk's corrected value stood: the rule is added (or, the same rule for the same field,
 * refreshed with this document) and the portal's learned profile rebuilt. The rule is checked as part of a whole
 * profile by the same schema as an imported file (selector limits included) before anything is written.
 */
export async function learnFromCorrection(db: RegisterDB, correction: Correction, now: Date, name: string): Promise<{ profileId: string; ruleId: string }> {
  const profileId = learnedProfileId(correction.url);
  const probe = siteProfileSchema.safeParse({ id: profileId, name, version: 1, urlPatterns: ['*://*/*'], kinds: [], fields: { [correction.field]: [correction.candidate] } });
  if (!probe.success) throw new LearnRefused(`not a valid rule: ${probe.error.issues[0]?.message ?? 'invalid'}`);
  const rules = await readLearnedRules(db);
  const same = (rule: LearnedRule) => rule.profileId === profileId && rule.field === correction.field && JSON.stringify(rule.candidate) === JSON.stringify(correction.candidate);
  const earlier = rules.find(same);
  const rule: LearnedRule = {
    id: earlier?.id ?? `${profileId}:${correction.field}:${now.getTime().toString(36)}`,
    profileId,
    field: correction.field,
    candidate: correction.candidate,
    value: correction.value.slice(0, 500),
    url: correction.url.slice(0, 4000),
    source: correction.source,
    at: now.getTime(),
    off: false,
  };
  // A newer rule for the field goes first; the older ones stay behind it (and in the list, switchable).
  const next = [...rules.filter((r) => !same(r)), rule];
  await rebuildChecked(db, next, profileId, name);
  return { profileId, ruleId: rule.id };
}

/** Writes the rules only once the profile they make is valid (nothing half-written on a refusal). */
async function rebuildChecked(db: RegisterDB, rules: readonly LearnedRule[], profileId: string, name: string): Promise<void> {
  const previous = (await readUserProfiles(db)).find((profile) => profile.id === profileId);
  const profile = learnedProfile(rules, profileId, name, previous);
  if (profile) {
    const checked = validateProfile(profile);
    if (!checked.ok) throw new LearnRefused(`the learned rule does not make a valid profile: ${checked.message}`);
  }
  await writeRules(db, rules);
  await rebuild(db, rules, profileId, name);
}

/** Switches one learned rule off or on again; the portal's learned profile follows. */
export async function toggleLearnedRule(db: RegisterDB, id: string, off: boolean, nameFor: (url: string) => Promise<string>): Promise<{ id: string; off: boolean }> {
  const rules = await readLearnedRules(db);
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new RangeError(`no learned rule "${id}"`);
  await rebuildChecked(db, rules.map((r) => (r.id === id ? { ...r, off } : r)), rule.profileId, await nameFor(rule.url));
  return { id, off };
}

/** A removed profile takes its learned rules with it (switching one on again would bring the profile back). */
export async function dropLearnedRules(db: RegisterDB, profileId: string): Promise<void> {
  const rules = await readLearnedRules(db);
  if (rules.some((r) => r.profileId === profileId)) await writeRules(db, rules.filter((r) => r.profileId !== profileId));
}
