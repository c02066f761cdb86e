import { useEffect, useState } from 'preact/hooks';
import type { ResponseData } from '@/utils/messaging/protocol';
import type { Translate } from '@/utils/i18n';
import { PopupPortal, type PopupPortalApi } from './PopupPortal';

type Summary = ResponseData<'register.summary'>;

export interface PopupProps {
  loadSummary: () => Promise<Summary>;
  t: Translate;
  /** The current tab's site: enable or disable DocTrail there, teach it the page. */
  portal?: PopupPortalApi;
}

export function Popup({ loadSummary, t, portal }: PopupProps) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadSummary()
      .then(setSummary)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [loadSummary]);

  return (
    <main class="popup">
      <h1>{t('popup.title')}</h1>
      {portal && <PopupPortal api={portal} t={t} />}
      {error && <p class="error" role="alert">{t('popup.error', { message: error })}</p>}
      {!error && !summary && <p class="muted">{t('popup.loading')}</p>}
      {summary && (
        <>
          <div class="counts">
            <Count label={t('popup.inProgress')} value={summary.inProgress} testId="count-in-progress" />
            <Count label={t('popup.overdue')} value={summary.overdue} testId="count-overdue" alert={summary.overdue > 0} />
          </div>
          <h2>{t('popup.latest')}</h2>
          {summary.latest.length === 0 ? (
            <p class="muted">{t('popup.empty')}</p>
          ) : (
            <ul class="latest">
              {summary.latest.map((doc) => (
                <li key={doc.id}>
                  <span class="regno">{doc.registrationNo}</span>
                  <span class="title" title={doc.title}>{doc.title}</span>
                  <span class="meta">
                    {[doc.docNumber, doc.classification && doc.classification !== 'none' ? t(`classification.${doc.classification}`) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

function Count({ label, value, testId, alert = false }: { label: string; value: number; testId: string; alert?: boolean }) {
  return (
    <div class={alert ? 'count alert' : 'count'} data-testid={testId}>
      <span class="value">{value}</span>
      <span class="label">{label}</span>
    </div>
  );
}
