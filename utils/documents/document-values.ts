/** The closed vocabularies of a document, free of zod so the content script can use them without it. */

/**
 * 密级 keys in the standard English of the levels, lowest first: 秘密 `confidential`, 机密 `secret`, 绝密 `top-secret`
 * (内部 `internal`, 非密 `none`). DocTrail 0.1 stored 秘密 as `secret` and 机密 as `confidential`; see
 * `fromLegacyClassification` for reading what it wrote.
 */
export const CLASSIFICATIONS = ['none', 'internal', 'confidential', 'secret', 'top-secret'] as const;
export const URGENCIES = ['normal', 'urgent', 'very-urgent', 'flash'] as const;
export const DOCUMENT_STATUSES = ['registered', 'in-circulation', 'returned', 'completed', 'archived', 'cleared', 'destroyed'] as const;
export const EVENT_TYPES = [
  'registered',
  'classification-confirmed',
  'printed',
  'copied',
  'downloaded',
  'sent',
  'returned',
  'completed',
  'archived',
  'cleared',
  'destroyed',
  'exported',
  'imported',
  /** 更正: one field of the record changed, with its old and new value and the clerk's reason. */
  'corrected',
  /** 撤销: a compensating event that takes back the last step (a 收回, a 办结, a 传阅); nothing is deleted. */
  'undone',
  /** 督办: the document is put under follow-up (承办单位, 负责领导, 办理要求, 完成时限), or those terms change. */
  'supervised',
  /** 反馈: a dated progress report from the 承办单位. */
  'feedback',
  /** 催办: the clerk chased the 承办单位. */
  'chased',
  /** A holiday arrangement imported: the working-day deadlines it moved. */
  'calendar-imported',
] as const;

/** How a document reached the office (来源); `imported`: taken over from an old 收文登记簿 that did not say. */
export const SOURCES = ['portal', 'paper', 'fax', 'courier', 'email', 'imported'] as const;
export type Source = (typeof SOURCES)[number];
/** The 来源 a clerk chooses when registering at #/new (`imported` is only ever set by a ledger import). */
export const REGISTERED_SOURCES = SOURCES.filter((source) => source !== 'imported');

/** The steps the clerk can take back with 撤销, newest first. */
export const UNDOABLE_STEPS = ['returned', 'completed', 'sent'] as const;
export type UndoableStep = (typeof UNDOABLE_STEPS)[number];

/** The `docId` of events about the whole register (an export, an import) rather than one document. */
export const REGISTER_SCOPE = '@register';
export const PURPOSES = ['read', 'handle'] as const;

export type Classification = (typeof CLASSIFICATIONS)[number];
export type Urgency = (typeof URGENCIES)[number];

export const CLASSIFIED = ['confidential', 'secret', 'top-secret'] as const satisfies readonly Classification[];

export function isClassified(level: Classification | undefined): boolean {
  return (CLASSIFIED as readonly string[]).includes(level ?? '');
}

/**
 * The key scheme of a stored shape: `standard` (秘密 `confidential`, 机密 `secret`) or `legacy`, DocTrail 0.1's swapped
 * keys (秘密 `secret`, 机密 `confidential`). Backups and events written since say `standard`; a shape that says
 * nothing was written by 0.1.
 */
export const CLASSIFICATION_SCHEMES = ['standard', 'legacy'] as const;
export type ClassificationScheme = (typeof CLASSIFICATION_SCHEMES)[number];

/** A level key written under DocTrail 0.1's swapped keys, in the standard keys. Other values are returned as they are. */
export function fromLegacyClassification<T>(value: T): T {
  if (value === 'secret') return 'confidential' as T;
  if (value === 'confidential') return 'secret' as T;
  return value;
}

/**
 * The level an event's details name. Events are hash-chained and never rewritten, so one written by 0.1 (no
 * `classificationScheme`) keeps its swapped key and is read through `fromLegacyClassification`.
 */
export function classificationInDetails(details: Record<string, unknown>): Classification | undefined {
  const raw = details.classification;
  if (typeof raw !== 'string') return undefined;
  const level = details.classificationScheme === 'standard' ? raw : fromLegacyClassification(raw);
  return isClassification(level) ? level : undefined;
}

export function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

export function isUrgency(value: string): value is Urgency {
  return (URGENCIES as readonly string[]).includes(value);
}
