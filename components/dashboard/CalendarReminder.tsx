import { useState } from 'preact/hooks';
import { useEnv } from './env';
import { useCoveredUntil } from './calendar-coverage';
import { SETTINGS_HASH } from './route';

const DISMISSED = 'doctrail.calendarReminderDismissed';

/**
 * From 1 November the State Council has (or soon will have) published next year's arrangement: until it is imported, the
 * dashboard says so once a day (知道了 hides it until tomorrow).
 */
export function CalendarReminder() {
  const { t, now, navigate } = useEnv();
  const covered = useCoveredUntil();
  const today = now();
  const next = today.getFullYear() + 1;
  const day = today.toISOString().slice(0, 10);
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(DISMISSED) === day);
  if (covered === undefined || today.getMonth() < 10 || covered >= next || dismissed) return null;
  return (
    <p class="calendar-reminder" role="status" data-testid="calendar-reminder">
      {t('calendar.nextYear', { year: next })}{' '}
      <button type="button" onClick={() => navigate(SETTINGS_HASH)}>
        {t('calendar.goImport')}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          localStorage.setItem(DISMISSED, day);
          setDismissed(true);
        }}
      >
        {t('calendar.dismiss')}
      </button>
    </p>
  );
}
