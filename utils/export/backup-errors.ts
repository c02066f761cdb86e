/**
 * Why a backup file was refused: a structured error naming the line, the record (index and id or
 * sequence) and the field, and the message a clerk reads, in either language.
 */
import type { BreakKind } from '../register/hash-chain';
import type { Contradiction } from '../register/log-audit';
import type { Language } from '../i18n';
import type { z } from '../zod';

export type BackupErrorCode =
  | 'too-large'
  | 'not-text'
  | 'not-json'
  | 'too-long-line'
  | 'truncated'
  | 'wrong-format'
  | 'wrong-version'
  | 'invalid-record'
  | 'duplicate-id'
  | 'chain-broken'
  | 'count-mismatch'
  | 'number-conflict'
  /** A document record says something its own log contradicts (a record edited in the file, a forged restore). */
  | 'record-contradicts-log';

/** What was wrong with a field, in words both languages can render. */
export type FieldProblem =
  | { kind: 'type'; expected: string; received: string }
  | { kind: 'value'; options?: string[] }
  | { kind: 'unknown-keys'; keys: string[] }
  | { kind: 'too-long'; maximum: number }
  /** Nested deeper than a record ever is (a hostile file; reading it would exhaust the stack). */
  | { kind: 'too-deep'; maximum: number }
  | { kind: 'format' }
  | { kind: 'other' };

export interface BackupError {
  code: BackupErrorCode;
  /** 1-based line of the file. */
  line?: number;
  /** `header`, `documents[17]` or `events[1233]` (0-based, as a JSON path). */
  record?: string;
  id?: string;
  sequence?: number;
  field?: string;
  problem?: FieldProblem;
  breakKind?: BreakKind | 'head-mismatch';
  /** What the file holds and what was expected there, where that helps (a version, a count, a hash). */
  found?: string;
  expected?: string;
  /** A guess at what the file really is (`xlsx`, `csv`, `pdf`). */
  hint?: string;
  /** Every record field the file's own log contradicts (record value against the value replayed from the log). */
  contradictions?: Contradiction[];
  /** The reason in English, for logs and tests. */
  detail: string;
}

export class BackupRejected extends Error {
  constructor(readonly error: BackupError) {
    super(error.detail);
  }
}

export const reject = (error: BackupError): never => {
  throw new BackupRejected(error);
};

