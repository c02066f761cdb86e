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

/**
 * Label synonyms a portal may use for each field (compared after `normaliseLabel`), space-separated; `甲|乙+丙|丁`
 * stands for every head joined to every tail (甲丙 甲丁 乙丙 乙丁). A circulation module's 传阅主题 is the document's title,
 * and its 传阅规则 line names the level among the permissions (允许上传附件；秘密).
 */
export const FIELD_LABELS: Record<FieldKey, string> = {
  docNumber: '文号 字号 文件字 原文号 来文号 行文号 发文号 公文号 文件号 来文文字号 来文档号 来文编号 文件编号 公文编号 原文编号 发文编号 文件编码 来文编码 来文|发文|对方|原文|公文|文件|行文|来函|原件|来件+文号|字号',
  registrationNo: '编号 单号 内部编号 登记流水号 登记号 登记编号 流水号 单据号 顺序号 登记序号 流水编号 办文编号 办文号 单据编号 登记编码 收件编号 收件号 来文登记号 签收编号 签收号 登记号码 总收文号 收文+编号|字号|文号|单号|号码|号|流水号|登记号|序号|总编号|顺序号|总号|单编号|登记编号|编码|登记序号|序列号',
  title: '文件标题 传阅主题 标题 文件名称 公文标题 文件题目 题目 事由 来文标题 文件名 主题 请求标题 公文名称 收文标题 文件题名 题名 公文题目 来文名称 文件主题 公文主题 文件标题名称 主旨',
  issuer: '来文单位 来文机关 发文机关 发文单位 来文机构 发文部门 来文部门 行文单位 成文单位 来文单位名称 发文机构 发送单位 来文方 来函单位 来源单位 印发机关 来件单位 来函机关 发文机关名称 来文机关名称',
  classification: '密级 秘密等级 密级程度 保密等级 文件密级 密级及保密期限 密级和保密期限 公文密级 机密程度 秘密程度 保密级别 密级等级 来文密级 机密度 密级度 保密密级 传阅规则',
  classificationPeriod: '保密期限 密期',
  urgency: '紧急程度 缓急 等级 缓急程度 紧急度 急缓程度 办理缓急 公文等级 文件等级 紧急等级 紧急级别 缓急等级 公文缓急 文件缓急',
  copyNumber: '份号',
  copies: '份数 文件份数 来文份数 收文份数 文件数量',
  receivedDate: '收文登记日期 收文登记时间 登记日期 收文|接收|收件|到文|签收|收到|到达|来文|收发文+日期|时间',
  documentDate: '成文|印发|发文|签发|原文|文件|公文|发布|落款|制发|行文|形成|制文|出文|签署|文件形成|文件成文|文件签发|成文印发|来文成文+日期|时间',
  deadline:
    '限期 期限 时限 限时 办理期 办理时间要求 办理时效 办理时间 主办单位办结时间 主办科室办结日期 办理|办结|完成|传阅|退回|归还|反馈|回复|答复|报送|上报|截止|承办|处理|阅办|办文|退还|退文|限办|办毕|截至|办理截止|办理截至|办理完成|要求办结|要求完成|要求反馈|要求回复|要求报送|最迟办结|限期办结|应办结+期限|时限 截止|截至|限办|归还|退回|办结|要求办结|要求完成|要求反馈|要求回复|要求报送|办理截止|办理截至|最迟办结|应办结|限期办结|反馈截止|报送截止+日期|时间',
};

/**
 * Labels whose field is decided by the value's shape: a 文号-shaped value (`泉政办〔2026〕41号`) is the sender's
 * 文号, anything else (`SW-2026-0451`) the portal's own number.
 */
export const NUMBER_LABELS = new Set('编号 收文字号 收文文号 公文编号 文件编号 原文编号 来文编号 来文号 发文编号 文件编码 来文编码'.split(' '));

/** Labels that name a field only loosely: a label naming it fully (收文编号 beside 单号) wins over them. */
export const GENERIC_LABELS = new Set('编号 单号 单据号 单据编号 字号 文件字 期限 时限 限期 限时 题目 主题'.split(' '));

const byLabel = new Map<string, FieldKey>();
for (const key of FIELD_KEYS)
  for (const word of FIELD_LABELS[key].split(' ')) {
    const [heads, tails] = word.split('+');
    for (const head of heads!.split('|')) for (const tail of (tails ?? '').split('|')) byLabel.set(head + tail, key);
  }
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
  // A note in brackets after the label (`收文编号（自动生成）`, `成文日期(落款)`) is not part of it.
  raw = raw.replace(/[(（][^()（）]{1,8}[)）]\s*[:：]?\s*$/, '');
  if (raw.length > 24) return undefined;
  for (const ch of raw) if (!LABEL_CHARS.has(ch)) return undefined;
  const label = normaliseLabel(raw);
  const field = byLabel.get(label) ?? byLabel.get(label.replace(/^(主办|承办)(单位|科室|部门)?/, ''));
  if (field || !/[或/、]/.test(label)) return field;
  const fields = new Set(label.split(/[或/、]/).map((part) => byLabel.get(part)).filter((f) => f));
  return fields.size === 1 ? [...fields][0] : undefined;
}

/**
 * Whether a number is the sender's 文号: its shape, with the sender's 代字 before the year. A bare `〔2026〕12号` or a
 * 代字 ending in 收 (`收〔2026〕0087`) is the portal's own count.
 */
export function senderNumber(value: string): boolean {
  const text = value.trim();
  return !RECEIPT_SERIAL.test(text) && !/^[\[(（【﹝〔［]/.test(text) && !!(normaliseDocNumber(text) || (text.length < 60 && findDocNumber(text)));
}

/** The field of a label and value read together (`编号` + `SW-2026-0451` → registrationNo, + `X〔2026〕1号` → docNumber). */
export function fieldForPair(labelText: string, field: FieldKey, value: string): FieldKey {
  if (field !== 'docNumber' && field !== 'registrationNo') return field;
  if (!NUMBER_LABELS.has(normaliseLabel(labelText))) return field;
  return senderNumber(value) ? 'docNumber' : 'registrationNo';
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
  circulation: /传阅单|阅文单|传阅登记|传阅记录单|文件传阅|传阅笺|传阅表|传阅情况|传阅详情|抄送记录/,
  detail: /处理笺|阅办单|处理单|办理单|呈批件|签报|收文笺|阅办笺|批办单|收文办理|公文详情|收文详情|文件详情|处理签|收文单|办文单|收文处理|处理专用单|阅文处理/,
  list: /待办|待阅|收文列表|收文查询|收文管理|登记簿|已办|公文列表|文件列表|我的待办/,
} as const;

/** Cues of pages that look like documents but are publications, accounts or settings. */
export const NEGATIVE_CUES = /索引号|信息公开目录|发布机构|政策解读|用户登录|忘记密码|验证码/;

/** Weaker cues of pages that are not an incoming document: announcements, outgoing drafts, settings, searches. */
export const SOFT_NEGATIVE_CUES = /通知公告|公告栏|新闻动态|个人设置|个人信息|修改密码|系统设置|发文拟稿|发文登记|发文稿纸|发文单|拟稿|高级搜索|查询条件|登录/;
