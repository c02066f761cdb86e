/**
 * Refines the generic engine's reading of a page with a site profile: the profile's kind rules and field
 * candidates win where they find something, the generic analysis stands where they do not. Pure: reads the DOM.
 * Call it for a profile whose URL patterns match the page (`profilesForUrl`).
 */
import type { FieldEvidence, PageAnalysis, PageFields, PageKind } from '../page-analysis/analyze-page';
import { describeElement, isEditable, readValue } from '../page-analysis/dom';
import { DATE_FIELDS, fieldValue } from '../page-analysis/field-values';
import { normaliseLabel } from '../page-analysis/normalise';
import type { FieldKey } from '../page-analysis/vocabulary';
import type { FieldCandidate, SiteProfile } from './profile-schema';

export interface ProfileResult {
  analysis: PageAnalysis;
  /** False when no kind rule and no field of the profile matched: the portal may have been redesigned. */
  matched: boolean;
  /**
   * Whether the page is one the profile should be able to read: the URL carries the profile's document key, or
   * the page is (after refinement) a document or a list of a kind the profile describes.
   */
  relevant: boolean;
  kindFromProfile: boolean;
  /** Fields whose value in `analysis` came from the profile (on a list: columns the profile read). */
  fieldsFromProfile: FieldKey[];
  /** Fields the profile names but found nowhere on the page (all candidates failed). */
  missing: FieldKey[];
  /** The portal's record id for this document, from the URL, when the profile says where it is. */
  documentKey?: string;
}

export type ProfileHealth = 'ok' | 'partial' | 'broken' | 'idle';

const LABEL_ELEMENTS = 'td, th, label, span, div, dt, b, strong, font, p';
const regexes = new Map<string, RegExp | null>();

