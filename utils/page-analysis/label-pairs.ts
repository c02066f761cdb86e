import type { Candidate, Strategy } from './candidates';
import { forEachText, hiddenTest, isEditable, isTag, longTableRows, readValue } from './dom';
import { normaliseLabel, RECEIPT_SERIAL } from './normalise';
import { filledCells } from './list-rows';
import { docNumberLine } from './red-header';
import { ALL_LABELS, FIELD_NAME_HINTS, fieldForLabel, fieldForPair, isLabelCell, type FieldKey } from './vocabulary';

const MAX_LABEL_CHARS = 24;

const STRUCTURAL = /^(TR|TBODY|THEAD|TFOOT|TABLE|BODY|HTML|FORM|UL|OL|DL)$/;
/** Elements that are a label's whole box: climbing stops there. */
const LABEL_BOXES = /^(TD|TH|LABEL|DT|LEGEND)$/;
const CONTROL_TAGS = /^(INPUT|SELECT|TEXTAREA)$/;
const SKIP_TEXT = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT)$/;

/**
 * An element's text if it is short, else undefined — without reading the text of a big subtree (a label's parent
 * may be a container of 8,000 paragraphs). Also says whether the subtree holds a visible form control.
 */
export function shortText(element: Element, max = MAX_LABEL_CHARS + 8): { text: string; control: boolean } | undefined {
  let text = '';
  let control = false;
  let nodes = 0;
  let node: Node | null = element.firstChild;
  while (node) {
    if (++nodes > 80) return undefined;
    if (node.nodeType === 3) {
      text += (node as Text).data;
      if (text.length > max * 3 && normaliseLabel(text).length > max) return undefined;
    } else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (CONTROL_TAGS.test(tag) && (node as Element).getAttribute('type') !== 'hidden') control = true;
      if (!SKIP_TEXT.test(tag) && node.firstChild) {
        node = node.firstChild;
        continue;
      }
    }
    while (node && !node.nextSibling && node !== element) node = node.parentNode;
    if (!node || node === element) break;
    node = node.nextSibling;
  }
  return normaliseLabel(text).length > max ? undefined : { text, control };
}

interface FoundLabel {
  element: Element;
  text: string;
  field: FieldKey;
  /** The label's own text node, when its element also holds the value (`<span>收文号：<span>2026-0187</span></span>`). */
  node?: Text;
}

/**
 * The label a text node belongs to: the outermost element whose whole text (spacing and line breaks removed) is a
 * field label — `收文<br>编号`, `文<br>件<br>编<br>号`, a span per character, `<td><b>文号</b>：</td>`. Climbs through
 * wrappers, never into a row, a field group holding a control, or past a table cell or `<label>`.
 */
function labelOf(text: Text): FoundLabel | undefined {
  let found: FoundLabel | undefined;
  const own = text.data.trim();
  const ownField = own.length <= MAX_LABEL_CHARS ? fieldForLabel(own) : undefined;
  let element = text.parentElement;
  if (ownField && element) {
    found = { element, text: own, field: ownField };
    const box = shortText(element);
    // The label's element holds more than the label: the value follows the text node inside it.
    if (!box || normaliseLabel(box.text) !== normaliseLabel(own)) return text.nextSibling ? { ...found, node: text } : found;
  }
  for (let hops = 0; element && hops < 6 && !STRUCTURAL.test(element.tagName); hops++, element = element.parentElement) {
    if (hops > 0 || !ownField) {
      const box = shortText(element);
      if (!box) break;
      const field = fieldForLabel(box.text.trim());
      if (field && !box.control) found = { element, text: box.text.trim(), field };
      else if (found || box.control) break;
    }
    if (LABEL_BOXES.test(element.tagName)) break;
  }
  return found;
}

function candidate(field: FieldKey, raw: string, strategy: Strategy, label: string, at: Element, editable = false): Candidate {
  return { field: fieldForPair(label, field, raw), raw, strategy, label, at, editable };
}

function cellIndex(cell: Element): number {
  let index = 0;
  for (const sibling of cell.parentElement?.children ?? []) {
    if (sibling === cell) return index;
    index += Number(sibling.getAttribute('colspan') ?? 1) || 1;
  }
  return -1;
}

function cellAt(row: Element, index: number): Element | undefined {
  let position = 0;
  for (const cell of row.children) {
    if (position === index) return cell;
    position += Number(cell.getAttribute('colspan') ?? 1) || 1;
  }
  return undefined;
}

