/**
 * The rows of an old 收文登记簿 as documents: each mapped row's text normalised as page analysis normalises a page's
 * values (dates, 密级 and 保密期限, 紧急程度, 文号), checked as `#/new` checks a registration (the mandatory fields,
 * the document's zod schema), and checked against the other rows of the file (the same 文号 from the same 来文单位,
 * the same 收文编号). Pure: the dashboard's preview and the background's import run the same code.
 */
import { z } from '../zod';
import { documentDraftSchema, OPEN_STATUSES, type DocumentDraft, type DocumentStatus } from '../documents/document-schema';
import { DOCUMENT_STATUSES, SOURCES, type Source } from '../documents/document-values';
import { missingMandatory } from '../documents/mandatory-fields';
import { normaliseDocNumber, sameIssuer } from '../documents/identity';
import { fieldValue, WORKING_DAYS_SUFFIX } from '../page-analysis/field-values';
import { classificationPeriod, normaliseText } from '../page-analysis/normalise';
import { FIELD_KEYS } from '../page-analysis/vocabulary';

/** What a ledger column can be imported as: every field page analysis reads, plus the document's 状态, 来源 and 办结日期 in the old ledger. */
export const IMPORT_FIELDS = [...FIELD_KEYS, 'status', 'source', 'completedOn'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One data row as the column mapping reads it: its row number in the file (1-based, as the spreadsheet shows) and its cells. */
export const ledgerRowSchema = z.strictObject({
  row: z.number().int().min(1).max(1_000_000),
  cells: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(1000)),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

export const LEDGER_PROBLEMS = [
  'missing',
  'bad-date',
  'completed-before-received',
  'unknown-classification',
  'unknown-urgency',
  'unknown-status',
  'unknown-source',
  'invalid',
  'duplicate-in-file',
  'duplicate-regno-in-file',
  'duplicate-in-register',
  'near-in-register',
  'regno-in-register',
] as const;

/** One thing wrong with a row: which field, the value as the file has it, and the row or number it clashes with. */
export const ledgerProblemSchema = z.strictObject({
  code: z.enum(LEDGER_PROBLEMS),
  field: z.string().max(40).optional(),
  value: z.string().max(200).optional(),
  /** The other row of the file (a duplicate). */
  row: z.number().int().optional(),
  /** The registered document it clashes with. */
  registrationNo: z.string().max(100).optional(),
});
export type LedgerProblem = z.infer<typeof ledgerProblemSchema>;

export interface CheckedRow {
  row: number;
  /** The document as it would be registered (absent when the row cannot make one). */
  draft?: DocumentDraft;
  /** The old 收文编号, kept as the file has it. */
  registrationNo?: string;
  status: DocumentStatus;
  /** The 办结日期 the ledger gives a document it shows as closed (办结, 归档, 清退 or 销毁). */
  completedOn?: string;
  problems: LedgerProblem[];
}

const DATE_FIELDS = ['receivedDate', 'documentDate'] as const;
const OPEN = new Set<DocumentStatus>(OPEN_STATUSES);

/** 办理状态 words of old ledgers → the life-cycle status the document is imported in. Empty: still open (已登记). */
const STATUS_WORDS: [RegExp, DocumentStatus][] = [
  [/销毁/, 'destroyed'],
  [/清退/, 'cleared'],
  [/归档|存档/, 'archived'],
  // 已登记 and 已收回 are DocTrail's own words for open documents (its exported 收文登记簿 read back).
  [/未办结|未办|在办|办理中|待办|待阅|传阅中|已登记|已收回|未完成|处理中/, 'registered'],
  [/办结|已办|完成|已阅|结束/, 'completed'],
];

/** 来源 words of old ledgers → how the document came. Empty: the ledger does not say (`imported`). */
const SOURCE_WORDS: [RegExp, Source][] = [
  [/传真/, 'fax'],
  [/机要/, 'courier'],
  [/邮件|邮箱|e-?mail/i, 'email'],
  [/门户|OA|网站|系统|电子公文|公文交换|网上|平台/i, 'portal'],
  [/纸|原件|来人|送达|邮寄|信函|交换站|文件交换/, 'paper'],
];

export function sourceOf(text: string | undefined): Source | undefined {
  const value = text?.replace(/\s+/g, '');
  if (!value) return 'imported';
  if ((SOURCES as readonly string[]).includes(value)) return value as Source;
  return SOURCE_WORDS.find(([pattern]) => pattern.test(value))?.[1];
}

export function statusOf(text: string | undefined): DocumentStatus | undefined {
  const value = text?.replace(/\s+/g, '');
  if (!value) return 'registered';
  if ((DOCUMENT_STATUSES as readonly string[]).includes(value)) return value as DocumentStatus;
  return STATUS_WORDS.find(([pattern]) => pattern.test(value))?.[1];
}

const cut = (text: string) => text.slice(0, 200);

/** One row alone: its document, or why it cannot be one. */
export function checkRow({ row, cells }: LedgerRow): CheckedRow {
  const problems: LedgerProblem[] = [];
  const draft: Record<string, unknown> = {};
  const text = (field: ImportField) => {
    const value = cells[field];
    return value === undefined ? undefined : normaliseText(value) || undefined;
  };

  const title = text('title');
  if (title) draft.title = title;
  const issuer = text('issuer');
  if (issuer) draft.issuer = issuer;
  const docNumber = text('docNumber');
  // A 文号 in another bracket style is written with 〔〕; one that is not 文号-shaped is kept as the ledger has it.
  if (docNumber) draft.docNumber = fieldValue('docNumber', docNumber) ?? docNumber;

  const received = text('receivedDate');
  for (const field of DATE_FIELDS) {
    const raw = text(field);
    if (!raw) continue;
    const date = fieldValue(field, raw);
    if (date) draft[field] = date;
    else problems.push({ code: 'bad-date', field, value: cut(raw) });
  }
  const contextYear = typeof draft.receivedDate === 'string' ? Number(draft.receivedDate.slice(0, 4)) : undefined;
  const deadline = text('deadline');
  if (deadline) {
    const value = fieldValue('deadline', deadline, contextYear);
    if (!value) problems.push({ code: 'bad-date', field: 'deadline', value: cut(deadline) });
    else if (value.endsWith(WORKING_DAYS_SUFFIX)) draft.deadlineWorkingDays = Number.parseInt(value, 10);
    else draft.deadline = value;
  }

  const level = text('classification');
  if (level) {
    const classification = fieldValue('classification', level);
    if (classification) draft.classification = classification;
    else problems.push({ code: 'unknown-classification', field: 'classification', value: cut(level) });
    // 秘密★5年 carries its 保密期限.
    const period = classificationPeriod(level.replace(/\s+/g, ''));
    if (period) draft.classificationPeriod = period;
  }
  const period = text('classificationPeriod');
  if (period) draft.classificationPeriod = fieldValue('classificationPeriod', period) ?? period;

  const urgency = text('urgency');
  if (urgency) {
    const value = fieldValue('urgency', urgency);
    if (value) draft.urgency = value;
    else problems.push({ code: 'unknown-urgency', field: 'urgency', value: cut(urgency) });
  }
  for (const field of ['copies', 'copyNumber'] as const) {
    const raw = text(field);
    if (raw) draft[field] = fieldValue(field, raw) ?? raw;
  }

  // 来源: the ledger's column when it has one; otherwise the document shows it came from an imported ledger.
  const sourceText = text('source');
  const source = sourceOf(sourceText);
  if (source) draft.source = source;
  else problems.push({ code: 'unknown-source', field: 'source', value: cut(sourceText ?? '') });

  const statusText = text('status');
  // A 办结日期 with no 办理状态 says the document was 办结.
  const completedText = text('completedOn');
  const status = !statusText && completedText ? 'completed' : statusOf(statusText);
  if (!status) problems.push({ code: 'unknown-status', field: 'status', value: cut(statusText ?? '') });
  // 办结日期: read as the other dates; kept for a document the ledger shows as closed (an open one has not been 办结 yet).
  let completedOn: string | undefined;
  if (completedText) {
    completedOn = fieldValue('receivedDate', completedText);
    if (!completedOn) problems.push({ code: 'bad-date', field: 'completedOn', value: cut(completedText) });
    // 办结 before it was received: a slip of the pen (the statistics would count negative working days).
    else if (typeof draft.receivedDate === 'string' && completedOn < draft.receivedDate) {
      problems.push({ code: 'completed-before-received', field: 'completedOn', value: completedOn });
      completedOn = undefined;
    }
  }

  // The mandatory elements of a registration, as at #/new (a field already reported unreadable is not also "missing").
  const reported = new Set(problems.map((p) => p.field));
  for (const field of missingMandatory(draft as Partial<DocumentDraft>)) {
    if (!reported.has(field)) problems.push({ code: 'missing', field });
  }

  const registrationNo = text('registrationNo');
  const parsed = documentDraftSchema.safeParse(draft);
  if (!parsed.success && !problems.some((p) => p.code === 'missing' && p.field === 'title')) {
    const issue = parsed.error.issues[0];
    problems.push({ code: 'invalid', field: issue?.path.join('.').slice(0, 40) || 'document', value: cut(issue?.message ?? '') });
  }
  if (registrationNo && registrationNo.length > 100) problems.push({ code: 'invalid', field: 'registrationNo', value: cut(registrationNo) });
  return {
    row,
    ...(parsed.success && { draft: parsed.data }),
    ...(registrationNo && { registrationNo }),
    status: status ?? 'registered',
    ...(completedOn && status && !OPEN.has(status) && { completedOn }),
    problems,
  };
}

/**
 * Every row, alone and against the rows above it: a 文号 that an earlier row already has from the same 来文单位 (as
 * the register's duplicate check compares them), or an old 收文编号 given twice, is a problem of the later row.
 */
export function checkLedger(rows: readonly LedgerRow[]): CheckedRow[] {
  const byNumber = new Map<string, { row: number; issuer?: string }[]>();
  const byRegistration = new Map<string, number>();
  return rows.map((input) => {
    const checked = checkRow(input);
    const docNumber = checked.draft?.docNumber;
    if (docNumber) {
      const key = normaliseDocNumber(docNumber);
      const earlier = byNumber.get(key) ?? [];
      const twin = earlier.find((other) => sameIssuer(other.issuer, checked.draft?.issuer));
      if (twin) checked.problems.push({ code: 'duplicate-in-file', field: 'docNumber', value: cut(docNumber), row: twin.row });
      earlier.push({ row: checked.row, issuer: checked.draft?.issuer });
      byNumber.set(key, earlier);
    }
    if (checked.registrationNo) {
      const twin = byRegistration.get(checked.registrationNo);
      if (twin !== undefined) checked.problems.push({ code: 'duplicate-regno-in-file', field: 'registrationNo', value: cut(checked.registrationNo), row: twin });
      else byRegistration.set(checked.registrationNo, checked.row);
    }
    return checked;
  });
}

/**
 * The year and yearly number an old 收文编号 carries: `收〔2025〕0012号` → 2025/12, `2025-0012` → 2025/12, `SW20250012`
 * → 2025/12; a number without a year (`12`) belongs to the year it was received in. Undefined when it holds no number.
 */
export function numberInRegistration(registrationNo: string, receivedYear?: number): { year: number; sequence: number } | undefined {
  const groups = registrationNo.match(/\d+/g) ?? [];
  if (!groups.length) return undefined;
  const yearAt = groups.findIndex((g) => /^(19|20)\d{2}$/.test(g));
  if (yearAt >= 0) {
    const rest = groups.slice(yearAt + 1);
    const sequence = rest.length ? Number(rest.at(-1)) : undefined;
    return sequence ? { year: Number(groups[yearAt]), sequence } : undefined;
  }
  const packed = /^((?:19|20)\d{2})(\d{2,6})$/.exec(groups.at(-1)!);
  if (packed && groups.length === 1 && groups[0]!.length >= 6) return Number(packed[2]) ? { year: Number(packed[1]), sequence: Number(packed[2]) } : undefined;
  const sequence = Number(groups.at(-1));
  return receivedYear && sequence ? { year: receivedYear, sequence } : undefined;
}
