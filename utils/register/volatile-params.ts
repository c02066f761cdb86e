import type { RegisterDB } from './register-db';
import type { DocumentRecord } from '../documents/document-schema';
import { changedParams, comparableText, identityKeys, type IdentityFields } from '../documents/identity';

/**
 * Query parameters learned to change between two openings of one document, per portal (origin): a shell appends its
 * tab's id (`&callback=opegs1796044`), a token, a time stamp under a name of its own. Kept in the settings store under
 * `volatile:<origin>`; a document without 文号 is then known by its address without them.
 */
const MAX_LEARNED = 20;
const keyOf = (origin: string) => `volatile:${origin}`;

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The parameters learned for the portal of this address. */
export async function learnedParams(db: RegisterDB, url: string | undefined): Promise<string[]> {
  const origin = originOf(url);
  if (!origin) return [];
  const stored = await db.get('settings', keyOf(origin));
  return Array.isArray(stored) ? stored.filter((name): name is string => typeof name === 'string') : [];
}

/**
 * A document was found again at `url` (an opening of the page) and is this `document`: when both openings show the
 * same 来文单位 + 标题 + 收文日期 and the same page (origin and path), the parameters that differ are learned for the
 * portal, and its documents get keys without them. Returns the parameters learned now (none most of the time).
 */
export async function learnFromOpening(db: RegisterDB, url: string, seen: IdentityFields, document: DocumentRecord): Promise<string[]> {
  const same = (a: string | undefined, b: string | undefined) => !!a && !!b && comparableText(a) === comparableText(b);
  if (!document.sourceUrl || !same(seen.title, document.title) || !same(seen.issuer, document.issuer) || !seen.receivedDate || seen.receivedDate !== document.receivedDate) return [];
  const origin = originOf(url)!;
  const known = await learnedParams(db, url);
  const fresh = changedParams(url, document.sourceUrl).filter((name) => !known.includes(name));
  if (!fresh.length) return [];
  const learned = [...known, ...fresh].slice(-MAX_LEARNED);
  const tx = db.transaction(['settings', 'documents'], 'readwrite');
  await tx.objectStore('settings').put(learned, keyOf(origin));
  // The portal's documents are found by their address without these parameters from now on.
  for (let cursor = await tx.objectStore('documents').openCursor(); cursor; cursor = await cursor.continue()) {
    if (originOf(cursor.value.sourceUrl) !== origin) continue;
    const keys = [...new Set([...(cursor.value.identityKeys ?? []), ...identityKeys(cursor.value, learned)])];
    if (keys.length !== cursor.value.identityKeys?.length) await cursor.update({ ...cursor.value, identityKeys: keys });
  }
  await tx.done;
  return fresh;
}
