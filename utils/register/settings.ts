import { z } from '../zod';
import { DEFAULT_NUMBER_FORMAT } from '../documents/registration-number';

/** A registration-number template must say where the year and the yearly sequence go. */
const numberFormat = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((value) => value.includes('{YYYY}') && /\{N{1,8}\}/.test(value), { message: 'the format needs {YYYY} and {NNNN}' });

export const settingsSchema = z.strictObject({
  clerkName: z.string().trim().max(50),
  department: z.string().trim().max(100),
  /** When the daily overdue reminder fires on a working day, local time. */
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM'),
  /** How many working days before a due date the due-soon reminder comes. */
  leadWorkingDays: z.number().int().min(0).max(10),
  numberFormat,
  /** Notifications (and exports, if asked) show only the registration number of 机密 / 绝密 documents. */
  maskClassifiedTitles: z.boolean(),
  language: z.enum(['auto', 'zh-CN', 'en']),
  /** The reasons the print/copy/download prompt offers with one click (the clerk's recent ones come on top). */
  reasonPresets: z.array(z.string().trim().min(1).max(50)).max(12),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  clerkName: '',
  department: '',
  reminderTime: '09:00',
  leadWorkingDays: 1,
  numberFormat: DEFAULT_NUMBER_FORMAT,
  maskClassifiedTitles: true,
  language: 'auto',
  reasonPresets: ['领导批示要求', '会议使用', '立卷归档', '上级检查'],
};

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Stored settings from an older version may lack newer keys or hold values no longer valid: those fall back to the default. */
export function settingsFrom(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = settingsSchema.shape[key].safeParse(record[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Settings;
}
