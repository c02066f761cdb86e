import { useState } from 'preact/hooks';
import type { ResponseData } from '@/utils/messaging/protocol';
import { messageOf, useEnv } from './env';

type CalendarInfo = ResponseData<'calendar.import'>;
type Status = { phase: 'idle' } | { phase: 'importing' } | { phase: 'done' } | { phase: 'failed'; message: string };

/** How far the holiday calendar reaches, and the import of a newer chinese-days JSON file. */
export function CalendarSection({ initial }: { initial: CalendarInfo }) {
  const { ask, t } = useEnv();
  const [info, setInfo] = useState(initial);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });

  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ phase: 'importing' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      setStatus({ phase: 'failed', message: t('calendar.notJson', { message: messageOf(error) }) });
      return;
    } finally {
      input.value = '';
    }
    try {
      setInfo(await ask({ type: 'calendar.import', file: parsed }));
      setStatus({ phase: 'done' });
    } catch (error) {
      setStatus({ phase: 'failed', message: messageOf(error) });
    }
  };

  return (
    <section class="calendar" data-testid="calendar-section">
      <h2>{t('calendar.heading')}</h2>
      <p data-testid="calendar-covered">{t('calendar.coveredUntil', { year: info.coveredUntil })}</p>
      <p class="muted">
        {info.importedYears.length ? t('calendar.importedYears', { years: info.importedYears.join(t('list.separator')) }) : t('calendar.builtIn')}
      </p>
      <label class="file">
        {t('calendar.import')}
        <input
          type="file"
          name="calendarFile"
          accept=".json,application/json"
          disabled={status.phase === 'importing'}
          onChange={(e) => void load(e.currentTarget)}
        />
      </label>
      {status.phase === 'importing' && <p class="muted">{t('calendar.importing')}</p>}
      {status.phase === 'done' && <p class="ok" role="status">{t('calendar.done', { year: info.coveredUntil })}</p>}
      {status.phase === 'failed' && <p class="error" role="alert">{t('calendar.error', { message: status.message })}</p>}
    </section>
  );
}
