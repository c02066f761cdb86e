import { STRATEGY_STRENGTH, type Candidate, type Strategy } from './candidates';
import { contextYear, DATE_FIELDS, fieldValue } from './field-values';
import { describeElement } from './dom';
import { KIND_SIGNALS, KIND_WEIGHTS, KINDS, type KindSignal } from './kind-weights';
import { controlHints, scanPage, shortText, type PageScan } from './label-pairs';
import { findListTable, type ListTable } from './list-rows';
import { GENRE_AT_END, redHeaderFields } from './red-header';
import { normaliseLabel } from './normalise';
import { FIELD_KEYS, GENERIC_LABELS, KIND_CUES, NEGATIVE_CUES, SENDER_DATE, SOFT_NEGATIVE_CUES, type FieldKey } from './vocabulary';

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
  /** On a list: per row, the cell a mark goes into (its title's, else its 文号's, else its last); not enumerable. */
  markCells?: Element[];
  /** 0–1: how sure the kind is. */
  confidence: number;
  /** Why: `kind` in words (each signal and what it added to the kind), `signals` the same as data, `fields` where each value came from. */
  evidence: { kind: string[]; signals?: SignalEvidence[]; fields: Partial<Record<FieldKey, FieldEvidence>> };
}

/** The document's fields but the 保密期限, which only comes with a 密级. */
const CORE_FIELDS = FIELD_KEYS.filter((field) => field !== 'classificationPeriod');