function regex(source: string): RegExp | null {
  if (!regexes.has(source)) {
    try {
      regexes.set(source, new RegExp(source));
    } catch {
      regexes.set(source, null);
    }
  }
  return regexes.get(source)!;
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** What the element says: the attribute asked for, a hidden input's value, else what a clerk reads (`readValue`). */
function rawValue(element: Element, attribute?: string): string {
  if (attribute) return element.getAttribute(attribute) ?? '';
  if (element.tagName === 'INPUT' && (element as HTMLInputElement).type === 'hidden') return (element as HTMLInputElement).value;
  return readValue(element);
}

/** The value pattern's first group (else its match); undefined when it does not match. */
function applyPattern(raw: string, pattern?: string): string | undefined {
  if (!pattern) return raw;
  const match = regex(pattern)?.exec(raw.slice(0, 2000));
  return match ? (match[1] ?? match[0]) : undefined;
}

/** Label elements by their normalised text, read once per selector and page (a profile tries dozens of labels). */
type LabelIndex = Map<string, Map<string, Element[]>>;

function labelled(doc: Document, index: LabelIndex, selector: string, wanted: string): Element[] {
  let byText = index.get(selector);
  if (!byText) {
    byText = new Map();
    for (const element of queryAll(doc, selector)) {
      if (element.childElementCount > 4) continue;
      const text = element.textContent ?? '';
      if (text.length > 80) continue;
      const label = normaliseLabel(text);
      byText.set(label, [...(byText.get(label) ?? []), element]);
    }
    index.set(selector, byText);
  }
  return byText.get(wanted) ?? [];
}

/** The element right after the label (`<td>来文单位</td><td>…</td>`), or the control a `<label for>` names. */
function afterLabel(doc: Document, index: LabelIndex, candidate: FieldCandidate): Element | null {
  const wanted = normaliseLabel(candidate.label ?? '');
  for (const element of labelled(doc, index, candidate.selector ?? LABEL_ELEMENTS, wanted)) {
    const target = element.tagName === 'LABEL' ? element.getAttribute('for') : null;
    const control = target ? doc.getElementById(target) : null;
    if (control) return control;
    let at = element;
    while (!at.nextElementSibling && at.parentElement && normaliseLabel(at.parentElement.textContent ?? '') === wanted) at = at.parentElement;
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

interface Found {
  value: string;
  raw: string;
  element: Element;
  candidate: FieldCandidate;
}

function findField(doc: Document, index: LabelIndex, field: FieldKey, candidates: readonly FieldCandidate[], year?: number): Found | undefined {
  for (const candidate of candidates) {
    const element = candidate.strategy === 'label' ? afterLabel(doc, index, candidate) : query(doc, candidate.selector!);
    if (!element) continue;
    const raw = applyPattern(rawValue(element, candidate.attribute), candidate.valuePattern);
    const value = raw === undefined ? undefined : fieldValue(field, raw, year);
    if (raw !== undefined && value) return { value, raw, element, candidate };
  }
  return undefined;
}

function yearOf(fields: PageFields): number | undefined {
  const year = /〔(\d{4})〕/.exec(fields.docNumber ?? '')?.[1] ?? (fields.receivedDate ?? fields.documentDate)?.slice(0, 4);
  return year ? Number(year) : undefined;
}

interface Rule {
  kind: Exclude<PageKind, 'none'>;
  cue: string;
}

function ruleKind(profile: SiteProfile, doc: Document, url: string): Rule | undefined {
  let text: string | undefined;
  for (const [index, { kind, when }] of profile.kinds.entries()) {
    if (when.urlIncludes && !url.includes(when.urlIncludes)) continue;
    if (when.selector && !query(doc, when.selector)) continue;
    if (when.textIncludes) {
      text ??= `${doc.title}${doc.body?.textContent ?? ''}`.replace(/\s+/g, '');
      if (!text.includes(when.textIncludes.replace(/\s+/g, ''))) continue;
    }
    return { kind, cue: `profile ${profile.id}: kind rule ${index} (${kind})` };
  }
  return undefined;
}

/** The portal's record id from the URL: a query parameter (also in a `#/route?id=…` hash), or a path pattern's group. */
export function readDocumentKey(profile: SiteProfile, url: string): string | undefined {
  const key = profile.documentKey;
  if (!key) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (key.from === 'query') {
    const hashQuery = u.hash.includes('?') ? u.hash.slice(u.hash.indexOf('?') + 1) : '';
    return u.searchParams.get(key.param) || new URLSearchParams(hashQuery).get(key.param) || undefined;
  }
  const pattern = regex(key.pattern);
  const match = pattern?.exec(u.pathname) ?? pattern?.exec(u.hash);
  return match ? (match[1] ?? match[0]) || undefined : undefined;
}

type Column = NonNullable<NonNullable<SiteProfile['list']>['fields'][FieldKey]>;

/** Each row's fields; dates last, so that `10月20日前` takes the year of the row's 文号 or another date. */
function readRows(list: NonNullable<SiteProfile['list']>, doc: Document): PageFields[] {
  const columns = Object.entries(list.fields) as [FieldKey, Column][];
  const memo = new Map<string, string | undefined>();
  const value = (field: FieldKey, raw: string, year?: number) => {
    const key = `${field}\u0000${year ?? ''}\u0000${raw}`;
    if (!memo.has(key)) memo.set(key, fieldValue(field, raw, year));
    return memo.get(key);
  };
  const rows: PageFields[] = [];
  for (const rowElement of queryAll(doc, list.rowSelector)) {
    const row: PageFields = {};
    const dated: [FieldKey, string][] = [];
    for (const [field, column] of columns) {
      const spec = typeof column === 'string' ? { selector: column } : column;
      const cell = query(rowElement, spec.selector);
      const raw = cell && applyPattern(rawValue(cell, spec.attribute), spec.valuePattern);
      if (raw === null || raw === undefined) continue;
      if (DATE_FIELDS.has(field)) dated.push([field, raw]);
      else {
        const v = value(field, raw);
        if (v) row[field] = v;
      }
    }
    for (const [field, raw] of dated) {
      const v = value(field, raw) ?? value(field, raw, yearOf(row));
      if (v) row[field] = v;
    }
    if (Object.keys(row).length) rows.push(row);
  }
  return rows;
}

type Refined = Omit<ProfileResult, 'documentKey' | 'relevant'>;

/** A list: the profile's rows when it reads any, else the engine's list (or its other reading of the page). */
function refineList(profile: SiteProfile, doc: Document, generic: PageAnalysis, rule: Rule | undefined): Refined {
  const columns = Object.keys(profile.list?.fields ?? {}) as FieldKey[];
  const rows = profile.list ? readRows(profile.list, doc) : [];
  const read = columns.filter((field) => rows.some((row) => row[field]));
  const matched = !!rule || rows.length > 0;
  if (!rows.length) return { analysis: generic, matched, kindFromProfile: false, fieldsFromProfile: [], missing: columns };
  const evidence = { kind: [...generic.evidence.kind, ...(rule ? [rule.cue] : []), `profile ${profile.id}: ${rows.length} rows`], fields: {} };
  const analysis: PageAnalysis = { kind: 'list', fields: {}, rowCount: rows.length, rows, confidence: Math.max(generic.confidence, 0.9), evidence };
  return { analysis, matched, kindFromProfile: !!rule, fieldsFromProfile: read, missing: columns.filter((f) => !read.includes(f)) };
}

/** One document: the profile's values over the engine's; its kind rule's kind when the page holds a document. */
function refineDocument(profile: SiteProfile, doc: Document, generic: PageAnalysis, rule: Rule | undefined): Refined {
  const values: PageFields = {};
  const evidence: Partial<Record<FieldKey, FieldEvidence>> = {};
  const missing: FieldKey[] = [];
  let editable = 0;
  const index: LabelIndex = new Map();
  const keys = (Object.keys(profile.fields) as FieldKey[]).sort((a, b) => Number(b === 'docNumber') - Number(a === 'docNumber'));
  for (const field of keys) {
    const found = findField(doc, index, field, profile.fields[field]!, yearOf(values) ?? yearOf(generic.fields));
    if (!found) {
      missing.push(field);
      continue;
    }
    const { candidate, element, raw } = found;
    values[field] = found.value;
    if (isEditable(element)) editable++;
    // Evidence strategies are the engine's: a label-anchored candidate read a label cell; the others named the control itself.
    const label = `profile ${profile.id}: ${candidate.label ?? candidate.selector}`;
    evidence[field] = { strategy: candidate.strategy === 'label' ? 'label-cell' : 'label-for', label, where: describeElement(element), raw: raw.trim().slice(0, 200) };
    const period = field === 'classification' && !profile.fields.classificationPeriod ? fieldValue('classificationPeriod', raw) : undefined;
    if (period) {
      values.classificationPeriod = period;
      evidence.classificationPeriod = { ...evidence[field]!, label: `${label} (★)` };
    }
  }
  const fromProfile = Object.keys(values) as FieldKey[];
  const matched = !!rule || fromProfile.length > 0;
  const fields = { ...generic.fields, ...values };
  // The engine's test of a document: a title or 文号 and three fields. A layout's rule alone does not make one.
  const isDocument = !!(fields.title || fields.docNumber) && Object.keys(fields).filter((f) => f !== 'classificationPeriod').length >= 3;
  let kind: PageKind = rule && isDocument ? rule.kind : generic.kind;
  if (kind === 'none' && isDocument && fromProfile.length) kind = editable * 2 >= fromProfile.length ? 'registration' : 'detail';
  if (kind === 'none' || kind === 'list' || (!fromProfile.length && !rule)) return { analysis: generic, matched, kindFromProfile: false, fieldsFromProfile: [], missing };

  const confidence = Math.max(generic.confidence, rule ? 0.95 : Math.round(Math.min(1, 0.4 + Object.keys(fields).length * 0.06) * 100) / 100);
  const kindEvidence = [...generic.evidence.kind, ...(rule ? [rule.cue] : []), `profile ${profile.id}: ${fromProfile.length} fields`];
  const analysis: PageAnalysis = { kind, fields, confidence, evidence: { kind: kindEvidence, fields: { ...generic.evidence.fields, ...evidence } } };
  return { analysis, matched, kindFromProfile: !!rule && kind === rule.kind, fieldsFromProfile: fromProfile, missing };
}

function describesKind(profile: SiteProfile, kind: PageKind): boolean {
  if (kind === 'none') return false;
  if (kind === 'list') return !!profile.list || profile.kinds.some((rule) => rule.kind === 'list');
  return Object.keys(profile.fields).length > 0 || profile.kinds.some((rule) => rule.kind !== 'list');
}

/** The generic analysis refined by the profile (see `ProfileResult`). */
export function applyProfile(profile: SiteProfile, doc: Document, url: string, generic: PageAnalysis): ProfileResult {
  const rule = ruleKind(profile, doc, url);
  const documentKey = readDocumentKey(profile, url);
  const refined = (rule ? rule.kind === 'list' : generic.kind === 'list') ? refineList(profile, doc, generic, rule) : refineDocument(profile, doc, generic, rule);
  return { ...refined, relevant: !!documentKey || describesKind(profile, refined.analysis.kind), documentKey };
}

/**
 * `idle`: a page the profile does not describe (a portal's home page, a non-document form, a list it has no
 * columns for), which says nothing either way; `broken`: a page it should read (see `relevant`) where nothing of it
 * matched — the portal was probably redesigned; `partial`: some of its fields were not found; `ok`: all were.
 */
export function profileHealth(result: ProfileResult): ProfileHealth {
  if (!result.relevant) return 'idle';
  if (!result.matched) return 'broken';
  return result.missing.length ? 'partial' : 'ok';
}
