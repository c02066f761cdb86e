import type { PageAnalysis } from '@/utils/page-analysis/analyze-page';
import { applyProfile, profileHealth, type ProfileHealth } from '@/utils/site-profiles/apply-profile';
import type { SiteProfile } from '@/utils/site-profiles/profile-schema';

export interface ProfiledAnalysis {
  analysis: PageAnalysis;
  /** The profile whose reading the page got, if any. */
  profileId?: string;
  /** The portal's own buttons that send the document on, from the matching profiles. */
  sendSelectors: string[];
  /** Each matching profile's health on this page (idle ones left out: they say nothing). */
  health: { id: string; health: Exclude<ProfileHealth, 'idle'>; missing: string[] }[];
}

/**
 * The generic analysis refined by the site profiles for this page (already validated and filtered by the
 * background: the clerk's own first, none switched off). The first profile that reads something wins.
 */
export function analyseWithProfiles(generic: PageAnalysis, profiles: readonly SiteProfile[], doc: Document, url: string): ProfiledAnalysis {
  let analysis = generic;
  let profileId: string | undefined;
  const health: ProfiledAnalysis['health'] = [];
  for (const profile of profiles) {
    let result;
    try {
      result = applyProfile(profile, doc, url, generic);
    } catch (error) {
      console.warn(`DocTrail: profile ${profile.id} failed`, error);
      continue;
    }
    const state = profileHealth(result);
    if (state !== 'idle') health.push({ id: profile.id, health: state, missing: result.missing });
    if (!profileId && result.matched && (result.fieldsFromProfile.length || result.kindFromProfile)) {
      analysis = result.analysis;
      profileId = profile.id;
    }
  }
  return { analysis, profileId, health, sendSelectors: profiles.flatMap((profile) => profile.actions?.send ?? []) };
}

/** Reports each profile's health once per change (per frame), a little after the page settles. */
export function createHealthReporter(send: (report: ProfiledAnalysis['health'][number] & { url: string }) => Promise<unknown>, delayMs = 1500) {
  const last = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { health: ProfiledAnalysis['health']; url: string } | undefined;
  return (health: ProfiledAnalysis['health'], url: string) => {
    pending = { health, url };
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { health: now, url: at } = pending!;
      for (const entry of now) {
        const key = `${entry.health}:${entry.missing.join(',')}`;
        if (last.get(entry.id) === key) continue;
        last.set(entry.id, key);
        send({ ...entry, url: at }).catch(() => last.delete(entry.id));
      }
    }, delayMs);
  };
}
