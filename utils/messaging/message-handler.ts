import { listCheckpoints, recordCheckpoint } from '../register/checkpoints';
import { describeInvalid, failure, requestSchema, type Request, type Response, type RowState } from './protocol';
import { applyProfileRequest } from './profile-handler';
import { applyBackupRequest, ForeignBlob, type BackupDeps } from './backup-handler';
import type { TeachMessage } from './profile-protocol';
import type { PrintQuestions } from './print-questions';
import { resolveWorkingDayDeadline } from '../deadlines/working-day-deadline';
import { TransitionRefused } from '../register/life-cycle';
import { toIsoDate } from '../deadlines/local-date';
import { readHead, readTransaction, StorageFull } from '../register/register-db';
import { queryRegister } from '../register/register-query';
import { reminderState, snooze } from '../reminders/reminder-store';
import { snoozeUntil } from '../reminders/reminders';
import { importCalendar, readImportedCalendar, readSettings, updateSettings, workingCalendar } from '../register/settings-store';
import { calendarYears, parseCalendarFile } from '../deadlines/working-days';
import { recomputeWorkingDayDeadlines } from '../register/calendar-change';
import { NearMatch, closeDocument, confirmClassification, DocumentNotFound, documentState, eventsOf, findDocument, logHandling, NothingToReturn, registerDocument, returnDocument, sendDocument, summarise, type DocumentState } from '../register/register-store';
import type { RegisterDB } from '../register/register-db';
import { isWebUrl, type DocumentRecord } from '../documents/document-schema';
import { classifySender, contentScriptMaySend, contentScriptRefusal, registeredFrom, type RawSender, type Sender, type SenderContext } from './sender-policy';
import { completeSupervision, correctDocument, LedgerRefused, recordChase, recordFeedback, superviseDocument, undoLastStep } from '../register/ledger-store';
import { supervisionBoard } from '../register/supervision-query';
import { learnFromOpening } from '../register/volatile-params';
import { readStatistics } from '../register/stats-store';
import { defaultPeriod } from '../statistics/summary';
import { dueStatus, type DueStatus } from '../reminders/due-status';
import { isCalendarDate } from '../deadlines/date-schema';
import { dryRunLedgerImport, importLedger } from '../export/ledger-import-store';
import { LearnRefused } from '../register/learned-rules';
import { saveProfiles } from '../register/profile-store';
import type { SiteProfile } from '../site-profiles/profile-schema';
import { ProposalRefused } from './proposals';

export interface HandlerDeps {
  db: () => Promise<RegisterDB>;
  now: () => Date;
  /** The extension's own id: only its own pages and content scripts may write. */
  extensionId: string;
  /** The extension's own origin (`chrome-extension://<id>`), where its pages live; derived from the id when absent. */
  extensionOrigin?: string;
  /** Whether a page URL is on an enabled portal; content scripts elsewhere are refused. None enabled when absent. */
  isPortal?: (url: string) => boolean | Promise<boolean>;
  /** Called after anything that can change what is due (the badge and the next reminder follow). */
  onRegisterChanged?: () => void;
  /** Backups: how the background reads the clerk's file and which origin it must come from. */
  backup?: BackupDeps;
  /** Site profiles: called after one was saved, removed or switched (open pages apply the change). */
  onProfilesChanged?: () => void;
  /** 教我识别: starts the picker in every frame of the tab; false when the tab cannot be scripted. */
  startTeaching?: (tabId: number) => Promise<boolean>;
  /** 教我识别: passes a picker message to the tab's top frame (`toTop`) or to all its frames. */
  relayTeach?: (tabId: number, message: TeachMessage, toTop: boolean) => Promise<boolean>;
  /**
   * 教我识别: keeps a proposed profile and opens the extension page where the clerk confirms it; reads it back by id
   * (with the digest of its content); on the clerk's 保存, gives the stored profile if it is still the one shown
   * (throws ProposalRefused otherwise; utils/messaging/proposals.ts).
   */
  proposals?: {
    propose(profile: unknown): Promise<boolean>;
    read(id: string): Promise<{ profile: unknown; digest: string } | null>;
    confirm(id: string, digest: string): Promise<SiteProfile>;
  };
  /** Prints DocTrail did not hold: the open question per document and tab (utils/messaging/print-questions.ts). */
  printQuestions?: PrintQuestions;
}

