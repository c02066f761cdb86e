import type { Classification, Urgency } from './document-schema';
import {
  normaliseClassification,
  normaliseDate,
  normaliseDocNumber,
  normaliseLabel,
  normaliseText,
  normaliseUrgency,
} from './page-analysis/normalise';

export type PageKind = 'registration' | 'detail' | 'circulation' | 'list' | 'none';

export interface DetectedFields {
  docNumber?: string;
  title?: string;
  issuer?: string;
  classification?: Classification;
  urgency?: Urgency;
  receivedDate?: string;
  deadline?: string;
}

export interface Detection {
  kind: PageKind;
  fields: DetectedFields;
  /** Documents listed on a `list` page. */
  rowCount?: number;
}

const LABELS: Record<keyof DetectedFields, readonly string[]> = {
  docNumber: ['来文字号', '文号', '发文字号', '来文文号'],
  title: ['文件标题', '标题', '文件名称'],
  issuer: ['来文单位', '来文机关', '发文机关', '发文单位'],
  classification: ['密级'],
  urgency: ['紧急程度', '缓急'],
  receivedDate: ['收文日期', '收文时间'],
  deadline: ['办理期限', '归还期限', '办结时限'],
};

const NORMALISERS: { [K in keyof DetectedFields]-?: (raw: string) => DetectedFields[K] } = {
  docNumber: normaliseDocNumber,
  title: normaliseText,
  issuer: normaliseText,
  classification: normaliseClassification,
  urgency: normaliseUrgency,
  receivedDate: normaliseDate,
  deadline: normaliseDate,
};

const fieldByLabel = new Map<string, keyof DetectedFields>(
  Object.entries(LABELS).flatMap(([field, labels]) => labels.map((l) => [l, field as keyof DetectedFields])),
);

// Tag names rather than `instanceof`: the document may come from another realm (a frame, jsdom).
function valueOf(cell: Element): string {
  const control = cell.querySelector('input:not([type=hidden]), select, textarea');
  if (!control) return cell.textContent ?? '';
  if (control.tagName === 'SELECT') return (control as HTMLSelectElement).selectedOptions[0]?.textContent ?? '';
  return (control as HTMLInputElement | HTMLTextAreaElement).value;
}

/** Label cell → value cell pairs (`<th>`/`td.label` followed by its sibling cell). */
function readFields(doc: Document): DetectedFields {
  const fields: Record<string, unknown> = {};
  for (const label of doc.querySelectorAll('th, td.label')) {
    const field = fieldByLabel.get(normaliseLabel(label.textContent ?? ''));
    const cell = label.nextElementSibling;
    if (!field || !cell || field in fields) continue;
    const value = NORMALISERS[field](valueOf(cell));
    if (value) fields[field] = value;
  }
  return fields as DetectedFields;
}

function headingText(doc: Document): string {
  return [...doc.querySelectorAll('h1, h2, h3')].map((h) => h.textContent ?? '').join(' ');
}

/** A first, deliberately simple detector: headings name the kind, label cells give the fields. */
export function detectDocument(doc: Document): Detection {
  const headings = headingText(doc);
  const fields = readFields(doc);
  const looksLikeDocument = Boolean(fields.title && (fields.docNumber || fields.issuer));
  if (/收文登记/.test(headings) && looksLikeDocument) return { kind: 'registration', fields };
  if (/传阅单|阅文单/.test(headings) && looksLikeDocument) return { kind: 'circulation', fields };
  if (/处理笺|阅办单|收文处理/.test(headings) && looksLikeDocument) return { kind: 'detail', fields };
  if (/待办|待阅/.test(headings)) {
    const rowCount = countDocumentRows(doc);
    if (rowCount > 0) return { kind: 'list', fields: {}, rowCount };
  }
  if (looksLikeDocument && fields.docNumber) return { kind: 'detail', fields };
  return { kind: 'none', fields: {} };
}

/** Rows of a table whose header has a 文号 column. */
function countDocumentRows(doc: Document): number {
  for (const table of doc.querySelectorAll('table')) {
    const header = [...table.querySelectorAll('th')].map((th) => normaliseLabel(th.textContent ?? ''));
    if (!header.some((h) => LABELS.docNumber.includes(h))) continue;
    return table.querySelectorAll('tbody tr').length;
  }
  return 0;
}
