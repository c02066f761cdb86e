/**
 * A DOM-free check that a string can be a CSS selector: balanced brackets and quotes, no declarations, no
 * dangling combinators, ids and classes that start like identifiers. It catches the typical mistakes in a
 * hand-edited profile; where a DOM is at hand, `domSelectorCheck` asks the browser itself.
 */
export function isPlausibleSelector(selector: string): boolean {
  const text = selector.trim();
  if (!text || text.length > 500) return false;
  const stack: string[] = [];
  let quote = '';
  let outside = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      i++;
      if (!quote && !stack.length) outside += 'a';
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (!stack.length) return false;
      quote = ch;
    } else if (ch === '[' || ch === '(') stack.push(ch === '[' ? ']' : ')');
    else if (ch === ']' || ch === ')') {
      if (stack.pop() !== ch) return false;
    } else if (!stack.length && (ch === '{' || ch === '}' || ch === ';' || ch === '|')) return false;
    // Attribute values and pseudo-class arguments may hold anything: check the structure outside them only.
    if (!stack.length && ch !== ']' && ch !== ')') outside += ch;
    else if (!stack.length) outside += 'a';
  }
  if (quote || stack.length) return false;
  const structure = outside.replace(/\s+/g, ' ').trim();
  if (/^[>+~,]|[>+~,]$|,\s*,|[>+~]\s*[>+~,]|,\s*[>+~]/.test(structure)) return false;
  // `#` and `.` start an identifier: `#10086` and `div.` are not selectors.
  return !/[#.](?![-_a-zA-Z\u00a0-\uffff]|\\)|[#.]-\d/.test(structure);
}

/** Longest selector a profile may hold (a generated one is far shorter). */
export const MAX_SELECTOR_LENGTH = 300;
/** Most selectors in one comma-separated list, and most combinators in one of them. */
export const MAX_SELECTOR_LIST = 8;
export const MAX_SELECTOR_COMBINATORS = 12;

/**
 * Why a selector would be too costly to run on a portal's page, or undefined: too long, a `:has()` inside another
 * `:has()` or more than one of them (each re-walks the subtree of every candidate: seconds on a 5,000-row list),
 * too many selectors in a list or combinators in a chain.
 */
export function selectorCostProblem(selector: string): string | undefined {
  if (selector.length > MAX_SELECTOR_LENGTH) return `a selector may have at most ${MAX_SELECTOR_LENGTH} characters (this one has ${selector.length})`;
  const has = selector.match(/:has\(/gi)?.length ?? 0;
  if (has > 1) return `a selector may use :has() at most once (this one uses it ${has} times): chained :has() takes seconds on a large page`;
  const list = selector.split(',').length;
  if (list > MAX_SELECTOR_LIST) return `a selector list may have at most ${MAX_SELECTOR_LIST} parts (this one has ${list})`;
  // Combinators outside brackets, quotes and parentheses: `a > b c + d`.
  let outside = selector.replace(/\\./g, 'a').replace(/"[^"]*"|'[^']*'|\[[^\]]*\]/g, '');
  // Pseudo-class arguments (`:nth-child(2n + 1)`, `:not(.a .b)`) are not part of the chain.
  for (let before = ''; before !== outside; ) [before, outside] = [outside, outside.replace(/\([^()]*\)/g, '')];
  const chain = Math.max(...outside.split(',').map((part) => part.trim().split(/\s*[>+~]\s*|\s+/).length - 1));
  if (chain > MAX_SELECTOR_COMBINATORS) return `a selector may chain at most ${MAX_SELECTOR_COMBINATORS} combinators (this one has ${chain})`;
  return undefined;
}

/** A check by a real selector engine (a document or fragment: `document.createDocumentFragment()`). */
export function domSelectorCheck(scope: { querySelector(selector: string): unknown }): (selector: string) => boolean {
  return (selector) => {
    try {
      scope.querySelector(selector);
      return true;
    } catch {
      return false;
    }
  };
}