const READ_ONLY = new Set<Request['type']>(['chain.head', 'checkpoint.list', 'supervision.board', 'stats.query', 'document.lookup', 'rows.lookup', 'document.history', 'register.summary', 'register.query', 'settings.get', 'backup.preview']);

export type MessageSender = RawSender;

/**
 * How many messages one content script (one frame of one tab) may have waiting at once. DocTrail's own overlay has a
 * few (it reads one page at a time); a compromised one firing hundreds of 200-row lookups would queue them all ahead
 * of the clerk's own pages and every other tab (the dashboard waited 9 s): the excess is refused at once.
 */
export const MAX_IN_FLIGHT_PER_FRAME = 8;

/** Validates one raw message and applies it; every outcome is a `Response`, never a throw. */
export function createMessageHandler(deps: HandlerDeps) {
  const context: SenderContext = {
    extensionId: deps.extensionId,
    extensionOrigin: deps.extensionOrigin ?? `chrome-extension://${deps.extensionId}`,
    isPortal: deps.isPortal ?? (() => false),
  };
  const inFlight = new Map<string, number>();
  return async function handle(raw: unknown, sender: MessageSender): Promise<Response> {
    const from = await classifySender(sender, context);
    if (!from) return failure('forbidden-sender', 'messages are accepted only from DocTrail’s own pages and its content scripts on enabled portals');
    if (from.kind === 'extension-page') return handleFrom(raw, from);
    const frame = `${from.tabId}:${from.frameId ?? 0}`;
    const waiting = inFlight.get(frame) ?? 0;
    if (waiting >= MAX_IN_FLIGHT_PER_FRAME) return failure('refused', 'too many messages at once from this page; try again');
    inFlight.set(frame, waiting + 1);
    try {
      return await handleFrom(raw, from);
    } finally {
      const left = (inFlight.get(frame) ?? 1) - 1;
      if (left > 0) inFlight.set(frame, left);
      else inFlight.delete(frame);
    }
  };

  async function handleFrom(raw: unknown, from: Sender): Promise<Response> {
    // A type content scripts may never send is refused before its payload is even read.
    if (from.kind === 'content-script' && !contentScriptMaySend((raw as { type?: unknown } | null)?.type)) {
      return failure('forbidden-sender', `a portal page may not send ${String((raw as { type?: unknown } | null)?.type).slice(0, 60)}; only DocTrail’s own pages may`);
    }
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) return failure('invalid-message', describeInvalid(parsed.error));
    try {
      if (from.kind === 'content-script') {
        const refusal = await contentScriptRefusal(parsed.data, from, deps.db);
        if (refusal) return failure('forbidden-sender', refusal);
      }
      const data = withoutUnsafeUrls(await apply(parsed.data, deps, from));
      if (!READ_ONLY.has(parsed.data.type)) deps.onRegisterChanged?.();
      return { ok: true, data } as Response;
    } catch (error) {
      if (error instanceof DocumentNotFound) return failure('not-found', error.message);
      if (error instanceof TransitionRefused || error instanceof NearMatch || error instanceof NothingToReturn || error instanceof LedgerRefused || error instanceof CalendarRejected || error instanceof ForeignBlob || error instanceof NoOpenQuestion || error instanceof LearnRefused || error instanceof ProposalRefused) {
        return failure('refused', error.message);
      }
      if (error instanceof RegisteredElsewhere) return failure('registered-elsewhere', error.message);
      if (error instanceof StorageFull) return failure('storage-full', error.message);
      return failure('storage-failed', error instanceof Error ? error.message : String(error));
    }
  }
}

/**
 * Adds how the document's due date stands today, on the working-day calendar with the clerk's lead time. Computed
 * after the write has committed and never able to undo it: when it cannot be computed (a record written before dates
 * were checked holds 2026-02-30, the settings cannot be read) the answer simply has no `due` — the write is not
 * reported as failed, so nobody retries it and logs the event twice (hole 10).
 */
