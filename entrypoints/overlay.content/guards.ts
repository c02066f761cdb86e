import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { attachmentLink, clickedControl, isPrintControl, selectedRecipients, sendAction } from '@/utils/page-actions';
import type { PromptBus } from '@/utils/messaging/prompt-bus';

const UNASKED_PRINT_QUIET_MS = 30_000;

/**
 * Watches the portal's own print, copy, download and send actions. On a classified page print,
 * copy and download wait for the clerk's reason (given in the overlay); send actions open the
 * circulation prompt without holding the portal up.
 */
export function installGuards(
  ctx: ContentScriptContext,
  bus: PromptBus,
  classified: () => boolean,
  /** The overlay's host and its closed shadow root (only the content script holds the root). */
  overlay: () => { host: Element; root: ShadowRoot } | undefined,
  /** The portal's own send buttons named by its site profile (`actions.send`), beyond the words DocTrail knows. */
  sendSelectors: () => readonly string[] = () => [],
): void {
  let approvedPrint = false;
  let lastUnaskedLog = 0;
  let letThrough: Element | null = null;
  let copying = false;

  const ask = (event: Event, request: Parameters<PromptBus['confirmHandling']>[0], proceed: () => void) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    void bus.confirmHandling(request).then((answer) => answer && proceed());
  };

  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      if (!classified() || !bus.ready || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'p') return;
      ask(event, { action: 'printed', detail: 'Ctrl+P' }, () => {
        approvedPrint = true;
        window.print();
      });
    },
    { capture: true },
  );

  ctx.addEventListener(
    document,
    'click',
    (event) => {
      const profiled = event.isTrusted ? profileSendAction(event.target, sendSelectors()) : null;
      const control = clickedControl(event.target) ?? profiled;
      if (!control || overlay()?.host.contains(control)) return;
      if (control === letThrough) {
        letThrough = null;
        return;
      }
      const replay = () => {
        letThrough = control;
        (control as HTMLElement).click();
      };
      if (classified() && bus.ready && event.isTrusted) {
        if (isPrintControl(control)) {
          return ask(event, { action: 'printed', detail: (control.textContent ?? '').trim() || undefined }, () => {
            approvedPrint = true;
            replay();
          });
        }
        const attachment = attachmentLink(control);
        if (attachment) return ask(event, { action: 'downloaded', detail: attachment.name }, replay);
      }
      const verb = event.isTrusted ? (sendAction(control) ?? (profiled && sendVerb(profiled))) : null;
      if (verb) bus.sendStarted({ verb, recipients: selectedRecipients(document) });
    },
    { capture: true },
  );

  ctx.addEventListener(
    document,
    'copy',
    (event) => {
      if (copying || !classified() || !bus.ready) return;
      const text = document.getSelection()?.toString() ?? '';
      if (!text.trim()) return;
      ask(event, { action: 'copied', detail: `${text.length} 字` }, () => copyText(text));
    },
    { capture: true },
  );

  /** Puts the approved text on the clipboard (the page's selection is gone once the clerk typed a reason). */
  function copyText(text: string): void {
    const root = overlay()?.root ?? document.body;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('aria-hidden', 'true');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
    root.appendChild(area);
    area.select();
    copying = true;
    try {
      document.execCommand('copy');
    } finally {
      copying = false;
      area.remove();
    }
  }

  ctx.addEventListener(window, 'beforeprint', (event) => {
    // A print the clerk approved is already logged; a page cannot fake this event (isTrusted).
    if (approvedPrint || !event.isTrusted || !classified()) {
      approvedPrint = false;
      return;
    }
    // Printing from the browser menu cannot be asked about first: it is logged as it starts, at most once per 30 s.
    if (Date.now() - lastUnaskedLog < UNASKED_PRINT_QUIET_MS) return;
    lastUnaskedLog = Date.now();
    bus.handledUnasked({ action: 'printed', detail: 'browser' });
  });
}

/** The element of a profile's send selector the click landed in, if any. */
function profileSendAction(target: EventTarget | null, selectors: readonly string[]): Element | null {
  const element = target as Element | null;
  if (!selectors.length || !element?.closest) return null;
  for (const selector of selectors) {
    try {
      const hit = element.closest(selector);
      if (hit) return hit;
    } catch {
      // A selector this browser cannot read: the profile says nothing here.
    }
  }
  return null;
}

/** What the portal calls the action (its button text or title), else 传阅. */
function sendVerb(control: Element): string {
  const text = (control.textContent || control.getAttribute('title') || (control as HTMLInputElement).value || '').replace(/[\s\u00a0\u3000]+/g, '');
  return text && text.length <= 8 ? text : '传阅';
}
