import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { proposeReturn } from '@/utils/deadlines/deadline';
import type { DocumentDraft, Purpose } from '@/utils/documents/document-schema';
import { isClassified, type Classification } from '@/utils/documents/document-values';
import type { Translate } from '@/utils/i18n';
import type { PageKind } from '@/utils/page-analysis/analyze-page';
import { clampPosition, panelBesideRail, type Placement, type Rect } from '@/utils/overlay-placement';
import type { HandlingRequest, PromptBus, SendRequest } from '@/utils/messaging/prompt-bus';
import type { DocumentStateData } from '@/utils/messaging/protocol';
import { CirculationDialog } from './CirculationDialog';
import { CirculationList } from './CirculationList';
import { ConfidentialityBanner } from './ConfidentialityBanner';
import { DeadlineChip } from './DeadlineChip';
import { HandlingDialog } from './HandlingDialog';
import type { NearDocument, OverlayBackend } from './overlay-backend';
import { RegistrationForm } from './RegistrationForm';
import { ListRows, type ListRowsApi } from './ListRows';
import { accepts, useSurface } from './click-guard';
import { isWebUrl } from '@/utils/documents/web-url';


export interface OverlayProps {
  kind: Exclude<PageKind, 'none'>;
  draft: DocumentDraft | null;
  rowCount?: number;
  /** On a list: the rows' marks and what the clerk chose in them. */
  rows?: ListRowsApi;
  placement: Placement;
  backend: OverlayBackend;
  t: Translate;
  /** yyyy-mm-dd, the clerk's today. */
  today: string;
  bus?: PromptBus;
  collapsed?: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
  /** The level the register holds (the clerk may have confirmed one the page lacks): the guards follow it. */
  onClassification?: (level: DocumentDraft['classification']) => void;
  /** 教我识别: point at the fields DocTrail did not read (or read wrong) on this portal. */
  onTeach?: () => void;
  /** Where the clerk last dragged the panel on this portal. */
  position?: { left: number; top: number };
  onMove?: (position: { left: number; top: number }) => void;
  /** Fires 'focus' when the clerk presses the shortcut: the overlay opens and its first control takes the focus. */
  focusSignal?: EventTarget;
  /**
   * After 登记 with fields the clerk corrected: a rule that reads one of them where it stands on the page (found in
   * exactly one place), and how to remember it. Asked in the panel; remembered only on the clerk's trusted click.
   */
  onCorrected?: (page: DocumentDraft, edited: DocumentDraft, docId: string) => Learnable | undefined;
  /** The reason prompt's one-click reasons: presets from settings and the clerk's recent ones. */
  reasons?: { presets: readonly string[]; recent: readonly string[] };
  /** A reason was logged: it becomes one of the recent ones. */
  onReason?: (reason: string) => void;
}

export interface Learnable {
  field: 'title' | 'docNumber' | 'issuer';
  label: string;
  remember: () => Promise<unknown>;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex="0"]';

type DocState =
  | { step: 'checking' }
  | { step: 'unregistered' }
  | { step: 'registering' }
  /** Registered from another site: the background tells a portal page no more than that. */
  | { step: 'elsewhere' }
  /** Probably a registered document: 是否为已登记的 …？ */
  | { step: 'near'; near: NearDocument }
  | { step: 'registered'; state: DocumentStateData }
  | { step: 'error'; message: string };

type Dialog =
  | { type: 'handling'; request: HandlingRequest; resolve: (answer: { reason: string } | null) => void; correct: (level: Classification) => void }
  | { type: 'circulation'; request: SendRequest };

