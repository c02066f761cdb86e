/**
 * Site profiles as data: how one portal's pages are recognised and read. The zod schema here is the single
 * source of truth for the profile type, for built-in profiles (checked by the tests) and for imported files.
 */
import { FIELD_KEYS } from '../page-analysis/vocabulary';
import { z } from '../zod';
import { isPlausibleSelector, selectorCostProblem } from './css-selector';
import { matchPatternProblem } from './match-pattern';

export const PROFILE_FORMAT = 'doctrail-profile';
export const PROFILE_FORMAT_VERSION = 1;
export const PROFILE_PAGE_KINDS = ['registration', 'detail', 'circulation', 'list'] as const;
export const CANDIDATE_STRATEGIES = ['id', 'label', 'structural'] as const;

function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Most unbounded quantifiers (`*`, `+`, `{n,}`) in one value pattern: two already cost the square of the text. */
export const MAX_PATTERN_QUANTIFIERS = 2;

/**
 * Why a value pattern could run for seconds on a hostile page's text, or undefined. Refused: a repeated group that
 * itself repeats or alternates (`(a+)+`, `(a|ab)*`), back-references, and more than two unbounded quantifiers
 * (`.*a.*a.*b` backtracks through every split of the text). Checked on the pattern's structure, not by running it.
 */
export function regexCostProblem(source: string): string | undefined {
  let unbounded = 0;
  /** Per open group: whether it holds a repetition or an alternation. */
  const groups: boolean[] = [];
  /** The atom just before is a group holding a repetition or an alternation. */
  let afterRiskyGroup = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const risky = afterRiskyGroup;
    afterRiskyGroup = false;
    if (ch === '\\') {
      if (!inClass && /[1-9k]/.test(source[i + 1] ?? '')) return 'a value pattern may not use back-references (\\1, \\k<…>)';
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') groups.push(false);
    else if (ch === ')') afterRiskyGroup = groups.pop() ?? false;
    else if (ch === '|') {
      if (groups.length) groups[groups.length - 1] = true;
    } else if (ch === '*' || ch === '+' || ch === '{') {
      const brace = ch === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i)) : null;
      if (ch === '{' && !brace) continue; // a literal brace
      const max = brace ? (brace[2] === undefined ? Number(brace[1]) : brace[3] === '' ? Infinity : Number(brace[3])) : Infinity;
      if (max > 1) {
        if (risky) return 'a value pattern may not repeat a group that itself repeats or alternates, such as (a+)+ or (a|b)*';
        if (max === Infinity) unbounded++;
        if (groups.length) groups[groups.length - 1] = true;
      }
      if (brace) i += brace[0].length - 1;
    }
  }
  if (unbounded > MAX_PATTERN_QUANTIFIERS) return `a value pattern may have at most ${MAX_PATTERN_QUANTIFIERS} unbounded repetitions (*, +, {n,}); this one has ${unbounded}`;
  return undefined;
}

const unknownField = (iss: { code?: string; keys?: string[] }) =>
  iss.code === 'unrecognized_keys' ? `unknown field ${(iss.keys ?? []).map((k) => `"${k}"`).join(', ')} (fields are ${FIELD_KEYS.join(', ')})` : undefined;

