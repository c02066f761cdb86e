import { useState } from 'preact/hooks';
import { calendarReminderYear, dismissCalendarReminder, readCalendarReminderDismissal } from '@/utils/deadlines/calendar-reminder';
import { useEnv } from './env';
import { useCoveredUntil } from './calendar-coverage';
import { SETTINGS_HASH } from './route';

/**
 * From 1 November the State Council has (or soon will have) published next year's arrangement: until it is imported, the
 * dashboard says so once a day (知道了 hides it until tomorrow, here and in the toolbar popup: the rule is
 * utils/deadlines/calendar-reminder.ts, shared with the popup).
 */
export function CalendarReminder() {
  const { t, now, navigate } = useEnv();
  const covered = useCoveredUntil();
  const today = now();
  const [hidden, setHidden] = useState(false);
  const year = hidden ? undefined : calendarReminderYear(today, covered, readCalendarReminderDismissal(localStorage));
  if (year === undefined) return null;
  return (
    <p class="calendar-reminder" role="status" data-testid="calendar-reminder">
      {t('calendar.nextYear', { year })}{' '}
      <button type="button" onClick={() => navigate(SETTINGS_HASH)}>
        {t('calendar.goImport')}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          dismissCalendarReminder(localStorage, today);
          setHidden(true);
        }}
      >
        {t('calendar.dismiss')}
      </button>
    </p>
  );
}
