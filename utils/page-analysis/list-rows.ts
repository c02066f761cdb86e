import { isTag } from './dom';
import { findDocNumber, normaliseDate, normaliseDocNumber, normaliseLabel } from './normalise';
import { FIELD_KEYS, fieldForLabel, isLabelCell, NUMBER_LABELS, SENDER_DATE, senderNumber, type FieldKey } from './vocabulary';

export interface ListTable {
  columns: Map<number, FieldKey>;
  /** Rows whose cells hold document-shaped values (文号, title, date) under the header's columns. */
  shapedRows: number;
  /** The row elements; a row's cells are its children, by the header's column index. */
  rows: Element[];
  header: Element;
  /** Every row has the same 标题 / 文号: the records (签收, 分发, 传阅) of one document, not a list of documents. */
  oneDocument: boolean;
}

/** Every field but 保密期限 and 份号 names a list's column. */
const LIST_FIELDS = new Set<FieldKey>(FIELD_KEYS.filter((field) => !/Period|copyN/.test(field)));

interface Column {
  field: FieldKey;
  /** A label such as 编号 / 公文编号: the column's values decide between 文号 and the portal's own number. */
  byShape: boolean;
  /** 来文日期 / 来文时间. */
  sender?: boolean;
}

function columnsOf(header: Element): Map<number, Column> {
  const columns = new Map<number, Column>();
  // Column indexes count the header's children, as `listRows` reads each row's children.
  [...header.children].forEach((cell, index) => {
    const text = (cell.textContent ?? '').trim();
    const field = fieldForLabel(text);
    if (field && LIST_FIELDS.has(field)) columns.set(index, { field, byShape: NUMBER_LABELS.has(normaliseLabel(text)), sender: SENDER_DATE.test(normaliseLabel(text)) });
  });
  // A 来文日期 column beside a 收文日期 / 签收日期 column holds the documents' own dates.
  const received = [...columns.values()].filter((c) => c.field === 'receivedDate');
  if (received.some((c) => !c.sender)) for (const c of received) if (c.sender) c.field = 'documentDate';
  return columns;
}

const text = (cell: Element | undefined) => (cell?.textContent ?? '').trim();
const isDocNumber = (value: string) => !!(normaliseDocNumber(value) ?? (value.length < 60 ? findDocNumber(value) : undefined));
const isDate = (value: string) => value.length < 40 && !!normaliseDate(value);
/** A title: a sentence-long text that is neither a label, a number nor a date. */
const isTitle = (value: string) => value.length >= 6 && value.length <= 200 && !/^[\d\s\-:/.]+$/.test(value) && !isDate(value) && !fieldForLabel(value);

/** Whether a value under a column has the shape of that field's values. */
function shaped(field: FieldKey, value: string): boolean {
  if (field === 'docNumber') return isDocNumber(value);
  if (field === 'title') return isTitle(value);
  if (field === 'receivedDate' || field === 'documentDate') return isDate(value);
  return false;
}

/** A record of the list: a 文号, a title or a date where the header says, and no label among its cells. */
function documentShaped(row: Element, columns: Map<number, Column>): boolean {
  let hits = 0;
  for (const [index, column] of columns) {
    const cell = row.children[index];
    if (!cell) continue;
    const value = text(cell);
    if (value && value.length <= 24 && fieldForLabel(value)) return false;
    if (shaped(column.field, value) || (column.byShape && isDocNumber(value))) hits++;
  }
  return hits > 0;
}

/** Settles 编号-like columns by their values: 文号-shaped values make it the 文号 column, else the portal's number. */
function settleColumns(columns: Map<number, Column>, rows: readonly Element[]): Map<number, FieldKey> {
  const settled = new Map<number, FieldKey>();
  const seen = new Set<FieldKey>();
  const sample = rows.slice(0, 20);
  const entries = [...columns].map(([index, column]): [number, FieldKey] => {
    if (!column.byShape) return [index, column.field];
    const numbers = sample.filter((row) => senderNumber(text(row.children[index]))).length;
    return [index, numbers * 2 > sample.length ? 'docNumber' : 'registrationNo'];
  });
  // Explicit columns first: a 文号 column beats a 编号 column that also looks like one.
  for (const pass of [false, true]) {
    for (const [index, field] of entries) {
      if (columns.get(index)!.byShape !== pass || seen.has(field)) continue;
      settled.set(index, field);
      seen.add(field);
    }
  }
  return new Map([...settled].sort((a, b) => a[0] - b[0]));
}