function labelsInRow(row: Element): number {
  let count = 0;
  for (const cell of row.children) if (isLabelCell(cell)) count++;
  return count;
}

/** Rows after `row` in its table section (and the following tbody when `row` is in thead). */
function rowsAfter(row: Element): Element[] {
  const rows: Element[] = [];
  for (let next = row.nextElementSibling; next; next = next.nextElementSibling) if (isTag(next, 'TR')) rows.push(next);
  const section = row.parentElement;
  if (section && isTag(section, 'THEAD')) {
    const body = section.nextElementSibling;
    if (body && isTag(body, 'TBODY')) rows.push(...[...body.children].filter((r) => isTag(r, 'TR')));
  }
  return rows;
}

/** Mostly labels: a row of column headings rather than label/value pairs. */
function isHeaderRow(row: Element): boolean {
  const labels = labelsInRow(row);
  return labels >= 2 && labels * 2 > filledCells(row);
}

function isValueRow(row: Element): boolean {
  return [...row.children].every((cell) => isTag(cell, 'TD')) && labelsInRow(row) === 0;
}

/**
 * A row of headings (labels, or `<th>` cells) with exactly one row of values below it: the stacked
 * layout. More value rows of the same width make it a table of records (a list, a 传阅 record).
 */
function valueBelow(cell: Element): Element | null | 'list' {
  const row = cell.parentElement;
  if (!row || !isTag(row, 'TR')) return null;
  const allHeadings = row.children.length >= 2 && [...row.children].every((c) => isTag(c, 'TH'));
  if (!allHeadings && !isHeaderRow(row)) return null;
  const [first, second] = rowsAfter(row);
  if (!first || !isValueRow(first)) return null;
  if (second && isValueRow(second) && second.children.length === first.children.length) return 'list';
  return cellAt(first, cellIndex(cell)) ?? null;
}

/**
 * A label in the first column of a table headed by generic column names (要素 | 位置 | 示例值) is a record
 * in a reference table — a help page or a field configuration — not a form.
 */
function inRecordTable(cell: Element): boolean {
  const table = cell.closest('table');
  const row = cell.parentElement;
  const header = table?.querySelector('tr');
  if (!table || !row || !header || header === row) return false;
  const headings = [...header.children];
  return headings.length >= 3 && headings.length === row.children.length && headings.every((c) => isTag(c, 'TH')) && labelsInRow(header) === 0;
}

const ACTION = /^\s*(刷新|选择|获取|生成|重新|查看|点击)/;

function fromLabel(field: FieldKey, labelText: string, label: Element, out: Candidate[], node?: Text): void {
  if (node) {
    let next = node.nextSibling;
    // A required-field star after the label is no value; nor is an action link inside the label (刷新单据号, 选择).
    while (next && /^[\s*＊:：]*$/.test(next.textContent ?? '') && !(next.nodeType === 1 && (next as Element).matches('input, select, textarea'))) next = next.nextSibling;
    if (next?.nodeType === 1 && !ACTION.test(next.textContent ?? '')) return void out.push(candidate(field, readValue(next as Element), 'label-sibling', labelText, next as Element, isEditable(next as Element)));
    if (next?.nodeType === 3) return void out.push(candidate(field, next.textContent ?? '', 'label-sibling', labelText, label));
  }
  if (isTag(label, 'TD', 'TH') && inRecordTable(label)) return;
  if (isTag(label, 'LABEL') && label.getAttribute('for')) {
    // `for` may name an id no control carries (Element UI's el-form-item): then the control beside the label.
    const target = label.ownerDocument.getElementById(label.getAttribute('for')!);
    if (target) return void out.push(candidate(field, readValue(target), 'label-for', labelText, target, isEditable(target)));
  }
  if (isTag(label, 'TD', 'TH')) {
    const below = valueBelow(label);
    if (below === 'list') return;
    if (below) return void out.push(candidate(field, readValue(below), 'label-below', labelText, below, isEditable(below)));
  }
  const nextText = label.nextSibling;
  if (nextText?.nodeType === 3 && (nextText.textContent ?? '').replace(/[\s:：]/g, '')) {
    out.push(candidate(field, (nextText.textContent ?? '').replace(/^[\s:：]+/, ''), 'label-sibling', labelText, label));
    return;
  }
  // A wrapper's next sibling may hold the value (<div><label/></div><div>value</div>); a cell's row's next row does not.
  const value = label.nextElementSibling ?? (isTag(label, 'TD', 'TH') ? null : label.parentElement?.nextElementSibling);
  // Beside a column heading (a <th>, a cell of a <thead> row of texts) stands the next heading, not a value.
  if (!value || isLabelCell(value) || isTag(value, 'TH') || (isTag(label.parentElement?.parentElement, 'THEAD') && shortText(value)?.control === false)) return;
  const strategy: Strategy = isTag(label, 'TD', 'TH') || isTag(label, 'DT') ? 'label-cell' : 'label-sibling';
  out.push(candidate(field, readValue(value), strategy, labelText, value, isEditable(value)));
}

