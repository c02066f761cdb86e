/**
 * Recognising the portal's own controls: send actions (传阅, 送阅 …), print buttons, attachment links,
 * and the recipients selected in its picker. Pure DOM reading, no extension APIs.
 */

const SEND_WORDS = /^(传阅|送阅|分送|转办|发送|提交|呈批|送审|送领导阅|分发|送办|转发)$/;
/** 打印, 打印预览, 打印全部, 打印此页, 只打印内容 … (trailing dots and colons of menu items dropped). */
const PRINT_WORDS = /^(?:只|仅)?(?:打印|列印)(?:预览|全部|此页|本页|当前页|内容|正文|处理笺|公文|文件|表单|阅办单|收文单|传阅单|登记表)?$|^print(?:preview)?$/i;
const PRINT_LABEL = /打印|^print/i;
const ATTACHMENT_EXT = /\.(pdf|ofd|docx?|xlsx?|wps|et|zip|rar|7z|txt|pptx?|ceb|tif|jpg|png)(?:$|[?#])/i;

function controlText(el: Element): string {
  const input = el as HTMLInputElement;
  const text = el.tagName === 'INPUT' ? input.value : (el.textContent ?? '');
  return text.replace(/\s+/g, '');
}

/** The clickable control an event landed on (a button, link or button-like input), if any. */
export function clickedControl(target: EventTarget | null): Element | null {
  const el = target as Element | null;
  return el?.closest?.('button, a, input[type=button], input[type=submit], [role=button]') ?? null;
}

export type SendVerb = string;

/** `传阅`, `送阅`, `转办` … when the control is one of the portal's send actions. */
export function sendAction(control: Element): SendVerb | null {
  const text = controlText(control);
  return SEND_WORDS.test(text) ? text : null;
}

export function isPrintControl(control: Element): boolean {
  const text = controlText(control).replace(/[.。…:：>»]+$/, '');
  if (PRINT_WORDS.test(text)) return true;
  // A toolbar icon: no text, a title or aria-label that says 打印.
  const label = `${control.getAttribute('title') ?? ''} ${control.getAttribute('aria-label') ?? ''}`.trim();
  if (!text && label && PRINT_LABEL.test(label)) return true;
  return /print\(/i.test(control.getAttribute('onclick') ?? '') || /^javascript:.*print\(/i.test(control.getAttribute('href') ?? '');
}

/**
 * The portal's print command a click landed in, whatever the element: menu items are often `li`, `div`, `span` or
 * `a` without href with a script handler, toolbar icons an `i`/`img` with a title. Looks at the target and a few
 * ancestors (a menu item's icon or inner span), never further than a short text reaches.
 */
export function printControlAt(target: EventTarget | null): Element | null {
  let el = target as Element | null;
  for (let depth = 0; el?.tagName && depth < 4 && el.tagName !== 'BODY' && el.tagName !== 'HTML'; depth++, el = el.parentElement) {
    if ((el.textContent ?? '').length > 40) return null;
    if (isPrintControl(el)) return el;
  }
  return null;
}

/** A link to an attachment file (by extension or `download`), with the name the clerk sees. */
export function attachmentLink(control: Element): { name: string; href: string } | null {
  if (control.tagName !== 'A') return null;
  const href = control.getAttribute('href') ?? '';
  if (!control.hasAttribute('download') && !ATTACHMENT_EXT.test(href) && !ATTACHMENT_EXT.test(controlText(control))) return null;
  return { name: (control.textContent ?? '').trim().slice(0, 200) || href.slice(0, 200), href };
}

const PICKER_CONTEXT = /传阅人|送阅|接收人|阅文人|人员|收件人|分送|承办人|阅办人|选择/;

/** Names checked in the portal's recipient picker (checkboxes near words such as 传阅人), in page order. */
export function selectedRecipients(doc: Document): string[] {
  const names: string[] = [];
  for (const box of doc.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
    let context = box.parentElement;
    for (let depth = 0; context && depth < 4 && !PICKER_CONTEXT.test(context.textContent?.slice(0, 400) ?? ''); depth++) context = context.parentElement;
    if (!context) continue;
    const label = box.closest('label') ?? (box.id ? doc.querySelector(`label[for="${box.id.replace(/"/g, '')}"]`) : null);
    const name = (label?.textContent ?? box.nextSibling?.textContent ?? box.value ?? '').replace(/\s+/g, '');
    if (name && name.length <= 12 && !/全选|清空/.test(name) && !names.includes(name)) names.push(name);
  }
  for (const select of doc.querySelectorAll<HTMLSelectElement>('select[multiple]')) {
    for (const option of select.selectedOptions) {
      const name = (option.textContent ?? '').trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
