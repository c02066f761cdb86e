/**
 * Recognising the portal's own controls: send actions (传阅, 送阅 …), print buttons, attachment links,
 * and the recipients selected in its picker. Pure DOM reading, no extension APIs.
 */

const SEND_WORDS = /^(传阅|送阅|分送|转办|发送|提交|呈批|送审|送领导阅|分发|送办|转发)$/;
const PRINT_WORDS = /^(打印|打印预览|打印处理笺|打印本页|打印公文|print)$/i;
const ATTACHMENT_EXT = /\.(pdf|ofd|docx?|xlsx?|wps|et|zip|rar|7z|txt|pptx?|ceb|tif|jpg|png)(?:$|[?#])/i;

function controlText(el: Element): string {
  const input = el as HTMLInputElement;
  const text = el.tagName === 'INPUT' ? input.value : (el.textContent ?? '');
  return text.replace(/[\s\u00a0\u3000]+/g, '');
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
  return PRINT_WORDS.test(controlText(control)) || /print\(/i.test(control.getAttribute('onclick') ?? '');
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
    const name = (label?.textContent ?? box.nextSibling?.textContent ?? box.value ?? '').replace(/[\s\u00a0\u3000]+/g, '');
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
