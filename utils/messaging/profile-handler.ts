import { listProfiles, profileExists, profilesFor, removeProfile, reportHealth, saveProfiles, toggleProfile } from '../register/profile-store';
import type { Request } from './protocol';
import type { RegisterDB } from '../register/register-db';

type ProfileRequest = Extract<Request, { type: `profiles.${string}` }>;

/** The background's answers to the `profiles.*` messages (already validated by `requestSchema`). */
export async function applyProfileRequest(db: RegisterDB, request: ProfileRequest, now: Date, onChanged?: () => void) {
  switch (request.type) {
    case 'profiles.list':
      return { profiles: await listProfiles(db) };
    case 'profiles.forUrl':
      return { profiles: await profilesFor(db, request.url) };
    case 'profiles.save': {
      const saved = await saveProfiles(db, request.profiles as Parameters<typeof saveProfiles>[1]);
      onChanged?.();
      return { saved };
    }
    case 'profiles.remove': {
      const removed = await removeProfile(db, request.id);
      if (removed) onChanged?.();
      return { removed };
    }
    case 'profiles.toggle': {
      if (!(await profileExists(db, request.id))) throw new RangeError(`no profile "${request.id}"`);
      const result = await toggleProfile(db, request.id, request.off);
      onChanged?.();
      return result;
    }
    case 'profiles.reportHealth': {
      const { id, health, url, missing } = request;
      if (!(await profileExists(db, id))) return { changed: false };
      return reportHealth(db, id, { health, url, missing }, now);
    }
  }
}
