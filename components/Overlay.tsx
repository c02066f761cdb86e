import { useEffect, useState } from 'preact/hooks';
import type { DocumentDraft, DocumentRecord } from '@/utils/document-schema';
import type { PageKind } from '@/utils/page-analysis/analyze-page';
import type { Placement } from '@/utils/overlay-placement';
import type { Translate } from '@/utils/i18n';

export interface OverlayBackend {
  lookup(draft: DocumentDraft): Promise<DocumentRecord | null>;
  register(draft: DocumentDraft): Promise<DocumentRecord>;
}

export interface OverlayProps {
  kind: Exclude<PageKind, 'none'>;
  draft: DocumentDraft | null;
  rowCount?: number;
  placement: Placement;
  backend: OverlayBackend;
  t: Translate;
}

type State =
  | { step: 'checking' }
  | { step: 'unregistered' }
  | { step: 'registering' }
  | { step: 'registered'; document: DocumentRecord }
  | { step: 'error'; message: string };

export function Overlay({ kind, draft, rowCount, placement, backend, t }: OverlayProps) {
  const [collapsed, setCollapsed] = useState(placement.startCollapsed);
  const corner = `dt-${placement.corner}`;
  const [state, setState] = useState<State>(draft ? { step: 'checking' } : { step: 'unregistered' });

  useEffect(() => {
    if (!draft) return;
    backend
      .lookup(draft)
      .then((document) => setState(document ? { step: 'registered', document } : { step: 'unregistered' }))
      .catch((error: unknown) => setState({ step: 'error', message: String((error as Error).message ?? error) }));
  }, [draft, backend]);

  const register = (event: MouseEvent) => {
    // Only a real click by the clerk may write; a script on the page cannot fake `isTrusted`.
    if (!event.isTrusted || !draft) return;
    setState({ step: 'registering' });
    backend
      .register(draft)
      .then((document) => setState({ step: 'registered', document }))
      .catch((error: unknown) => setState({ step: 'error', message: String((error as Error).message ?? error) }));
  };

  if (collapsed) {
    return (
      <button type="button" class={`dt-pill ${corner}`} onClick={() => setCollapsed(false)} aria-label={t('overlay.expand')}>
        <span class="dt-brand-pill">{t('appName')}</span> {pillSummary(state, draft === null, rowCount, t)}
      </button>
    );
  }

  return (
    <section
      class={`dt-panel ${corner}`}
      role="region"
      aria-label={t('overlay.label')}
      onKeyDown={(e) => e.key === 'Escape' && setCollapsed(true)}
    >
      <header class="dt-header">
        <span class="dt-brand">{t('appName')}</span>
        <span class="dt-kind">{t(`kind.${kind}`)}</span>
        <button type="button" class="dt-collapse" onClick={() => setCollapsed(true)} aria-label={t('overlay.collapse')}>
          –
        </button>
      </header>
      {draft ? (
        <div class="dt-body">
          <p class="dt-title">{draft.title || t('overlay.untitled')}</p>
          <dl class="dt-fields">
            {draft.docNumber && <Field label={t('overlay.docNumber')} value={draft.docNumber} />}
            {draft.issuer && <Field label={t('overlay.issuer')} value={draft.issuer} />}
            {draft.deadline && <Field label={t('overlay.deadline')} value={draft.deadline} />}
          </dl>
          <Status state={state} t={t} onRegister={register} />
        </div>
      ) : (
        <div class="dt-body">
          <p class="dt-title">{t('overlay.listCount', { count: rowCount ?? 0 })}</p>
        </div>
      )}
    </section>
  );
}

function pillSummary(state: State, isList: boolean, rowCount: number | undefined, t: Translate): string {
  if (isList) return t('overlay.pillList', { count: rowCount ?? 0 });
  if (state.step === 'registered') return state.document.registrationNo;
  if (state.step === 'unregistered') return t('overlay.notRegistered');
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

function Status({ state, t, onRegister }: { state: State; t: Translate; onRegister: (e: MouseEvent) => void }) {
  switch (state.step) {
    case 'checking':
      return <p class="dt-status" role="status">{t('overlay.checking')}</p>;
    case 'registered':
      return (
        <p class="dt-status dt-ok" role="status">
          {t('overlay.registered')} <strong class="dt-regno">{state.document.registrationNo}</strong>
        </p>
      );
    case 'error':
      return <p class="dt-status dt-error" role="alert">{t('overlay.error', { message: state.message })}</p>;
    default:
      return (
        <div class="dt-actions">
          <span class="dt-status">{t('overlay.notRegistered')}</span>
          <button type="button" class="dt-primary" disabled={state.step === 'registering'} onClick={onRegister}>
            {state.step === 'registering' ? t('overlay.registering') : t('overlay.register')}
          </button>
        </div>
      );
  }
}
