import type { BackupRequest } from './backup-protocol';
import { describeBackupError, type BackupError } from '../export/backup-errors';
import { applyImport, previewImport } from '../export/import-store';
import type { ImportPlan } from '../export/import-plan';
import type { Language } from '../i18n';
import { pickLanguage } from '../i18n';
import { saveProfiles } from '../register/profile-store';
import type { RegisterDB } from '../register/register-db';
import { importCalendar, readSettings, updateSettings } from '../register/settings-store';

export interface BackupDeps {
  /** Fetches the clerk's file by its blob URL (the background's `fetch`); the origin has been checked. */
  fetchBlob: (url: string) => Promise<Blob>;
  /** DocTrail's own origin: a blob URL from anywhere else is refused. */
  origin: string;
  languages: readonly string[];
}

export class ForeignBlob extends Error {
  constructor() {
    super('the file must come from DocTrail’s own page');
  }
}

async function languageOf(db: RegisterDB, languages: readonly string[]): Promise<Language> {
  const { language } = await readSettings(db);
  return language === 'auto' ? pickLanguage(languages) : language;
}

function refusal(error: BackupError, language: Language) {
  return {
    ok: false as const,
    code: error.code,
    message: describeBackupError(error, language),
    ...(error.line !== undefined && { line: error.line }),
    ...(error.record && { record: error.record }),
    ...(error.field && { field: error.field }),
    ...(error.contradictions && { contradictions: error.contradictions }),
  };
}

const planOf = ({ add, update, skip, eventsAdd, eventsSkip, conflictCount }: ImportPlan) => ({ add, update, skip, eventsAdd, eventsSkip, conflictCount });

/**
 * Preview and restore of a backup file. The calendar and site profiles in it come along; its settings
 * only when restoring into an empty register.
 */
export async function applyBackupRequest(db: RegisterDB, request: BackupRequest, now: Date, deps: BackupDeps) {
  // Compared as text: URL parsers differ on the origin of chrome-extension:// URLs.
  if (!request.blobUrl.startsWith(`blob:${deps.origin}/`)) throw new ForeignBlob();
  const [file, language] = await Promise.all([deps.fetchBlob(request.blobUrl), languageOf(db, deps.languages)]);
  if (request.type === 'backup.preview') {
    const outcome = await previewImport(db, file);
    if (!outcome.ok) return refusal(outcome.error, language);
    const { plan, header, dropped } = outcome;
    return { ok: true as const, plan: planOf(plan), exportedAt: header.exportedAt, documents: header.counts.documents, events: header.counts.events, dropped };
  }
  const { numberFormat } = await readSettings(db);
  const freshRegister = (await db.getAllKeys('documents', undefined, 1)).length === 0;
  const outcome = await applyImport(db, file, { now, numberFormat });
  if (!outcome.ok) return refusal(outcome.error, language);
  const { plan, header, dropped, settings, calendar, profiles } = outcome;
  // Moving to a new computer brings the clerk's settings along; merging someone else's backup into a
  // working register keeps this clerk's own.
  if (freshRegister) await updateSettings(db, settings);
  if (calendar) await importCalendar(db, calendar);
  const restoredProfiles = profiles.length ? (await saveProfiles(db, profiles)).length : 0;
  return {
    ok: true as const,
    plan: planOf(plan),
    exportedAt: header.exportedAt,
    documents: header.counts.documents,
    events: header.counts.events,
    dropped,
    restoredProfiles,
  };
}
