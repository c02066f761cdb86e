/**
 * Clickjacking defence for the overlay's surfaces (the panel, the pill, each prompt).
 *
 * A click or key press is accepted only when (1) the browser marks it trusted, (2) the surface it lands on is
 * really visible to the clerk — IntersectionObserver v2 (`trackVisibility`: not occluded, no opacity, filter or
 * transform effect) where the browser has it, else computed display/visibility/opacity/filter/content-visibility
 * of the surface and of every ancestor up the host — and (3) it has been visible for at least ARM_MS, so a page
 * cannot open a prompt under the pointer (or unhide one) just before a click it expects.
 * Each surface carries `data-armed="true|false"` (inside the closed root, for the test driver and for styling).
 */
import { useCallback, useRef } from 'preact/hooks';

export const ARM_MS = 500;

const visibleSince = new WeakMap<Element, number>();
const TRACKS_VISIBILITY = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
let observer: IntersectionObserver | undefined;
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

function setSince(el: Element, since: number | undefined): void {
  clearTimeout(timers.get(el));
  if (since === undefined) {
    visibleSince.delete(el);
    el.setAttribute('data-armed', 'false');
    return;
  }
  visibleSince.set(el, since);
  el.setAttribute('data-armed', 'false');
  timers.set(el, setTimeout(() => el.isConnected && el.setAttribute('data-armed', 'true'), ARM_MS));
}

/** Starts tracking a surface; returns the function that stops it. */
export function trackSurface(el: Element): () => void {
  if (TRACKS_VISIBILITY) {
    el.setAttribute('data-armed', 'false');
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true;
          if (!visible) setSince(entry.target, undefined);
          else if (!visibleSince.has(entry.target)) setSince(entry.target, performance.now());
        }
      },
      { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(el);
  } else {
    setSince(el, performance.now());
  }
  return () => {
    observer?.unobserve(el);
    setSince(el, undefined);
  };
}

/** The flat-tree ancestors' styles allow the element to be seen (the fallback where IntersectionObserver v2 is absent). */
export function stylesVisible(el: Element): boolean {
  const own = getComputedStyle(el);
  if (own.visibility !== 'visible') return false;
  for (let node: Element | null = el; node; ) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || Number(style.opacity) < 1 || (style.filter && style.filter !== 'none') || style.contentVisibility === 'hidden') return false;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : (parent as Element | null)?.nodeType === 1 ? (parent as Element) : null;
  }
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/** Whether a trusted event on `target` may act: the surface it belongs to is visible and has been for ARM_MS. */
export function accepts(event: Event): boolean {
  if (!event.isTrusted) return false;
  const target = (event.currentTarget ?? event.target) as Element | null;
  const surface = target?.closest?.('[data-armed]');
  if (!surface) return false;
  const since = visibleSince.get(surface);
  if (since === undefined || performance.now() - since < ARM_MS) return false;
  return TRACKS_VISIBILITY || stylesVisible(surface);
}

/** A callback ref for a surface element: tracked while mounted. */
export function useSurface<T extends Element>() {
  const stop = useRef<(() => void) | undefined>(undefined);
  return useCallback((el: T | null) => {
    stop.current?.();
    stop.current = el ? trackSurface(el) : undefined;
  }, []);
}

/** The host was put back after the page removed or moved it: every surface counts as shown only from now on. */
export function rearm(root: ParentNode): void {
  for (const el of root.querySelectorAll('[data-armed]')) {
    if (el instanceof HTMLDialogElement && el.open) {
      // Removing an open modal dialog takes it out of the top layer: show it as a modal again.
      el.close();
      try {
        el.showModal();
      } catch {
        el.setAttribute('open', '');
      }
    }
    if (!TRACKS_VISIBILITY) setSince(el, performance.now());
  }
}
