import { isTag } from './dom';
import { fieldForLabel, isLabelCell, type FieldKey } from './vocabulary';

export interface ListTable {
  columns: Map<number, FieldKey>;
  /** The row elements; a row's cells are its children, by the header's column index. */
  rows: Element[];
  header: Element;
}

const LIST_FIELDS = new Set<FieldKey>(['docNumber', 'registrationNo', 'title', 'issuer', 'urgency', 'receivedDate', 'deadline', 'classification', 'copies', 'documentDate']);

function columnsOf(header: Element): Map<number, FieldKey> {
  const columns = new Map<number, FieldKey>();
  const seen = new Set<FieldKey>();
  // Column indexes count the header's children, as `listRows` reads each row's children.
  [...header.children].forEach((cell, index) => {
    const field = fieldForLabel((cell.textContent ?? '').trim());
    if (field && LIST_FIELDS.has(field) && !seen.has(field)) {
      columns.set(index, field);
      seen.add(field);
    }
  });
  return columns;
}

/** Rows of the header's width holding values, not labels (label/value forms repeat labels on every row). */
function sameShape(rows: Element[], width: number): Element[] {
  const out: Element[] = [];
  for (const row of rows) {
    const cells = row.children;
    if (cells.length !== width) continue;
    // A label/value row starts with a label and has another within the next two cells. Such forms are
    // short: past the first rows a long table is records, and its cells need no reading here.
    if (out.length < 20 && isLabelCell(cells[0]!) && (isLabelCell(cells[1]!) || (cells[2] && isLabelCell(cells[2])))) continue;
    out.push(row);
  }
  return out;
}

function filledCells(row: Element): number {
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
    const body = next && (isTag(next, 'TABLE') ? next : (next.querySelector('table') ?? next));
    rows = sameShape(body && isTag(body, 'TABLE') ? [...body.querySelectorAll('tr')] : elementRows(body), width);
    block = block.parentElement;
  }
  return rows;
}

/** Lists of documents: a header row naming at least two document columns, one of them 标题 or 文号, and rows below. */
export function findListTable(headerCandidates: Iterable<Element>): ListTable | undefined {
  let best: ListTable | undefined;
  for (const header of headerCandidates) {
    const columns = columnsOf(header);
    const fields = new Set(columns.values());
    if (columns.size < 2 || columns.size * 2 <= filledCells(header) - 2 || !(fields.has('title') || fields.has('docNumber'))) continue;
    const rows = dataRows(header, header.children.length);
    if (rows.length >= 2 && rows.length > (best?.rows.length ?? 0)) best = { columns, rows, header };
  }
  return best;
}
