import { useEffect, useState } from 'preact/hooks';
import type { ResponseData } from '@/utils/messaging/protocol';
import type { PopupTranslate } from '@/utils/i18n/popup';
import { calendarReminderYear, dismissCalendarReminder, readCalendarReminderDismissal } from '@/utils/deadlines/calendar-reminder';
import { PopupPortal, type PopupPortalApi } from './PopupPortal';
import { SETTINGS_HASH } from './dashboard/route';

type Summary = ResponseData<'register.summary'>;

export interface PopupProps {
  loadSummary: () => Promise<Summary>;
  t: PopupTranslate;
  /** The current tab's site: enable or disable DocTrail there, teach it the page. */
  portal?: PopupPortalApi;
  /** Opens the dashboard at a hash (`#/`, `#/?status=open`, `#/doc/<id>`) and closes the popup. */
  openDashboard: (hash: string) => void;
  /** Whether DocTrail runs on any portal yet (an empty register then says to enable one first). */
  anyPortal?: () => Promise<boolean>;
  /** The yearly reminder to import next year's holiday arrangement (the dashboard's rule, its dismissal shared). */
  calendar?: PopupCalendar;
}

export interface PopupCalendar {
  /** The last year of the holiday arrangement in force. */
  coveredUntil: () => Promise<number>;
  now: () => Date;
  /** Where 知道了 is remembered: the extension pages' localStorage, which the dashboard reads too. */
  store: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The register at a glance: counts that open the matching list, the latest rows, a search and 打开台账. */
export function Popup({ loadSummary, t, portal, openDashboard, anyPortal, calendar }: PopupProps) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enabledSomewhere, setEnabledSomewhere] = useState(true);
  const [query, setQuery] = useState('');

  useEffect(() => {
    loadSummary()
      .then(setSummary)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    anyPortal?.().then(setEnabledSomewhere, () => undefined);
  }, [loadSummary]);

  const search = (e: Event) => {
    e.preventDefault();
    const text = query.trim().slice(0, 100);
    openDashboard(text ? `#/?q=${encodeURIComponent(text)}` : '#/');
  };

  return (
    <main class="popup">
      <div class="head">
        <h1>{t('popup.title')}</h1>
        <button type="button" class="primary" data-testid="open-register" onClick={() => openDashboard('#/')}>
          {t('popup.openRegister')}
        </button>
      </div>
      {calendar && <CalendarReminder calendar={calendar} t={t} onImport={() => openDashboard(SETTINGS_HASH)} />}
      {portal && <PopupPortal api={portal} t={t} />}
      <form class="search" role="search" onSubmit={search}>
        <input
          type="search"
          aria-label={t('popup.search')}
          placeholder={t('popup.searchPlaceholder')}
          maxLength={100}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          data-testid="popup-search"
        />
      </form>
      {error && <p class="error" role="alert">{t('popup.error', { message: error })}</p>}
      {!error && !summary && <p class="muted">{t('popup.loading')}</p>}
      {summary && (
        <>
          <div class="counts">
            <Count label={t('popup.inProgress')} value={summary.inProgress} testId="count-in-progress" hint={t('popup.countHint', { label: t('popup.inProgress') })} onOpen={() => openDashboard('#/?status=open')} />
            <Count
              label={t('popup.overdue')}
              value={summary.overdue}
              testId="count-overdue"
              alert={summary.overdue > 0}
              hint={t('popup.countHint', { label: t('popup.overdue') })}
              onOpen={() => openDashboard('#/?status=open&overdue=1')}
            />
          </div>
          <h2>{t('popup.latest')}</h2>
          {summary.latest.length === 0 ? (
            <p class="muted empty" data-testid="popup-empty">{t(enabledSomewhere ? 'popup.empty' : 'popup.emptyNoPortal')}</p>
          ) : (
            <ul class="latest">
              {summary.latest.map((doc) => (
                <li key={doc.id}>
                  <button type="button" class="row" data-testid="popup-row" title={t('popup.openDocument', { registrationNo: doc.registrationNo })} onClick={() => openDashboard(`#/doc/${encodeURIComponent(doc.id)}`)}>
                    <span class="regno">{doc.registrationNo}</span>
                    <span class="title">{doc.title}</span>
                    <span class="meta">
                      {[doc.docNumber, doc.classification && doc.classification !== 'none' ? t(`classification.${doc.classification}`) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

function Count(props: { label: string; value: number; testId: string; hint: string; onOpen: () => void; alert?: boolean }) {
  return (
    <button type="button" class={props.alert ? 'count alert' : 'count'} data-testid={props.testId} title={props.hint} onClick={props.onOpen}>
      <span class="value">{props.value}</span>
      <span class="label">{props.label}</span>
    </button>
  );
}

/** From 1 November, until next year's arrangement is imported: once a day, as in the dashboard. */
function CalendarReminder({ calendar, t, onImport }: { calendar: PopupCalendar; t: PopupTranslate; onImport: () => void }) {
  const [covered, setCovered] = useState<number | undefined>();
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    calendar.coveredUntil().then(setCovered, () => undefined);
  }, [calendar]);
  const today = calendar.now();
  const year = hidden ? undefined : calendarReminderYear(today, covered, readCalendarReminderDismissal(calendar.store));
  if (year === undefined) return null;
  return (
    <div class="calendar-reminder" role="status" data-testid="popup-calendar-reminder">
      <p>{t('popup.calendarNextYear', { year })}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="popup-calendar-import" onClick={onImport}>
          {t('popup.calendarImport')}
        </button>
        <button
          type="button"
          data-testid="popup-calendar-dismiss"
          onClick={() => {
            dismissCalendarReminder(calendar.store, today);
            setHidden(true);
          }}
        >
          {t('popup.calendarDismiss')}
        </button>
      </div>
    </div>
  );
}