const INLINE = new RegExp(`(?:^|[\\s|｜，,；;])(${ALL_LABELS.join('|')})\\s*[:：]`, 'g');

/** `文号：XX〔2026〕3号　　密级：秘密` inside one text node. */
function inlinePairs(text: Text, out: Candidate[]): void {
  const data = text.data;
  if (data.length > 240 || (data.indexOf('：') < 0 && data.indexOf(':') < 0)) return;
  const hits = [...data.matchAll(INLINE)];
  hits.forEach((hit, i) => {
    const start = hit.index! + hit[0].length;
    const end = i + 1 < hits.length ? hits[i + 1]!.index! : data.length;
    let raw = data.slice(start, end).replace(/[\s，,；;|｜]+$/, '');
    // `密级：<span>秘密</span>`: the last label's value may be the next element.
    if (!raw.trim() && i === hits.length - 1 && text.nextSibling) raw = text.nextSibling.textContent ?? '';
    const field = fieldForLabel(hit[1]!);
    if (field && raw.trim()) out.push(candidate(field, raw, 'inline-text', hit[1]!, text.parentElement!));
  });
}

/** Labels only an outgoing document's sheet carries: who drafted and checked it, how many copies to print. */
const OUTGOING = /^(拟稿(人|单位|部门|处室|科室|日期|时间)|核稿人?|(印发|打印|印制)份数)$/;
const classOf = (element: Element | null) => element?.getAttribute('class') ?? '';
/** A class token marking the chosen entry of a menu or tab strip: `on`, `active`, `is-active`, `x-tree-selected`, `sel`. */
const ACTIVE = /(?:^|[\s_-])(?:on|active|selected|current|sel|this)(?:$|\s)/i;
const NAVIGATION = 'nav, [class*=menu], [class*=nav], [class*=sidebar], [class*=tree]';

export interface PageScan {
  /** Every label → value pair the page shows, in document order. */
  candidates: Candidate[];
  /** Elements holding two or more labels: column headers of a list, or rows of label cells. */
  headerRows: Set<Element>;
  /** Blocks that are a 文号 and nothing else: the 发文字号 line of a red-header document (first few). */
  docNumberLines: { block: Element; docNumber: string }[];
  /**
   * Short texts in elements whose class names a title (`page-title`, `td-title`) outside the navigation: kind cues.
   * A sidebar's other entries (系统设置, 发文拟稿) name other pages, not this one.
   */
  titleTexts: string[];
  /** The chosen entries of menus and tab strips (`on`, `is-active`, `x-tree-selected`): the section the page is in. */
  navTexts: string[];
  /** How many labels of an outgoing draft the page shows (拟稿人, 拟稿部门, 核稿人, 印发份数 …): its own document, not an incoming one. */
  outgoingLabels: number;
  /** Subtrees skipped as hidden (only with `ignoreHidden`). */
  hiddenRoots: Element[];
}

