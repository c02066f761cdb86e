import { defineContentScript } from 'wxt/utils/define-content-script';
import overlayCss from '@/components/overlay.css?inline';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Overlay } from '@/components/Overlay';
import type { OverlayBackend } from '@/components/overlay-backend';
import { ask } from '@/utils/messaging/background-client';
import { isClassified, type Classification } from '@/utils/documents/document-values';
import { draftFromAnalysis } from '@/utils/page-analysis/draft';
import { LANGUAGE_KEY, OVERLAY_ENGLISH_KEY, PRESETS_KEY, resolveLanguage, translatorOver } from '@/utils/i18n';
import { zhCN } from '@/utils/i18n/zh-CN';
import { toIsoDate } from '@/utils/deadlines/local-date';
import { placeOverlay, sampleOccupancy } from '@/utils/overlay-placement';
import { FOCUS_OVERLAY } from '@/utils/portals';
import { analyzePage, type PageAnalysis } from '@/utils/page-analysis/analyze-page';
import { rowMarks } from './rows';
import { matchesPattern } from '@/utils/site-profiles/match-pattern';
import { LEARNABLE_FIELDS, learnRule } from '@/utils/site-profiles/learn-location';
import type { SiteProfile } from '@/utils/site-profiles/profile-schema';
import { PromptBus } from '@/utils/messaging/prompt-bus';
import { installGuards } from './guards';
import { PrintQuestion, type PrintQuestionData } from '@/components/PrintQuestion';
import { rearm } from '@/components/click-guard';
import { PRINT_QUESTION, type PrintQuestionMessage } from '@/utils/messaging/print-questions';
import { analyseWithProfiles, createHealthReporter } from './profiles';
import { containEvents, startedIn } from './isolation';
import { createOverlayHost, type OverlayHost } from './host';

/** Messages the background sends to open pages (see entrypoints/background/portals.ts, utils/portal-registration.ts). */
const PROFILES_CHANGED = 'doctrail.profilesChanged';
const PORTALS_DISABLED = 'doctrail.portalsDisabled';

const backend: OverlayBackend = {
  lookup: async ({ docNumber, issuer, sourceUrl, title, receivedDate }, sameAs) => {
    const answer = await ask({ type: 'document.lookup', lookup: { docNumber, issuer, sourceUrl, title, receivedDate }, ...(sameAs && { sameAs }) });
    return answer.registeredElsewhere ? 'elsewhere' : answer.near ? { near: answer.near } : answer.state;
  },
  register: (draft, classificationConfirmed, notSameAs) => ask({ type: 'document.register', draft, classificationConfirmed, ...(notSameAs?.length && { notSameAs }) }),
  logHandling: (docId, action, details) => ask({ type: 'document.logHandling', docId, action, ...details }),
  send: (docId, recipients, purpose, expectedReturn) => ask({ type: 'circulation.send', docId, recipients, purpose, expectedReturn }),
  markReturned: (docId, recipient) => ask({ type: 'circulation.return', docId, recipient }),
  correctClassification: (docId, classification) => ask({ type: 'document.confirmClassification', docId, classification }),
  printUnheld: (docId) => ask({ type: 'print.unheld', docId }).then(() => undefined),
};

const HOST = 'doctrail-overlay';
const COLLAPSED_KEY = 'overlay.collapsed';
/** Where the clerk dragged the panel, per portal origin. */
const POSITION_KEY = `overlay.position.${location.origin}`;
/** The clerk's last reasons for printing, copying or downloading (offered first next time). */
const RECENT_KEY = 'overlay.recentReasons';
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 12) : []);

const FRAME_PORT = 'doctrail.frame';

/**
 * Whether the frame is laid out: a shell tab that hides its iframe again (display:none on an ancestor) changes neither
 * the frame's size nor fires a resize inside it; only an IntersectionObserver sees its box go to zero.
 */
let laidOut = true;

/** Whether this frame is shown at all: a hidden or zero-size iframe (a closed dialog, a hidden shell tab) is not. */
function frameShown(): boolean {
  if (window === window.top) return true;
  if (innerWidth === 0 || innerHeight === 0 || !laidOut) return false;
  try {
    const owner = window.frameElement;
    if (owner && 'checkVisibility' in owner && !owner.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)) return false;
  } catch {
    // cross-origin parent: its styles cannot be read from here
  }
  return true;
}

/** A row's own page (its first link on this origin), else the list's. */
function rowAddress(cell: Element): string {
  const link = cell.parentElement?.querySelector('a[href]') as HTMLAnchorElement | null;
  const href = link?.href.split('#')[0] ?? '';
  return href.startsWith(`${location.origin}/`) && href !== location.href.split('#')[0] ? href : location.href;
}

