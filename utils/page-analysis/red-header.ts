import type { Candidate } from './candidates';
import { isTag } from './dom';
import { classificationPeriod, normaliseClassification, normaliseDate, normaliseDocNumber, normaliseUrgency } from './normalise';
import { isLabelCell, type FieldKey } from './vocabulary';

const BLOCK_TAGS = /^(DIV|P|H[1-6]|TD|TH|LI|CENTER|SECTION|ARTICLE|HEADER|FOOTER|BODY|DD|DT|TABLE|TR)$/;
const SKIPPED = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT|BUTTON)$/;
const MARKER_CLASSIFICATION = /^(绝密|机密|秘密)([★*＊☆].{0,6})?$/;
const MARKER_URGENCY = /^(特提|特急|加急|平急)$/;
const MARKER_COPY = /^(?:份号[:：]?)?(\d{6})$/;
const ISSUER_FLAG = /^.{2,38}(?:政府|委员会|办公厅|办公室|局|厅|部|院|委|署|会|中心|公司|学校|大学|集团|党委|党组)(?:文件)?$/;
const STANDALONE_DATE = /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九OＯ]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十廿卅]{1,3}日$/;
/** GB/T 9704 titles end with the document's genre (文种): 通知, 意见, 请示, 函 (复函), 令 (命令, 通令) … */
export const GENRE_AT_END = /(通知|通报|意见|决定|请示|报告|批复|函|纪要|办法|方案|规定|规划|公告|通告|令|议案|决议|公报|细则|要点|计划|总结|条例|规则|答复)(（[^）]*）|\([^)]*\))?$/;
const SIGNER = /\s*签发人[:：]?.*$/;

export function blockOf(node: Node): Element {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement!;
  while (!BLOCK_TAGS.test(element.tagName) && element.parentElement) element = element.parentElement;
  return element;
}

/** The block holding this text, when that block is a 发文字号 line (`X政办发〔2026〕15号`, maybe with 签发人). */
export function docNumberLine(text: Text): { block: Element; docNumber: string } | undefined {
  const block = blockOf(text);
  // A cell beside other filled cells is a value in a table (a list, an example), not a line of the document.
  // (The 签发人 of an upward document may sit in the next cell.)
  const others = [...(block.parentElement?.children ?? [])].filter((c) => c !== block && (c.textContent ?? '').trim());
  if (isTag(block, 'TD', 'TH') && others.some((c) => !/签发人/.test(c.textContent ?? ''))) return undefined;
  if (labelled(block)) return undefined;
  const content = block.textContent ?? '';
  if (content.length > 80) return undefined;
  const docNumber = normaliseDocNumber(content.replace(SIGNER, ''));
  return docNumber ? { block, docNumber } : undefined;
}

/** The value of a label beside it (`<dt>文号</dt><dd>…</dd>`, a label div then a value div): a form's, not the document's line. */
const labelled = (block: Element) => isTag(block, 'DD') || !!(block.previousElementSibling && isLabelCell(block.previousElementSibling));

interface Line {
  text: string;
  block: Element;
  /** The line's text nodes: markers set side by side in one block (`<span>000105</span><span>秘密★6个月</span>`). */
  parts: string[];
}

/** Visible lines of text from `start` onwards (or backwards), split at blocks and `<br>`s. */
function readLines(start: Element, direction: 'next' | 'previous', limit: number): Line[] {
  const doc = start.ownerDocument;
  const walker = doc.createTreeWalker(doc.body, 1 | 4, {
    acceptNode: (node) => (node.nodeType === 1 && SKIPPED.test((node as Element).tagName) ? 2 : 1),
  });
  walker.currentNode = start;
  const lines: Line[] = [];
  let current: Line | undefined;
  const step = direction === 'next' ? () => walker.nextNode() : () => walker.previousNode();
  for (let node = step(); node && lines.length <= limit; node = step()) {
    if (start.contains(node)) continue;
    if (isTag(node, 'BR')) {
      current = undefined;
      continue;
    }
    if (node.nodeType !== 3) continue;
    const text = (node.textContent ?? '').replace(/\s+/g, '');
    if (!text) continue;
    const block = blockOf(node);
    if (current && current.block === block) {
      current.text = direction === 'next' ? current.text + text : text + current.text;
      current.parts.push(text);
    } else {
      current = { text, block, parts: [text] };
      lines.push(current);
    }
  }
  return lines.slice(0, limit);
}

/**
 * GB/T 9704 red-header documents: 份号, 密级★期限 and 紧急程度 above the 发文机关标志, then the 发文字号
 * line, the title, the body, and the 发文机关署名 above the 成文日期. Found by text and position.
 */
export function redHeaderFields(anchor: Element, docNumber: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (field: FieldKey, raw: string, label: string, at: Element) =>
    out.push({ field, raw, strategy: 'red-header', label, at, editable: false });

  const next = readLines(anchor, 'next', 400);
  const titleIndex = next.findIndex((line) => !/签发人/.test(line.text) && line.text.length >= 6);
  const titleLine = next[titleIndex];
  if (!titleLine) return [];
  // A title wraps over lines of one block: its pieces join without spaces.
  const title = next.slice(titleIndex).filter((l) => l.block === titleLine.block).map((l) => l.text).join('');
  if (title.length > 120 || !GENRE_AT_END.test(title)) return [];
  push('docNumber', docNumber, '发文字号', anchor);
  push('title', title, '标题', titleLine.block);

  let flag: Line | undefined;
  for (const line of readLines(anchor, 'previous', 8)) {
    for (const text of line.parts.length > 1 ? [line.text, ...line.parts] : [line.text]) {
      const copy = MARKER_COPY.exec(text);
      if (copy) push('copyNumber', copy[1]!, '份号', line.block);
      else if (MARKER_CLASSIFICATION.test(text) && normaliseClassification(text)) {
        push('classification', text, '密级', line.block);
        const period = classificationPeriod(text);
        if (period) push('classificationPeriod', period, '保密期限', line.block);
      } else if (MARKER_URGENCY.test(text) && normaliseUrgency(text)) push('urgency', text, '紧急程度', line.block);
    }
    if (!flag && ISSUER_FLAG.test(line.text)) flag = line;
  }

  const afterTitle = next.slice(titleIndex + 1).filter((l) => l.block !== titleLine.block);
  const dateIndex = afterTitle.findIndex((line) => STANDALONE_DATE.test(line.text) && normaliseDate(line.text) && !labelled(line.block));
  const signer = dateIndex > 0 ? afterTitle[dateIndex - 1] : undefined;
  if (dateIndex >= 0) push('documentDate', afterTitle[dateIndex]!.text, '成文日期', afterTitle[dateIndex]!.block);
  // The 署名 right above the 成文日期 names the issuer; the 发文机关标志 is the fallback.
  if (signer && signer.text.length <= 40 && !/[。；;，,：:）)]$/.test(signer.text)) push('issuer', signer.text, '发文机关署名', signer.block);
  else if (flag) push('issuer', flag.text.replace(/文件$/, ''), '发文机关标志', flag.block);
  return out;
}
