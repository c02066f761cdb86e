import '@/components/dashboard.css';
import { render } from 'preact';
import { EnvContext, type DashboardEnv } from '@/components/dashboard/env';
import { Welcome } from '@/components/Welcome';
import { ask } from '@/utils/messaging/background-client';
import { resolveLanguage } from '@/utils/i18n';
import { createDashboardTranslator } from '@/utils/i18n/dashboard';
import { createPrintTranslator } from '@/utils/i18n/print';
import { createLedgerTranslator } from '@/utils/i18n/ledger';
import { createStatsTranslator } from '@/utils/i18n/stats';
import { createWelcomeTranslator } from '@/utils/i18n/welcome';

/** Opened once, when DocTrail is installed (entrypoints/background/index.ts). */
async function start() {
  const setting = await ask({ type: 'settings.get' }).then(
    (data) => data.settings.language,
    () => 'auto' as const,
  );
  const language = resolveLanguage(setting, navigator.languages);
  document.documentElement.lang = language;
  const env: DashboardEnv = {
    ask,
    t: createDashboardTranslator(language),
    pt: createPrintTranslator(language),
    lt: createLedgerTranslator(language),
    st: createStatsTranslator(language),
    now: () => new Date(),
    files: { exportFile: () => Promise.reject(new Error('no exports here')), save: () => undefined, urlOf: () => '', release: () => undefined },
    chainChanged: () => undefined,
    navigate: (hash) => location.assign(`/options.html${hash}`),
  };
  const wt = createWelcomeTranslator(language);
  document.title = wt('welcome.title');
  render(
    <EnvContext.Provider value={env}>
      <Welcome wt={wt} />
    </EnvContext.Provider>,
    document.getElementById('app')!,
  );
}

void start();