function resolveFields(candidates: readonly Candidate[]): Resolved {
  const year = contextYear(candidates);
  const received = candidates.filter((c) => c.field === 'receivedDate');
  // Only beside a receipt date the page fills in: an empty 收文日期 box leaves 来文日期 the date it came.
  if (received.some((c) => !SENDER_DATE.test(normaliseLabel(c.label)) && fieldValue('receivedDate', c.raw, year))) for (const c of received) if (SENDER_DATE.test(normaliseLabel(c.label))) c.field = 'documentDate';
  const fields: PageFields = {};
  const evidence: Partial<Record<FieldKey, FieldEvidence>> = {};
  const strength: Partial<Record<FieldKey, number>> = {};
  let editable = 0;
  const accept = (field: FieldKey, value: string, c: Candidate) => {
    // A bare 编号 / 单号 gives way to a label naming the field (收文编号) found the same way.
    const weight = STRATEGY_STRENGTH[c.strategy] - (GENERIC_LABELS.has(normaliseLabel(c.label)) ? 0.5 : 0);
    if ((strength[field] ?? 0) >= weight) return;
    fields[field] = value;
    strength[field] = weight;
    evidence[field] = { strategy: c.strategy, label: c.label, where: describeElement(c.at), raw: c.raw.trim().slice(0, 200) };
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

/**
 * The words the page names itself with: its title, headings, captions and title elements; when these name no kind,
 * the chosen menu entry or tab too (a 文件传阅 entry marked `on` around a bare two-column view).
 */
function cueText(parts: readonly string[], navTexts: readonly string[]): { own: string; kind: string; all: string } {
  const own = parts.join(' ').replace(/\s+/g, '');
  const all = own + navTexts.join(' ');
  return { own, all, kind: Object.values(KIND_CUES).some((cue) => cue.test(own)) ? own : all };
}

/** Column names of a circulation record: who read it, when it went out and came back. */
const SIGNING_WORDS = /传阅人|阅件人|阅文人|送阅|退回时间|退文时间|送文时间|阅退|签阅|阅签|领导签名|阅文时间|传阅时间|收回时间|开封时间|阅读时间/;

function hasSigningTable(doc: Document): boolean {
  let looked = 0;
  for (const tag of ['th', 'td']) {
    for (const cell of doc.getElementsByTagName(tag)) {
      if (++looked > 400) return false;
      const text = (cell.firstChild && !cell.firstElementChild ? (cell.textContent ?? '') : (shortText(cell)?.text ?? '')).trim();
      if (text.length <= 12 && SIGNING_WORDS.test(text)) return true;
    }
  }
  return false;
}

const LABEL_STRATEGIES = new Set<Strategy>(['label-cell', 'label-below', 'label-for', 'label-sibling']);

interface Resolved {
  fields: PageFields;
  evidence: Partial<Record<FieldKey, FieldEvidence>>;
  editable: number;
}

/** The page's signals, each 0–1: what the kind is decided from (weights in kind-weights.ts). */
/** The page's title, headings, captions, legends and title elements. */
function headings(doc: Document, titleTexts: readonly string[]): string[] {
  const parts = [doc.title, ...titleTexts];
  // Tag collections, not a selector: on a 5,000-row page a selector walks every element.
  for (const tag of ['h1', 'h2', 'h3', 'h4', 'h5', 'caption', 'legend']) {
    for (const el of doc.getElementsByTagName(tag)) {
      if (parts.length > 80) break;
      parts.push((el.textContent ?? '').trim().slice(0, 80));
    }
  }
  return parts;
}

/** Sections for the office's own papers: its outgoing documents, announcements, meetings, lending ledgers. */
const OWN_SECTION = /(?<!收)发文|发布|公告|借阅|借用|会议|台账/;
const INCOMING_SECTION = /收文|来文|收发|待办|待阅|抄送|签收|接收|阅办|传阅/;
/** Columns naming who wrote, published or made the rows, or where they are filed (an archive): the office's own papers. */
const OWN_COLUMN = /^(发布|拟稿|起草|制作|借用|借阅|主办部门|页数)|卷库|保管期限/;
const INCOMING_FIELDS = new Set<FieldKey>(['issuer', 'receivedDate', 'deadline', 'urgency']);

/** The page's short names for itself (not document titles, not a menu's group headings) and its chosen menu entries. */
function cueParts(doc: Document, scan: Pick<PageScan, 'titleTexts' | 'navTexts'>): string {
  const parts = [doc.title, ...scan.titleTexts, ...scan.navTexts];
  for (const tag of ['h1', 'h2', 'h3']) for (const el of doc.getElementsByTagName(tag)) parts.push(el.textContent ?? '');
  return parts.filter((text) => text.length <= 30 && !/关于/.test(text)).join(' ');
}

/**
 * A list of the office's own papers (发文管理, 已发布信息, 借用台账, 会议): its section or columns say so, and no column
 * holds what an incoming document has — the sender, when it came, its deadline or urgency, or the sender's 文号.
 */
function ownList(list: ListTable, section: string): boolean {
  const names = [...list.header.children].map((cell) => normaliseLabel(cell.textContent ?? ''));
  if (INCOMING_SECTION.test(section) || !(OWN_SECTION.test(section) || names.some((name) => OWN_COLUMN.test(name)))) return false;
  return ![...list.columns].some(([index, field]) => INCOMING_FIELDS.has(field) || (field === 'docNumber' && /来|收|原文|对方/.test(names[index]!)));
}

export function kindSignals(doc: Document, scan: Pick<PageScan, 'titleTexts' | 'navTexts' | 'outgoingLabels'>, resolved: Resolved, list: ListTable | undefined, records = false, section = cueParts(doc, scan)): Record<KindSignal, number> {
  const { own, kind: cues, all } = cueText(headings(doc, scan.titleTexts), scan.navTexts);
  const found = CORE_FIELDS.filter((f) => resolved.fields[f]);
  const strategies = found.map((f) => resolved.evidence[f]?.strategy);
  const labelled = strategies.filter((s) => s && LABEL_STRATEGIES.has(s)).length;
  const inline = strategies.filter((s) => s === 'inline-text').length;
  return {
    bias: 1,
    labelledFields: Math.min(labelled, 6) / 6,
    inlineFields: Math.min(inline, 4) / 4,
    docNumber: resolved.fields.docNumber ? 1 : 0,
    title: resolved.fields.title ? 1 : 0,
    // Editable document fields, counted: one editable 标题 on a leave request is no registration form.
    editable: Math.min(resolved.editable, found.length, 5) / 5,
    redHeader: strategies.includes('red-header') ? 1 : 0,
    cueRegistration: KIND_CUES.registration.test(cues) ? 1 : 0,
    cueCirculation: KIND_CUES.circulation.test(cues) ? 1 : 0,
    cueDetail: KIND_CUES.detail.test(cues) ? 1 : 0,
    cueList: KIND_CUES.list.test(cues) ? 1 : 0,
    list: list ? 1 : 0,
    listRows: list ? Math.min(list.shapedRows, 10) / 10 : 0,
    signingTable: hasSigningTable(doc) ? 1 : 0,
    records: records ? 1 : 0,
    ownList: list && ownList(list, section) ? 1 : 0,
    // A page naming itself 发文 / 公文发送 (and not 收文) shows the office's own outgoing document: one outgoing label (half
    // the weight of two: a red-header document received and shown in a 发文 section still reads as a document).
    outgoing: Math.min(scan.outgoingLabels + (/(?<!收)发文(?!单位|机关|字号|日期|时间|文号|编号|部门)|公文发送/.test(section) && !INCOMING_SECTION.test(section) ? 1 : 0), 2) / 2,
    password: doc.querySelector('input[type=password]') ? 1 : 0,
    negativeCue: NEGATIVE_CUES.test(all) ? 1 : 0,
    softNegativeCue: SOFT_NEGATIVE_CUES.test(all) && !/收文/.test(own) ? 1 : 0,
  };
}

export interface KindDecision {
  kind: PageKind;
  /** Softmax probability of the chosen kind. */
  probability: number;
  /** Each signal's value and what it added to the chosen kind's score, largest first. */
  signals: SignalEvidence[];
}

export interface SignalEvidence {
  signal: KindSignal;
  value: number;
  contribution: number;
}

/** Weighted evidence: each kind's score is the sum of signal × weight; the best score wins. */
export function decideKind(signals: Record<KindSignal, number>, fields: PageFields, list: ListTable | undefined): KindDecision {
  const scores = KINDS.map((kind) => KIND_SIGNALS.reduce((sum, signal, j) => sum + KIND_WEIGHTS[kind][j]! * signals[signal], 0));
  // What a kind cannot be without: a document page shows a 文号 or a title; a list, its rows.
  // A circulation record may name no document at all (a 抄送记录 popup): its reading table is enough.
  const allowed = (kind: PageKind) => (kind === 'list' ? !!list : kind === 'none' || !!(fields.title || fields.docNumber) || (kind === 'circulation' && !!signals.signingTable));
  let best = KINDS.indexOf('none');
  KINDS.forEach((kind, i) => {
    if (allowed(kind) && scores[i]! > scores[best]!) best = i;
  });
  const max = Math.max(...scores);
  const total = scores.reduce((sum, score) => sum + Math.exp(score - max), 0);
  const kind = KINDS[best]!;
  const evidence = KIND_SIGNALS.map((signal, j) => ({ signal, value: Math.round(signals[signal] * 100) / 100, contribution: Math.round(KIND_WEIGHTS[kind][j]! * signals[signal] * 100) / 100 }))
    .filter((s) => signals[s.signal])
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { kind, probability: Math.exp(scores[best]! - max) / total, signals: evidence };
}

/** A title cell's link holds the title; badges beside it (`new`, `急`) are not part of it. */
function cellText(cell: Element, field: FieldKey): string {
  const link = field === 'title' ? cell.getElementsByTagName('a')[0] : undefined;
  if (!link) {
    const text = cell.textContent ?? '';
    // A cut title (`关于做好…`) keeps its whole text in a tooltip attribute of the cell or its wrapper.
    if (field === 'title' && /(…|\.\.\.)\s*$/.test(text)) return cell.getAttribute('title') ?? cell.firstElementChild?.getAttribute('title') ?? text;
    return text;
  }
  const text = link.textContent ?? '';
  const full = link.getAttribute('title');
  return full && /…|\.\.\.$/.test(text) ? full : text;
}


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
      if (!cell || DATE_FIELDS.has(field)) continue;
      const text = cellText(cell, field);
      const value = cellValue(field, text);
      if (value) row[field] = value;
      // `秘密★1年` in a 密级 column also gives the 保密期限, as on a document page.
      const period = field === 'classification' && cellValue('classificationPeriod', text);
      if (period) row.classificationPeriod = period;
    }
    const dated: [FieldKey, string][] = [];
    for (const [index, field] of columns) {
      const cell = cells[index];
      if (!cell || !DATE_FIELDS.has(field)) continue;
      // A status badge (`超期3天`) keeps the date itself in its tooltip.
      let text = cell.textContent ?? '';
      if (!cellValue(field, text)) text = cell.getAttribute('title') ?? cell.querySelector('[title]')?.getAttribute('title') ?? text;
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
export interface AnalyzeOptions {
  /**
   * Skip what the clerk cannot see — `display:none` / `visibility:hidden` / zero-size subtrees (computed style where
   * the document has a window), the `hidden` attribute: a list left in a hidden tab of the shell is not the page.
   * The content script sets it; a saved file read by the CLI has no styles to go by beyond inline ones.
   */
  ignoreHidden?: boolean;
}

export function analyzePage(doc: Document, url: string, options: AnalyzeOptions = {}): PageAnalysis {
  void url;
  const root = doc.body;
  if (!root) return { kind: 'none', fields: {}, confidence: 1, evidence: { kind: ['no body'], fields: {} } };
  const scan = scanPage(root, options.ignoreHidden);
  let list = findListTable(scan.headerRows);
  // A table whose rows all name one document (its 签收 or 分发 records): that document, read from the first row.
  const records = list?.oneDocument ? list : undefined;
  if (records) {
    list = undefined;
    for (const [index, field] of records.columns) {
      const cell = records.rows[0]!.children[index];
      if (cell && (field === 'title' || field === 'docNumber')) scan.candidates.push({ field, raw: cellText(cell, field), strategy: 'label-below', label: records.header.children[index]?.textContent ?? '', at: cell, editable: false });
    }
  }
  // A long list is a list: its hundreds of checkboxes and 文号 cells need no reading as a single document.
  const hints = list && list.rows.length > 60 ? [] : controlHints(root, scan.hiddenRoots);
  // The cells of a list's header row are column headings: none is the value of the heading beside it.
  const header = (list ?? records)?.header;
  if (header) scan.candidates = scan.candidates.filter((c) => c.at.parentElement !== header);
  // A heading or title bar in the shape of a document's title (GB/T 9704: its genre last) names the document, weakly.
  const heading = headings(doc, scan.titleTexts).find((text) => text.length >= 8 && text.length <= 80 && GENRE_AT_END.test(text));
  if (heading) hints.push({ field: 'title', raw: heading, strategy: 'heading', label: '标题栏', at: root, editable: false });
  let resolved = resolveFields([...scan.candidates, ...hints]);
  // The document itself, red header and all (shown under a 处理笺 too): what its labels lack, its 成文日期 above all.
  if (!list && (!resolved.fields.docNumber || !resolved.fields.title || !resolved.fields.documentDate)) {
    for (const line of scan.docNumberLines) {
      const redHeader = redHeaderFields(line.block, line.docNumber);
      // Another document's red header (a 来文 quoted in a reply) says nothing of this one.
      if (!redHeader.length || (resolved.fields.docNumber && resolved.fields.docNumber !== line.docNumber)) continue;
      resolved = resolveFields([...scan.candidates, ...redHeader, ...hints]);
      break;
    }
  }
  const signals = kindSignals(doc, scan, resolved, list, !!records);
  const decision = decideKind(signals, resolved.fields, list);
  const { kind } = decision;
  const confidence = Math.round(decision.probability * 100) / 100;
  const cues = [
    ...(kind === 'list' ? [`list of ${list!.rows.length} rows`] : []),
    ...decision.signals.map((s) => `${s.signal}=${s.value} → ${s.contribution >= 0 ? '+' : ''}${s.contribution}`),
  ];
  const evidence = { kind: cues, signals: decision.signals };
  if (kind === 'list') {
    const analysis: PageAnalysis = { kind, fields: {}, rowCount: list!.rows.length, confidence, evidence: { ...evidence, fields: {} } };
    let rows: PageFields[] | undefined;
    const column = (wanted: FieldKey) => [...list!.columns].find(([, field]) => field === wanted)?.[0];
    const at = column('title') ?? column('docNumber');
    Object.defineProperty(analysis, 'markCells', { get: () => list!.rows.map((row) => row.children[at ?? -1] ?? row.lastElementChild!) });
    return Object.defineProperty(analysis, 'rows', { enumerable: true, get: () => (rows ??= listRows(list!)) });
  }
  if (kind === 'none') return { kind, fields: {}, confidence, evidence: { ...evidence, fields: {} } };
  return { kind, fields: resolved.fields, confidence, evidence: { ...evidence, fields: resolved.evidence } };
}
