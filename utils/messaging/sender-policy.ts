/**
 * Who may send what to the background (issue #14, hole 6).
 *
 * Two kinds of sender exist:
 * - **DocTrail's own pages** (popup, dashboard): `sender.url` under the extension's own origin. They may send
 *   every message and open every port.
 * - **Content scripts** (the overlay, the 教我识别 picker): a sender with a tab and an http(s) URL whose origin is an
 *   enabled portal (a granted host permission, or the test build's pre-enabled origins). The page they run in is
 *   hostile and may have compromised them, so each message type says what a content script may do with it —
 *   nothing at all, or only what concerns the document on its own page, its own origin or its own tab.
 * Anything else (no URL, a URL of another extension, a page that is not an enabled portal, a sender without a tab
 * that is not an extension page) is refused.
 *
 * ADDING A MESSAGE: add one line to `CONTENT_SCRIPT_RULES` (the type checker insists). Use `'never'` unless a
 * content script really needs it; `'own-tab'` for per-tab coordination that touches no stored data.
 */
import type { Request, RequestType } from './protocol';
import type { RegisterDB } from '../register/register-db';
import { EXPORT_PORT } from './backup-protocol';
import { listProfiles, profilesFor } from '../register/profile-store';

/** What a content script may do with one message type. */
export type ContentScope =
  /** Nothing: DocTrail's own pages only. */
  | 'never'
  /** Acts only on the sender's own tab (picker relays, overlay coordination); touches no stored document. */
  | 'own-tab'
  /** The message's `url` must be on the sender's own origin (profiles for its page, health of its page). */
  | 'own-origin-url'
  /** `lookup.sourceUrl` on the sender's origin; the answer has details only for documents registered from that origin. */
  | 'own-origin-lookup'
  /** Every row's `sourceUrl` on the sender's origin (the page's own rows); the answer is a state per row, no details. */
  | 'own-origin-rows'
  /** `draft.sourceUrl` on the sender's origin; a document registered elsewhere is not disclosed. */
  | 'own-origin-draft'
  /** `docId` must be a document registered from the sender's origin. */
  | 'own-origin-document'
  /** Every profile's URL patterns lie on the sender's own origin (a profile taught on the page). */
  | 'own-origin-profiles'
  /** `url` on the sender's origin and `docId` a document registered from that origin (a rule learned from a correction). */
  | 'own-origin-learn'
  /** A profile that applies to the sender's own page (its frame's URL as the browser reports it); recorded for its origin only. */
  | 'own-page-profile';

/**
 * The allow-list: one line per message type. Extension pages may send all of them; content scripts only what is
 * not `'never'`, checked as the scope says. The README's "Safety" table is this table.
 */
export const CONTENT_SCRIPT_RULES = {
  'document.lookup': 'own-origin-lookup',
  'document.register': 'own-origin-draft',
  // A list's rows: every row's address on the sender's origin; the answer is a state per row, no details.
  'rows.lookup': 'own-origin-rows',
  'rows.register': 'own-origin-rows',
  'document.logHandling': 'own-origin-document',
  'document.confirmClassification': 'own-origin-document',
  'circulation.send': 'own-origin-document',
  'circulation.return': 'own-origin-document',
  'document.history': 'never',
  'document.close': 'never',
  // The whole ledger (更正, 撤销, 督办): the dashboard's document page only, never a portal page.
  'document.correct': 'never',
  'document.undo': 'never',
  'supervision.set': 'never',
  'supervision.feedback': 'never',
  'supervision.chase': 'never',
  'supervision.complete': 'never',
  'supervision.board': 'never',
  'stats.query': 'never',
  'register.summary': 'never',
  'register.query': 'never',
  'reminder.snooze': 'never',
  'settings.get': 'never',
  'chain.head': 'never',
  'checkpoint.record': 'never',
  'checkpoint.list': 'never',
  'settings.update': 'never',
  'calendar.import': 'never',
  'profiles.list': 'never',
  'profiles.forUrl': 'own-origin-url',
  // 教我识别 only proposes (for its own origin); the clerk saves on DocTrail's own page (hole 5).
  'profiles.save': 'never',
  'profiles.propose': 'own-origin-profiles',
  'profiles.proposal': 'never',
  'profiles.confirmProposal': 'never',
  // 记住此位置: a rule for its own page, learned from a document registered from its own origin (issue #12).
  'profiles.learn': 'own-origin-learn',
  'profiles.learnedToggle': 'never',
  'profiles.remove': 'never',
  'profiles.toggle': 'never',
  // A profile's health on the sender's own portal: only a profile applied to its own page, kept for its origin only.
  'profiles.reportHealth': 'own-page-profile',
  'teach.start': 'own-tab',
  'teach.relay': 'own-tab',
  'backup.preview': 'never',
  'backup.restore': 'never',
  // Importing an old 收文登记簿 writes thousands of documents: DocTrail's own dashboard (#/import) only.
  'ledger.import': 'never',
  // A print DocTrail did not hold, on a document of the sender's origin: the background asks in the tab's top frame.
  'print.unheld': 'own-origin-document',
  // The answer: accepted only to a question the background asked in this same tab (see print-questions.ts).
  'print.answer': 'own-tab',
} as const satisfies Record<RequestType, ContentScope>;

