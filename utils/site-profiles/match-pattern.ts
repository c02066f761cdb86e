/**
 * WebExtension match patterns (`*://*.example.gov.cn/*`, `http://10.1.2.3:8080/seeyon/*`), as browsers read them:
 * scheme `*` (http or https), `http` or `https`; host `*`, `*.domain` (the domain and its subdomains) or an exact
 * host, with an optional `:port` (`:*` any; none = any port); a path glob matched against the URL's path and query.
 */

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\*|\d{1,5}))?(\/.*)$/;

interface ParsedPattern {
  scheme: string;
  host: string;
  port?: string;
  path: RegExp;
}

const parsed = new Map<string, ParsedPattern | null>();

function parse(pattern: string): ParsedPattern | null {
  if (parsed.has(pattern)) return parsed.get(pattern)!;
  const match = PATTERN.exec(pattern);
  let result: ParsedPattern | null = null;
  if (match && !/\s/.test(pattern) && (match[3] === undefined || match[3] === '*' || Number(match[3]) <= 65535)) {
    const path = new RegExp(`^${match[4]!.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    result = { scheme: match[1]!, host: match[2]!.toLowerCase(), port: match[3], path };
  }
  parsed.set(pattern, result);
  return result;
}

/** Why a match pattern is not one, or undefined when it is. */
export function matchPatternProblem(pattern: string): string | undefined {
  if (parse(pattern)) return undefined;
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
  return p.path.test(u.pathname + u.search);
}

export function profileMatchesUrl(profile: { urlPatterns: readonly string[] }, url: string): boolean {
  return profile.urlPatterns.some((pattern) => matchesPattern(pattern, url));
}

/** The profiles for a page, in the order given (put the clerk's own before the built-ins), leaving out those switched off. */
export function profilesForUrl<P extends { id: string; urlPatterns: readonly string[] }>(profiles: readonly P[], url: string, switchedOff: ReadonlySet<string> = new Set()): P[] {
  return profiles.filter((profile) => !switchedOff.has(profile.id) && profileMatchesUrl(profile, url));
}
