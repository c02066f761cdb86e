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
