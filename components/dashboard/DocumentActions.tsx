import { useState } from 'preact/hooks';
import type { DocumentStatus } from '@/utils/documents/document-schema';
import { canTransition, CLOSING_TRANSITIONS, type ClosingTransition } from '@/utils/register/life-cycle';
import { ClosingForm, type ClosingInput } from './ClosingForm';
import { messageOf, useEnv } from './env';

export interface DocumentActionsProps {
  docId: string;
  status: DocumentStatus;
  onChanged: () => void;
  /** Who still holds the document (sent, not returned): 办结 waits for them, and the page says so. */
  holders?: readonly string[];
}

/** 办结 / 归档 / 清退 / 销毁 — only those the life cycle allows from the current status, each confirmed inline. */
export function DocumentActions({ docId, status, onChanged, holders = [] }: DocumentActionsProps) {
  const { ask, t } = useEnv();
  const [chosen, setChosen] = useState<ClosingTransition | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allowed = CLOSING_TRANSITIONS.filter((to) => canTransition(status, to));

  const close = async (to: ClosingTransition, input: ClosingInput) => {
    setBusy(true);
    setError(null);
    try {
      await ask({ type: 'document.close', docId, to, ...input });
      setChosen(null);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="actions" data-testid="document-actions">
      <h2>{t('action.heading')}</h2>
      {allowed.length === 0 && !holders.length && <p class="muted">{t('action.none')}</p>}
      {!allowed.includes('completed') && holders.length > 0 && (
        <p class="notice" data-testid="complete-blocked">
          {t('action.completeBlocked', { holders: holders.join(t('list.separator')) })}
        </p>
      )}
      <div class="action-buttons">
        {allowed.map((to) => (
          <button
            key={to}
            type="button"
            class={to === 'destroyed' ? 'danger' : undefined}
            data-action={to}
            aria-expanded={chosen === to}
            onClick={() => {
              setChosen(chosen === to ? null : to);
              setError(null);
            }}
          >
            {t(`action.${to}`)}
          </button>
        ))}
      </div>
      {chosen && <ClosingForm key={chosen} to={chosen} busy={busy} onConfirm={(input) => void close(chosen, input)} onCancel={() => setChosen(null)} />}
      {error && <p class="error" role="alert">{t('error.background', { message: error })}</p>}
    </section>
  );
}
