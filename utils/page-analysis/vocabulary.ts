import { normaliseLabel } from './normalise';

export const FIELD_KEYS = [
  'docNumber',
  'registrationNo',
  'title',
  'issuer',
  'classification',
  'classificationPeriod',
  'urgency',
  'copyNumber',
  'copies',
  'receivedDate',
  'documentDate',
  'deadline',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

/** Label synonyms a portal may use for each field (compared after `normaliseLabel`). */
export const FIELD_LABELS: Record<FieldKey, readonly string[]> = {
  docNumber: ['文号', '发文字号', '来文字号', '来文文号', '对方文号', '原文号', '来文编号', '发文文号', '公文文号', '文件字号', '字号', '文件编号'],
  registrationNo: ['收文编号', '收文号', '登记号', '登记编号', '流水号', '收文流水号', '收文登记号', '编号', '收文序号'],
  title: ['文件标题', '标题', '文件名称', '公文标题', '文件题目', '题目', '事由', '来文标题', '文件名', '主题', '请求标题', '公文名称', '收文标题'],
  issuer: ['来文单位', '来文机关', '发文机关', '发文单位', '来文机构', '发文部门', '来文部门', '行文单位', '成文单位'],
  classification: ['密级', '秘密等级', '密级程度', '保密等级', '文件密级', '密级及保密期限', '密级和保密期限'],
  classificationPeriod: ['保密期限', '密期'],
  urgency: ['紧急程度', '缓急', '等级', '缓急程度', '紧急度', '急缓程度', '办理缓急'],
  copyNumber: ['份号'],
  copies: ['份数', '文件份数', '来文份数', '收文份数'],
  receivedDate: ['收文日期', '收文时间', '签收日期', '签收时间', '来文日期', '收到日期', '登记日期'],
  documentDate: ['成文日期', '印发日期', '发文日期', '签发日期', '成文时间'],
  deadline: ['办理期限', '办结时限', '办理时限', '截止日期', '归还期限', '限办日期', '办结期限', '完成时限', '办理截止日期', '传阅时限', '退回期限', '归还日期', '限期', '退回时间', '退回日期'],
};

const byLabel = new Map<string, FieldKey>();
for (const key of FIELD_KEYS) for (const label of FIELD_LABELS[key]) byLabel.set(label, key);
/** Every character a label may contain, spacing and markers included: a cheap first test for the hot path. */
const LABEL_CHARS = new Set([...[...byLabel.keys()].join(''), ' ', '\t', '\n', '\r', '\u00a0', '\u3000', ':', '：', '*', '＊']);

/** The field a label names, if any: `来 文 单 位：` → `issuer`. */
export function fieldForLabel(raw: string): FieldKey | undefined {
  if (raw.length > 24) return undefined;
  for (const ch of raw) if (!LABEL_CHARS.has(ch)) return undefined;
  return byLabel.get(normaliseLabel(raw));
}

/** Whether a cell's whole text is a field label (a heading cell, not a value). */
export function isLabelCell(cell: Element): boolean {
  return fieldForLabel((cell.textContent ?? '').trim()) !== undefined;
}

/** Pinyin and English hints in control names/ids, for forms whose labels are missing. */
export const FIELD_NAME_HINTS: [RegExp, FieldKey][] = [
  [/wenhao|wen_hao|docno|doc_num|docnumber|fwzh|lwzh/i, 'docNumber'],
  [/biaoti|title|wjbt|subject/i, 'title'],
  [/laiwendanwei|lwdw|issuer|fwjg|fawenjiguan/i, 'issuer'],
  [/miji|secret|mj_?level|classif/i, 'classification'],
  [/jinji|urgen|hj_?cd|huanji/i, 'urgency'],
  [/shouwenriqi|swrq|receive.?date/i, 'receivedDate'],
  [/banliqixian|blqx|deadline|due.?date|guihuan/i, 'deadline'],
  [/fenshu|copies/i, 'copies'],
];

/** Words in headings, titles and breadcrumbs that name what kind of page this is. */
export const KIND_CUES = {
  registration: /收文登记|来文登记|公文登记|收文录入|新建收文|登记收文|收文签收登记/,
  circulation: /传阅单|阅文单|传阅登记|传阅记录单|文件传阅|传阅笺|传阅表/,
  detail: /处理笺|阅办单|处理单|办理单|呈批件|签报|收文笺|阅办笺|批办单|收文办理|公文详情|收文详情|文件详情|处理签/,
  list: /待办|待阅|收文列表|收文查询|收文管理|登记簿|已办|公文列表|文件列表|我的待办/,
} as const;

/** Cues of pages that look like documents but are publications, accounts or settings. */
export const NEGATIVE_CUES = /索引号|信息公开目录|发布机构|政策解读|用户登录|忘记密码|验证码/;