/** The background refused to register because the 文号 is registered from another site (it gives no details). */
const isRegisteredElsewhere = (error: unknown) => (error as { code?: unknown } | null)?.code === 'registered-elsewhere';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function Overlay(props: OverlayProps) {
  const { kind, draft, rowCount, placement, backend, t, today, bus } = props;
  const [collapsed, setCollapsedState] = useState(props.collapsed ?? placement.panel === null);
  const [doc, setDoc] = useState<DocState>(draft ? { step: 'checking' } : { step: 'unregistered' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  /** What just happened (已记录：打印); it goes when the next prompt opens, never left under a later one. */
  const [notice, setNotice] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<DocumentStateData | null>(null);
  const [position, setPosition] = useState(props.position);
  const [chosenLevel, setChosenLevel] = useState<DocumentDraft['classification']>(undefined);
  const [learn, setLearn] = useState<(Learnable & { done?: boolean }) | undefined>(undefined);
  const learnRef = useSurface<HTMLElement>();
  const docRef = useRef(doc);
  docRef.current = doc;
  const panelRef = useRef<HTMLElement>(null);
  const railRef = useRef<HTMLButtonElement>(null);
  /** Set when the clerk acted inside the overlay: once the view changed, the focus goes back into it. */
  const refocus = useRef<string | null>(null);

  const setCollapsed = (value: boolean) => {
    setCollapsedState(value);
    props.onCollapsedChange?.(value);
  };

  // A row chosen in the list (a trusted click on its mark): the panel opens on what was chosen.
  useEffect(() => {
    const open = () => props.rows?.selected().length && setCollapsedState(false);
    props.rows?.addEventListener('change', open);
    return () => props.rows?.removeEventListener('change', open);
  }, [props.rows]);

  // The shortcut (manifest command): open, then focus the first control.
  const [, setFocusTick] = useState(0);
  useEffect(() => {
    const signal = props.focusSignal;
    if (!signal) return;
    const focus = () => {
      setCollapsed(false);
      refocus.current = FOCUSABLE;
      setFocusTick((n) => n + 1);
    };
    signal.addEventListener('focus', focus);
    return () => signal.removeEventListener('focus', focus);
  }, [props.focusSignal]);
  // A layout effect: the focus moves in the same task as the view, so no key pressed in between reaches the page.
  useLayoutEffect(() => {
    const selector = refocus.current;
    if (!selector) return;
    const target = collapsed ? railRef.current : panelRef.current?.querySelector<HTMLElement>(selector);
    if (target) {
      refocus.current = null;
      target.focus();
    } else if (!focusedInside()) {
      // What had the focus went away before its successor is there (登记 → 登记中…): hold it in the panel meanwhile.
      panelRef.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
  });
  /** The focused element inside the overlay, if the focus is there. */
  const focusedInside = () => ((panelRef.current ?? railRef.current)?.getRootNode() as ShadowRoot | undefined)?.activeElement ?? null;
  /** After this action the focus stays in the overlay, on `selector` (else its first control). */
  const keepFocus = (selector = FOCUSABLE) => {
    const active = focusedInside();
    if (!active || panelRef.current?.contains(active) || active === railRef.current) refocus.current = selector;
  };
  /** Where the focus was when a dialog opened: it goes back there when the dialog closes. */
  const opener = useRef<Element | null>(null);
  const openDialog = (next: Dialog) => {
    opener.current = focusedInside() ?? document.activeElement;
    setNotice(null);
    setCollapsed(false);
    setDialog(next);
  };
  const closeDialog = (selector?: string) => {
    const back = opener.current;
    setDialog(null);
    if (back instanceof HTMLElement && back.isConnected && !panelRef.current?.contains(back)) {
      // Opened by the page (Ctrl+P, its print button): the focus returns to the page.
      if (back !== document.body) back.focus();
    } else refocus.current = selector ?? FOCUSABLE;
  };
  /** The action failed: say why in the notice line (the document's state stays as it was). */
  const showError = (error: unknown) => setNotice(t('overlay.error', { message: message(error) }));
  const fail = (error: unknown) => {
    refocus.current = null;
    setDoc({ step: 'error', message: message(error) });
  };

  useEffect(() => {
    if (!draft) return;
    notSameAs.current = [];
    backend.lookup(draft).then(showLookup, fail);
  }, [draft, backend]);

  /** Documents the clerk said this page is not (answering 否 to 是否为已登记的 …？). */
  const notSameAs = useRef<string[]>([]);
  function showLookup(state: Awaited<ReturnType<OverlayBackend['lookup']>>) {
    if (state === 'elsewhere') setDoc({ step: 'elsewhere' });
    else if (state && 'near' in state) setDoc({ step: 'near', near: state.near });
    else setDoc(state ? { step: 'registered', state } : { step: 'unregistered' });
  }
  const answerNear = (same: boolean, event: MouseEvent) => {
    const current = docRef.current;
    if (!event.isTrusted || current.step !== 'near' || !draft) return;
    if (!same) {
      notSameAs.current = [...notSameAs.current, current.near.docId];
      setDoc({ step: 'unregistered' });
      return;
    }
    backend.lookup(draft, current.near.docId).then(showLookup, fail);
  };

  /** The registered document, registering the page's draft first where the clerk's action needs one. */
  const ensureRegistered = async (): Promise<DocumentStateData> => {
    const current = docRef.current;
    if (current.step === 'registered') return current.state;
    // Registering needs a 密级; without one on the page the clerk must choose it in the form first.
    if (!draft?.classification) throw new Error(t('form.confirmClassification'));
    const { state } = await backend.register(draft, false, notSameAs.current);
    setDoc({ step: 'registered', state });
    return state;
  };

  useEffect(() => {
    if (!bus || !draft) return;
    return bus.attach({
      confirmHandling: (request) =>
        new Promise((resolve) => {
          openDialog({
            type: 'handling',
            request,
            resolve: (answer) => {
              closeDialog();
              if (!answer) return resolve(null);
              ensureRegistered()
                .then((state) => backend.logHandling(state.document.id, request.action, { reason: answer.reason, intercepted: true, detail: request.detail }))
                .then((state) => {
                  setDoc({ step: 'registered', state });
                  setNotice(t('notice.logged', { action: t(`action.${request.action}`) }));
                  props.onReason?.(answer.reason);
                  resolve(answer);
                })
                .catch((error: unknown) => {
                  showError(error);
                  resolve(null); // not logged, so not allowed
                });
            },
            // 此页不涉密 / 密级有误: the correction is logged instead of a reason; a level that is still 涉密 still asks one.
            correct: (level) =>
              ensureRegistered()
                .then((state) => backend.correctClassification(state.document.id, level))
                .then((state) => {
                  setDoc({ step: 'registered', state });
                  if (isClassified(level)) return;
                  closeDialog();
                  setNotice(t('notice.corrected', { level: t(`classification.${level}`) }));
                  resolve({ reason: '' });
                })
                .catch(showError),
          });
        }),
      handledUnasked: () => {
        // `beforeprint` is trusted even when the page called print() itself: nothing is written from here. The
        // background asks the clerk in the top frame whether it was theirs, once per document at a time.
        const current = docRef.current;
        if (current.step !== 'registered') return;
        backend.printUnheld(current.state.document.id).catch(() => undefined);
      },
      sendStarted: (request) => {
        openDialog({ type: 'circulation', request });
      },
    });
  }, [bus, draft]);

  const register = (edited: DocumentDraft, classificationConfirmed: boolean) => {
    keepFocus('.dt-registered');
    setDoc({ step: 'registering' });
    backend.register(edited, classificationConfirmed, notSameAs.current).then(({ state, created }) => {
      if (!created && state.document.sourceUrl !== edited.sourceUrl) setDuplicate(state);
      setDoc({ step: 'registered', state });
      if (created && draft) setLearn(props.onCorrected?.(draft, edited, state.document.id));
    }, (error: unknown) => (isRegisteredElsewhere(error) ? setDoc({ step: 'elsewhere' }) : fail(error)));
  };

  const recordSend = (send: { recipients: string[]; purpose: Purpose; expectedReturn: string }) => {
    closeDialog('.dt-circ .dt-link');
    ensureRegistered()
      .then((state) => backend.send(state.document.id, send.recipients, send.purpose, send.expectedReturn || undefined))
      .then(
        (state) => setDoc({ step: 'registered', state }),
        // The form stays as it was: the clerk can choose the 密级 and try again.
        showError,
      );
  };

  const markReturned = (recipient: string, event: MouseEvent) => {
    if (!accepts(event) || doc.step !== 'registered') return;
    keepFocus('.dt-circ .dt-small, .dt-circ .dt-link');
    backend.markReturned(doc.state.document.id, recipient).then((state) => setDoc({ step: 'registered', state }), fail);
  };

  const registered = doc.step === 'registered' ? doc.state : null;
  // The banner follows the register, else the 密级 the clerk just chose in the form, else the page's.
  const level = registered?.document.classification ?? chosenLevel ?? draft?.classification;
  useEffect(() => props.onClassification?.(level), [level]);
  const period = registered?.document.classificationPeriod ?? draft?.classificationPeriod;
  const deadline = registered?.due?.date ?? registered?.document.deadline;
  const viewport = { width: innerWidth, height: innerHeight };
  const placed: Rect = placement.panel ?? panelBesideRail(placement.rail, viewport);
  const at: Rect = position ? { ...placed, ...clampPosition(position, placed, viewport) } : placed;
  const secret = isClassified(level);

  const collapse = () => {
    keepFocus();
    setCollapsed(true);
  };
  /** Drag by the header: the panel follows the pointer; where it is let go is remembered for this portal. */
  const drag = (down: PointerEvent) => {
    const header = down.currentTarget as HTMLElement;
    if (!down.isTrusted || down.button !== 0 || (down.target as Element).closest('button')) return;
    const start = header.parentElement!.getBoundingClientRect();
    let last = { left: start.left, top: start.top };
    const move = (e: PointerEvent) => setPosition((last = clampPosition({ left: start.left + e.clientX - down.clientX, top: start.top + e.clientY - down.clientY }, placed, viewport)));
    const up = () => {
      header.removeEventListener('pointermove', move);
      header.removeEventListener('pointerup', up);
      props.onMove?.(last);
    };
    header.setPointerCapture?.(down.pointerId);
    header.addEventListener('pointermove', move);
    header.addEventListener('pointerup', up);
  };
  const surfaceRef = useSurface<HTMLElement>();
  /** The panel is also a click-guarded surface (visible for ≥ 500 ms before its buttons act); a stable ref keeps it armed across renders. */
  const setPanel = useCallback((el: HTMLElement | null) => {
    panelRef.current = el;
    surfaceRef(el);
  }, []);

  if (collapsed) {
    const summary = pillSummary(doc, draft === null, rowCount, t);
    return (
      <button
        ref={railRef}
        type="button"
        class={`dt-pill dt-rail dt-rail-${placement.rail.side} ${secret ? 'dt-pill-secret' : ''}`}
        style={{ top: `${placement.rail.top}px` }}
        onClick={() => {
          keepFocus();
          setCollapsed(false);
        }}
        aria-label={`${t('overlay.expand')} ${summary}`}
        title={summary}
      >
        <span class="dt-brand-pill">{t('appName')}</span> {railState(doc, draft === null, rowCount, t)}
      </button>
    );
  }

  // One height whatever the panel shows: a page measuring the area the overlay covers (elementFromPoint) must not
  // learn whether its 文号 is registered (a registered document's panel was 188 px, the registration form 540 px).
  return (
    <section
      ref={setPanel}
      class={`dt-panel ${secret ? 'dt-panel-secret' : ''} ${at.width < 300 ? 'dt-narrow' : ''}`}
      style={{ left: `${at.left}px`, top: `${at.top}px`, width: `${at.width}px`, height: `${Math.min(placed.height, viewport.height - at.top - 4)}px` }}
      role="region"
      aria-label={t('overlay.label')}
      onKeyDown={(e) => {
        // Esc folds the panel away; the key is the overlay's, the page never sees it.
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        if (!dialog) collapse();
      }}
    >
      <header class="dt-header" onPointerDown={drag}>
        <span class="dt-brand">{t('appName')}</span>
        <span class="dt-kind">{t(`kind.${kind}`)}</span>
        {deadline && <DeadlineChip deadline={deadline} due={registered?.due} today={today} t={t} />}
        {props.onTeach && (
          <button type="button" class="dt-teach" onClick={(e) => accepts(e) && props.onTeach?.()} title={t('overlay.teachHint')}>
            {t('overlay.teach')}
          </button>
        )}
        <button type="button" class="dt-collapse" onClick={collapse} aria-label={t('overlay.collapse')}>
          –
        </button>
      </header>
      {level && secret && <ConfidentialityBanner level={level} period={period} t={t} />}
      {!draft ? (
        <ListRows rows={props.rows} count={rowCount ?? 0} t={t} />
      ) : (
        <div class="dt-body">
          {notice && (
            <p class="dt-notice" role="status">
              {notice}
            </p>
          )}
          {dialog?.type === 'handling' && <HandlingDialog request={dialog.request} registered={registered !== null} t={t} onDone={dialog.resolve} reasons={[...new Set([...(props.reasons?.recent ?? []), ...(props.reasons?.presets ?? [])])].slice(0, 8)} level={level} onCorrect={dialog.correct} />}
          {dialog?.type === 'circulation' && (
            <CirculationDialog
              verb={dialog.request.verb}
              recipients={dialog.request.recipients}
              purpose={/转办|呈批|送办/.test(dialog.request.verb) ? 'handle' : 'read'}
              proposal={proposeReturn(today, (registered?.document ?? draft).deadline, ['urgent', 'very-urgent', 'flash'].includes((registered?.document ?? draft).urgency ?? ''))}
              today={today}
              registered={registered !== null}
              t={t}
              onRecord={recordSend}
              onCancel={() => closeDialog('.dt-circ .dt-link')}
            />
          )}
          {!dialog && registered && learn && (
            <p class="dt-learn dt-note" role="status" ref={learnRef}>
              {t(learn.done ? 'overlay.learned' : 'overlay.learnAsk', { field: t(`field.${learn.field}`), label: learn.label })}{' '}
              {!learn.done && (
                <button
                  type="button"
                  class="dt-small dt-learn-yes"
                  onClick={(e) => accepts(e) && learn.remember().then(() => setLearn({ ...learn, done: true }), showError)}
                >
                  {t('overlay.learnYes')}
                </button>
              )}
            </p>
          )}
          {!dialog && <DocumentBody doc={doc} draft={draft} duplicate={duplicate} t={t} onNear={answerNear} onRegister={register} onClassificationChoice={setChosenLevel} onReturned={markReturned} onAddCirculation={(e) => accepts(e) && openDialog({ type: 'circulation', request: { verb: t('circ.add'), recipients: [] } })} />}
        </div>
      )}
    </section>
  );
}

interface DocumentBodyProps {
  doc: DocState;
  draft: DocumentDraft;
  duplicate: DocumentStateData | null;
  t: Translate;
  onRegister: (draft: DocumentDraft, classificationConfirmed: boolean) => void;
  onNear: (same: boolean, event: MouseEvent) => void;
  onClassificationChoice: (level: DocumentDraft['classification']) => void;
  onReturned: (recipient: string, event: MouseEvent) => void;
  onAddCirculation: (event: MouseEvent) => void;
}

function DocumentBody({ doc, draft, duplicate, t, onRegister, onNear, onClassificationChoice, onReturned, onAddCirculation }: DocumentBodyProps) {
  switch (doc.step) {
    case 'near':
      return (
        <div class="dt-near" role="alert">
          <p class="dt-warn">{t('overlay.nearQuestion', { registrationNo: doc.near.registrationNo })}</p>
          <p class="dt-title">{doc.near.title}</p>
          <div class="dt-actions">
            <button type="button" class="dt-secondary" onClick={(e) => onNear(false, e)}>{t('overlay.nearNo')}</button>
            <button type="button" class="dt-primary dt-near-yes" onClick={(e) => onNear(true, e)}>{t('overlay.nearYes')}</button>
          </div>
        </div>
      );
    case 'checking':
      return <p class="dt-status" role="status">{t('overlay.checking')}</p>;
    case 'error':
      return <p class="dt-status dt-error" role="alert">{t('overlay.error', { message: doc.message })}</p>;
    case 'elsewhere':
      return <p class="dt-status dt-ok dt-elsewhere" role="status">{t('overlay.registeredElsewhere')}</p>;
    case 'registered': {
      const d = doc.state.document;
      return (
        <>
          <p class="dt-title">{d.title}</p>
          {duplicate && (
            <p class="dt-warn" role="alert">
              {t('form.duplicate', { docNumber: d.docNumber ?? '', issuer: d.issuer ?? '', registrationNo: d.registrationNo })}{' '}
              {/* Only an http(s) address becomes a link: a stored javascript:/data:/file: one is not followed. */}
              {isWebUrl(d.sourceUrl) ? (
                <a href={d.sourceUrl} target="_blank" rel="noopener noreferrer">
                  {t('form.openExisting')}
                </a>
              ) : (
                <span class="dt-muted">{t('form.openExisting')}</span>
              )}
            </p>
          )}
          <p class="dt-status dt-ok dt-registered" role="status" tabIndex={-1}>
            {t('overlay.registered')} <strong class="dt-regno">{d.registrationNo}</strong>
          </p>
          <dl class="dt-fields">
            {d.docNumber && <Field label={t('field.docNumber')} value={d.docNumber} />}
            <Field label={t('overlay.status')} value={t(`status.${d.status}`)} />
            {d.currentHolder && <Field label={t('overlay.holder')} value={d.currentHolder} />}
            {d.deadline && <Field label={t('field.deadline')} value={d.deadline} />}
          </dl>
          <CirculationList recipients={doc.state.circulation} t={t} onReturned={onReturned} onAdd={onAddCirculation} />
        </>
      );
    }
    default:
      return <RegistrationForm draft={draft} busy={doc.step === 'registering'} t={t} onRegister={onRegister} onClassificationChoice={onClassificationChoice} />;
  }
}

/** The rail's few words (the full summary is its label). */
function railState(doc: DocState, isList: boolean, rowCount: number | undefined, t: Translate): string {
  if (isList) return t('overlay.pillList', { count: rowCount ?? 0 });
  if (doc.step === 'registered') return t('overlay.registered');
  if (doc.step === 'unregistered') return t('overlay.railUnregistered');
  return '';
}

function pillSummary(doc: DocState, isList: boolean, rowCount: number | undefined, t: Translate): string {
  if (isList) return t('overlay.pillList', { count: rowCount ?? 0 });
  if (doc.step === 'registered') return doc.state.document.registrationNo;
  if (doc.step === 'unregistered') return t('overlay.notRegistered');
  if (doc.step === 'elsewhere') return t('overlay.registered');
  return '';
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
