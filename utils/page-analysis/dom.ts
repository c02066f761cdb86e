/** Small DOM helpers that work on documents from any realm (a frame, jsdom): tag names, not `instanceof`. */

export function isTag(node: Node | null | undefined, ...tags: string[]): boolean {
  return !!node && node.nodeType === 1 && tags.includes((node as Element).tagName);
}

const CONTROL = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]), select, textarea';

function controlValue(control: Element): string {
  if (control.tagName === 'SELECT') {
    const select = control as HTMLSelectElement;
    return select.selectedIndex >= 0 ? (select.options[select.selectedIndex]?.textContent ?? '') : '';
  }
  const input = control as HTMLInputElement;
  if (input.type === 'radio' || input.type === 'checkbox') return '';
  return input.value ?? '';
}

/** The text of a checked radio/checkbox: its `<label>`, or the text right after it. */
function checkedChoiceText(scope: Element): string | undefined {
  const checked = scope.querySelector('input[type=radio]:checked, input[type=checkbox]:checked') as HTMLInputElement | null;
  if (!checked) return undefined;
  const wrapping = checked.closest('label');
  if (wrapping) return wrapping.textContent ?? '';
  if (checked.id) {
    const forLabel = [...scope.ownerDocument.querySelectorAll('label[for]')].find((l) => l.getAttribute('for') === checked.id);
    if (forLabel) return forLabel.textContent ?? '';
  }
  return checked.nextSibling?.textContent ?? '';
}

/** What a clerk reads in a value cell: a control's value or selected option, else the cell's text. */
export function readValue(element: Element): string {
  if (element.matches(CONTROL)) return controlValue(element);
  const choice = checkedChoiceText(element);
  if (choice !== undefined) return choice;
  // An unchecked choice says nothing: the cell's text does.
  const control = element.querySelector(CONTROL);
  const isChoice = control && /^(radio|checkbox)$/.test((control as HTMLInputElement).type ?? '');
  return control && !isChoice ? controlValue(control) : (element.textContent ?? '');
}

export function isEditable(element: Element): boolean {
  const control = element.matches(CONTROL) ? element : element.querySelector(CONTROL);
  if (!control) return false;
  return !control.hasAttribute('readonly') && !control.hasAttribute('disabled');
}

/** A short, human-readable path for evidence: `table.doc-table > tr:nth-child(2) > td:nth-child(2)`. */
export function describeElement(element: Element): string {
  const parts: string[] = [];
  for (let el: Element | null = element; el && parts.length < 4 && el.tagName !== 'BODY'; el = el.parentElement) {
    if (el.id) {
      parts.unshift(`${el.tagName.toLowerCase()}#${el.id}`);
      break;
    }
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/)[0]}` : '';
    // Counted backwards and only so far: a live children list of 8,000 paragraphs is slow to copy (jsdom walks it).
    let index = 1;
    for (let sibling = el.previousElementSibling; sibling && index <= 200; sibling = sibling.previousElementSibling) index++;
    parts.unshift(`${el.tagName.toLowerCase()}${cls}${index <= 200 ? `:nth-child(${index})` : ''}`);
  }
  return parts.join(' > ');
}

const NOT_CONTENT = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|OPTION)$/;

/** Rows past the first few of long table bodies: records of a list, read column by column elsewhere. */
export function longTableRows(doc: Document, keep = 3, longer = 60): Set<Element> {
  const skipped = new Set<Element>();
  for (const body of doc.getElementsByTagName('tbody')) {
    const rows = (body as HTMLTableSectionElement).rows;
    if (rows.length > longer) for (let i = keep; i < rows.length; i++) skipped.add(rows[i]!);
  }
  return skipped;
}

/** Blocks whose computed style is worth asking for: cells, rows and inline elements inherit their container's. */
const CONTAINERS = /^(DIV|SECTION|ARTICLE|MAIN|ASIDE|NAV|FORM|TABLE|TBODY|UL|OL|LI|DL|FIELDSET|IFRAME|HEADER|FOOTER|DIALOG)$/;

/**
 * A test for content the clerk cannot see: the `hidden` attribute or an inline `display:none` on any element; on
 * containers, the computed `display:none` / `visibility:hidden`, and (where the page has a layout) a zero-size box
 * that clips its content. Null when the document has no window to compute styles in (a parsed file).
 */
export function hiddenTest(doc: Document): ((element: Element) => boolean) | null {
  const view = doc.defaultView;
  if (!view?.getComputedStyle) return null;
  // jsdom has styles but no layout: every box measures 0 there, so sizes only count when the body has one.
  const hasLayout = !!doc.body && (doc.body as HTMLElement).offsetWidth > 0;
  return (element) => {
    if ((element as HTMLElement).hidden) return true;
    const inline = element.getAttribute('style');
    if (inline && /display\s*:\s*none/i.test(inline)) return true;
    if (!CONTAINERS.test(element.tagName)) return false;
    const style = view.getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
    if (!hasLayout) return false;
    const box = element as HTMLElement;
    return (box.offsetWidth === 0 || box.offsetHeight === 0) && (style.overflow === 'hidden' || style.overflowX === 'hidden' || style.overflowY === 'hidden');
  };
}

/**
 * Calls `visit` for each text node under `root` in document order, skipping scripts, styles, templates,
 * the subtrees in `skip` and, with `hidden`, the subtrees it says are hidden (each reported to `onHidden`).
 * No filter callback and no generator: on a 5,000-row list every per-node call counts.
 */
export function forEachText(
  root: Node,
  visit: (text: Text) => void,
  skip: ReadonlySet<Element> = new Set(),
  hidden?: ((element: Element) => boolean) | null,
  onHidden?: (element: Element) => void,
): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) visit(node as Text);
    else if (NOT_CONTENT.test(node.nodeName) || skip.has(node as Element) || (hidden && hidden(node as Element) && (onHidden?.(node as Element), true))) {
      node = walker.nextSibling() ?? climbToNext(walker);
      continue;
    }
    node = walker.nextNode();
  }
}

function climbToNext(walker: TreeWalker): Node | null {
  while (walker.parentNode()) {
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}
