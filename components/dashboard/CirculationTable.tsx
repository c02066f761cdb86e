import { useState } from 'preact/hooks';
import { toIsoDate } from '@/utils/deadlines/local-date';
import type { DocumentStateData } from '@/utils/messaging/protocol';
import { messageOf, useEnv } from './env';
import { formatTime } from './format';

type Recipient = DocumentStateData['circulation'][number];

export interface CirculationTableProps {
  docId: string;
  circulation: Recipient[];
  onChanged: () => void;
}

/** Who the document went to and whether it came back; 收回 for each recipient who still has it. */
export function CirculationTable({ docId, circulation, onChanged }: CirculationTableProps) {
  const { ask, t, now } = useEnv();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = toIsoDate(now());

  const markReturned = async (recipient: string) => {
    setBusy(true);
    setError(null);
    try {
      await ask({ type: 'circulation.return', docId, recipient });
      setConfirming(null);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="circulation" data-testid="circulation">
      <h2>{t('circ.heading')}</h2>
      {error && <p class="error" role="alert">{t('error.background', { message: error })}</p>}
      {circulation.length === 0 ? (
        <p class="muted">{t('circ.none')}</p>
      ) : (
        <table class="circ-table">
          <thead>
            <tr>
              <th scope="col">{t('circ.recipient')}</th>
              <th scope="col">{t('circ.purpose')}</th>
              <th scope="col">{t('circ.sentAt')}</th>
              <th scope="col">{t('circ.expectedReturn')}</th>
              <th scope="col">{t('circ.returnedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {circulation.map((r, index) => {
              const late = lateness(r, today);
              return (
                <tr key={index} class={late || undefined} data-testid="circulation-row">
                  <td>{r.recipient}</td>
                  <td>{t(`purpose.${r.purpose}`)}</td>
                  <td>{formatTime(r.sentAt)}</td>
                  <td>{r.expectedReturn ?? '—'}</td>
                  <td>
                    {r.returnedAt !== undefined ? (
                      formatTime(r.returnedAt)
                    ) : confirming === index ? (
                      <span class="inline-confirm">
                        {t('circ.confirmReturn', { recipient: r.recipient })}
                        <button type="button" class="primary" disabled={busy} onClick={() => void markReturned(r.recipient)}>
                          {busy ? t('action.busy') : t('action.confirm')}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>{t('action.cancel')}</button>
                      </span>
                    ) : (
                      <>
                        <span class="not-returned">
                          {late === 'late' ? t('circ.overdue') : late === 'due' ? t('circ.dueToday') : t('circ.notReturned')}
                        </span>
                        <button type="button" class="return" onClick={() => setConfirming(index)}>{t('circ.return')}</button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** An outstanding recipient past the return date is `late` (red), on the day itself `due` (amber). */
function lateness(r: Recipient, today: string): 'late' | 'due' | '' {
  if (r.returnedAt !== undefined || !r.expectedReturn) return '';
  return r.expectedReturn < today ? 'late' : r.expectedReturn === today ? 'due' : '';
}
