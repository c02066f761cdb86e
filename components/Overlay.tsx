import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultReturnDate } from '@/utils/deadlines/deadline';
import type { DocumentDraft, Purpose } from '@/utils/documents/document-schema';
import { isClassified } from '@/utils/documents/document-values';
import type { Translate } from '@/utils/i18n';
import type { PageKind } from '@/utils/page-analysis/analyze-page';
import type { Placement } from '@/utils/overlay-placement';
import type { HandlingRequest, PromptBus, SendRequest } from '@/utils/messaging/prompt-bus';
import type { DocumentStateData } from '@/utils/messaging/protocol';
import { CirculationDialog } from './CirculationDialog';
import { CirculationList } from './CirculationList';
import { ConfidentialityBanner } from './ConfidentialityBanner';
import { DeadlineChip } from './DeadlineChip';
import { HandlingDialog } from './HandlingDialog';
import type { OverlayBackend } from './overlay-backend';
import { RegistrationForm } from './RegistrationForm';


export interface OverlayProps {
  kind: Exclude<PageKind, 'none'>;
  draft: DocumentDraft | null;
  rowCount?: number;
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
}

type DocState =
  | { step: 'checking' }
  | { step: 'unregistered' }
  | { step: 'registering' }
  | { step: 'registered'; state: DocumentStateData }
  | { step: 'error'; message: string };

