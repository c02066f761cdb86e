/**
 * One identity per document. The same 文号, title or issuer reaches DocTrail in many spellings: read from the page
 * (〔〕), typed by the clerk from paper (【】, [], ()), full-width or half-width, with spaces, and with invisible
 * format characters a page (or a paste) slipped in (U+200B–U+200F, U+202A–U+202E, U+2060, U+FEFF, soft hyphens,
 * variation selectors, U+180E). Every write and every lookup goes through these functions, in the background.
 * Pure: no DOM, no storage.
 */

/** Format characters (`\p{Cf}`: zero-width, bidi marks, word joiner, BOM, soft hyphen, U+180E) and other invisibles
 * (blank fillers: Hangul, braille pattern blank U+2800, musical null notehead U+1D159). */
const INVISIBLE = /[\p{Cf}\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{1D159}\u{E0100}-\u{E01EF}]/gu;
/** Combining marks left after NFKC (an accent, underline or enclosing circle laid on a 文号's character or digit). */
const MARKS = /\p{M}/gu;
/** Further brackets a 文号's year is set in by look-alike (angle, ornament, tortoise-shell, white, square-quill). */
const OPEN_LOOKALIKE = /[〈❨❪❬❮❰❲⁅⟨⟪⟬⟮⦇⦉⦋⦍⦏⦑⦓⦕⦗⸢⸤⸦⸨〚]/g;
const CLOSE_LOOKALIKE = /[〉❩❫❭❯❱❳⁆⟩⟫⟭⟯⦈⦊⦌⦎⦐⦒⦔⦖⦘⸣⸥⸧⸩〛]/g;
const OPEN_BRACKETS = /[[(【〔〖［（﹝｛{〘⦅⟦「『]/g;
const CLOSE_BRACKETS = /[\])】〕〗］）﹞｝}〙⦆⟧」』]/g;
const SPACES = /[\s\u00a0\u3000]+/g;