/** The schemas, with a selector check of the caller's choosing (a browser's own engine where a DOM is at hand). */
export function createProfileSchemas(validSelector: (selector: string) => boolean = () => true) {
  const selector = z
    .string()
    .min(1, 'a selector cannot be empty')
    .superRefine((s, ctx) => {
      const cost = selectorCostProblem(s);
      if (cost) ctx.addIssue({ code: 'custom', message: cost });
      else if (!isPlausibleSelector(s) || !validSelector(s)) ctx.addIssue({ code: 'custom', message: 'not a valid CSS selector' });
    });
  const valuePattern = z
    .string()
    .min(1)
    .max(200, 'a value pattern may have at most 200 characters')
    .superRefine((source, ctx) => {
      const problem = regexProblem(source);
      const cost = problem ? undefined : regexCostProblem(source);
      if (problem) ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${problem})` });
      else if (cost) ctx.addIssue({ code: 'custom', message: cost });
    });
  const matchPattern = z.string().superRefine((pattern, ctx) => {
    const problem = matchPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a valid match pattern: ${problem}` });
  });
  const attribute = z.string().regex(/^[A-Za-z_][-\w:.]*$/, 'not an attribute name');

  /** One way of finding a field's value; a field's candidates are tried in order. */
  const candidate = z
    .strictObject({
      strategy: z.enum(CANDIDATE_STRATEGIES),
      /** id / structural: the value's element. label: which elements may be the label (default td, th, label, span, div, dt, b). */
      selector: selector.optional(),
      /** label: the label's text (`来文单位`); spaces, `*` and a trailing colon are ignored. The value is the next element. */
      label: z.string().trim().min(1).max(40).optional(),
      /** Read this attribute of the element instead of its value or text (`title` of a truncated cell). */
      attribute: attribute.optional(),
      /** A regular expression the raw value must match; its first capture group (else the match) is the value. */
      valuePattern: valuePattern.optional(),
    })
    .superRefine((c, ctx) => {
      if (c.strategy === 'label' && !c.label) ctx.addIssue({ code: 'custom', path: ['label'], message: 'a label-anchored candidate needs the label text' });
      if (c.strategy !== 'label' && !c.selector) ctx.addIssue({ code: 'custom', path: ['selector'], message: `an ${c.strategy} candidate needs a selector` });
    });

  const kindRule = z.strictObject({
    kind: z.enum(PROFILE_PAGE_KINDS),
    /** All conditions given must hold. */
    when: z
      .strictObject({
        selector: selector.optional(),
        urlIncludes: z.string().min(1).max(200).optional(),
        textIncludes: z.string().min(1).max(200).optional(),
      })
      .refine((w) => w.selector || w.urlIncludes || w.textIncludes, 'a kind rule needs a selector, urlIncludes or textIncludes'),
  });

  const column = z.union([selector, z.strictObject({ selector, attribute: attribute.optional(), valuePattern: valuePattern.optional() })]);

  const siteProfileSchema = z
    .strictObject({
      id: z.string().max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is a slug: lower-case letters, digits and single hyphens'),
      name: z.string().trim().min(1, 'a profile needs a name').max(80),
      version: z.number().int().min(1),
      builtIn: z.boolean().optional(),
      description: z.string().max(1000).optional(),
      urlPatterns: z.array(matchPattern).min(1, 'a profile needs at least one URL pattern').max(50),
      /** First matching rule wins; none → the generic engine's kind. */
      kinds: z.array(kindRule).max(20),
      fields: z.partialRecord(
        z.enum(FIELD_KEYS),
        z.array(candidate).min(1, 'a field needs at least one candidate').max(8, 'a field may have at most 8 candidates'),
        { error: unknownField },
      ),
      /** How to know the document again on a later visit: the portal's record id. */
      documentKey: z
        .discriminatedUnion('from', [
          z.strictObject({ from: z.literal('query'), param: z.string().min(1).max(60) }),
          z.strictObject({ from: z.literal('path'), pattern: valuePattern }),
        ])
        .optional(),
      /** The portal's own buttons that send the document on (传阅, 送阅) and take it back (收回, 退回). */
      actions: z
        .strictObject({
          send: z.array(selector).min(1).max(20).optional(),
          return: z.array(selector).min(1).max(20).optional(),
        })
        .optional(),
      /** On a list page: each document row, and each field's cell within the row. */
      list: z
        .strictObject({
          rowSelector: selector,
          fields: z.partialRecord(z.enum(FIELD_KEYS), column, { error: unknownField }),
        })
        .optional(),
    })
    .refine((p) => p.kinds.length || Object.keys(p.fields).length || p.list, 'a profile needs at least one kind rule, field or list');

  const profileFileSchema = z
    .strictObject({
      format: z.literal(PROFILE_FORMAT, { error: `not a DocTrail profile file (expected "format": "${PROFILE_FORMAT}")` }),
      formatVersion: z.literal(PROFILE_FORMAT_VERSION, {
        error: (iss) => `unsupported formatVersion ${JSON.stringify(iss.input)} (this DocTrail reads formatVersion ${PROFILE_FORMAT_VERSION})`,
      }),
      profile: siteProfileSchema.optional(),
      profiles: z.array(siteProfileSchema).min(1, 'the file holds no profiles').max(200).optional(),
    })
    .superRefine((file, ctx) => {
      if (!file.profile === !file.profiles) ctx.addIssue({ code: 'custom', message: 'a profile file holds either "profile" or "profiles"' });
      const seen = new Set<string>();
      file.profiles?.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: `duplicate profile id "${p.id}"` });
        seen.add(p.id);
      });
    });

  return { siteProfileSchema, profileFileSchema };
}

export const { siteProfileSchema, profileFileSchema } = createProfileSchemas();

export type SiteProfile = z.infer<typeof siteProfileSchema>;
export type FieldCandidate = NonNullable<SiteProfile['fields'][keyof SiteProfile['fields']]>[number];
export type ProfileFile = z.infer<typeof profileFileSchema>;
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** `profiles[0].fields.title[1].selector`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const where = issuePath(issue.path);
    const index = issue.path[0] === 'profiles' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    const list = (raw as { profiles?: unknown } | null)?.profiles;
    const id = index !== undefined && Array.isArray(list) ? (list[index] as { id?: unknown } | null)?.id : undefined;
    return `${where ? `${where}: ` : ''}${issue.message}${typeof id === 'string' ? ` (profile "${id}")` : ''}`;
  });
  return issues.length > 3 ? `${shown.join('; ')}; and ${issues.length - 3} more` : shown.join('; ');
}

export interface ParseOptions {
  /** A real selector engine's verdict (see `domSelectorCheck`); a DOM-free heuristic is always applied. */
  validateSelector?: (selector: string) => boolean;
}

/** A profile file's profiles, or a message naming what is wrong and where. */
export function parseProfileFile(text: string, options: ParseOptions = {}): { ok: true; profiles: SiteProfile[] } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, message: `not a JSON file: ${(error as Error).message}` };
  }
  const schema = options.validateSelector ? createProfileSchemas(options.validateSelector).profileFileSchema : profileFileSchema;
  const result = schema.safeParse(raw);
  if (!result.success) return { ok: false, message: describeIssues(result.error.issues, raw) };
  return { ok: true, profiles: result.data.profiles ?? [result.data.profile!] };
}

/** One profile, checked (e.g. one a clerk has just taught by pointing at fields). */
export function validateProfile(value: unknown, options: ParseOptions = {}): ParseResult<SiteProfile> {
  const schema = options.validateSelector ? createProfileSchemas(options.validateSelector).siteProfileSchema : siteProfileSchema;
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: describeIssues(result.error.issues, value) };
}

/** The file format's text: pretty JSON that `parseProfileFile` reads back. */
export function serialiseProfiles(profiles: readonly SiteProfile[]): string {
  return `${JSON.stringify({ format: PROFILE_FORMAT, formatVersion: PROFILE_FORMAT_VERSION, profiles }, null, 2)}\n`;
}