async function withDue(db: RegisterDB, now: Date, state: DocumentState): Promise<DocumentState & { due?: DueStatus }> {
  const date = state.document.dueDate;
  if (!date || !isCalendarDate(date)) return state;
  try {
    const [{ leadWorkingDays }, calendar] = await Promise.all([readSettings(db), workingCalendar(db)]);
    const { forecast, ...due } = dueStatus(date, toIsoDate(now), calendar, leadWorkingDays);
    // The date itself is a forecast only when DocTrail counted it in working days past the official arrangement; a
    // date the sender wrote (or a return date the clerk chose) is not, whatever the calendar (as in the exports).
    const counted = !!state.document.deadlineWorkingDays && date === state.document.deadline;
    return { ...state, due: forecast && counted ? { ...due, forecast } : due };
  } catch (error) {
    console.warn('DocTrail: due status not computed', error);
    return state;
  }
}

/**
 * A record stored before addresses were checked may hold a `javascript:` or `data:` sourceUrl: it never leaves the
 * background (the answer's documents lose it), so nothing renders it as a link (hole 14).
 */
function withoutUnsafeUrls<T>(data: T, depth = 0): T {
  if (depth > 4 || !data || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    for (const item of data) withoutUnsafeUrls(item, depth + 1);
    return data;
  }
  const record = data as Record<string, unknown>;
  if ('sourceUrl' in record && record.sourceUrl !== undefined && !isWebUrl(record.sourceUrl)) delete record.sourceUrl;
  for (const value of Object.values(record)) if (value && typeof value === 'object') withoutUnsafeUrls(value, depth + 1);
  return data;
}

/**
 * A content script asked to register a document that is already registered from another site: it learns that much,
 * not its number, title, holder or recipients (the page it runs in could read them).
 */
export class RegisteredElsewhere extends Error {
  constructor() {
    super('this document is already registered from another source; see it in DocTrail’s register');
  }
}