/** Ports (runtime.onConnect) by name: the same scopes; a port not listed here is refused to content scripts. */
export const PORT_RULES: Record<string, 'never' | 'own-tab'> = {
  [EXPORT_PORT]: 'never',
  /** VERIFY_PORT, spelled out: protocol.ts imports this module's types. */
  'chain.verify': 'never',
  'chain.extends': 'never',
};

export type Sender =
  | { kind: 'extension-page'; url: string }
  | { kind: 'content-script'; url: string; origin: string; tabId: number; frameId?: number };

/** The parts of `runtime.MessageSender` the policy reads. */
export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface SenderContext {
  extensionId: string;
  /** `chrome-extension://<id>` (or `moz-extension://<uuid>`), no trailing slash. */
  extensionOrigin: string;
  /** Whether a page URL is on an enabled portal (granted host permission or pre-enabled origin). */
  isPortal: (url: string) => boolean | Promise<boolean>;
}

/** The origin of an http(s) URL, or undefined for anything else. */
export function webOriginOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Who sent a message or opened a port; undefined for a sender DocTrail does not talk to. */
export async function classifySender(sender: RawSender | undefined, context: SenderContext): Promise<Sender | undefined> {
  if (!sender || sender.id !== context.extensionId || typeof sender.url !== 'string') return undefined;
  const { url } = sender;
  if (url.startsWith(`${context.extensionOrigin}/`)) {
    // Chrome also reports the frame's origin: it must agree (an extension page never has a web origin).
    if (sender.origin !== undefined && sender.origin !== context.extensionOrigin) return undefined;
    return { kind: 'extension-page', url };
  }
  const origin = webOriginOf(url);
  const tabId = sender.tab?.id;
  if (!origin || tabId === undefined || tabId < 0) return undefined;
  if (sender.origin !== undefined && sender.origin !== origin) return undefined;
  if (!(await context.isPortal(url))) return undefined;
  return { kind: 'content-script', url, origin, tabId, ...(sender.frameId !== undefined && { frameId: sender.frameId }) };
}

/** Whether a content script may send a message of this type at all (its scope is then checked on the parsed message). */
export function contentScriptMaySend(type: unknown): boolean {
  return typeof type === 'string' && Object.hasOwn(CONTENT_SCRIPT_RULES, type) && CONTENT_SCRIPT_RULES[type as RequestType] !== 'never';
}

