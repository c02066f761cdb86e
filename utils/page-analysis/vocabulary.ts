import { findDocNumber, normaliseDocNumber, normaliseLabel, RECEIPT_SERIAL, TRADITIONAL_LABEL_CHARS } from './normalise';

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

/** Label synonyms a portal may use for each field (compared after `normaliseLabel`), space-separated. */
export const FIELD_LABELS: Record<FieldKey, string> = {
  docNumber: '文号 发文字号 来文字号 来文文号 对方文号 原文号 来文编号 发文文号 公文文号 文件字号 字号 文件编号 公文编号 原文编号 来文号 原文字号 原文文号 发文编号 公文字号 文件文号 文件字 来文文字号 来文档号',
  registrationNo: '收文编号 收文字号 单号 收文单号 收文号码 内部编号 登记流水号 收文号 登记号 登记编号 流水号 收文流水号 收文登记号 编号 收文序号 单据号 收文总编号 顺序号 收文顺序号 登记序号 流水编号 收文总号 办文编号 办文号 收文单编号 单据编号 登记编码 收文登记编号',
  title: '文件标题 标题 文件名称 公文标题 文件题目 题目 事由 来文标题 文件名 主题 请求标题 公文名称 收文标题 文件题名 题名 公文题目 来文名称 文件主题 公文主题 文件标题名称 主旨',
  issuer: '来文单位 来文机关 发文机关 发文单位 来文机构 发文部门 来文部门 行文单位 成文单位 来文单位名称 发文机构 发送单位 来文方 来函单位 来源单位 印发机关',
  classification: '密级 秘密等级 密级程度 保密等级 文件密级 密级及保密期限 密级和保密期限 公文密级 机密程度 秘密程度 保密级别 密级等级 来文密级 机密度 密级度 保密密级',
  classificationPeriod: '保密期限 密期',
  urgency: '紧急程度 缓急 等级 缓急程度 紧急度 急缓程度 办理缓急 公文等级 文件等级 紧急等级 紧急级别 缓急等级 公文缓急 文件缓急',
  copyNumber: '份号',
  copies: '份数 文件份数 来文份数 收文份数 文件数量',
  receivedDate: '收文日期 收文时间 接收时间 接收日期 收件日期 收件时间 到文日期 到文时间 签收日期 签收时间 来文日期 收到日期 登记日期 来文时间 收文登记日期 收到时间 到达时间',
  documentDate: '成文日期 印发日期 发文日期 签发日期 成文时间 原文日期 发文时间 印发时间 文件日期 公文日期 签发时间 原文时间 发布日期 发布时间 落款日期 落款时间 制发日期 文件成文日期 成文印发日期',
  deadline: '办理期限 办结时限 办理时限 截止日期 归还期限 限办日期 办结期限 完成时限 办理截止日期 传阅时限 退回期限 归还日期 限期 退回时间 退回日期 办结时间 办结日期 主办单位办结时间 主办科室办结日期 要求办结时间 要求办结日期 完成期限 截止时间 办理截止时间 要求完成时间 限办时间 反馈时限 反馈期限 办理时间要求 办理时效 办理时间 限办期限 要求办结期限 要求完成日期 要求反馈时间 办理完成时限 办毕时限 限时',
};

/**
 * Labels whose field is decided by the value's shape: a 文号-shaped value (`泉政办〔2026〕41号`) is the sender's
 * 文号, anything else (`SW-2026-0451`) the portal's own number.
 */
export const NUMBER_LABELS = new Set(['编号', '收文字号', '公文编号', '文件编号', '原文编号', '来文编号', '来文号', '发文编号']);

const byLabel = new Map<string, FieldKey>();
for (const key of FIELD_KEYS) for (const label of FIELD_LABELS[key].split(' ')) byLabel.set(label, key);
/** Every label, longest first. */
export const ALL_LABELS = [...byLabel.keys()].sort((a, b) => b.length - a.length);
/** Every character a label may contain, spacing and markers included: a cheap first test for the hot path. */
const LABEL_CHARS = new Set([...ALL_LABELS.join(''), ...TRADITIONAL_LABEL_CHARS, ...' \t\n\r\u00a0\u3000:：*＊或/、承']);

/**
 * The field a label names, if any: `来 文 单 位：` → `issuer`, `密級` → `classification`. A label naming two things
 * (`来文机关或部门`, `收文日期/时间`) names the field of the parts that are labels, when they agree; the lead unit's
 * role before a label (`主办办结时间`, `承办单位办理期限`) does not change its field.
 */
export function fieldForLabel(raw: string): FieldKey | undefined {
  if (raw.length > 24) return undefined;
  for (const ch of raw) if (!LABEL_CHARS.has(ch)) return undefined;
  const label = normaliseLabel(raw);
  const field = byLabel.get(label) ?? byLabel.get(label.replace(/^(主办|承办)(单位|科室|部门)?/, ''));
  if (field || !/[或/、]/.test(label)) return field;
  const fields = new Set(label.split(/[或/、]/).map((part) => byLabel.get(part)).filter((f) => f));
  return fields.size === 1 ? [...fields][0] : undefined;
}

/** The field of a label and value read together (`编号` + `SW-2026-0451` → registrationNo, + `X〔2026〕1号` → docNumber). */
export function fieldForPair(labelText: string, field: FieldKey, value: string): FieldKey {
  if (field !== 'docNumber' && field !== 'registrationNo') return field;
  if (!NUMBER_LABELS.has(normaliseLabel(labelText))) return field;
  return !RECEIPT_SERIAL.test(value.trim()) && (normaliseDocNumber(value) || findDocNumber(value)) ? 'docNumber' : 'registrationNo';
}

/** Whether a cell's whole text is a field label (a heading cell, not a value). */
export function isLabelCell(cell: Element): boolean {
  return fieldForLabel((cell.textContent ?? '').trim()) !== undefined;
}

/** 来文日期 beside a 收文日期 / 签收日期 / 登记日期 is the date the sender gave the document, not when it came. */
export const SENDER_DATE = /^来文(日期|时间)$/;

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
  registration: /收文登记|来文登记|公文登记|收文录入|新建收文|登记收文|收文签收登记|收文签$|创建收文|新增收文|收文新增/,
  circulation: /传阅单|阅文单|传阅登记|传阅记录单|文件传阅|传阅笺|传阅表|传阅情况/,
  detail: /处理笺|阅办单|处理单|办理单|呈批件|签报|收文笺|阅办笺|批办单|收文办理|公文详情|收文详情|文件详情|处理签|收文单|办文单|收文处理|处理专用单|阅文处理/,
  list: /待办|待阅|收文列表|收文查询|收文管理|登记簿|已办|公文列表|文件列表|我的待办/,
} as const;

/** Cues of pages that look like documents but are publications, accounts or settings. */
export const NEGATIVE_CUES = /索引号|信息公开目录|发布机构|政策解读|用户登录|忘记密码|验证码/;

/** Weaker cues of pages that are not an incoming document: announcements, outgoing drafts, settings, searches. */
export const SOFT_NEGATIVE_CUES = /通知公告|公告栏|新闻动态|个人设置|个人信息|修改密码|系统设置|发文拟稿|发文登记|发文稿纸|发文单|拟稿|高级搜索|查询条件|登录/;
