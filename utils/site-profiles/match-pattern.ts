/**
 * WebExtension match patterns (`*://*.example.gov.cn/*`, `http://10.1.2.3:8080/seeyon/*`), as browsers read them:
 * scheme `*` (http or https), `http` or `https`; host `*`, `*.domain` (the domain and its subdomains) or an exact
 * host, with an optional `:port` (`:*` any; none = any port); a path glob matched against the URL's path and query.
 */

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\*|\d{1,5}))?(\/.*)$/;

/** Longest pattern DocTrail accepts (a portal's address with a path is far shorter). */
export const MAX_PATTERN_LENGTH = 300;
/** Most `*` in one pattern: `*://*.oa.gov.cn/oa/*.jsp?*` has four. */
export const MAX_PATTERN_STARS = 8;

interface ParsedPattern {
  scheme: string;
  host: string;
  port?: string;
  /** The path glob split at its `*`s: no regular expression, so matching cannot backtrack. */
  path: string[];
}

/**
 * Whether `text` matches a glob given as the pieces between its `*`s (`/a*b*c` → ['/a', 'b', 'c']). Linear: the
 * first piece is a prefix, the last a suffix, and each piece between is taken at its leftmost place after the one
 * before — which is always right when the only wildcard is `*` — so each piece is searched for once, never again
 * after a later piece fails (a regular expression `^/.*a.*a.*b$` backtracks through every split of the text).
 */
export function globMatches(pieces: readonly string[], text: string): boolean {
  if (pieces.length === 1) return text === pieces[0];
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

const parsed = new Map<string, ParsedPattern | null>();

function parse(pattern: string): ParsedPattern | null {
  if (parsed.has(pattern)) return parsed.get(pattern)!;
  if (parsed.size > 2000) parsed.clear();
  const match = PATTERN.exec(pattern);
  let result: ParsedPattern | null = null;
  if (match && !/\s/.test(pattern) && !limitProblem(pattern) && (match[3] === undefined || match[3] === '*' || Number(match[3]) <= 65535)) {
    result = { scheme: match[1]!, host: match[2]!.toLowerCase(), port: match[3], path: match[4]!.split('*') };
  }
  parsed.set(pattern, result);
  return result;
}

function limitProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `a URL pattern may have at most ${MAX_PATTERN_LENGTH} characters (this one has ${pattern.length})`;
  const stars = pattern.split('*').length - 1;
  if (stars > MAX_PATTERN_STARS) return `a URL pattern may have at most ${MAX_PATTERN_STARS} “*” (this one has ${stars})`;
  return undefined;
}

/** Why a match pattern is not one (or is too long or has too many `*` to accept), or undefined when it is. */
export function matchPatternProblem(pattern: string): string | undefined {
  if (parse(pattern)) return undefined;
  const limit = limitProblem(pattern);
  if (limit) return limit;
  if (!/^[^:/]+:\/\//.test(pattern)) return 'expected scheme://host/path, e.g. *://oa.example.gov.cn/*';
  if (!/^(\*|https?):/.test(pattern)) return 'the scheme must be *, http or https';
  if (!/^[^:]+:\/\/[^/]+\//.test(pattern)) return 'a path is needed after the host (at least /)';
  return 'the host must be *, *.domain or a host name (a * may only open it), with an optional :port';
}

export function isMatchPattern(pattern: string): boolean {
  return parse(pattern) !== null;
}

/** Whether `url` is matched by the WebExtension match pattern; false for an invalid pattern or URL. */
export function matchesPattern(pattern: string, url: string): boolean {
  const p = parse(pattern);
  if (!p) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (p.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== p.scheme) return false;
  const host = u.hostname.toLowerCase();
  if (p.host.startsWith('*.')) {
    const domain = p.host.slice(2);
    if (host !== domain && !host.endsWith(`.${domain}`)) return false;
  } else if (p.host !== '*' && p.host !== host) return false;
  if (p.port !== undefined && p.port !== '*' && p.port !== (u.port || (scheme === 'https' ? '443' : '80'))) return false;
  return globMatches(p.path, u.pathname + u.search);
}

export function profileMatchesUrl(profile: { urlPatterns: readonly string[] }, url: string): boolean {
  return profile.urlPatterns.some((pattern) => matchesPattern(pattern, url));
}

/** The profiles for a page, in the order given (put the clerk's own before the built-ins), leaving out those switched off. */
export function profilesForUrl<P extends { id: string; urlPatterns: readonly string[] }>(profiles: readonly P[], url: string, switchedOff: ReadonlySet<string> = new Set()): P[] {
  return profiles.filter((profile) => !switchedOff.has(profile.id) && profileMatchesUrl(profile, url));
}