/** Without invisible characters, in NFKC (full-width letters, digits and punctuation become half-width), spaces collapsed. */
export function cleanText(value: string): string {
  return value.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** A 文号 in its one stored form: 〔〕 around the year, no spaces, no invisible characters or combining marks, NFKC. */
export function normaliseDocNumber(value: string): string {
  return cleanText(value)
    .replace(MARKS, '')
    .replace(OPEN_BRACKETS, '〔')
    .replace(CLOSE_BRACKETS, '〕')
    .replace(OPEN_LOOKALIKE, '〔')
    .replace(CLOSE_LOOKALIKE, '〕')
    .replace(SPACES, '');
}

/** How a title or an issuer is compared: cleaned, without any spaces, quotes or bracket differences. */
export function comparableText(value: string): string {
  return cleanText(value).replace(MARKS, '').replace(OPEN_BRACKETS, '(').replace(CLOSE_BRACKETS, ')').replace(/[\s"'“”‘’《》<>]/g, '');
}

/**
 * Query parameters that change between two openings of the same document: JSONP callbacks, cache busters,
 * timestamps, random tokens, session ids. Compared lower-case.
 */
export const VOLATILE_PARAMS: ReadonlySet<string> = new Set([
  'callback', 'cb', 'jsoncallback', '_', '_t', '_ts', '_dc', '_r', '_v', '_time', '_random', 't', 'ts', 'time', 'timestamp',
  'stamp', 'tm', 'random', 'rand', 'rnd', 'r', 'nocache', 'cache', 'cachebuster', 'jsessionid', 'sessionid', 'sid',
  'token', 'access_token', 'csrf', 'csrftoken', '_csrf', 'ticket', 'nonce', 'spm', 'from', 'opentype', 'tabid',
]);

/** A value that is a fresh timestamp or a Math.random() whatever the parameter is called. */
const VOLATILE_VALUE = /^(?:1[5-9]\d{11}|0\.\d{8,})$/;

/**
 * The page's address as an identity: no fragment, no volatile parameter, the rest sorted; host in lower case.
 * `volatile` adds parameters learned to change for this portal.
 */
export function canonicalUrl(url: string, volatile: Iterable<string> = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return cleanText(url);
  }
  const extra = new Set([...volatile].map((name) => name.toLowerCase()));
  const kept = [...parsed.searchParams.entries()]
    .filter(([name, value]) => !VOLATILE_PARAMS.has(name.toLowerCase()) && !extra.has(name.toLowerCase()) && !VOLATILE_VALUE.test(value))
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname}${query ? `?${query}` : ''}`;
}

/**
 * The query parameters that differ between two openings of one document at the same page (same origin and path):
 * a value only one opening has, or a value that changed — except short numbers on both sides, which are record ids
 * (two records of one letter), and parameters already known to be volatile. Lower-case names.
 */
export function changedParams(a: string, b: string): string[] {
  let x: URL, y: URL;
  try {
    x = new URL(a);
    y = new URL(b);
  } catch {
    return [];
  }
  if (x.origin !== y.origin || x.pathname !== y.pathname) return [];
  const names = new Set([...x.searchParams.keys(), ...y.searchParams.keys()].map((name) => name.toLowerCase()));
  const value = (url: URL, name: string) => [...url.searchParams].filter(([key]) => key.toLowerCase() === name).map(([, v]) => v).join('&');
  return [...names].filter((name) => {
    const [u, v] = [value(x, name), value(y, name)];
    const ids = /^\d{1,9}$/.test(u) && /^\d{1,9}$/.test(v);
    return u !== v && !ids && !VOLATILE_PARAMS.has(name) && name.length <= 40;
  });
}

export interface IdentityFields {
  docNumber?: string;
  title?: string;
  issuer?: string;
  receivedDate?: string;
  sourceUrl?: string;
}

/**
 * The keys a document is found by (an IndexedDB multi-entry index holds them):
 * `n:` its 文号 · `u:` its page address without volatile parameters · `c:` 来文单位 + 标题 + 收文日期 · `t:` its title
 * (only ever a near match: the clerk is asked).
 */
export function identityKeys(fields: IdentityFields, volatile: readonly string[] = []): string[] {
  const keys: string[] = [];
  const docNumber = fields.docNumber && normaliseDocNumber(fields.docNumber);
  const title = fields.title && comparableText(fields.title);
  const issuer = fields.issuer && comparableText(fields.issuer);
  if (docNumber) keys.push(`n:${docNumber}`);
  if (fields.sourceUrl) {
    keys.push(`u:${canonicalUrl(fields.sourceUrl)}`.slice(0, 2100));
    // Also without the parameters learned to change on this portal (see `changedParams`).
    const learned = volatile.length ? `u:${canonicalUrl(fields.sourceUrl, volatile)}`.slice(0, 2100) : keys[keys.length - 1]!;
    if (learned !== keys[keys.length - 1]) keys.push(learned);
  }
  if (title && issuer && fields.receivedDate) keys.push(`c:${issuer}|${title}|${fields.receivedDate}`.slice(0, 800));
  if (title) keys.push(`t:${title}`.slice(0, 600));
  return keys;
}

/**
 * A draft with its identifying fields in their one stored form: the 文号 normalised; title and issuer keep what the
 * clerk sees (full-width punctuation, line breaks) less the invisible characters — they are compared through
 * `identityKeys`, which fold them further.
 */
export function normaliseIdentity<T extends IdentityFields>(draft: T): T {
  const out = { ...draft };
  if (out.docNumber !== undefined) out.docNumber = normaliseDocNumber(out.docNumber) || undefined;
  if (out.title !== undefined) out.title = out.title.replace(INVISIBLE, '').trim();
  if (out.issuer !== undefined) out.issuer = out.issuer.replace(INVISIBLE, '').trim() || undefined;
  return out;
}

/** Whether two issuers can be one (either missing, or the same once compared). */
export function sameIssuer(a: string | undefined, b: string | undefined): boolean {
  return !a || !b || comparableText(a) === comparableText(b);
}
