/**
 * What an export shows: the 收文登记簿 columns and the 处理记录 (event log) columns, each with its
 * header in both languages, its kind (how CSV and XLSX render it) and a getter. Masking of 机密 /
 * 绝密 titles happens here, in the getters, so no export format can forget it.
 */
import type { DocumentRecord, EventRecord } from '../documents/document-schema';
import { REGISTER_SCOPE, classificationInDetails } from '../documents/document-values';
import type { Language } from '../i18n';
import { createDashboardTranslator, type DashboardTranslate } from '../i18n/dashboard';

/** text and number as they are; date: a yyyy-mm-dd string; datetime: epoch milliseconds. */
export type CellKind = 'text' | 'number' | 'date' | 'datetime';
export type CellValue = string | number | undefined;

export interface ExportContext {
  language: Language;
  t: DashboardTranslate;
  /** Replace the titles of 机密 and 绝密 documents (and anything naming them, such as a downloaded file's name). */
  maskClassified: boolean;
  /** True when working days up to `date` are a forecast past the official holiday arrangement (the calendar in force). */
  isForecast: (date: string) => boolean;
}

export function exportContext(language: Language, maskClassified: boolean, isForecast: (date: string) => boolean = () => false): ExportContext {
  return { language, t: createDashboardTranslator(language), maskClassified, isForecast };
}

/**
 * The 办理期限 was counted in working days (N 个工作日) and lands past the official arrangement: it was computed from the
 * statutory holidays alone, without the make-up working days nobody knows yet. A date the sender wrote is never a forecast.
 */
export function isForecastDeadline(document: DocumentRecord, context: Pick<ExportContext, 'isForecast'>): boolean {
  return !!document.deadlineWorkingDays && !!document.deadline && context.isForecast(document.deadline);
}

export interface ExportColumn<T> {
  id: string;
  header: Record<Language, string>;
  kind: CellKind;
  /** Display width in character cells: a CJK character takes two. */
  width: number;
  value(row: T, context: ExportContext): CellValue;
}

/** An event with the document it is about (absent for events about the whole register). */
export interface EventRow {
  event: EventRecord;
  document?: DocumentRecord;
}

export const MASKED_TITLE: Record<Language, string> = { 'zh-CN': '（涉密标题已隐去）', en: '(classified title withheld)' };
const MASKED_LEVELS = new Set<string>(['secret', 'top-secret']);

export function isMasked(document: DocumentRecord | undefined, context: ExportContext): boolean {
  return context.maskClassified && MASKED_LEVELS.has(document?.classification ?? '');
}

function titleOf(document: DocumentRecord | undefined, context: ExportContext): string | undefined {
  if (!document) return undefined;
  return isMasked(document, context) ? MASKED_TITLE[context.language] : document.title;
}

function classificationOf(document: DocumentRecord, t: DashboardTranslate): string | undefined {
  if (!document.classification) return undefined;
  const label = t(`classification.${document.classification}`);
  // GB/T 9704 writes the period after a star: 机密★10年.
  return document.classificationPeriod ? `${label}★${document.classificationPeriod}` : label;
}

/** 份数 as a number when it is one, so a spreadsheet can sum it; anything else as written. */
function copiesOf(document: DocumentRecord): CellValue {
  const copies = document.copies;
  return copies && /^\d{1,9}$/.test(copies) ? Number(copies) : copies;
}

const both = (zh: string, en: string): Record<Language, string> => ({ 'zh-CN': zh, en });

