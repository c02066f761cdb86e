import type { IDBPObjectStore } from 'idb';
import type { DocTrailDB } from './db-schema';
import type { RegisterStores } from './register-db';
import type { DocumentRecord } from '../documents/document-schema';
import { comparableText, identityKeys, normaliseDocNumber, sameIssuer, type IdentityFields } from '../documents/identity';

type DocumentsStore = IDBPObjectStore<DocTrailDB, RegisterStores, 'documents', IDBTransactionMode>;

export interface IdentityMatch {
  /** The same document: its 文号 (and issuer), or without a 文号 its page address or 来文单位 + 标题 + 收文日期. */
  exact?: DocumentRecord;
  /** Probably the same document (same title from the same issuer, one side without 文号): the clerk is asked. */
  near?: DocumentRecord;
}

const MAX_CANDIDATES = 50;

async function byKey(store: DocumentsStore, key: string): Promise<DocumentRecord[]> {
  return store.index('identityKeys').getAll(key, MAX_CANDIDATES);
}

/**
 * Finds a document by its identity, whatever spelling its fields came in (see utils/documents/identity.ts).
 * Documents stored before the identity keys existed are found too: the v4 migration gave every record its keys,
 * and the exact 文号 and address as stored are still looked up. `notSameAs`: documents the clerk said are not this one.
 */
export async function findIdentity(store: DocumentsStore, lookup: IdentityFields, notSameAs: readonly string[] = [], volatile: readonly string[] = []): Promise<IdentityMatch> {
  const keys = identityKeys(lookup, volatile);
  const key = (prefix: string) => keys.find((k) => k.startsWith(prefix));
  const title = lookup.title ? comparableText(lookup.title) : undefined;
  const sameTitle = (doc: DocumentRecord) => !title || comparableText(doc.title) === title;
  const docNumber = lookup.docNumber ? normaliseDocNumber(lookup.docNumber) : undefined;
  const numberOf = (doc: DocumentRecord) => (doc.docNumber ? normaliseDocNumber(doc.docNumber) : undefined);

  let near: DocumentRecord | undefined;
  if (docNumber) {
    const candidates = [...(await byKey(store, `n:${docNumber}`)), ...(await store.index('docNumber').getAll(lookup.docNumber, MAX_CANDIDATES))];
    const exact = candidates.find((doc) => sameIssuer(doc.issuer, lookup.issuer));
    if (exact) return { exact };
    // Same 文号 from an issuer spelt otherwise: ask.
    near = candidates.find((doc) => !notSameAs.includes(doc.id));
  } else if (!lookup.sourceUrl) {
    // A paper document without a 文号 has no page to be known by: each one is registered as it comes.
    return {};
  } else {
    // Without a 文号: the page it was registered from (the same title, or none read), then 来文单位 + 标题 + 收文日期.
    // Its address as stored, without the volatile parameters everyone knows, and without those learned on this portal.
    const byPage = [...(await store.index('sourceUrl').getAll(lookup.sourceUrl, MAX_CANDIDATES))];
    for (const page of keys.filter((k) => k.startsWith('u:'))) byPage.push(...(await byKey(store, page)));
    const exact = byPage.find(sameTitle);
    if (exact) return { exact };
  }
  const content = key('c:');
  if (content) {
    const byContent = await byKey(store, content);
    const exact = byContent.find((doc) => !docNumber || !numberOf(doc));
    if (exact && !docNumber) return { exact };
    near ??= exact && !notSameAs.includes(exact.id) ? exact : undefined;
  }
  if (!near && title) {
    const byTitle = await byKey(store, `t:${title}`);
    near = byTitle.find(
      (doc) => !notSameAs.includes(doc.id) && sameIssuer(doc.issuer, lookup.issuer) && (!docNumber || !numberOf(doc)) && (!lookup.receivedDate || !doc.receivedDate || doc.receivedDate === lookup.receivedDate),
    );
  }
  return near ? { near } : {};
}