async function apply(request: Request, deps: HandlerDeps, sender: Sender) {
  const db = await deps.db();
  const now = deps.now();
  const due = (state: DocumentState) => withDue(db, now, state);
  /** For a content script, documents registered from another origin are not disclosed. */
  const disclosed = (document: DocumentRecord) => sender.kind !== 'content-script' || registeredFrom(document, sender.origin);
  switch (request.type) {
    case 'document.lookup': {
      const chosen = request.sameAs ? await db.get('documents', request.sameAs) : undefined;
      const { exact: document, near } = chosen ? { exact: chosen, near: undefined } : await findDocument(db, request.lookup);
      if (document && !disclosed(document)) return { state: null, registeredElsewhere: true as const };
      // Another opening of a registered document: learn which of its address's parameters change on this portal.
      if (document && !chosen && request.lookup.sourceUrl) await learnFromOpening(db, request.lookup.sourceUrl, request.lookup, document);
      if (!document && near && disclosed(near)) return { state: null, near: { docId: near.id, registrationNo: near.registrationNo, title: near.title } };
      return { state: document ? await due(await documentState(db, document)) : null };
    }
    case 'document.register': {
      const [{ numberFormat }, calendar] = await Promise.all([readSettings(db), workingCalendar(db)]);
      const draft = resolveWorkingDayDeadline(request.draft, calendar, toIsoDate(now));
      const { document, created } = await registerDocument(db, draft, now, numberFormat, {
        classificationConfirmed: request.classificationConfirmed,
        notSameAs: request.notSameAs,
      }).catch((error: unknown) => {
        // A near match the page may not learn about (registered from another site) is not asked about.
        if (error instanceof NearMatch && !disclosed(error.document)) {
          return registerDocument(db, draft, now, numberFormat, { classificationConfirmed: request.classificationConfirmed, notSameAs: [...(request.notSameAs ?? []), error.document.id] });
        }
        throw error;
      });
      if (!disclosed(document)) throw new RegisteredElsewhere();
      return { state: await due(await documentState(db, document)), created };
    }
    case 'rows.lookup': {
      // One state per row, nothing more: the list's page is hostile and the marks are all it may cause.
      const states: RowState[] = [];
      for (const row of request.rows) {
        const { exact, near } = await findDocument(db, row);
        states.push(exact ? (disclosed(exact) ? 'registered' : 'elsewhere') : near && disclosed(near) ? 'near' : 'new');
      }
      return { states };
    }
    case 'rows.register': {
      // One at a time, each in its own transaction: its own number and `registered` event; a row already in the
      // register (or twice in the batch) is found, not registered again; a probable match is left for the clerk.
      const [{ numberFormat }, calendar] = await Promise.all([readSettings(db), workingCalendar(db)]);
      const results: { outcome: 'registered' | 'existed' | 'near' | 'elsewhere' | 'failed'; registrationNo?: string }[] = [];
      for (const row of request.rows) {
        try {
          const draft = resolveWorkingDayDeadline(row.draft, calendar, toIsoDate(now));
          const options = { classificationConfirmed: row.classificationConfirmed };
          const { document, created } = await registerDocument(db, draft, now, numberFormat, options).catch((error: unknown) => {
            // As for one document: a probable match the page may not learn about is not asked about.
            if (error instanceof NearMatch && !disclosed(error.document)) return registerDocument(db, draft, now, numberFormat, { ...options, notSameAs: [error.document.id] });
            throw error;
          });
          results.push(!disclosed(document) ? { outcome: 'elsewhere' } : { outcome: created ? 'registered' : 'existed', registrationNo: document.registrationNo });
        } catch (error) {
          if (error instanceof StorageFull) throw error;
          results.push({ outcome: error instanceof NearMatch ? 'near' : 'failed' });
        }
      }
      return { results };
    }
    case 'document.logHandling':
      return due(await logHandling(db, request.docId, request.action, { reason: request.reason, intercepted: request.intercepted, detail: request.detail }, now));
    case 'document.confirmClassification':
      return due(await confirmClassification(db, request.docId, request.classification, now));
    case 'circulation.send':
      return due(await sendDocument(db, request.docId, request, now));
    case 'circulation.return':
      return due(await returnDocument(db, request.docId, request.recipient, now));
    case 'document.correct':
      return due(await correctDocument(db, request.docId, request.corrections, request.reason, now));
    case 'document.undo':
      return due(await undoLastStep(db, request.docId, request.reason, now, request.expected));
    case 'supervision.set': {
      const { type: _type, docId, ...terms } = request;
      return due(await superviseDocument(db, docId, terms, await workingCalendar(db), now));
    }
    case 'supervision.feedback':
      return due(await recordFeedback(db, request.docId, { date: request.date, text: request.text }, now));
    case 'supervision.chase':
      return due(await recordChase(db, request.docId, request.text, now));
    case 'supervision.complete':
      return due(await completeSupervision(db, request.docId, request.result, now));
    case 'stats.query':
      return readStatistics(db, request.period ?? defaultPeriod(toIsoDate(now)), await workingCalendar(db), now);
    case 'supervision.board':
      return supervisionBoard(db, { unit: request.unit, state: request.state }, await workingCalendar(db), now);
    case 'document.history': {
      const document = await db.get('documents', request.docId);
      if (!document) throw new DocumentNotFound(request.docId);
      const [{ circulation }, events, reminder] = await Promise.all([
        documentState(db, document),
        eventsOf(db, request.docId),
        reminderState(db, request.docId),
      ]);
      return { document, events, circulation, reminder: reminder ?? null };
    }
    case 'register.summary':
      return summarise(db, now);
    case 'register.query':
      return queryRegister(db, request.query, now);
    case 'document.close': {
      const { docId, to, type: _type, ...details } = request;
      return due(await closeDocument(db, docId, to, details, now));
    }
    case 'reminder.snooze': {
      if (!(await db.get('documents', request.docId))) throw new DocumentNotFound(request.docId);
      const [settings, calendar] = await Promise.all([readSettings(db), workingCalendar(db)]);
      return snooze(db, request.docId, snoozeUntil(request.until, now, settings.reminderTime, calendar));
    }
    case 'chain.head': {
      const head = await readHead(readTransaction(db));
      const event = head.sequence ? await db.get('events', head.sequence) : undefined;
      return { sequence: head.sequence, hash: head.hash, ...(event && { headTime: event.timestamp }) };
    }
    case 'checkpoint.record': {
      const checkpoint = await recordCheckpoint(db, request.reason, now);
      return checkpoint ? { checkpoint } : {};
    }
    case 'checkpoint.list':
      return { checkpoints: await listCheckpoints(db) };
    case 'settings.get': {
      const [settings, calendar, imported] = await Promise.all([readSettings(db), workingCalendar(db), readImportedCalendar(db)]);
      return { settings, calendar: { coveredUntil: calendar.coveredUntil, importedYears: imported ? calendarYears(imported) : [] } };
    }
    case 'settings.update':
      return updateSettings(db, request.patch);
    case 'calendar.import': {
      const parsed = parseCalendarFile(JSON.stringify(request.file));
      if (!parsed.ok) throw new CalendarRejected(parsed.message);
      const merged = await importCalendar(db, parsed.file).catch((error: unknown) => {
        throw error instanceof RangeError ? new CalendarRejected(error.message) : error;
      });
      const calendar = await workingCalendar(db);
      const moved = await recomputeWorkingDayDeadlines(db, calendar, parsed.years, now);
      return { coveredUntil: calendar.coveredUntil, importedYears: calendarYears(merged), movedDeadlines: moved.length };
    }
    case 'profiles.list':
    case 'profiles.forUrl':
    case 'profiles.save':
    case 'profiles.remove':
    case 'profiles.toggle':
    case 'profiles.reportHealth':
    case 'profiles.learn':
    case 'profiles.learnedToggle':
      return applyProfileRequest(db, request, now, deps.onProfilesChanged, sender.kind === 'content-script' ? { origin: sender.origin, url: sender.url } : undefined);
    case 'backup.preview':
    case 'backup.restore': {
      if (!deps.backup) throw new Error('backups are not available here');
      const answer = await applyBackupRequest(db, request, now, deps.backup);
      if (request.type === 'backup.restore' && answer.ok) deps.onProfilesChanged?.();
      return answer;
    }
    case 'ledger.import': {
      const [{ numberFormat }, calendar] = await Promise.all([readSettings(db), workingCalendar(db)]);
      const options = { fileName: request.fileName, now, numberFormat, calendar };
      return request.dryRun ? dryRunLedgerImport(db, request.rows, options) : importLedger(db, request.rows, options);
    }
    case 'print.unheld': {
      const tabId = sender.kind === 'content-script' ? sender.tabId : undefined;
      const document = await db.get('documents', request.docId);
      if (!document) throw new DocumentNotFound(request.docId);
      if (tabId === undefined || !deps.printQuestions) return { asked: false };
      const label = [document.registrationNo, document.docNumber, document.title].filter(Boolean).join(' · ');
      return { asked: await deps.printQuestions.ask(tabId, (sender.kind === 'content-script' && sender.frameId) || 0, request.docId, label) };
    }
    case 'print.answer': {
      const tabId = sender.kind === 'content-script' ? sender.tabId : undefined;
      if (tabId === undefined || !deps.printQuestions?.settle(tabId, request.docId)) throw new NoOpenQuestion();
      const details = request.mine ? { reason: request.reason, intercepted: false, mine: true } : { intercepted: false, mine: false };
      return due(await logHandling(db, request.docId, 'printed', details, now));
    }
    case 'profiles.propose':
      return { opened: !!deps.proposals && (await deps.proposals.propose(request.profiles[0])) };
    case 'profiles.proposal': {
      const shown = await deps.proposals?.read(request.id);
      return { profile: (shown?.profile ?? null) as never, digest: shown?.digest ?? null };
    }
    case 'profiles.confirmProposal': {
      if (!deps.proposals) throw new ProposalRefused('no proposal is open');
      const profile = await deps.proposals.confirm(request.id, request.digest);
      const saved = await saveProfiles(db, [profile]);
      deps.onProfilesChanged?.();
      return { saved };
    }
    case 'teach.start': {
      const tabId = sender.kind === 'content-script' ? sender.tabId : undefined;
      return { started: tabId !== undefined && !!deps.startTeaching && (await deps.startTeaching(tabId)) };
    }
    case 'teach.relay': {
      const tabId = sender.kind === 'content-script' ? sender.tabId : undefined;
      const toTop = request.message.kind === 'picked';
      return { delivered: tabId !== undefined && !!deps.relayTeach && (await deps.relayTeach(tabId, request.message, toTop)) };
    }
  }
}

class CalendarRejected extends Error {}

class NoOpenQuestion extends Error {
  constructor() {
    super('no print question is open for this document in this tab');
  }
}
