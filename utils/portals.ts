/**
 * Portals: the origins DocTrail runs on. The production build runs nowhere until the clerk enables a portal
 * (the browser asks for that origin's permission); the test build is pre-enabled for the local sample portal.
 * Pure helpers, shared by the background, the popup and the dashboard.
 */

/** Origins the test flavour (`--mode test`) runs on without being asked. Never all sites. */
export const PRE_ENABLED_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The overlay's content script, as built by WXT: declared in the test manifest, registered at run time elsewhere. */
export const OVERLAY_SCRIPT = '/content-scripts/overlay.js' as const;

/** The manifest command (Alt+Shift+D unless rebound) and the message the background sends the tab for it: the overlay takes the focus. */
export const FOCUS_OVERLAY = 'focus-overlay';

/** The 教我识别 picker, injected on demand into the frames of one tab. */
export const PICKER_SCRIPT = '/picker.js' as const;

/**
 * The permission pattern for an address a clerk types or a tab shows: `oa.example.gov.cn` → `*://oa.example.gov.cn/*`,
 * `http://10.1.2.3:8080/seeyon/index.jsp` → `http://10.1.2.3/*`. Browsers' host permissions carry no port (a pattern
 * without one matches every port). Undefined for what is not a web address.
 */
export function originPattern(input: string): string | undefined {
  const text = input.trim();
  if (!text || /\s/.test(text)) return undefined;
  const explicit = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (explicit && explicit !== 'http' && explicit !== 'https') return undefined;
  const rest = explicit ? text.slice(explicit.length + 3) : text;
  const wildcard = rest.startsWith('*.');
  let url: URL;
  try {
    url = new URL(`http://${wildcard ? rest.slice(2) : rest}`);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  // A host name needs a dot (oa.example.gov.cn), be an IP literal or localhost.
  if (!host || (!host.includes('.') && !host.startsWith('[') && host !== 'localhost')) return undefined;
  if (!/^[a-z0-9.\-[\]:]+$/.test(host) || host.startsWith('.') || host.endsWith('.') || url.username || url.password) return undefined;
  return `${explicit ?? '*'}://${wildcard ? '*.' : ''}${host}/*`;
}

/** The pattern of the site a tab shows (its own scheme), or undefined for pages no extension may script. */
export function tabOriginPattern(tabUrl: string | undefined): string | undefined {
  if (!tabUrl || !/^https?:\/\//i.test(tabUrl)) return undefined;
  return originPattern(tabUrl);
}

/** Host patterns among granted origins (leaves out `<all_urls>`-like non-web entries and file URLs). */
export function webOrigins(origins: readonly string[] | undefined): string[] {
  return (origins ?? []).filter((origin) => /^(\*|https?):\/\//.test(origin));
}
