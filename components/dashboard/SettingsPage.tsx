import { useEffect, useState } from 'preact/hooks';
import type { ResponseData } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/register/settings';
import { CalendarSection } from './CalendarSection';
import { messageOf, useEnv } from './env';
import { PortalsSection } from './PortalsSection';
import { ProfilesSection } from './ProfilesSection';
import { SettingsForm } from './SettingsForm';

type Loaded = ResponseData<'settings.get'>;

export function SettingsPage({ onSaved }: { onSaved: (settings: Settings) => void }) {
  const { ask, t } = useEnv();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    ask({ type: 'settings.get' })
      .then((data) => live && setLoaded(data))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [ask]);

  return (
    <section class="settings-page">
      <h1>{t('settings.heading')}</h1>
      {error && <p class="error" role="alert">{t('settings.loadError', { message: error })}</p>}
      {!loaded && !error && <p class="muted">{t('loading')}</p>}
      {loaded && (
        <>
          <SettingsForm initial={loaded.settings} onSaved={onSaved} />
          <CalendarSection initial={loaded.calendar} />
          <PortalsSection />
          <ProfilesSection />
        </>
      )}
    </section>
  );
}
