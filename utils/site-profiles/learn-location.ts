/**
 * Learning from the clerk's correction (issue #12): where a value the clerk typed into the registration form stands
 * on the page, and the label-anchored candidate (the rule shape 教我识别 makes) that reads it there. Small on
 * purpose: it runs in the content script. Only a value found in exactly one place gives a rule.
 */
import { readValue } from '../page-analysis/dom';
import { fieldValue } from '../page-analysis/field-values';
import { normaliseLabel } from '../page-analysis/normalise';
import type { FieldKey } from '../page-analysis/vocabulary';
import { applyProfile } from './apply-profile';
import type { FieldCandidate, SiteProfile } from './profile-schema';

/** The fields a clerk types into the form as the page shows them (dates and chosen levels are written differently). */
export const LEARNABLE_FIELDS = ['title', 'docNumber', 'issuer'] as const satisfies readonly FieldKey[];

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The element right before the value (or before the cell holding it) when its text reads like a label. */
export function labelBefore(element: Element): { label: Element; cell: Element } | undefined {
  let cell = element;
  const text = readValue(element).trim();
  while (!cell.previousElementSibling && cell.parentElement && cell.parentElement.tagName !== 'BODY' && readValue(cell.parentElement).trim() === text) cell = cell.parentElement;
  const label = cell.previousElementSibling;
  if (!label || label.childElementCount > 4) return undefined;
  const name = normaliseLabel(label.textContent ?? '');
  if (!name || name.length > 20 || /\d{3,}/.test(name)) return undefined;
  return { label, cell };
}

/**
 * Where `value` stands on the page: every text node holding it and every control whose value it is. One element
 * (a cell or control whose whole value it is, or a line holding it) when it stands in exactly one place, else
 * undefined — also when it stands nowhere or in two places (a heading and a cell).
 */
export function uniqueLocation(doc: Document, value: string): Element | undefined {
  const wanted = squash(value);
  if (!wanted || !doc.body) return undefined;
  const found: Element[] = [];
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && found.length < 2; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|OPTION)$/.test(parent.tagName)) continue;
    const text = squash(node.nodeValue ?? '');
    for (let at = text.indexOf(wanted); at >= 0 && found.length < 2; at = text.indexOf(wanted, at + wanted.length)) found.push(parent);
  }
  for (const control of doc.body.querySelectorAll('input:not([type=hidden]), textarea, select')) {
    if (found.length < 2 && squash(readValue(control)) === wanted) found.push(control);
  }
  return found.length === 1 ? found[0] : undefined;
}

/** The value a one-candidate profile reads on this page: the engine's own path, as the saved profile will run. */
export function readsSame(doc: Document, url: string, field: FieldKey, candidate: FieldCandidate, value: string): boolean {
  const probe: SiteProfile = { id: 'probe', name: 'probe', version: 1, urlPatterns: ['*://*/*'], kinds: [], fields: { [field]: [candidate] } };
  try {
    const result = applyProfile(probe, doc, url, { kind: 'detail', fields: {}, confidence: 0, evidence: { kind: [], fields: {} } });
    return result.fieldsFromProfile.includes(field) && result.analysis.fields[field] === value;
  } catch {
    return false;
  }
}

/**
 * The rule that reads `value` (as the clerk typed it) as `field` on this page: the label beside its one location,
 * checked through the profile engine. Undefined when the value stands in no place or in several, when no label
 * stands beside it, or when the rule would read something else.
 */
export function learnRule(doc: Document, url: string, field: FieldKey, typed: string): FieldCandidate | undefined {
  const value = fieldValue(field, typed);
  const element = value && uniqueLocation(doc, typed);
  // A cell or control whose whole value it is: a line holding more (`来文单位：市教育局`) has no label beside it.
  const anchor = element && squash(readValue(element)) === squash(typed) && labelBefore(element);
  if (!anchor || !value) return undefined;
  const label = squash(anchor.label.textContent ?? '').slice(0, 40);
  const candidate: FieldCandidate = { strategy: 'label', label, selector: anchor.label.tagName.toLowerCase() };
  return readsSame(doc, url, field, candidate, value) ? candidate : undefined;
}