/** Why a content script may not send this request (a sentence for the log), or undefined when it may. */
export async function contentScriptRefusal(request: Request, sender: Extract<Sender, { kind: 'content-script' }>, db: () => Promise<RegisterDB>): Promise<string | undefined> {
  const scope: ContentScope = CONTENT_SCRIPT_RULES[request.type];
  const onOrigin = (url: string | undefined) => webOriginOf(url) === sender.origin;
  const refuse = (what: string) => `a portal page may not ${what}`;
  switch (scope) {
    case 'never':
      return refuse(`send ${request.type}; only DocTrail's own pages may`);
    case 'own-tab':
      return undefined;
    case 'own-origin-url':
      return 'url' in request && onOrigin(request.url) ? undefined : refuse('ask about another site');
    case 'own-origin-lookup':
      return 'lookup' in request && onOrigin(request.lookup.sourceUrl) ? undefined : refuse('look up a document for another site');
    case 'own-origin-rows':
      if (request.type === 'rows.lookup') return request.rows.every((row) => onOrigin(row.sourceUrl)) ? undefined : refuse('send rows of another site');
      if (request.type === 'rows.register') return request.rows.every((row) => onOrigin(row.draft.sourceUrl)) ? undefined : refuse('send rows of another site');
      return refuse(`send ${request.type}`);
    case 'own-origin-draft':
      return 'draft' in request && onOrigin(request.draft.sourceUrl) ? undefined : refuse('register a document for another site');
    case 'own-origin-document': {
      if (!('docId' in request)) return refuse(`send ${request.type}`);
      const document = await (await db()).get('documents', request.docId);
      // The same answer whether the document exists or not: a page learns nothing by guessing ids.
      return document && onOrigin(document.sourceUrl) ? undefined : refuse('act on a document registered from another site');
    }
    case 'own-origin-learn': {
      if (!('url' in request) || !('docId' in request) || !onOrigin(request.url)) return refuse('learn a rule for another site');
      const document = await (await db()).get('documents', request.docId);
      return document && onOrigin(document.sourceUrl) ? undefined : refuse('learn from a document registered from another site');
    }
    case 'own-page-profile': {
      if (!('id' in request) || !('url' in request) || !onOrigin(request.url)) return refuse('report on another site');
      const applied = await profilesFor(await db(), sender.url);
      return applied.some((profile) => profile.id === request.id) ? undefined : refuse('report on a profile its page does not use');
    }
    case 'own-origin-profiles': {
      if (!('profiles' in request)) return refuse(`send ${request.type}`);
      const own = (patterns: readonly string[]) => patterns.every((pattern) => patternOnOrigin(pattern, sender.origin));
      if (!request.profiles.every((profile) => own(profile.urlPatterns))) return refuse('save a profile for another site');
      // Replacing a profile that also covers other sites (same id, built-in or the clerk's) would be writing for them.
      const existing = new Map((await listProfiles(await db())).map((entry) => [entry.profile.id, entry.profile.urlPatterns]));
      if (request.profiles.some((profile) => !own(existing.get(profile.id) ?? []))) return refuse('replace a profile of another site');
      return undefined;
    }
  }
}

/**
 * Whether a match pattern covers only pages of this origin's host and scheme: `http://10.1.2.3/oa/*` is on
 * `http://10.1.2.3:8080` (a pattern without a port covers every port of the host, as host permissions do), and
 * `*://*.example.gov.cn/*` is on no single origin.
 */
export function patternOnOrigin(pattern: string, origin: string): boolean {
  const match = /^(https?):\/\/([^/*:]+)(?::(\d{1,5}))?\//.exec(pattern);
  if (!match) return false;
  const url = new URL(origin);
  return `${match[1]}:` === url.protocol && match[2]!.toLowerCase() === url.hostname && (match[3] === undefined || match[3] === (url.port || (url.protocol === 'https:' ? '443' : '80')));
}

/** Whether a document (its `sourceUrl`) was registered from the given origin. */
export function registeredFrom(document: { sourceUrl?: string }, origin: string): boolean {
  return webOriginOf(document.sourceUrl) === origin;
}

/** Whether this sender may open a port of this name. */
export function portAllowed(name: string, sender: Sender | undefined): boolean {
  if (!sender) return false;
  if (sender.kind === 'extension-page') return true;
  return PORT_RULES[name] === 'own-tab';
}

/** What each scope means, as the README's "Safety" table says it. */
export const SCOPE_TEXT: Record<ContentScope, string> = {
  never: '—',
  'own-tab': 'yes, acting on its own tab only',
  'own-origin-url': 'only for a URL on its own origin',
  'own-origin-lookup': 'only for its own origin; details only for a document registered from that origin, elsewhere just “registered elsewhere”',
  'own-origin-rows': 'only rows whose addresses are on its own origin; a state per row (registered here, elsewhere, probably, not), no number or details before it registers them',
  'own-origin-draft': 'only a draft from its own origin; a 文号 registered from another origin is refused without details',
  'own-origin-document': 'only on a document registered from its own origin',
  'own-origin-profiles': 'only profiles whose URL patterns all lie on its own host (not replacing one that covers others)',
  'own-origin-learn': 'only a rule for a page on its own origin, learned from a document registered from that origin',
  'own-page-profile': 'only a profile that applies to its own page; kept for its own origin, beside other portals’ state',
};

/** The sender × message table (Markdown rows), kept in the README's "Safety" section (a unit test compares them). */
export function senderTable(): string {
  const messages = Object.entries(CONTENT_SCRIPT_RULES).map(([type, scope]) => `| \`${type}\` | yes | ${SCOPE_TEXT[scope]} |`);
  const ports = Object.entries(PORT_RULES).map(([name, scope]) => `| port \`${name}\` | yes | ${SCOPE_TEXT[scope]} |`);
  return ['| message | DocTrail’s own pages | content script on an enabled portal |', '| --- | --- | --- |', ...messages, ...ports].join('\n');
}
