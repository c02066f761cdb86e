import { useEffect, useState } from 'preact/hooks';
import type { WelcomeTranslate } from '@/utils/i18n/welcome';
import { messageOf, useEnv } from './dashboard/env';
import { PortalsSection } from './dashboard/PortalsSection';
import type { PortalsApi } from './dashboard/portals-api';

type Saving = { phase: 'idle' } | { phase: 'saved'; name: string; department: string } | { phase: 'failed'; message: string };

/** First run: what DocTrail does and does not intercept, then enable a portal, the clerk's name and department, the calendar. */
export function Welcome({ wt, portalsApi }: { wt: WelcomeTranslate; portalsApi?: PortalsApi }) {
  const { ask, t } = useEnv();
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const [coveredUntil, setCoveredUntil] = useState<number | null>(null);
  const [saving, setSaving] = useState<Saving>({ phase: 'idle' });

  useEffect(() => {
    ask({ type: 'settings.get' }).then(
      ({ settings, calendar }) => {
        setName(settings.clerkName);
        setDepartment(settings.department);
        setCoveredUntil(calendar.coveredUntil);
      },
      () => undefined,
    );
  }, [ask]);

  const save = (e: Event) => {
    e.preventDefault();
    ask({ type: 'settings.update', patch: { clerkName: name, department } }).then(
      (saved) => setSaving({ phase: 'saved', name: saved.clerkName, department: saved.department }),
      (error: unknown) => setSaving({ phase: 'failed', message: messageOf(error) }),
    );
  };

  return (
    <main class="dashboard welcome" data-testid="welcome">
      <h1>{wt('welcome.title')}</h1>
      <p class="lead">{wt('welcome.lead')}</p>
      <div class="welcome-columns">
        <section>
          <h2>{wt('welcome.does')}</h2>
          <ul>
            <li>{wt('welcome.does.1')}</li>
            <li>{wt('welcome.does.2')}</li>
            <li>{wt('welcome.does.3')}</li>
          </ul>
        </section>
        <section>
          <h2>{wt('welcome.doesNot')}</h2>
          <ul>
            <li>{wt('welcome.doesNot.1')}</li>
            <li>{wt('welcome.doesNot.2')}</li>
            <li>{wt('welcome.doesNot.3')}</li>
          </ul>
        </section>
      </div>
      <section class="welcome-step">
        <h2>{wt('welcome.step.portal')}</h2>
        <p class="muted">{wt('welcome.step.portalHelp')}</p>
        <PortalsSection api={portalsApi} />
      </section>
      <section class="welcome-step">
        <h2>{wt('welcome.step.clerk')}</h2>
        <p class="muted">{wt('welcome.step.clerkHelp')}</p>
        <form class="settings-form" onSubmit={save} data-testid="welcome-clerk">
          <label>
            {t('settings.clerkName')}
            <input name="clerkName" maxLength={50} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            {t('settings.department')}
            <input name="department" maxLength={100} value={department} onInput={(e) => setDepartment(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary">{t('settings.save')}</button>
          {saving.phase === 'saved' && <p class="ok" role="status">{wt('welcome.saved', { name: saving.name || '—', department: saving.department || '—' })}</p>}
          {saving.phase === 'failed' && <p class="error" role="alert">{t('settings.error', { message: saving.message })}</p>}
        </form>
      </section>
      <section class="welcome-step">
        <h2>{wt('welcome.step.calendar')}</h2>
        {coveredUntil !== null && <p data-testid="welcome-calendar">{wt('welcome.step.calendarHelp', { year: coveredUntil })}</p>}
      </section>
      <p class="muted">{wt('welcome.shortcut')}</p>
      <p class="welcome-links">
        <a class="primary-link" href="/options.html#/">{wt('welcome.openRegister')}</a>
        <a href="/options.html#/settings">{wt('welcome.openSettings')}</a>
      </p>
    </main>
  );
}
