/** 教我识别 (and learning from a correction): the profile the clerk's picks make, merged into the one taught before on the same pages. */
import type { FieldKey } from '../page-analysis/vocabulary';
import type { FieldCandidate, SiteProfile } from './profile-schema';

export interface Pick {
  field: FieldKey;
  value: string;
  /** The address of the frame the value was picked in. */
  url: string;
  candidates: FieldCandidate[];
}

/**
 * The pages a taught profile covers: the frame's host (any port, as host permissions do) and its first path
 * segment when the page sits below one (`http://10.1.2.3:8080/oa/doc.jsp?id=3` → `http://10.1.2.3/oa/*`).
 */
export function taughtUrlPattern(url: string): string {
  const u = new URL(url);
  const segment = /^\/([^/]+)\//.exec(u.pathname)?.[1];
  return `${u.protocol}//${u.hostname}/${segment ? `${segment}/` : ''}*`;
}

/** A slug for the profile's id: `taught-10-1-2-3-oa`. */
export function taughtProfileId(url: string): string {
  const u = new URL(url);
  const segment = /^\/([^/]+)\//.exec(u.pathname)?.[1] ?? '';
  const slug = `taught-${u.hostname}-${segment}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 64).replace(/-+$/, '');
}

const RECORD_ID = /^(id|docid|doc_id|recordid|record_id|mid|fid|fdid|requestid|runid|run_id|summaryid|workid|instanceid|flowid|wid|pid|bid)$/i;

/** The portal's record id in the page's query (`?id=A-2026-0088`), which tells one document from another across visits. */
export function guessDocumentKey(url: string): SiteProfile['documentKey'] {
  const params = [...new URL(url).searchParams.entries()];
  const found = params.find(([name, value]) => RECORD_ID.test(name) && value.length > 0 && value.length <= 100);
  return found ? { from: 'query', param: found[0] } : undefined;
}

/** The taught profile: each picked field's checked candidates first, what an earlier teaching knew after. */
export function buildTaughtProfile(picks: readonly Pick[], existing: SiteProfile | undefined, names: { name: string; description: string }): SiteProfile {
  const first = picks[0];
  if (!first) throw new Error('nothing picked');
  const fields: SiteProfile['fields'] = { ...(existing?.fields ?? {}) };
  for (const pick of picks) {
    const earlier = (fields[pick.field] ?? []).filter((old) => !pick.candidates.some((c) => JSON.stringify(c) === JSON.stringify(old)));
    fields[pick.field] = [...pick.candidates, ...earlier].slice(0, 8);
  }
  const patterns = [...new Set([...(existing?.urlPatterns ?? []), ...picks.map((p) => taughtUrlPattern(p.url))])].slice(0, 50);
  return {
    id: existing?.id ?? taughtProfileId(first.url),
    name: existing?.name ?? names.name,
    version: (existing?.version ?? 0) + 1,
    description: names.description.slice(0, 1000),
    urlPatterns: patterns,
    kinds: existing?.kinds ?? [],
    fields,
    ...((existing?.documentKey ?? guessDocumentKey(first.url)) && { documentKey: existing?.documentKey ?? guessDocumentKey(first.url) }),
    ...(existing?.actions && { actions: existing.actions }),
    ...(existing?.list && { list: existing.list }),
  };
}
