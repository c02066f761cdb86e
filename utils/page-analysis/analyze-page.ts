import { STRATEGY_STRENGTH, type Candidate, type Strategy } from './candidates';
import { contextYear, fieldValue } from './field-values';
import { controlHints, scanPage } from './label-pairs';
import { findListTable, type ListTable } from './list-rows';
import { redHeaderFields } from './red-header';
import { KIND_CUES, NEGATIVE_CUES, type FieldKey } from './vocabulary';

export type PageKind = 'registration' | 'detail' | 'circulation' | 'list' | 'none';
export type PageFields = Partial<Record<FieldKey, string>>;

export interface FieldEvidence {
  strategy: Strategy;
  label: string;
  where: string;
  raw: string;
}

export interface PageAnalysis {
  kind: PageKind;
  fields: PageFields;
  /** On a list: how many documents it shows. */
  rowCount?: number;
  /** On a list: each document's fields, read when first asked for (a 5,000-row list costs more to read than to recognise). */
  rows?: PageFields[];
  /** 0–1: how sure the kind is. */
  confidence: number;
  evidence: { kind: string[]; fields: Partial<Record<FieldKey, FieldEvidence>> };
}

const CORE_FIELDS: readonly FieldKey[] = ['docNumber', 'title', 'issuer', 'classification', 'urgency', 'receivedDate', 'deadline', 'registrationNo', 'copies', 'copyNumber', 'documentDate'];

function resolveFields(candidates: readonly Candidate[]): { fields: PageFields; evidence: Partial<Record<FieldKey, FieldEvidence>>; editable: number } {
  const year = contextYear(candidates);
  const fields: PageFields = {};
  const evidence: Partial<Record<FieldKey, FieldEvidence>> = {};
  const strength: Partial<Record<FieldKey, number>> = {};
  let editable = 0;
  const accept = (field: FieldKey, value: string, c: Candidate) => {
    if ((strength[field] ?? 0) >= STRATEGY_STRENGTH[c.strategy]) return;
    fields[field] = value;
    strength[field] = STRATEGY_STRENGTH[c.strategy];
    evidence[field] = { strategy: c.strategy, label: c.label, where: c.where, raw: c.raw.trim().slice(0, 200) };
  };
  for (const c of candidates) {
    const value = fieldValue(c.field, c.raw, year);
    if (!value) continue;
    if (c.editable) editable++;
    accept(c.field, value, c);
    // `秘密★5年` in a 密级 cell also gives the 保密期限.
    if (c.field === 'classification') {
      const period = fieldValue('classificationPeriod', c.raw);
      if (period) accept('classificationPeriod', period, c);
    }
  }
  return { fields, evidence, editable };
}

function cueText(doc: Document, titleTexts: readonly string[]): string {
  const parts = [doc.title, ...titleTexts];
  // Tag collections, not a selector: on a 5,000-row page a selector walks every element.
  for (const tag of ['h1', 'h2', 'h3', 'h4', 'caption', 'legend']) {
    for (const el of doc.getElementsByTagName(tag)) {
      if (parts.length > 80) break;
      parts.push((el.textContent ?? '').slice(0, 80));
    }
  }
  return parts.join(' ').replace(/[\s\u00a0\u3000]+/g, '');
}

function classify(doc: Document, titleTexts: readonly string[], fields: PageFields, editable: number, list: ListTable | undefined): { kind: PageKind; cues: string[] } {
  const cues = cueText(doc, titleTexts);
  const found = CORE_FIELDS.filter((f) => fields[f]);
  const cueHits = (Object.keys(KIND_CUES) as (keyof typeof KIND_CUES)[]).filter((k) => KIND_CUES[k].test(cues));
  const evidence = [`fields: ${found.join(', ') || 'none'}`, `cues: ${cueHits.join(', ') || 'none'}`];
  if (doc.querySelector('input[type=password]')) return { kind: 'none', cues: [...evidence, 'password field: a login or account page'] };
  if (NEGATIVE_CUES.test(cues)) return { kind: 'none', cues: [...evidence, `negative cue: ${NEGATIVE_CUES.exec(cues)![0]}`] };
  const isDocument = (fields.title || fields.docNumber) && found.length >= 3;
  if (list && (!isDocument || list.rows.length >= 3)) return { kind: 'list', cues: [...evidence, `list of ${list.rows.length} rows`] };
  if (!isDocument) return { kind: 'none', cues: evidence };
  if (cueHits.includes('circulation')) return { kind: 'circulation', cues: evidence };
  // A read-only view of a 收文登记 workflow is still a view: registration means a form being filled in.
  if (editable * 2 >= found.length || (cueHits.includes('registration') && editable > 0)) return { kind: 'registration', cues: [...evidence, `${editable} editable fields`] };
  return { kind: 'detail', cues: evidence };
}

