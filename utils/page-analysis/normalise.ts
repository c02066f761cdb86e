import type { Classification, Urgency } from '../documents/document-values';

const SPACES = /[\s\u200b]+/g;

/** Traditional characters of field labels and level words, with their simplified forms (密級 → 密级, 來文單位 → 来文单位). */
const TRADITIONAL: Record<string, string> = Object.fromEntries(
  [...'級來單號緊題標機關發編辦簽間時數門構稱絕務閱傳處記錄為證檔擬領導見實際內條碼資從審議長屬區稅財會認體團學網緩閲覽'].map((ch, i) => [
    ch,
    '级来单号紧题标机关发编办签间时数门构称绝务阅传处记录为证档拟领导见实际内条码资从审议长属区税财会认体团学网缓阅览'[i]!,
  ]),
);
export const TRADITIONAL_LABEL_CHARS: readonly string[] = Object.keys(TRADITIONAL);
const TRADITIONAL_RE = new RegExp(`[${TRADITIONAL_LABEL_CHARS.join('')}]`, 'g');

/** Simplified characters for the traditional ones labels and level words use. */
export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL_RE, (ch) => TRADITIONAL[ch] ?? ch);
}

/** Label text as a clerk would read it: no spaces (ASCII, full-width, nbsp), no `*` marker, no trailing colon; simplified characters. */
export function normaliseLabel(text: string): string {
  return toSimplified(text.replace(SPACES, '').replace(/^[*＊]+|[*＊]+$/g, '').replace(/[:：]+$/, ''));
}

