import type { Candidate } from './candidates';
import {
  classificationPeriod,
  findDocNumber,
  normaliseClassification,
  normaliseDate,
  normaliseDigits,
  normaliseDocNumber,
  normaliseText,
  normaliseTitle,
  normaliseUrgency,
  workingDayLimit,
} from './normalise';
import type { FieldKey } from './vocabulary';

export const DATE_FIELDS = new Set<FieldKey>(['receivedDate', 'documentDate', 'deadline']);
const STATUS_TAG = /\s*(待办|待阅|已办|在办|办理中|处理中|办理完成|已办结|办结|已退回|退回|待处理|已审核|待审核|已签收|未签收|已阅|未阅|新)$/;

/** A 办理期限 given as a number of working days is kept as "N个工作日"; the background turns it into a date on the official calendar. */
export const WORKING_DAYS_SUFFIX = '个工作日';

/** A candidate's value in its stored form, or undefined when the text is not a plausible value of that field. */
export function fieldValue(field: FieldKey, raw: string, contextYear?: number): string | undefined {
  const text = normaliseText(raw);
  if (!text || /^(请选择|请输入|--+|—+|\/)$/.test(text)) return undefined;
  if (text === '无' && field !== 'classification') return undefined;
  switch (field) {
    case 'docNumber':
      return normaliseDocNumber(text) ?? findDocNumber(text);
    case 'registrationNo': {
      // A status tag in the number's cell (`2026-0161 办理完成`) is not part of the number.
      const number = text.replace(STATUS_TAG, '');
      // As shown (FORMAT.md): `综收 - 35号` keeps its spaces, collapsed to one.
      return number.length <= 40 && /\d/.test(number) ? number : undefined;
    }
    case 'title': {
      const title = normaliseTitle(text);
      return title && title.length >= 4 && title.length <= 200 && !(title.endsWith('号') && normaliseDocNumber(title)) ? title : undefined;
    }
    case 'issuer':
      return text.length >= 2 && text.length <= 60 && !/^\d+$/.test(text) && !/[〔\[【]\d{4}/.test(text) ? text : undefined;
    case 'classification':
      return normaliseClassification(text);
    case 'classificationPeriod': {
      const compact = text.replace(/\s+/g, '');
      return classificationPeriod(compact) ?? (/^(\d+|[一二三四五六七八九十]+)(年|个月)$|^长期$/.test(compact) ? compact : undefined);
    }
    case 'urgency':
      return normaliseUrgency(text);
    case 'copyNumber':
    case 'copies':
      return text.length <= 12 ? normaliseDigits(text) : undefined;
    case 'deadline': {
      const date = normaliseDate(text, contextYear);
      const days = date ? undefined : workingDayLimit(text);
      return date ?? (days ? `${days}${WORKING_DAYS_SUFFIX}` : undefined);
    }
    default:
      return DATE_FIELDS.has(field) ? normaliseDate(text, contextYear) : undefined;
  }
}

/** The year a relative date (`12月10日前`) belongs to: the 文号's year, else any full date's. */
export function contextYear(candidates: readonly Candidate[]): number | undefined {
  for (const c of candidates) {
    if (c.field === 'docNumber') {
      const year = /〔(\d{4})〕/.exec(fieldValue('docNumber', c.raw) ?? '')?.[1];
      if (year) return Number(year);
    }
  }
  for (const c of candidates) {
    if (DATE_FIELDS.has(c.field)) {
      const date = normaliseDate(c.raw);
      if (date) return Number(date.slice(0, 4));
    }
  }
  return undefined;
}
