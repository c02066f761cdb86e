import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** DocTrail's surface on a portal page: the host element, its CLOSED shadow root, and the element rendered into. */
export interface OverlayHost {
  readonly shadowHost: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly uiContainer: HTMLElement;
  readonly mounted: boolean;
  /** Puts the host on <html> (not in the page's <body>, which portals rewrite). */
  mount(): void;
  /** Takes the host off the page and empties it; `onRemove` unmounts what was rendered first. */
  remove(): void;
}

/**
 * A custom element with a closed shadow root holding `<html><head><style/></head><body/></html>`, as WXT's
 * `createShadowRootUi` builds it, without its auto-mount, anchor-waiting and isolated-element helpers (about 3 KB
 * gzipped of the content script's 40 KB budget). Closed: the page cannot reach into the overlay and read registered
 * documents' details out of it. `:host { all: initial }` keeps the page's styles out.
 * Removed when the extension context is invalidated (the extension reloaded or the portal disabled).
 */
export function createOverlayHost(ctx: ContentScriptContext, options: { name: string; css: string; onRemove?: (container: HTMLElement) => void }): OverlayHost {
  const shadowHost = document.createElement(options.name);
  const shadow = shadowHost.attachShadow({ mode: 'closed' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${options.css}`;
  const body = document.createElement('body');
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  let mounted = false;
  const host: OverlayHost = {
    shadowHost,
    shadow,
    uiContainer: body,
    get mounted() {
      return mounted;
    },
    mount() {
      document.documentElement.append(shadowHost);
      mounted = true;
    },
    remove() {
      if (mounted) options.onRemove?.(body);
      shadowHost.remove();
      body.replaceChildren();
      mounted = false;
    },
  };
  ctx.onInvalidated(() => host.remove());
  return host;
}