export const REGISTER_COLUMNS: readonly ExportColumn<DocumentRecord>[] = [
  { id: 'registrationNo', header: both('收文编号', 'Reg. no.'), kind: 'text', width: 18, value: (d) => d.registrationNo },
  { id: 'receivedDate', header: both('收文日期', 'Received'), kind: 'date', width: 12, value: (d) => d.receivedDate },
  { id: 'issuer', header: both('来文单位', 'Issuer'), kind: 'text', width: 26, value: (d) => d.issuer },
  { id: 'docNumber', header: both('文号', 'Doc. no.'), kind: 'text', width: 24, value: (d) => d.docNumber },
  { id: 'title', header: both('标题', 'Title'), kind: 'text', width: 50, value: (d, c) => titleOf(d, c) },
  { id: 'classification', header: both('密级', 'Classification'), kind: 'text', width: 12, value: (d, c) => classificationOf(d, c.t) },
  { id: 'copies', header: both('份数', 'Copies'), kind: 'number', width: 6, value: copiesOf },
  // 份号 is a label, not a quantity: 000012 keeps its zeros (as text in every format).
  { id: 'copyNumber', header: both('份号', 'Copy no.'), kind: 'text', width: 8, value: (d) => d.copyNumber },
  { id: 'urgency', header: both('紧急程度', 'Urgency'), kind: 'text', width: 10, value: (d, c) => d.urgency && c.t(`urgency.${d.urgency}`) },
  { id: 'deadline', header: both('办理期限', 'Deadline'), kind: 'date', width: 12, value: (d) => d.deadline },
  // The row whose deadline is a forecast says so in words (按法定节日推算，未含调休), next to the date it qualifies.
  { id: 'deadlineNote', header: both('期限说明', 'Deadline note'), kind: 'text', width: 26, value: (d, c) => (isForecastDeadline(d, c) ? c.t('deadline.forecast') : undefined) },
  { id: 'currentHolder', header: both('当前去向', 'Now with'), kind: 'text', width: 14, value: (d) => d.currentHolder },
  { id: 'status', header: both('状态', 'Status'), kind: 'text', width: 10, value: (d, c) => c.t(`status.${d.status}`) },
  // The day it was 办结 (kept through 清退, 归档 and 销毁); empty while it is open. The ledger import reads 办结日期 back.
  { id: 'completedOn', header: both('办结日期', 'Completed on'), kind: 'date', width: 12, value: (d) => d.completedOn },
];

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

function actionOf({ event }: EventRow, { t }: ExportContext): string {
  const word = t(`event.${event.type}`);
  const purpose = event.details.purpose;
  return event.type === 'sent' && (purpose === 'read' || purpose === 'handle') ? `${word}（${t(`purpose.${purpose}`)}）` : word;
}

/** 对象: to whom it went, from whom it came back, where it was cleared to, which file was downloaded. */
function counterpartOf({ event, document }: EventRow, context: ExportContext): string | undefined {
  const { recipient, clearedTo, detail } = event.details;
  const named = str(recipient) ?? str(clearedTo);
  if (named) return named;
  // A downloaded file's name is often the document's title.
  if (str(detail)) return isMasked(document, context) ? MASKED_TITLE[context.language] : str(detail);
  return undefined;
}

/** 事由: the clerk's reason or note, plus what the event says beyond its type. */
function reasonOf({ event }: EventRow, { t, language }: ExportContext): string | undefined {
  const d = event.details;
  const parts = [str(d.reason), str(d.note)];
  if (event.type === 'sent' && str(d.expectedReturn)) parts.push(t('detail.pair', { label: t('detail.expectedReturn'), value: String(d.expectedReturn) }));
  const level = event.type === 'classification-confirmed' ? classificationInDetails(d) : undefined;
  if (level) parts.push(t('detail.pair', { label: t('detail.classification'), value: t(`classification.${level}`) }));
  if (d.intercepted === false) parts.push(t('detail.intercepted.no'));
  if (event.type === 'exported' || event.type === 'imported') parts.push(registerEventSummary(event, language));
  const text = parts.filter((part): part is string => !!part).join(language === 'zh-CN' ? '；' : '; ');
  return text || undefined;
}

const FORMAT_NAMES: Record<string, Record<Language, string>> = {
  'register-csv': both('CSV 收文登记簿', 'CSV register'),
  'events-csv': both('CSV 处理记录', 'CSV log'),
  xlsx: both('Excel 台账', 'Excel workbook'),
  backup: both('JSON 完整备份', 'JSON full backup'),
};

