import { DOCUMENT_STATUSES, EVENT_TYPES, classificationInDetails, isClassification, isUrgency } from '@/utils/documents/document-values';
import type { EventType } from '@/utils/documents/document-schema';
import type { DashboardTranslate } from '@/utils/i18n/dashboard';

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** Event detail keys the timeline puts into words, in the order it shows them. */
const DETAIL_KEYS = [
  'registrationNo',
  'classification',
  'recipient',
  'purpose',
  'expectedReturn',
  'reason',
  'detail',
  'intercepted',
  'mine',
  'from',
  'clearedTo',
  'approver',
  'witness',
  'note',
  'field',
  'old',
  'new',
  'step',
  'status',
  'recipients',
  'unit',
  'handler',
  'leader',
  'requirement',
  'dueDate',
  'workingDays',
  'date',
  'text',
  'result',
  'ledgerFile',
  'row',
  'completedOn',
] as const;

/** Details kept for replaying the log, not for reading: the registered fields (shown above the timeline) and the sequences an 撤销 takes back. */
const HIDDEN_KEYS = new Set(['fields', 'undoes']);

const FIELD_LABELS: readonly string[] = [
  'registrationNo', 'receivedDate', 'issuer', 'docNumber', 'title', 'classification', 'classificationPeriod', 'copies', 'copyNumber',
  'urgency', 'deadline', 'documentDate', 'portalNo', 'source',
];

type DetailKey = (typeof DETAIL_KEYS)[number];

/** An event's details as label/value pairs in words; unknown keys keep their own name, values are always text. */
export function describeDetails(details: Record<string, unknown>, t: DashboardTranslate, type?: string): [string, string][] {
  const level = classificationInDetails(details);
  const known = DETAIL_KEYS.filter((key) => details[key] !== undefined).map((key): [string, string] => [
    // An imported document's `status` is the one its ledger gave it, not the status after an 撤销.
    t(key === 'status' && type === 'imported' ? 'detail.ledgerStatus' : `detail.${key}`),
    key === 'classification' && level ? t(`classification.${level}`) : detailValue(key, details[key], t),
  ]);
  const other = Object.keys(details)
    .filter((key) => key !== 'classificationScheme' && !(DETAIL_KEYS as readonly string[]).includes(key) && !HIDDEN_KEYS.has(key) && details[key] !== undefined)
    .map((key): [string, string] => [key, plain(details[key])]);
  return [...known, ...other];
}

function detailValue(key: DetailKey, value: unknown, t: DashboardTranslate): string {
  const text = plain(value);
  if (key === 'purpose' && (text === 'read' || text === 'handle')) return t(`purpose.${text}`);
  if (key === 'from' && (DOCUMENT_STATUSES as readonly string[]).includes(text)) return statusLabel(text, t);
  if (key === 'field' && FIELD_LABELS.includes(text)) return t(`field.${text as 'title'}`);
  if (key === 'step' && isEventType(text)) return t(`event.${text}`);
  if (key === 'status') return statusLabel(text, t);
  if ((key === 'old' || key === 'new') && value === null) return '—';
  if (key === 'recipients' && Array.isArray(value)) return value.map(plain).join(t('list.separator'));
  if (key === 'intercepted') return t(value === false ? 'detail.intercepted.no' : 'detail.intercepted.yes');
  if (key === 'mine') return t(value === false ? 'detail.mine.no' : 'detail.mine.yes');
  return text;
}

function plain(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

export function statusLabel(status: string, t: DashboardTranslate): string {
  switch (status) {
    case 'registered':
    case 'in-circulation':
    case 'returned':
    case 'completed':
    case 'archived':
    case 'cleared':
    case 'destroyed':
      return t(`status.${status}`);
    default:
      return status;
  }
}

export function classificationLabel(level: string | undefined, t: DashboardTranslate): string {
  return level && isClassification(level) ? t(`classification.${level}`) : '';
}

export function urgencyLabel(urgency: string | undefined, t: DashboardTranslate): string {
  return urgency && isUrgency(urgency) ? t(`urgency.${urgency}`) : '';
}

const REPLAYED_LABELS = new Set([...FIELD_LABELS, 'status', 'currentHolder', 'sourceUrl', 'deadlineWorkingDays', 'record']);

/** The name of a document field a replay compares (log-audit.ts), in words. */
export function replayedFieldLabel(field: string, t: DashboardTranslate): string {
  return REPLAYED_LABELS.has(field) ? t(`field.${field as 'title'}`) : field;
}

/** A record's or the log's value of a field, in words (`—` for absent). */
export function replayedValue(field: string, value: unknown, t: DashboardTranslate): string {
  if (value === null || value === undefined) return '—';
  if (field === 'status' || field === 'record') return statusLabel(plain(value), t);
  if (field === 'classification') return classificationLabel(plain(value), t) || plain(value);
  if (field === 'urgency') return urgencyLabel(plain(value), t) || plain(value);
  return plain(value);
}