export function normaliseText(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

export function normaliseTitle(text: string): string | undefined {
  const collapsed = normaliseText(text);
  return collapsed.length >= 2 ? collapsed : undefined;
}

const OPEN = '[\\[(（【﹝〔［]';
const CLOSE = '[\\])）】﹞〕］]';
const DOC_NUMBER = new RegExp(`^(.{0,30}?)${OPEN}((?:19|20)\\d{2})${CLOSE}(第?\\d{1,5}[号號])$`);
/**
 * Numbering without brackets, kept as written: by year (`国家税务总局公告2026年第3号`, `2026年第3号`) or by 字 and a
 * serial that starts with the ROC year (`南府社工字第1150045678號`, the form of documents in traditional characters).
 */
const YEAR_NUMBER = /^([\u4e00-\u9fa5A-Za-z]{0,30}?)((?:19|20)\d{2})年第\d{1,5}[号號]$|^[\u4e00-\u9fa5]{1,20}字第\d{4,12}[号號]$/;
const FIND_DOC_NUMBER = new RegExp(`[\\u4e00-\\u9fa5A-Za-z]{1,20}(?:${OPEN}(?:19|20)\\d{2}${CLOSE}第?\\d{1,5}|(?:19|20)\\d{2}年第\\d{1,5}|字第\\d{4,12})[号號]`);

/** 文号 with its year in 〔〕, whatever brackets the page used: `市应急发[2026]7号` → `市应急发〔2026〕7号`; `…公告2026年第3号` as written. */
export function normaliseDocNumber(text: string): string | undefined {
  const compact = text.replace(SPACES, '');
  if (compact.length > 48) return undefined;
  const match = DOC_NUMBER.exec(compact);
  if (match) return `${match[1]}〔${match[2]}〕${match[3]}`;
  return YEAR_NUMBER.test(compact) ? compact : undefined;
}

/**
 * The office's own 收文 serial in the shape of a 文号 — its 代字 ends in 收 (`江路政收（2026）37号`, `收〔2026〕0087`): the
 * portal's registration number, never the sender's 文号 (also `收字〔2026〕12号`, `收文〔2026〕12号`).
 */
export const RECEIPT_SERIAL = /^[\u4e00-\u9fa5]{0,12}收[字文]?[\[(（【﹝〔［](?:19|20)\d{2}[\])）】﹞〕］]第?\d{1,6}号?$/;

/** Finds a 文号 inside longer text (e.g. `省政办发〔2026〕15号 签发人：王某`). */
export function findDocNumber(text: string): string | undefined {
  const match = FIND_DOC_NUMBER.exec(text.length > 400 ? text.slice(0, 400).replace(SPACES, '') : text.replace(SPACES, ''));
  return match ? normaliseDocNumber(match[0]) : undefined;
}

const CLASSIFICATIONS: [RegExp, Classification][] = [
  [/绝密/, 'top-secret'],
  [/机密/, 'secret'],
  [/(?<!工作)秘密/, 'confidential'],
  [/内部|工作秘密/, 'internal'],
  [/非密|公开|不涉密|非涉密|明文/, 'none'],
];

/** One level, or undefined — text naming several levels (`公开/内部/秘密`) describes a choice, not a document. */
function onlyOne<T>(text: string, table: [RegExp, T][]): T | undefined {
  const hits = table.filter(([pattern]) => pattern.test(text));
  return hits.length === 1 ? hits[0]![1] : undefined;
}

/**
 * The state-secret level a 密级 value names. 工作秘密 is a work secret, marked like 内部 — never a state-secret
 * level; 一般 / 明文 / 公开 / 非密 mean not classified; a portal's own levels (私密, 保密) are no level at all.
 */
export function normaliseClassification(text: string): Classification | undefined {
  const compact = toSimplified(text.replace(SPACES, ''));
  if (compact.length > 40) return undefined;
  if (/^(非密|公开|无|普通|不涉密|非涉密|一般|明文|公开文件|非秘密|不保密)$/.test(compact)) return 'none';
  if (/^(内部(公开|资料|文件|事项)?|工作秘密(★.*)?)$/.test(compact)) return 'internal';
  return onlyOne(compact, CLASSIFICATIONS);
}

/** 保密期限 from `秘密★5年`, `机密*10年`, `绝密★长期`: what follows the star; undefined when none is given. */
export function classificationPeriod(text: string): string | undefined {
  const match = /(?:绝密|机密|秘密)\s*[★*＊☆]\s*([0-9一二三四五六七八九十]+\s*(?:年|个月|月)|长期)/.exec(text);
  return match ? match[1]!.replace(SPACES, '') : undefined;
}

const URGENCIES: [RegExp, Urgency][] = [
  [/特提/, 'flash'],
  [/特急/, 'very-urgent'],
  [/加急|急件|紧急|^急$/, 'urgent'],
  [/平急|普通|平件|一般|^平$|^缓$|^常规$/, 'normal'],
];

export function normaliseUrgency(text: string): Urgency | undefined {
  const compact = toSimplified(text.replace(SPACES, ''));
  if (compact.length > 20) return undefined;
  return onlyOne(compact, URGENCIES);
}

/** Chinese digits (zero in each way a year is written: 〇 零 ○ O Ｏ o ０). */
const CN_DIGITS: Record<string, number> = Object.fromEntries([...'〇零○OＯo０一二三四五六七八九'].map((ch, i) => [ch, Math.max(i - 6, 0)]));

function chineseYear(text: string): number | undefined {
  let value = 0;
  for (const ch of text) {
    const digit = CN_DIGITS[ch];
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** "5个工作日", "收文后十个工作日内办结": a limit in working days, counted from receipt. */
export function workingDayLimit(text: string): number | undefined {
  const match = /([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*个?\s*工作日/.exec(text.replace(SPACES, ''));
  const days = match ? chineseSmall(match[1]!) : undefined;
  return days && days >= 1 && days <= 60 ? days : undefined;
}

/** 一 … 三十一 (also 廿, 卅) as a number. */
function chineseSmall(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二三四五六七八九]|廿|卅)?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return undefined;
  const [, head, ten, unit] = match;
  const unitValue = unit ? CN_DIGITS[unit]! : 0;
  if (head === '廿') return 20 + unitValue;
  if (head === '卅') return 30 + unitValue;
  if (ten) return (head ? CN_DIGITS[head]! : 1) * 10 + unitValue;
  return head ? CN_DIGITS[head] : undefined;
}

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1949 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * `2026-3-2 09:15`, `2026.3.2`, `2026/03/02`, `20260302`, `2026年3月2日`, `二〇二六年三月二日` → `2026-03-02`;
 * `3月10日前` takes `contextYear`. Anything else, or a day that does not exist → undefined.
 */
export function normaliseDate(text: string, contextYear?: number): string | undefined {
  const numeric = /((?:19|20)\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)/.exec(text);
  const compact = text.replace(SPACES, '');
  if (numeric) return isoDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  // Republic-of-China years, in pages written in traditional characters: 115.03.05 / 115年3月5日 is 2026-03-05.
  const roc = /^(?:民國)?(1[01]\d)[./年-](\d{1,2})[./月-](\d{1,2})日?(?!\d)/.exec(compact);
  if (roc) return isoDate(Number(roc[1]) + 1911, Number(roc[2]), Number(roc[3]));
  const packed = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(compact);
  if (packed) return isoDate(Number(packed[1]), Number(packed[2]), Number(packed[3]));
  const chinese = /([〇零○０一二三四五六七八九OＯo]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十廿卅]{1,3})日/.exec(compact);
  if (chinese) {
    const [y, m, d] = [chineseYear(chinese[1]!), chineseSmall(chinese[2]!), chineseSmall(chinese[3]!)];
    return y && m && d ? isoDate(y, m, d) : undefined;
  }
  // A month and day (`3月10日前`, `请于三月十日前办结`) takes the year of the document.
  const monthDay = compact.length <= 30 && /(?<![\d年])(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日/.exec(compact);
  if (monthDay && contextYear) return isoDate(contextYear, chineseSmall(monthDay[1]!) ?? 0, chineseSmall(monthDay[2]!) ?? 0);
  // A grid's short date (`03-05`, `3/5 10:20`) takes the year of the document too.
  const short = contextYear && /^(\d{1,2})[-/](\d{1,2})(?![\d-/.])/.exec(text.trim());
  if (short) return isoDate(contextYear, Number(short[1]), Number(short[2]));
  return undefined;
}

/** 份数 / 份号: the digits (`3份` → `3`, `第000123号` → `000123`). */
export function normaliseDigits(text: string): string | undefined {
  const match = /\d+/.exec(text.replace(SPACES, ''));
  return match?.[0];
}
