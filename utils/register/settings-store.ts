import type { RegisterDB } from './register-db';
import { settingsFrom, type Settings, type SettingsPatch } from './settings';
import { builtInCalendarData, calendarFileSchema, createCalendar, defaultCalendar, mergeCalendarFiles, type CalendarFile, type WorkingCalendar } from '../deadlines/working-days';

const SETTINGS_KEY = 'settings';
const CALENDAR_KEY = 'calendar';

export async function readSettings(db: RegisterDB): Promise<Settings> {
  return settingsFrom(await db.get('settings', SETTINGS_KEY));
}

export async function updateSettings(db: RegisterDB, patch: SettingsPatch): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  const next = { ...settingsFrom(await tx.store.get(SETTINGS_KEY)), ...patch };
  await Promise.all([tx.store.put(next, SETTINGS_KEY), tx.done]);
  return next;
}

/** The calendar the clerk imported on top of the built-in one, if any. */
export async function readImportedCalendar(db: RegisterDB): Promise<CalendarFile | undefined> {
  const parsed = calendarFileSchema.safeParse(await db.get('settings', CALENDAR_KEY));
  return parsed.success ? parsed.data : undefined;
}

/**
 * The calendar in force, built once per register and kept until an import changes it (hole 12: it used to be read,
 * checked and rebuilt on every message). The background is the only writer of the calendar, through `importCalendar`.
 */
const built = new WeakMap<RegisterDB, Promise<WorkingCalendar>>();

/** Adds a newer official calendar to the one imported before; dates it lists win over older data. */
export async function importCalendar(db: RegisterDB, file: CalendarFile): Promise<CalendarFile> {
  const tx = db.transaction('settings', 'readwrite');
  const previous = calendarFileSchema.safeParse(await tx.store.get(CALENDAR_KEY));
  const merged = previous.success ? mergeCalendarFiles(previous.data, file) : file;
  // The merge of two valid files can still exceed the limits (the same year from two files): check it whole.
  const checked = calendarFileSchema.safeParse(merged);
  if (!checked.success) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new RangeError(checked.error.issues[0]?.message ?? 'the calendar is not valid');
  }
  built.delete(db);
  await Promise.all([tx.store.put(merged, CALENDAR_KEY), tx.done]);
  built.delete(db);
  return merged;
}

/** The calendar in force: the built-in one (built once) unless the clerk imported a newer one. */
export function workingCalendar(db: RegisterDB): Promise<WorkingCalendar> {
  let calendar = built.get(db);
  if (!calendar) {
    calendar = readImportedCalendar(db).then((imported) => (imported ? createCalendar(builtInCalendarData(), imported) : defaultCalendar()));
    built.set(db, calendar);
    calendar.catch(() => built.delete(db));
  }
  return calendar;
}