function typeName(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

/** The first zod issue as a field and a problem. */
export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): { field: string; problem: FieldProblem; message: string } {
  const field = fieldPath(issue.path);
  const message = `${field || '(record)'}: ${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      return { field, message, problem: { kind: 'type', expected: String(issue.expected), received: typeName(valueAt(raw, issue.path)) } };
    case 'invalid_value':
      return { field, message, problem: { kind: 'value', options: issue.values.map((v) => String(v)) } };
    case 'unrecognized_keys':
      return { field, message, problem: { kind: 'unknown-keys', keys: issue.keys } };
    case 'too_big':
      return { field, message, problem: { kind: 'too-long', maximum: Number(issue.maximum) } };
    case 'invalid_format':
      return { field, message, problem: { kind: 'format' } };
    default:
      return { field, message, problem: { kind: 'other' } };
  }
}

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: '是/否',
  object: '对象',
  array: '数组',
  null: '空值',
  missing: '缺失',
};

function problemZh(problem: FieldProblem | undefined, detail: string): string {
  switch (problem?.kind) {
    case 'type':
      return problem.received === 'missing' ? '缺少此字段' : `应为${TYPE_ZH[problem.expected] ?? problem.expected}，实为${TYPE_ZH[problem.received] ?? problem.received}`;
    case 'value':
      return problem.options?.length ? `取值不在允许范围内（可选：${problem.options.join('、')}）` : '取值不正确';
    case 'unknown-keys':
      return `有不认识的字段 ${problem.keys.join('、')}`;
    case 'too-long':
      return `过长（最多 ${problem.maximum}）`;
    case 'too-deep':
      return `嵌套层数过多（最多 ${problem.maximum} 层），不是文迹写出的备份`;
    case 'format':
      return '格式不正确';
    default:
      return detail;
  }
}

function problemEn(problem: FieldProblem | undefined, detail: string): string {
  switch (problem?.kind) {
    case 'type':
      return problem.received === 'missing' ? 'is missing' : `should be ${problem.expected}, is ${problem.received}`;
    case 'value':
      return problem.options?.length ? `is not one of ${problem.options.join(', ')}` : 'has a wrong value';
    case 'unknown-keys':
      return `has unknown field(s) ${problem.keys.join(', ')}`;
    case 'too-long':
      return `is too long (at most ${problem.maximum})`;
    case 'too-deep':
      return `is nested too deeply (at most ${problem.maximum} levels); DocTrail never writes that`;
    case 'format':
      return 'has a wrong format';
    default:
      return detail;
  }
}

const BREAK_ZH: Record<NonNullable<BackupError['breakKind']>, string> = {
  'content-changed': '内容被改动',
  'link-broken': '与前一条不衔接（记录被改动、删除或插入）',
  'missing-events': '记录缺失或顺序被打乱',
  unsealed: '记录没有哈希',
  'head-mismatch': '文件头所记末条哈希与实际不符',
};
const BREAK_EN: Record<NonNullable<BackupError['breakKind']>, string> = {
  'content-changed': 'its content was changed',
  'link-broken': 'it does not link to the one before (changed, removed or inserted records)',
  'missing-events': 'records are missing or out of order',
  unsealed: 'it has no hash',
  'head-mismatch': "the header's last hash is not the last record's",
};
const HINT_ZH: Record<string, string> = { xlsx: 'Excel 或 ZIP 文件', csv: '文迹导出的 CSV 表格', pdf: 'PDF 文件', ole: '旧版 Office 文件' };
const HINT_EN: Record<string, string> = { xlsx: 'an Excel or ZIP file', csv: 'a CSV export', pdf: 'a PDF file', ole: 'an old Office file' };

function whereZh(e: BackupError): string {
  const key = e.id !== undefined ? `（id ${e.id}）` : e.sequence !== undefined ? `（第 ${e.sequence} 条）` : '';
  const record = e.record === 'header' ? '文件头' : e.record ? `${e.record}${key}` : '';
  return `${e.line ? `第 ${e.line} 行` : ''}${record ? ` ${record}` : ''}`.trim();
}

function whereEn(e: BackupError): string {
  const key = e.id !== undefined ? ` (id ${e.id})` : e.sequence !== undefined ? ` (sequence ${e.sequence})` : '';
  return [e.line ? `line ${e.line}` : '', e.record ? `${e.record}${key}` : ''].filter(Boolean).join(', ');
}

/** The message a clerk reads. The register is never changed when a file is refused; the caller says so. */
export function describeBackupError(e: BackupError, language: Language): string {
  return language === 'zh-CN' ? describeZh(e) : describeEn(e);
}

function describeZh(e: BackupError): string {
  const where = whereZh(e);
  switch (e.code) {
    case 'too-large':
      return `文件有 ${e.found}，超过备份文件的上限 ${e.expected}，不是文迹备份文件。`;
    case 'not-text':
      return `第 ${e.line} 行不是 UTF-8 文本：这不是文迹备份文件${e.hint ? `（看起来是${HINT_ZH[e.hint] ?? e.hint}）` : ''}。`;
    case 'not-json':
      return e.line === 1
        ? `这不是文迹备份文件：内容不是 JSON（开头是“${e.found}”${e.hint ? `，看起来是${HINT_ZH[e.hint] ?? e.hint}` : ''}）。`
        : `${where}不是有效的 JSON（“${e.found}”），文件已损坏。`;
    case 'too-long-line':
      return `第 ${e.line} 行过长（超过 ${e.expected} 个字符），不是文迹备份文件。`;
    case 'truncated':
      return `文件不完整（在第 ${e.line} 行截断）：备份没有写完，或复制、传输时被截断。`;
    case 'wrong-format':
      // In words, never the raw JSON the reader expected.
      if (e.field === 'format') return `这不是文迹备份文件${e.found === '"doctrail-profile"' ? '，而是识别规则文件（请在“设置 → 识别规则”中导入）' : ''}。请选择文迹“导出与备份”保存的备份文件。`;
      return e.line === 1
        ? '这不是文迹备份文件：第一行不是文迹备份的文件头。请选择文迹“导出与备份”保存的备份文件（不要在编辑器中改动或重新排版）。'
        : `备份文件在第 ${e.line} 行不完整或被改动过（${e.expected === '(end of file)' ? '文件应在此结束' : '此处应是下一条记录'}），不能导入。`;
    case 'wrong-version':
      return e.field === 'schemaVersion'
        ? `此备份来自较新版本的文迹（数据库版本 ${e.found}，本机为 ${e.expected}），请先升级文迹再导入。`
        : `版本不支持：备份格式版本为 ${e.found}，本版文迹只能读取版本 ${e.expected}。`;
    case 'invalid-record':
      return `${where}的字段 ${e.field || '（整条记录）'} 不正确：${problemZh(e.problem, e.detail)}。`;
    case 'duplicate-id':
      return `${where}：${e.field} ${e.found} 重复${e.expected ? `（已在第 ${e.expected} 行出现）` : ''}。`;
    case 'chain-broken':
      return `处理记录的哈希链在第 ${e.sequence} 条断开：${BREAK_ZH[e.breakKind ?? 'link-broken']}（${where}）。文件被改动过，不能导入。`;
    case 'count-mismatch':
      return `${e.field === 'documents' ? '公文' : '处理记录'}数量不符：文件头写明 ${e.expected} 条，实有 ${e.found} 条。`;
    case 'number-conflict':
      return `收文编号 ${e.found} 在备份中属于另一件公文（${where}），与本台账中已有的公文编号重复，不能合并。`;
    case 'record-contradicts-log':
      return `备份中的登记记录与它自己的处理记录不符（${where}，字段 ${e.field}：记录为 ${e.found}，按处理记录应为 ${e.expected}${e.contradictions && e.contradictions.length > 1 ? `，共 ${e.contradictions.length} 处` : ''}）。登记记录在处理记录之外被改动过，不能导入。`;
  }
}

function describeEn(e: BackupError): string {
  const where = whereEn(e);
  switch (e.code) {
    case 'too-large':
      return `The file is ${e.found}, more than a backup can be (${e.expected}): not a DocTrail backup.`;
    case 'not-text':
      return `Line ${e.line} is not UTF-8 text: not a DocTrail backup${e.hint ? ` (it looks like ${HINT_EN[e.hint] ?? e.hint})` : ''}.`;
    case 'not-json':
      return e.line === 1
        ? `Not a DocTrail backup: the file is not JSON (it begins “${e.found}”${e.hint ? `; it looks like ${HINT_EN[e.hint] ?? e.hint}` : ''}).`
        : `${where} is not valid JSON (“${e.found}”): the file is damaged.`;
    case 'too-long-line':
      return `Line ${e.line} is too long (over ${e.expected} characters): not a DocTrail backup.`;
    case 'truncated':
      return `The file is incomplete (cut off at line ${e.line}): the backup was not finished or was cut while copied.`;
    case 'wrong-format':
      if (e.field === 'format') return `Not a DocTrail backup${e.found === '"doctrail-profile"' ? ' but a site-profile file (import it under Settings → Profiles)' : ''}. Choose a backup saved by DocTrail’s Export & backup.`;
      return e.line === 1
        ? 'Not a DocTrail backup: the first line is not a DocTrail backup header. Choose a backup saved by DocTrail’s Export & backup (not edited or reformatted).'
        : `The backup is incomplete or was changed at line ${e.line} (${e.expected === '(end of file)' ? 'the file should end there' : 'the next record should be there'}): it cannot be imported.`;
    case 'wrong-version':
      return e.field === 'schemaVersion'
        ? `This backup comes from a newer DocTrail (database version ${e.found}, this one is ${e.expected}): update DocTrail first.`
        : `Unsupported version: the backup's formatVersion is ${e.found}, this DocTrail reads version ${e.expected}.`;
    case 'invalid-record':
      return `${where}: field ${e.field || '(the record)'} ${problemEn(e.problem, e.detail)}.`;
    case 'duplicate-id':
      return `${where}: ${e.field} ${e.found} appears twice${e.expected ? ` (first at line ${e.expected})` : ''}.`;
    case 'chain-broken':
      return `The log's hash chain breaks at event ${e.sequence}: ${BREAK_EN[e.breakKind ?? 'link-broken']} (${where}). The file was changed and cannot be imported.`;
    case 'count-mismatch':
      return `The number of ${e.field === 'documents' ? 'documents' : 'events'} does not match: the header says ${e.expected}, the file holds ${e.found}.`;
    case 'number-conflict':
      return `Registration number ${e.found} belongs to another document in this register (${where}): the two registers cannot be merged.`;
    case 'record-contradicts-log':
      return `A document record in the backup disagrees with its own log (${where}, field ${e.field}: the record has ${e.found}, the log gives ${e.expected}${e.contradictions && e.contradictions.length > 1 ? `; ${e.contradictions.length} places in all` : ''}). The records were changed outside the log: the file cannot be imported.`;
  }
}