/** One pass over the page's text; with `ignoreHidden`, what the clerk cannot see is not read. */
export function scanPage(root: Element, ignoreHidden = false): PageScan {
  const hiddenRoots: Element[] = [];
  const hidden = ignoreHidden ? hiddenTest(root.ownerDocument) : null;
  let seen = 0;
  const candidates: Candidate[] = [];
  const labelParents = new Map<Element, number>();
  const docNumberLines: PageScan['docNumberLines'] = [];
  let docNumberTries = 0;
  const titleTexts: string[] = [];
  const navTexts: string[] = [];
  const outgoing = new Set<string>();
  const seenLabels = new Set<Element>();
  forEachText(root, (text) => {
    const trimmed = text.data.trim();
    if (!trimmed) return;
    const parent = text.parentElement;
    if (++seen < 3000 && titleTexts.length + navTexts.length < 60 && trimmed.length <= 60 && parent) {
      if (/title/i.test(classOf(parent)) && !parent.closest(NAVIGATION)) titleTexts.push(trimmed);
      else if (trimmed.length <= 16 && (ACTIVE.test(classOf(parent)) || ACTIVE.test(classOf(parent.parentElement)))) navTexts.push(trimmed);
    }
    // <h1 title="公文标题">…</h1>: the element's title attribute names the field its text holds.
    const named = seen < 3000 && parent && trimmed.length > MAX_LABEL_CHARS / 4 ? parent.getAttribute('title') : null;
    const namedField = named && named.length <= MAX_LABEL_CHARS ? fieldForLabel(named) : undefined;
    if (namedField && parent) candidates.push(candidate(namedField, trimmed, 'label-sibling', named!, parent));
    if (trimmed.length <= 8 && parent && !/^(A|BUTTON|LI|OPTION)$/.test(parent.tagName) && OUTGOING.test(normaliseLabel(trimmed))) outgoing.add(normaliseLabel(trimmed));
    if (trimmed.length <= MAX_LABEL_CHARS) {
      const found = labelOf(text);
      if (found) {
        const label = found.element;
        if (seenLabels.has(label)) return;
        seenLabels.add(label);
        const before = candidates.length;
        fromLabel(found.field, found.text, label, candidates, found.node);
        // An issuer chosen from a group of checkboxes (发送单位: ☑指挥中心 ☑秩序科 …) picks recipients: an outgoing draft.
        const last = candidates[before];
        if (last?.field === 'issuer' && last.at.querySelectorAll('input[type=checkbox]').length > 1) {
          candidates.length = before;
          outgoing.add('recipients');
        }
        const cell = label.parentElement && isTag(label.parentElement, 'TR') ? label : (label.closest('th, td') ?? label);
        if (cell.parentElement) labelParents.set(cell.parentElement, (labelParents.get(cell.parentElement) ?? 0) + 1);
        return;
      }
    }
    // The office's own 收文 serial standing alone (江路政收（2026）37号 in the sheet's corner): its registration number, weakly.
    if (RECEIPT_SERIAL.test(trimmed) && parent) candidates.push(candidate('registrationNo', trimmed, 'heading', '收文编号', parent));
    // An urgency flag standing alone, not in a cell (<font color=red>加急!</font> above the sheet): the urgency, weakly.
    if (/^(特提|特急|加急|急件)[!！]?$/.test(trimmed) && parent && !/^(TD|TH|A|BUTTON|LI|LABEL)$/.test(parent.tagName)) candidates.push(candidate('urgency', trimmed, 'heading', '紧急程度', parent));
    // Red-header 发文字号 lines come early in a document; a long list of 文号 cells need not be tried to its end.
    if (docNumberLines.length < 3 && docNumberTries < 100 && trimmed.endsWith('号') && ++docNumberTries) {
      const line = docNumberLine(text);
      if (line && !docNumberLines.some((l) => l.block === line.block)) docNumberLines.push(line);
    }
    inlinePairs(text, candidates);
  }, longTableRows(root.ownerDocument), hidden, (element) => hiddenRoots.length < 200 && hiddenRoots.push(element));
  const headerRows = new Set([...labelParents].filter(([, count]) => count >= 2).map(([row]) => row));
  return { candidates, headerRows, docNumberLines, titleTexts, navTexts, outgoingLabels: outgoing.size, hiddenRoots };
}

const PROMPT_WORDS = /^(请输入|请选择|请填写|输入|选择)/;

/** Controls with no visible label: their placeholder, then their name or id. */
export function controlHints(root: Element, hiddenRoots: readonly Element[] = []): Candidate[] {
  const out: Candidate[] = [];
  for (const control of root.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    if (hiddenRoots.length && hiddenRoots.some((hidden) => hidden.contains(control))) continue;
    const value = readValue(control);
    if (!value.trim()) continue;
    const placeholder = control.getAttribute('placeholder');
    const byPlaceholder = placeholder && fieldForLabel(placeholder.replace(PROMPT_WORDS, ''));
    if (byPlaceholder) {
      out.push(candidate(byPlaceholder, value, 'placeholder', placeholder!, control, isEditable(control)));
      continue;
    }
    const name = `${control.getAttribute('name') ?? ''} ${control.id}`;
    const byName = FIELD_NAME_HINTS.find(([pattern]) => pattern.test(name))?.[1];
    if (byName) out.push(candidate(byName, value, 'name-hint', name.trim(), control, isEditable(control)));
  }
  return out;
}
