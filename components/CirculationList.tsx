import { useState } from 'preact/hooks';
import type { RecipientState } from '@/utils/documents/circulation';
import { toIsoDate } from '@/utils/deadlines/local-date';
import type { Translate } from '@/utils/i18n';

export interface CirculationListProps {
  recipients: RecipientState[];
  t: Translate;
  onReturned: (recipient: string, event: MouseEvent) => void;
  onAdd: (event: MouseEvent) => void;
}

/** Who has the document, who gave it back: a circulation is complete only when everyone has (不得漏传、延误). */
export function CirculationList({ recipients, t, onReturned, onAdd }: CirculationListProps) {
  const outstanding = recipients.filter((r) => r.returnedAt === undefined);
  /** 收回 is recorded only once the clerk confirms who gave it back (as the dashboard asks). */
  const [asking, setAsking] = useState<string | null>(null);
  return (
    <section class="dt-circ" aria-label={t('circ.heading')}>
      <div class="dt-circ-head">
        <strong>{t('circ.heading')}</strong>
        <span class={outstanding.length ? 'dt-warn' : 'dt-ok'}>
          {recipients.length === 0 ? t('circ.none') : outstanding.length ? t('circ.outstanding', { count: outstanding.length }) : t('circ.complete')}
        </span>
        <button type="button" class="dt-link" onClick={onAdd}>
          {t('circ.add')}
        </button>
      </div>
      <ul class="dt-circ-list">
        {recipients.map((r) => (
          <li key={`${r.recipient}-${r.sentAt}`} class={r.returnedAt === undefined ? 'dt-out' : 'dt-back'}>
            <span class="dt-who">{r.recipient}</span>
            <span class="dt-purpose">{t(`circ.purpose.${r.purpose}`)}</span>
            <span class="dt-when">
              {r.returnedAt !== undefined
                ? t('circ.returnedAt', { date: toIsoDate(new Date(r.returnedAt)) })
                : r.expectedReturn
                  ? t('circ.due', { date: r.expectedReturn })
                  : ''}
            </span>
            {r.returnedAt === undefined && asking !== r.recipient && (
              <button type="button" class="dt-secondary dt-small" onClick={() => setAsking(r.recipient)}>
                {t('circ.markReturned')}
              </button>
            )}
            {asking === r.recipient && (
              <span class="dt-confirm" role="group">
                {t('circ.confirmReturn', { name: r.recipient })}
                <button type="button" class="dt-primary dt-small" onClick={(e) => (setAsking(null), onReturned(r.recipient, e))}>
                  {t('circ.confirm')}
                </button>
                <button type="button" class="dt-secondary dt-small" onClick={() => setAsking(null)}>
                  {t('dialog.cancel')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
