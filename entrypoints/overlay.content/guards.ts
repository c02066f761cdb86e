import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { attachmentLink, clickedControl, isPrintControl, printControlAt, selectedRecipients, sendAction } from '@/utils/page-actions';
import type { PromptBus } from '@/utils/messaging/prompt-bus';

/** A print that starts this soon after the clerk's click in the portal was started by that click. */
const CLICK_TO_PRINT_MS = 1500;

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
  let letThrough: Element | null = null;
  let copying = false;
  /** The clerk's last click in the portal (not in the overlay), and elements whose click turned out to print. */
  let lastClick = { at: 0, target: null as Element | null };
  const printedBy = new WeakSet<Element>();
  const learnedPrint = (target: EventTarget | null) => {
    for (let el = target as Element | null, depth = 0; el && depth < 4; el = el.parentElement, depth++) if (printedBy.has(el)) return el;
    return null;
  };

  const ask = (event: Event, request: Parameters<PromptBus['confirmHandling']>[0], proceed: () => void) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    void bus.confirmHandling(request).then((answer) => answer && proceed());
  };

  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      // A page's own KeyboardEvent is not the clerk's key press: it opens nothing (isTrusted).
      if (!event.isTrusted || !classified() || !bus.ready || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'p') return;
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
      // The approved click, replayed on the portal's control: it goes through once.
      if (letThrough && (event.target === letThrough || clickedControl(event.target) === letThrough)) {
        letThrough = null;
        return;
      }
      if (overlay()?.host.contains(event.target as Node)) {
        // The clerk's last click was DocTrail's, not the portal's: a print() that follows did not come from the portal.
        lastClick = { at: 0, target: null };
        return;
      }
      if (event.isTrusted) lastClick = { at: Date.now(), target: event.target as Element };
      const profiled = event.isTrusted ? profileSendAction(event.target, sendSelectors()) : null;
      // Print commands in any element (menu `li`, `span`, icon with a title), not only buttons and links.
      const printing = event.isTrusted && classified() ? (printControlAt(event.target) ?? learnedPrint(event.target)) : null;
      const control = printing ?? clickedControl(event.target) ?? profiled;
      if (!control || overlay()?.host.contains(control)) return;
      const replay = () => {
        letThrough = control;
        (control as HTMLElement).click();
      };
      if (classified() && bus.ready && event.isTrusted) {
        if (control === printing || isPrintControl(control)) {
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
      if (copying || !event.isTrusted || !classified() || !bus.ready) return;
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

  /** While a print is held: a print style sheet that leaves the sheet blank but for a notice. */
  let blank: HTMLStyleElement | undefined;
  // Only the browser's own print events count: a page's `new Event('afterprint')` would unblank a held print, its
  // `beforeprint` after any click of the clerk's would ask about (and teach DocTrail) a print that never happened.
  ctx.addEventListener(window, 'afterprint', (event) => {
    if (!event.isTrusted) return;
    blank?.remove();
    blank = undefined;
  });

  ctx.addEventListener(window, 'beforeprint', (event) => {
    if (!event.isTrusted) return;
    // A print the clerk approved is already logged. (`beforeprint` is trusted even when the page called print().)
    if (approvedPrint || !classified()) {
      approvedPrint = false;
      return;
    }
    // The clerk's click in the portal started it (a control DocTrail did not know as a print command): the sheet
    // prints blank, the clerk is asked for a reason, and the control is held before the page acts next time.
    if (bus.ready && Date.now() - lastClick.at < CLICK_TO_PRINT_MS) {
      const source = lastClick.target;
      lastClick = { at: 0, target: null };
      if (source) printedBy.add(printControlAt(source) ?? clickedControl(source) ?? source);
      blank = document.createElement('style');
      blank.media = 'print';
      blank.textContent = 'body{visibility:hidden!important}';
      (document.head ?? document.documentElement).appendChild(blank);
      void bus.confirmHandling({ action: 'printed', detail: (source?.textContent ?? '').trim().slice(0, 40) || undefined }).then((answer) => {
        if (!answer) return;
        blank?.remove();
        blank = undefined;
        approvedPrint = true;
        window.print();
      });
      return;
    }
    // Not held (the browser menu, or the page's own print() — indistinguishable here): it writes nothing by itself. The
    // background asks the clerk in the tab's top frame, once per document at a time; only the answer is logged.
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
  const text = (control.textContent || control.getAttribute('title') || (control as HTMLInputElement).value || '').replace(/\s+/g, '');
  return text && text.length <= 8 ? text : '传阅';
}