/** Rows of the header's width holding values, not labels (label/value forms repeat labels on every row). */
function sameShape(rows: Element[], width: number): Element[] {
  const out: Element[] = [];
  for (const row of rows) {
    const cells = row.children;
    // An empty row (a grid's sizing row, a blank spacer) is no record.
    if (cells.length !== width || (out.length < 20 && !(row.textContent ?? '').trim())) continue;
    // A label/value row starts with a label and has another within the next two cells. Such forms are
    // short: past the first rows a long table is records, and its cells need no reading here.
    if (out.length < 20 && isLabelCell(cells[0]!) && (isLabelCell(cells[1]!) || (cells[2] && isLabelCell(cells[2])))) continue;
    out.push(row);
  }
  return out;
}

/** Cells holding text or a control. */
export function filledCells(row: Element): number {
  return [...row.children].filter((c) => (c.textContent ?? '').trim() || c.querySelector('input, select, textarea')).length;
}

function elementRows(container: Element | null | undefined): Element[] {
  if (!container) return [];
  const rows: Element[] = [];
  for (const child of container.children) {
    if (isTag(child, 'TBODY', 'THEAD')) rows.push(...child.children);
    else rows.push(child);
  }
  return rows;
}

/** The rows under a header: its later siblings, the table body after a thead, or the next table (split grids). */
function dataRows(header: Element, width: number): Element[] {
  const siblings: Element[] = [];
  for (let next = header.nextElementSibling; next; next = next.nextElementSibling) siblings.push(next);
  const section = header.parentElement;
  if (section && isTag(section, 'THEAD')) {
    for (const body of section.parentElement?.children ?? []) if (isTag(body, 'TBODY')) siblings.push(...body.children);
  }
  let rows = sameShape(siblings, width);
  if (rows.length) return rows;
  // Header and body as sibling blocks: <div class=head>…</div><div class=body><div class=row>…
  for (const sibling of siblings) {
    rows = sameShape(elementRows(sibling), width);
    if (rows.length) return rows;
  }
  // Split grids (flexigrid, e-cology): the header sits alone in its own table or block, the body follows.
  const table = header.closest('table') ?? section;
  for (let block: Element | null | undefined = table, hops = 0; block && hops < 4 && !rows.length; hops++) {
    const next = block.nextElementSibling ?? block.parentElement?.nextElementSibling;
    // The body is one table, or (ExtJS 3 grids) a block holding one small table per row.
    rows = next ? sameShape(next.getElementsByTagName('tr').length ? [...next.getElementsByTagName('tr')] : elementRows(next), width) : [];
    block = block.parentElement;
  }
  return rows;
}

/** A header row holds column names, not values: no 文号, no date, no sentence. */
function looksLikeHeader(header: Element): boolean {
  for (const cell of header.children) {
    const value = text(cell);
    if (value.length > 24 || isDocNumber(value) || isDate(value)) return false;
  }
  return true;
}

/**
 * Lists of documents: a header row naming at least two document columns, one of them 标题 or 文号 (or a 编号 whose
 * values are 文号), with rows below whose cells hold document-shaped values — however many other columns (序号,
 * 状态, 操作) the header has. A label/value table (two or four columns) is no list: its "rows" hold labels.
 */
export function findListTable(headerCandidates: Iterable<Element>): ListTable | undefined {
  let best: ListTable | undefined;
  for (const header of headerCandidates) {
    const candidates = columnsOf(header);
    const fields = new Set([...candidates.values()].map((c) => c.field));
    const keyed = fields.has('title') || fields.has('docNumber') || [...candidates.values()].some((c) => c.byShape);
    if (candidates.size < 2 || !keyed || filledCells(header) < 2 || !looksLikeHeader(header)) continue;
    const rows = dataRows(header, header.children.length);
    if (rows.length < 2 || rows.length <= (best?.rows.length ?? 0)) continue;
    const sample = rows.length > 40 ? rows.slice(0, 40) : rows;
    const shapedSample = sample.filter((row) => documentShaped(row, candidates)).length;
    if (shapedSample < 2 || shapedSample * 2 < sample.length) continue;
    const columns = settleColumns(candidates, rows);
    const settledFields = new Set(columns.values());
    if (!settledFields.has('title') && !settledFields.has('docNumber')) continue;
    const keys = [...columns].filter(([, field]) => field === 'title' || field === 'docNumber');
    const oneDocument = keys.every(([index]) => new Set(sample.map((row) => text(row.children[index]))).size === 1);
    best = { columns, rows, header, oneDocument, shapedRows: Math.round((shapedSample / sample.length) * rows.length) };
  }
  return best;
}
