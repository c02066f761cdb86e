import { useEffect, useState } from 'preact/hooks';
import { toIsoDate } from '@/utils/deadlines/local-date';
import type { Request, ResponseData } from '@/utils/messaging/protocol';
import { messageOf, useEnv } from './env';
import { formatTime } from './format';

type Until = Extract<Request, { type: 'reminder.snooze' }>['until'];
type Reminder = ResponseData<'reminder.snooze'>;

/** Puts the document's reminder to sleep: for an hour, until tomorrow, or until a chosen date. */
export function SnoozeControl({ docId, reminder }: { docId: string; reminder: Reminder | null }) {
  const { ask, t, now } = useEnv();
  const [state, setState] = useState(reminder);
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setState(reminder), [reminder]);
  const snoozedUntil = state?.snoozedUntil;

  const snooze = async (until: Until) => {
    setBusy(true);
    setError(null);
    try {
      setState(await ask({ type: 'reminder.snooze', docId, until }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="snooze" data-testid="snooze">
      <h2>{t('snooze.heading')}</h2>
      {snoozedUntil !== undefined && snoozedUntil > now().getTime() && (
        <p class="snoozed" data-testid="snoozed-until">{t('snooze.until', { time: formatTime(snoozedUntil) })}</p>
      )}
      <div class="snooze-buttons" role="group" aria-label={t('snooze.label')}>
        <button type="button" disabled={busy} onClick={() => void snooze({ kind: 'hour' })}>{t('snooze.hour')}</button>
        <button type="button" disabled={busy} onClick={() => void snooze({ kind: 'tomorrow' })}>{t('snooze.tomorrow')}</button>
        <form
          class="snooze-date"
          onSubmit={(e) => {
            e.preventDefault();
            if (date) void snooze({ kind: 'date', date });
          }}
        >
          <label>
            {t('snooze.date')}
            <input type="date" name="snoozeDate" min={toIsoDate(now())} value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy || !date}>{t('snooze.apply')}</button>
        </form>
      </div>
      {error && <p class="error" role="alert">{t('error.background', { message: error })}</p>}
    </section>
  );
}
