import { useEffect, useState } from 'preact/hooks';
import type { PopupTranslate as Translate } from '@/utils/i18n/popup';

/** The current tab's site as the popup sees it (through activeTab: only when the clerk opened the popup there). */
export type PortalState =
  | { state: 'unavailable' }
  | { state: 'enabled' | 'disabled' | 'pre-enabled'; origin: string; tabId: number };

/** What the popup does about the current tab's site (entrypoints/popup/main.tsx gives the real one). */
export interface PopupPortalApi {
  current(): Promise<PortalState>;
  /** Must run inside the click: the browser shows its permission prompt only for a user gesture. */
  enable(origin: string): Promise<boolean>;
  disable(origin: string): Promise<boolean>;
  teach(tabId: number): Promise<void>;
  openSettings(): void;
}

type Status = { phase: 'idle' } | { phase: 'enabled-now' } | { phase: 'error'; message: string };

export function PopupPortal({ api, t }: { api: PopupPortalApi; t: Translate }) {
  const [portal, setPortal] = useState<PortalState | null>(null);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const refresh = () => api.current().then(setPortal, () => setPortal({ state: 'unavailable' }));
  useEffect(() => void refresh(), [api]);
  if (!portal) return null;

  const fail = (error: unknown) => setStatus({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
  const enable = () => {
    if (portal.state === 'unavailable') return;
    // Called straight from the click: no await before the request.
    api.enable(portal.origin).then((granted) => {
      if (granted) setStatus({ phase: 'enabled-now' });
      return refresh();
    }, fail);
  };
  const disable = () => {
    if (portal.state === 'unavailable') return;
    api.disable(portal.origin).then(() => {
      setStatus({ phase: 'idle' });
      return refresh();
    }, fail);
  };
  const teach = () => {
    if (portal.state === 'unavailable') return;
    api.teach(portal.tabId).then(
      () => window.close(),
      (error: unknown) => setStatus({ phase: 'error', message: t('popup.teachFailed', { message: error instanceof Error ? error.message : String(error) }) }),
    );
  };

  const origin = portal.state === 'unavailable' ? '' : portal.origin.replace(/^\*:\/\//, '').replace(/\/\*$/, '');
  return (
    <section class="portal" data-testid="popup-portal" data-state={portal.state}>
      <h2>{t('popup.portal')}</h2>
      {portal.state === 'unavailable' && <p class="muted">{t('popup.portalUnavailable')}</p>}
      {portal.state !== 'unavailable' && (
        <>
          <p class={portal.state === 'disabled' ? 'muted' : 'ok'}>
            <span class="origin">{origin}</span>{' '}
            {t(portal.state === 'enabled' ? 'popup.portalEnabled' : portal.state === 'pre-enabled' ? 'popup.portalPreEnabled' : 'popup.portalDisabled')}
          </p>
          <div class="actions">
            {portal.state === 'disabled' && (
              <button type="button" class="primary" onClick={enable}>
                {t('popup.enable')}
              </button>
            )}
            {portal.state !== 'disabled' && (
              <button type="button" class="primary" onClick={teach}>
                {t('popup.teach')}
              </button>
            )}
            {portal.state === 'enabled' && (
              <button type="button" onClick={disable}>
                {t('popup.disable')}
              </button>
            )}
          </div>
          {portal.state === 'disabled' && <p class="muted hint">{t('popup.enableHint', { origin })}</p>}
        </>
      )}
      {status.phase === 'enabled-now' && <p class="ok" role="status">{t('popup.reloadHint')}</p>}
      {status.phase === 'error' && <p class="error" role="alert">{status.message}</p>}
      <button type="button" class="link" onClick={() => api.openSettings()}>
        {t('popup.settings')}
      </button>
    </section>
  );
}