type Dialog =
  | { type: 'handling'; request: HandlingRequest; resolve: (answer: { reason: string } | null) => void }
  | { type: 'circulation'; request: SendRequest };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function Overlay(props: OverlayProps) {
  const { kind, draft, rowCount, placement, backend, t, today, bus } = props;
  const [collapsed, setCollapsedState] = useState(props.collapsed ?? placement.startCollapsed);
  const [doc, setDoc] = useState<DocState>(draft ? { step: 'checking' } : { step: 'unregistered' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<DocumentStateData | null>(null);
  const docRef = useRef(doc);
  docRef.current = doc;

  const setCollapsed = (value: boolean) => {
    setCollapsedState(value);
    props.onCollapsedChange?.(value);
  };
  const fail = (error: unknown) => setDoc({ step: 'error', message: message(error) });

  useEffect(() => {
    if (!draft) return;
    backend.lookup(draft).then((state) => setDoc(state ? { step: 'registered', state } : { step: 'unregistered' }), fail);
  }, [draft, backend]);

  /** The registered document, registering the page's draft first where the clerk's action needs one. */
  const ensureRegistered = async (): Promise<DocumentStateData> => {
    const current = docRef.current;
    if (current.step === 'registered') return current.state;
    // Registering needs a 密级; without one on the page the clerk must choose it in the form first.
    if (!draft?.classification) throw new Error(t('form.confirmClassification'));
    const { state } = await backend.register(draft, false);
    setDoc({ step: 'registered', state });
    return state;
  };

  useEffect(() => {
    if (!bus || !draft) return;
    return bus.attach({
      confirmHandling: (request) =>
        new Promise((resolve) => {
          setCollapsed(false);
          setDialog({
            type: 'handling',
            request,
            resolve: (answer) => {
              setDialog(null);
              if (!answer) return resolve(null);
              ensureRegistered()
                .then((state) => backend.logHandling(state.document.id, request.action, { reason: answer.reason, intercepted: true, detail: request.detail }))
                .then((state) => {
                  setDoc({ step: 'registered', state });
                  setNotice(t('notice.logged', { action: t(`action.${request.action}`) }));
                  resolve(answer);
                })
                .catch((error: unknown) => {
                  setNotice(t('overlay.error', { message: message(error) }));
                  resolve(null); // not logged, so not allowed
                });
            },
          });
        }),
      handledUnasked: (request) => {
        const current = docRef.current;
        if (current.step !== 'registered') return;
        backend
          .logHandling(current.state.document.id, request.action, { intercepted: false, detail: request.detail })
          .then((state) => {
            setDoc({ step: 'registered', state });
            setCollapsed(false);
            setNotice(t('notice.unasked'));
          }, fail);
      },
      sendStarted: (request) => {
        setCollapsed(false);
        setDialog({ type: 'circulation', request });
      },
    });
  }, [bus, draft]);

  const register = (edited: DocumentDraft, classificationConfirmed: boolean) => {
    setDoc({ step: 'registering' });
    backend.register(edited, classificationConfirmed).then(({ state, created }) => {
      if (!created && state.document.sourceUrl !== edited.sourceUrl) setDuplicate(state);
      setDoc({ step: 'registered', state });
    }, fail);
  };

  const recordSend = (send: { recipients: string[]; purpose: Purpose; expectedReturn: string }) => {
    setDialog(null);
    ensureRegistered()
      .then((state) => backend.send(state.document.id, send.recipients, send.purpose, send.expectedReturn || undefined))
      .then(
        (state) => setDoc({ step: 'registered', state }),
        // The form stays as it was: the clerk can choose the 密级 and try again.
        (error: unknown) => setNotice(t('overlay.error', { message: message(error) })),
      );
  };

  const markReturned = (recipient: string, event: MouseEvent) => {
    if (!event.isTrusted || doc.step !== 'registered') return;
    backend.markReturned(doc.state.document.id, recipient).then((state) => setDoc({ step: 'registered', state }), fail);
  };

  const registered = doc.step === 'registered' ? doc.state : null;
  const level = registered?.document.classification ?? draft?.classification;
  useEffect(() => props.onClassification?.(level), [level]);
  const period = registered?.document.classificationPeriod ?? draft?.classificationPeriod;
  const deadline = registered?.due?.date ?? registered?.document.deadline;
  const corner = `dt-${placement.corner}`;

  if (collapsed) {
    return (
      <button type="button" class={`dt-pill ${corner} ${isClassified(level) ? 'dt-pill-secret' : ''}`} onClick={() => setCollapsed(false)} aria-label={t('overlay.expand')}>
        <span class="dt-brand-pill">{t('appName')}</span> {pillSummary(doc, draft === null, rowCount, t)}
      </button>
    );
  }

  return (
    <section
      class={`dt-panel ${corner} ${isClassified(level) ? 'dt-panel-secret' : ''}`}
      role="region"
      aria-label={t('overlay.label')}
      onKeyDown={(e) => e.key === 'Escape' && !dialog && setCollapsed(true)}
    >
      <header class="dt-header">
        <span class="dt-brand">{t('appName')}</span>
        <span class="dt-kind">{t(`kind.${kind}`)}</span>
        {deadline && <DeadlineChip deadline={deadline} due={registered?.due} today={today} t={t} />}
        {props.onTeach && (
          <button type="button" class="dt-teach" onClick={(e) => e.isTrusted && props.onTeach?.()} title={t('overlay.teachHint')}>
            {t('overlay.teach')}
          </button>
        )}
        <button type="button" class="dt-collapse" onClick={() => setCollapsed(true)} aria-label={t('overlay.collapse')}>
          –
        </button>
      </header>
      {level && isClassified(level) && <ConfidentialityBanner level={level} period={period} t={t} />}
      {!draft ? (
        <div class="dt-body">
          <p class="dt-title">{t('overlay.listCount', { count: rowCount ?? 0 })}</p>
        </div>
      ) : (
        <div class="dt-body">
          {notice && (
            <p class="dt-notice" role="status">
              {notice}
            </p>
          )}
          {dialog?.type === 'handling' && <HandlingDialog request={dialog.request} registered={registered !== null} t={t} onDone={dialog.resolve} />}
          {dialog?.type === 'circulation' && (
            <CirculationDialog
              verb={dialog.request.verb}
              recipients={dialog.request.recipients}
              purpose={/转办|呈批|送办/.test(dialog.request.verb) ? 'handle' : 'read'}
              expectedReturn={defaultReturnDate(today, (registered?.document ?? draft).deadline, ['urgent', 'very-urgent', 'flash'].includes((registered?.document ?? draft).urgency ?? ''))}
              registered={registered !== null}
              t={t}
              onRecord={recordSend}
              onCancel={() => setDialog(null)}
            />
          )}
          {!dialog && <DocumentBody doc={doc} draft={draft} duplicate={duplicate} t={t} onRegister={register} onReturned={markReturned} onAddCirculation={(e) => e.isTrusted && setDialog({ type: 'circulation', request: { verb: t('circ.add'), recipients: [] } })} />}
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
  onReturned: (recipient: string, event: MouseEvent) => void;
  onAddCirculation: (event: MouseEvent) => void;
}

function DocumentBody({ doc, draft, duplicate, t, onRegister, onReturned, onAddCirculation }: DocumentBodyProps) {
  switch (doc.step) {
    case 'checking':
      return <p class="dt-status" role="status">{t('overlay.checking')}</p>;
    case 'error':
      return <p class="dt-status dt-error" role="alert">{t('overlay.error', { message: doc.message })}</p>;
    case 'registered': {
      const d = doc.state.document;
      return (
        <>
          <p class="dt-title">{d.title}</p>
          {duplicate && (
            <p class="dt-warn" role="alert">
              {t('form.duplicate', { docNumber: d.docNumber ?? '', issuer: d.issuer ?? '', registrationNo: d.registrationNo })}{' '}
              <a href={d.sourceUrl} target="_blank" rel="noopener noreferrer">
                {t('form.openExisting')}
              </a>
            </p>
          )}
          <p class="dt-status dt-ok" role="status">
            {t('overlay.registered')} <strong class="dt-regno">{d.registrationNo}</strong>
          </p>
          <dl class="dt-fields">
            {d.docNumber && <Field label={t('overlay.docNumber')} value={d.docNumber} />}
            <Field label={t('overlay.status')} value={t(`status.${d.status}`)} />
            {d.currentHolder && <Field label={t('overlay.holder')} value={d.currentHolder} />}
            {d.deadline && <Field label={t('overlay.deadline')} value={d.deadline} />}
          </dl>
          <CirculationList recipients={doc.state.circulation} t={t} onReturned={onReturned} onAdd={onAddCirculation} />
        </>
      );
    }
    default:
      return <RegistrationForm draft={draft} busy={doc.step === 'registering'} t={t} onRegister={onRegister} />;
  }
}

function pillSummary(doc: DocState, isList: boolean, rowCount: number | undefined, t: Translate): string {
  if (isList) return t('overlay.pillList', { count: rowCount ?? 0 });
  if (doc.step === 'registered') return doc.state.document.registrationNo;
  if (doc.step === 'unregistered') return t('overlay.notRegistered');
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