/** What an `exported` or `imported` event did, in words (see export-run.ts and import-store.ts for the details logged). */
export function registerEventSummary(event: EventRecord, language: Language): string {
  const d = event.details;
  const n = (value: unknown) => (typeof value === 'number' ? value : 0);
  const zh = language === 'zh-CN';
  if (event.type === 'exported') {
    const format = FORMAT_NAMES[String(d.format)]?.[language] ?? String(d.format ?? '');
    const extra = [d.filter ? (zh ? '按筛选条件' : 'filtered') : '', d.masked ? (zh ? '涉密标题已隐去' : 'classified titles withheld') : ''].filter(Boolean);
    const counts = zh ? `公文 ${n(d.documents)} 件，处理记录 ${n(d.events)} 条` : `${n(d.documents)} documents, ${n(d.events)} events`;
    const more = extra.length ? (zh ? `（${extra.join('，')}）` : ` (${extra.join(', ')})`) : '';
    return `${format}${zh ? '：' : ': '}${counts}${more}`;
  }
  // An old 收文登记簿 imported at #/import: per document, its file and row; for the register, the file and the count.
  const ledgerFile = str(d.ledgerFile);
  if (ledgerFile) {
    if (typeof d.row === 'number') return zh ? `导入自登记簿 ${ledgerFile} 第 ${d.row} 行` : `from ledger ${ledgerFile}, row ${d.row}`;
    return zh ? `导入登记簿 ${ledgerFile}：${n(d.documents)} 件` : `ledger ${ledgerFile} imported: ${n(d.documents)} documents`;
  }
  const from = str(d.backupExportedAt)?.slice(0, 10) ?? '';
  return zh
    ? `备份 ${from}：新增 ${n(d.documentsAdded)} 件、更新 ${n(d.documentsUpdated)} 件、未变 ${n(d.documentsSkipped)} 件；处理记录新增 ${n(d.eventsAdded)} 条、已有 ${n(d.eventsSkipped)} 条`
    : `backup of ${from}: ${n(d.documentsAdded)} documents added, ${n(d.documentsUpdated)} updated, ${n(d.documentsSkipped)} unchanged; ${n(d.eventsAdded)} events added, ${n(d.eventsSkipped)} already present`;
}

export const EVENT_COLUMNS: readonly ExportColumn<EventRow>[] = [
  { id: 'sequence', header: both('序号', 'No.'), kind: 'number', width: 8, value: (r) => r.event.sequence },
  { id: 'timestamp', header: both('时间', 'Time'), kind: 'datetime', width: 20, value: (r) => r.event.timestamp },
  {
    id: 'registrationNo',
    header: both('收文编号', 'Reg. no.'),
    kind: 'text',
    width: 18,
    value: (r, c) => r.document?.registrationNo ?? (r.event.docId === REGISTER_SCOPE ? (c.language === 'zh-CN' ? '（整个台账）' : '(whole register)') : r.event.docId),
  },
  { id: 'docNumber', header: both('文号', 'Doc. no.'), kind: 'text', width: 24, value: (r) => r.document?.docNumber },
  { id: 'title', header: both('标题', 'Title'), kind: 'text', width: 40, value: (r, c) => titleOf(r.document, c) },
  { id: 'action', header: both('事项', 'Action'), kind: 'text', width: 14, value: actionOf },
  { id: 'counterpart', header: both('对象', 'To / from'), kind: 'text', width: 16, value: counterpartOf },
  { id: 'reason', header: both('事由', 'Reason / note'), kind: 'text', width: 30, value: reasonOf },
  { id: 'approver', header: both('批准人', 'Approver'), kind: 'text', width: 10, value: (r) => str(r.event.details.approver) },
  { id: 'witness', header: both('监销人', 'Witness'), kind: 'text', width: 10, value: (r) => str(r.event.details.witness) },
  { id: 'hash', header: both('哈希', 'Hash'), kind: 'text', width: 66, value: (r) => r.event.hash },
];

export function headersOf<T>(columns: readonly ExportColumn<T>[], language: Language): string[] {
  return columns.map((column) => column.header[language]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch milliseconds as the clerk's local 'yyyy-mm-dd HH:mm:ss'. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Display width: CJK and other wide characters count two cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1;
  return width;
}
