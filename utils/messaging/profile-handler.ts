import { listProfiles, profileExists, profilesFor, removeProfile, reportHealth, saveProfiles, toggleProfile } from '../register/profile-store';
import type { Request } from './protocol';
import { dropLearnedRules, learnFromCorrection, readLearnedRules, toggleLearnedRule } from '../register/learned-rules';
import { readSettings } from '../register/settings-store';
import { DocumentNotFound } from '../register/register-store';
import { createDashboardTranslator, resolveLanguage } from '../i18n/dashboard';
import type { RegisterDB } from '../register/register-db';
import { webOriginOf } from './sender-policy';

type ProfileRequest = Extract<Request, { type: `profiles.${string}` }>;

/** The background's answers to the `profiles.*` messages (already validated by `requestSchema`). */
/**
 * `reporter`: the content script's frame as the browser reported it (`sender.url`, `sender.origin`); a profile's
 * health is recorded for that origin and address, never for one the message names.
 */
export async function applyProfileRequest(db: RegisterDB, request: ProfileRequest, now: Date, onChanged?: () => void, reporter?: { origin: string; url: string }) {
  switch (request.type) {
    case 'profiles.list':
      return { profiles: await listProfiles(db), learned: await readLearnedRules(db) };
    case 'profiles.forUrl':
      return { profiles: await profilesFor(db, request.url) };
    case 'profiles.save': {
      const saved = await saveProfiles(db, request.profiles as Parameters<typeof saveProfiles>[1]);
      onChanged?.();
      return { saved };
    }
    case 'profiles.remove': {
      const removed = await removeProfile(db, request.id);
      await dropLearnedRules(db, request.id);
      if (removed) onChanged?.();
      return { removed };
    }
    case 'profiles.toggle': {
      if (!(await profileExists(db, request.id))) throw new RangeError(`no profile "${request.id}"`);
      const result = await toggleProfile(db, request.id, request.off);
      onChanged?.();
      return result;
    }
    case 'profiles.learn': {
      const document = await db.get('documents', request.docId);
      if (!document) throw new DocumentNotFound(request.docId);
      const { url, field, value, candidate } = request;
      const source = { docId: document.id, registrationNo: document.registrationNo, title: document.title.slice(0, 500) };
      const learned = await learnFromCorrection(db, { url, field, value, candidate, source }, now, await learnedName(db, url));
      onChanged?.();
      return learned;
    }
    case 'profiles.learnedToggle': {
      const toggled = await toggleLearnedRule(db, request.id, request.off, (url) => learnedName(db, url));
      onChanged?.();
      return toggled;
    }
    case 'profiles.reportHealth': {
      const { id, health, missing } = request;
      const origin = reporter?.origin ?? webOriginOf(request.url);
      if (!origin || !(await profileExists(db, id))) return { changed: false };
      return reportHealth(db, id, origin, { health, url: (reporter?.url ?? request.url).slice(0, 4000), missing }, now);
    }
  }
}

/** A new learned profile's name, in the clerk's 界面语言: `在 10.1.2.3 学到的规则`. */
async function learnedName(db: RegisterDB, url: string): Promise<string> {
  const { language } = await readSettings(db);
  const t = createDashboardTranslator(resolveLanguage(language, globalThis.navigator?.languages ?? []));
  return t('profiles.learnedName', { host: new URL(url).hostname }).slice(0, 80);
}
