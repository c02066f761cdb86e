/**
 * Events that start inside the overlay stay there. Key events are `composed`: without this they leave the shadow
 * root (retargeted to the host) and reach the portal's own handlers — an Esc meant to collapse the panel closed the
 * portal's 收文单 window, Enter submitted its form, Tab and shortcuts drove it. Stopped at the shadow root and at the
 * host, after the overlay's own handlers ran (bubble phase), so nothing of the portal above the host sees them.
 * A page listener in the capture phase on `window`/`document` runs before any of ours and cannot be kept out
 * (the overlay would have to live in its own frame for that).
 */
const CONTAINED = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'focusin', 'focusout', 'compositionstart', 'compositionend'] as const;

export function containEvents(host: HTMLElement, shadow: ShadowRoot): void {
  const stop = (event: Event) => event.stopPropagation();
  for (const target of [host, shadow]) for (const type of CONTAINED) target.addEventListener(type, stop);
  // Esc collapses the panel: the focused control goes with it, so the key's keyup starts on the page's <body>.
  // That keyup is kept from the page too, and focus moves to the pill.
  let escapedAt = -Infinity;
  shadow.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    escapedAt = event.timeStamp;
    setTimeout(() => shadow.activeElement || shadow.querySelector<HTMLElement>('button')?.focus());
  }, true);
  window.addEventListener(
    'keyup',
    (event) => {
      if (event.key !== 'Escape' || event.timeStamp - escapedAt > 2000 || !event.isTrusted) return;
      escapedAt = -Infinity;
      event.stopImmediatePropagation();
    },
    true,
  );
}

/** Whether an event (from any world) began inside the overlay host. */
export function startedIn(host: Element | undefined, event: Event): boolean {
  return !!host && event.composedPath().includes(host);
}
