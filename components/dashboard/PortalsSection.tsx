import { useEffect, useState } from 'preact/hooks';
import { originPattern } from '@/utils/portals';
import { messageOf, useEnv } from './env';
import { browserPortalsApi, type PortalsApi } from './portals-api';

type Status = { phase: 'idle' } | { phase: 'added'; origin: string } | { phase: 'refused'; origin: string } | { phase: 'failed'; message: string };

const shown = (pattern: string) => pattern.replace(/^\*:\/\//, '').replace(/\/\*$/, '');

/** 门户: the sites DocTrail runs on. Adding one asks the browser for that origin (nothing else); removing gives it back. */
export function PortalsSection({ api = browserPortalsApi }: { api?: PortalsApi }) {
  const { t } = useEnv();
  const [portals, setPortals] = useState<{ origins: string[]; declared: string[] } | null>(null);
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = () =>
    api.list().then(
      (list) => {
        setPortals(list);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(messageOf(error)),
    );
  useEffect(() => {
    void refresh();
    try {
      return api.onChange(() => void refresh());
    } catch {
      return undefined;
    }
  }, [api]);

  const pattern = originPattern(address);
  const add = (event: Event) => {
    event.preventDefault();
    if (!pattern) return setStatus({ phase: 'failed', message: t('portals.invalid', { address: address.trim() }) });
    // Straight from the click (no await before it): the browser shows its prompt only for a user gesture.
    api.request(pattern).then(
      (granted) => {
        setStatus(granted ? { phase: 'added', origin: pattern } : { phase: 'refused', origin: pattern });
        if (granted) setAddress('');
        return refresh();
      },
      (error: unknown) => setStatus({ phase: 'failed', message: messageOf(error) }),
    );
  };
  const remove = (origin: string) =>
    api.remove(origin).then(
      () => refresh(),
      (error: unknown) => setStatus({ phase: 'failed', message: messageOf(error) }),
    );

  return (
    <section class="portals" data-testid="portals-section">
      <h2>{t('portals.heading')}</h2>
      <p class="muted">{t('portals.intro')}</p>
      {loadError && <p class="error" role="alert">{t('portals.loadError', { message: loadError })}</p>}
      {portals && portals.origins.length === 0 && <p class="muted" data-testid="portals-none">{t('portals.none')}</p>}
      {portals && portals.origins.length > 0 && (
        <ul class="portal-list">
          {portals.origins.map((origin) => {
            const preset = portals.declared.includes(origin);
            return (
              <li key={origin} data-origin={origin}>
                <span class="origin">{shown(origin)}</span>
                <code class="muted">{origin}</code>
                {preset ? (
                  <span class="badge">{t('portals.preEnabled')}</span>
                ) : (
                  <button type="button" onClick={() => void remove(origin)}>
                    {t('portals.disable')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form class="portal-add" onSubmit={add}>
        <label>
          {t('portals.address')}
          <input name="portalAddress" value={address} placeholder="oa.example.gov.cn" onInput={(e) => setAddress(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('portals.enable')}</button>
        {address.trim() && <span class={pattern ? 'muted' : 'error'}>{pattern ? t('portals.willAsk', { pattern }) : t('portals.invalid', { address: address.trim() })}</span>}
      </form>
      {status.phase === 'added' && <p class="ok" role="status">{t('portals.added', { origin: shown(status.origin) })}</p>}
      {status.phase === 'refused' && <p class="error" role="alert">{t('portals.refused', { origin: shown(status.origin) })}</p>}
      {status.phase === 'failed' && <p class="error" role="alert">{status.message}</p>}
    </section>
  );
}