const isOwn = (node: Node) => node.nodeName.toLowerCase().startsWith('doctrail-');

/** Only changes to the portal's own page matter, not the overlay (or its row marks) being mounted. */
function isOwnMutation(records: MutationRecord[]): boolean {
  return records.every((r) => isOwn(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOwn)));
}

/** What shows or hides content without adding or removing it: a shell's tabs, dialogs, collapsible panels. */
const VISIBILITY_ATTRIBUTES = ['style', 'class', 'hidden', 'open', 'aria-hidden'];

export default defineContentScript({
  // Never declared in the manifest for all sites: the background registers this script on the portals the clerk
  // enabled (the test build's manifest declares it for its pre-enabled origins, see wxt.config.ts).
  registration: 'runtime',
  allFrames: true,
  runAt: 'document_idle',
  // The styles travel inside the script (no web-accessible file a page could probe for).
  cssInjectionMode: 'manual',
  async main(ctx) {
    const bus = new PromptBus();
    let ui: OverlayHost | undefined;
    let shown = '';
    let level: Classification | undefined;
    let shownKind = false;
    const remembered = await browser.storage.local.get([COLLAPSED_KEY, POSITION_KEY, LANGUAGE_KEY, PRESETS_KEY, RECENT_KEY, OVERLAY_ENGLISH_KEY]).catch(() => ({}) as Record<string, unknown>);
    // The clerk's 界面语言 (set in the dashboard), else the browser's; English comes from storage (see OVERLAY_ENGLISH_KEY).
    const english = remembered[OVERLAY_ENGLISH_KEY];
    const t =
      resolveLanguage(remembered[LANGUAGE_KEY], navigator.languages) === 'en' && english && typeof english === 'object'
        ? translatorOver(english as Record<string, unknown>, zhCN)
        : translatorOver(zhCN, zhCN);
    let collapsed = typeof remembered[COLLAPSED_KEY] === 'boolean' ? (remembered[COLLAPSED_KEY] as boolean) : undefined;
    const saved = remembered[POSITION_KEY] as { left?: unknown; top?: unknown } | undefined;
    let position = typeof saved?.left === 'number' && typeof saved.top === 'number' ? { left: saved.left, top: saved.top } : undefined;
    const focusSignal = new EventTarget();
    const reasons = { presets: PRESETS_KEY in remembered ? strings(remembered[PRESETS_KEY]) : ['领导批示要求', '会议使用', '立卷归档', '上级检查'], recent: strings(remembered[RECENT_KEY]) };
    const rememberCollapsed = (value: boolean) => {
      collapsed = value;
      void browser.storage.local.set({ [COLLAPSED_KEY]: value });
    };

    // Site profiles for this page, validated and filtered by the background; re-read when the URL or a profile changes.
    let profiles: SiteProfile[] = [];
    let profilesFor = '';
    let sendSelectors: string[] = [];
    const loadProfiles = async (force = false) => {
      if (!force && profilesFor === location.href) return;
      profilesFor = location.href;
      profiles = await ask({ type: 'profiles.forUrl', url: location.href.slice(0, 4000) }).then(
        (data) => data.profiles as SiteProfile[],
        () => [],
      );
    };
    const reportHealth = createHealthReporter((report) => ask({ type: 'profiles.reportHealth', ...report, missing: report.missing as never }));

    const marks = rowMarks(t);
    ctx.onInvalidated(() => marks.clear());
    installGuards(ctx, bus, () => isClassified(level), () => ui && { host: ui.shadowHost, root: ui.shadow }, () => sendSelectors);

    async function update(): Promise<void> {
      if (ctx.isInvalid) return;
      await loadProfiles();
      const generic = analyzePage(document, location.href, { ignoreHidden: true });
      const profiled = analyseWithProfiles(generic, profiles, document, location.href);
      // A frame the clerk cannot see (display:none, zero size, visibility:hidden in a same-origin parent) is not a page.
      const analysis = frameShown() ? profiled.analysis : { ...profiled.analysis, kind: 'none' as const };
      sendSelectors = profiled.sendSelectors;
      if (profiled.health.length) reportHealth(profiled.health, location.href.slice(0, 4000));
      // A list's rows are marked (up to 500 rows are read): the same count of other rows (the next page) is a change.
      const rows = analysis.kind === 'list' && generic.kind === 'list' && generic.rowCount! <= 500 ? generic.rows! : [];
      const key = JSON.stringify([analysis.kind, analysis.fields, analysis.rowCount ?? 0, location.href, rows]);
      if (key === shown) return;
      shown = key;
      report(analysis.kind);
      level = analysis.fields.classification as Classification | undefined;
      // Stepping aside (another frame of the tab shows the document): no overlay here, not even hidden — its
      // prompts live in the top layer, which a hidden host does not hide. A print question waiting here stays.
      shownKind = analysis.kind !== 'none' && !stepAside;
      if (!rows.length || stepAside) marks.clear();
      if (analysis.kind === 'none' || stepAside) {
        if (questions.length && ui) render(null, ui.uiContainer);
        else {
          ui?.remove();
          ui = undefined;
          questionRoot = undefined;
        }
        return;
      }
      const mounted = await ensureUi();
      mounted.shadowHost.dataset.kind = analysis.kind;
      const placement = placeOverlay(sampleOccupancy(document, mounted.shadowHost), { width: innerWidth, height: innerHeight });
      render(
        <Overlay
          key={key}
          kind={analysis.kind}
          draft={draftFromAnalysis(analysis, location.href)}
          rowCount={analysis.rowCount}
          rows={rows.length ? marks : undefined}
          placement={placement}
          backend={backend}
          t={t}
          today={toIsoDate(new Date())}
          bus={bus}
          collapsed={placement.panel === null || collapsed}
          onCollapsedChange={rememberCollapsed}
          onClassification={(confirmed) => (level = confirmed ?? level)}
          onTeach={() => void ask({ type: 'teach.start' }).catch(() => undefined)}
          onCorrected={(page, edited, docId) => {
            // The first corrected field whose typed value stands in exactly one place, with a label beside it.
            for (const field of LEARNABLE_FIELDS) {
              const value = edited[field];
              const candidate = value && value !== page[field] ? learnRule(document, location.href, field, value) : undefined;
              if (candidate && value) return { field, label: candidate.label!, remember: () => ask({ type: 'profiles.learn', url: location.href.slice(0, 4000), field, value, candidate: candidate as never, docId }) };
            }
          }}
          position={position}
          onMove={(moved) => {
            position = moved;
            void browser.storage.local.set({ [POSITION_KEY]: moved });
          }}
          focusSignal={focusSignal}
          reasons={reasons}
          onReason={(reason) => {
            reasons.recent = [reason, ...reasons.recent.filter((r) => r !== reason)].slice(0, 5);
            void browser.storage.local.set({ [RECENT_KEY]: reasons.recent });
          }}
        />,
        mounted.uiContainer,
      );
      if (rows.length) {
        const cells = generic.markCells!;
        await marks.show(cells, rows.map((fields, i) => draftFromAnalysis({ kind: 'detail', fields } as PageAnalysis, rowAddress(cells[i]!)))).catch(() => undefined);
      }
    }

    // One overlay per tab: the background hears every frame's kind (keyed by tab and frame id, nothing the page sees)
    // and tells the frames whose overlay should step aside — a list under a document opened in a modal frame.
    let stepAside = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const report = (kind: string) => {
      try {
        port ??= connectFrame();
        port.postMessage({ kind });
      } catch {
        port = undefined;
      }
    };
    const connectFrame = () => {
      const opened = browser.runtime.connect({ name: FRAME_PORT });
      opened.onMessage.addListener((message: unknown) => {
        const aside = (message as { active?: unknown } | null)?.active === false;
        if (aside === stepAside) return;
        stepAside = aside;
        shown = '';
        analyseNow();
      });
      opened.onDisconnect.addListener(() => (port = undefined));
      return opened;
    };
    ctx.onInvalidated(() => port?.disconnect());

    /** The host lives on <html> (not in the page's <body>), in a closed root; created on first need. */
    async function ensureUi() {
      // Closed: the page cannot reach into the overlay (it would read registered documents' details out of it).
      ui ??= createOverlayHost(ctx, { name: HOST, css: overlayCss, onRemove: (container) => render(null, container) });
      if (!ui.mounted) {
        ui.mount();
        containEvents(ui.shadowHost, ui.shadow);
      }
      return ui;
    }

    // ——— prints DocTrail did not hold: the background asks here, in the top frame, once per document at a time ———
    const questions: PrintQuestionData[] = [];
    let questionRoot: HTMLElement | undefined;
    const showQuestions = async () => {
      if (!questions.length) {
        if (questionRoot) render(null, questionRoot);
        if (!shownKind && ui) {
          ui.remove();
          ui = undefined;
          questionRoot = undefined;
        }
        return;
      }
      const mounted = await ensureUi();
      if (!questionRoot?.isConnected) {
        questionRoot = document.createElement('div');
        mounted.shadow.append(questionRoot);
      }
      const question = questions[0]!;
      render(
        <PrintQuestion
          key={question.docId}
          question={question}
          t={t}
          onAnswer={(mine, reason) => {
            // The question closes either way; a refused answer (the background forgot the question) is asked again at the next print.
            void ask({ type: 'print.answer', docId: question.docId, mine, reason }).catch(() => undefined);
            questions.shift();
            void showQuestions();
          }}
        />,
        questionRoot,
      );
    };

    // ——— the page removes or moves the host: put it back on <html> (bounded, so a page fighting it cannot spin us) ———
    let reattached = 0;
    const keepAttached = () => {
      const host = ui?.mounted ? ui.shadowHost : undefined;
      if (!host || host.parentNode === document.documentElement || reattached > 200) return;
      reattached++;
      document.documentElement.append(host);
      rearm(ui!.shadow);
    };

    // One analysis at a time, in order; pages that change without reload are re-read when idle.
    let queue = Promise.resolve();
    const analyseNow = () => {
      queue = queue.then(update).catch((error: unknown) => console.warn('DocTrail: page analysis failed', error));
    };
    // At most one pending re-read: a page that keeps changing (a clock, an animation) is still read every ~0.3 s.
    let timer: number | undefined;
    const analyseSoon = (delay = 300) => {
      if (timer !== undefined) return;
      timer = ctx.setTimeout(() => {
        timer = undefined;
        requestIdleCallback(analyseNow, { timeout: 1000 });
      }, delay);
    };

    const observer = new MutationObserver((records) => {
      keepAttached();
      if (!isOwnMutation(records)) analyseSoon();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: VISIBILITY_ATTRIBUTES });
    // Typing and choosing change controls' values, not the DOM: a form filled in by the clerk is read again too.
    // Only a re-read (nothing is prompted for or written from here), so it also follows untrusted `change` events:
    // widgets that set a select's value from a script fire those, and a page can already cause a re-read by
    // changing its DOM.
    for (const type of ['input', 'change'] as const) {
      ctx.addEventListener(document, type, (event) => startedIn(ui?.shadowHost, event) || analyseSoon(500), { capture: true });
    }
    ctx.addEventListener(window, 'wxt:locationchange', () => analyseSoon());
    // A frame hidden or shown by its parent sees no mutation of its own, only its size change …
    ctx.addEventListener(window, 'resize', () => analyseSoon());
    // … or, hidden again after it was shown, only its box going to zero (hidden → shown → hidden shell tabs).
    if (window !== window.top) {
      const boxes = new IntersectionObserver((entries) => {
        const box = entries[entries.length - 1]!.boundingClientRect;
        if (laidOut !== (laidOut = box.width > 0 && box.height > 0)) analyseSoon();
      });
      boxes.observe(document.documentElement);
      ctx.onInvalidated(() => boxes.disconnect());
    }
    ctx.onInvalidated(() => observer.disconnect());
    // The browser's own API here (no polyfill): an answer goes through sendResponse.
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      const { type, origins } = (message ?? {}) as { type?: string; origins?: unknown };
      if (type === PRINT_QUESTION) {
        const { docId, label } = message as PrintQuestionMessage;
        if (typeof docId !== 'string' || typeof label !== 'string') return;
        if (!questions.some((q) => q.docId === docId)) questions.push({ docId, label: label.slice(0, 300) });
        void showQuestions();
        sendResponse(true); // shown here: the background need not ask elsewhere
        return;
      }
      if (type === FOCUS_OVERLAY) {
        if (ui) focusSignal.dispatchEvent(new Event('focus'));
      } else if (type === PROFILES_CHANGED) {
        profilesFor = '';
        shown = '';
        analyseNow();
      } else if (type === PORTALS_DISABLED && Array.isArray(origins) && origins.some((o) => typeof o === 'string' && matchesPattern(o, location.href))) {
        // The clerk disabled this portal: take the overlay and every listener down now, not at the next reload.
        ctx.notifyInvalidated();
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    // The shortcut when the browser leaves it to the page (no other extension or the browser holds Alt+Shift+D).
    ctx.addEventListener(
      window,
      'keydown',
      (event) => {
        if (!ui || !event.isTrusted || !event.altKey || !event.shiftKey || event.ctrlKey || event.code !== 'KeyD') return;
        event.preventDefault();
        event.stopImmediatePropagation();
        focusSignal.dispatchEvent(new Event('focus'));
      },
      { capture: true },
    );
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    analyseNow();
  },
});