/** A title cell's link holds the title; badges beside it (`new`, `急`) are not part of it. */
function cellText(cell: Element, field: FieldKey): string {
  const link = field === 'title' ? cell.getElementsByTagName('a')[0] : undefined;
  if (!link) return cell.textContent ?? '';
  const text = link.textContent ?? '';
  const full = link.getAttribute('title');
  return full && /…|\.\.\.$/.test(text) ? full : text;
}

const DATE_COLUMNS = new Set<FieldKey>(['receivedDate', 'documentDate', 'deadline']);

/** Each row's fields; dates second, so that `10月20日前` can take the year of the row's 文号 or other dates. */
export function listRows(list: ListTable): PageFields[] {
  const columns = [...list.columns];
  // Lists repeat their values (issuers, urgencies, dates): normalise each distinct text once.
  const memo = new Map<string, string | undefined>();
  const cellValue = (field: FieldKey, text: string, year?: number) => {
    const key = `${field}\u0000${year ?? ''}\u0000${text}`;
    if (!memo.has(key)) memo.set(key, fieldValue(field, text, year));
    return memo.get(key);
  };
  return list.rows.map((rowElement) => {
    const cells = rowElement.children;
    const row: PageFields = {};
    let year: number | undefined;
    for (const [index, field] of columns) {
      const cell = cells[index];
      if (!cell || DATE_COLUMNS.has(field)) continue;
      const value = cellValue(field, cellText(cell, field));
      if (value) row[field] = value;
    }
    const dated: [FieldKey, string][] = [];
    for (const [index, field] of columns) {
      const cell = cells[index];
      if (!cell || !DATE_COLUMNS.has(field)) continue;
      const text = cell.textContent ?? '';
      const value = cellValue(field, text);
      if (value) {
        row[field] = value;
        year ??= Number(value.slice(0, 4));
      } else dated.push([field, text]);
    }
    year ??= Number(/〔(\d{4})〕/.exec(row.docNumber ?? '')?.[1]) || undefined;
    for (const [field, text] of dated) {
      const value = cellValue(field, text, year);
      if (value) row[field] = value;
    }
    return row;
  });
}

/** What kind of page this is and the document's fields, from the page alone. Pure: reads the DOM, changes nothing. */
export function analyzePage(doc: Document, url: string): PageAnalysis {
  void url;
  const root = doc.body;
  if (!root) return { kind: 'none', fields: {}, confidence: 1, evidence: { kind: ['no body'], fields: {} } };
  const scan = scanPage(root);
  const list = findListTable(scan.headerRows);
  // A long list is a list: its hundreds of checkboxes and 文号 cells need no reading as a single document.
  const hints = list && list.rows.length > 60 ? [] : controlHints(root);
  let resolved = resolveFields([...scan.candidates, ...hints]);
  if (!list && (!resolved.fields.docNumber || !resolved.fields.title)) {
    for (const line of scan.docNumberLines) {
      const redHeader = redHeaderFields(line.block, line.docNumber);
      if (!redHeader.length) continue;
      resolved = resolveFields([...scan.candidates, ...redHeader, ...hints]);
      break;
    }
  }
  const { kind, cues } = classify(doc, scan.titleTexts, resolved.fields, resolved.editable, list);
  if (kind === 'list') {
    const analysis: PageAnalysis = { kind, fields: {}, rowCount: list!.rows.length, confidence: 0.9, evidence: { kind: cues, fields: {} } };
    let rows: PageFields[] | undefined;
    return Object.defineProperty(analysis, 'rows', { enumerable: true, get: () => (rows ??= listRows(list!)) });
  }
  if (kind === 'none') return { kind, fields: {}, confidence: 0.9, evidence: { kind: cues, fields: {} } };
  const count = CORE_FIELDS.filter((f) => resolved.fields[f]).length;
  return { kind, fields: resolved.fields, confidence: Math.round(Math.min(1, 0.4 + count * 0.06) * 100) / 100, evidence: { kind: cues, fields: resolved.evidence } };
}
