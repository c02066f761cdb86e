/**
 * Whether a stored address may be rendered as a link: http(s) only. A `sourceUrl` comes from a page or a backup;
 * `javascript:`, `data:`, `file:`, `blob:` and anything unparsable are shown as text, never as a link.
 */
export function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
