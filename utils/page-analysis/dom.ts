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
  const control = element.querySelector(CONTROL);
  if (control && control.tagName !== 'INPUT') return controlValue(control);
  if (control && (control as HTMLInputElement).type !== 'radio' && (control as HTMLInputElement).type !== 'checkbox') {
    return controlValue(control);
  }
  return element.textContent ?? '';
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
    const index = el.parentElement ? [...el.parentElement.children].indexOf(el) + 1 : 1;
    parts.unshift(`${el.tagName.toLowerCase()}${cls}:nth-child(${index})`);
  }
  return parts.join(' > ');
}

/** Text nodes under `root` in document order, skipping scripts, styles and templates. */
export function* textNodes(root: Node): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */, {
    acceptNode: (node) => (isTag(node.parentNode, 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION') ? 2 : 1),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
}
