import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Language } from '@/utils/i18n';
import { createDashboardTranslator, resolveLanguage } from '@/utils/i18n/dashboard';
import { createPrintTranslator } from '@/utils/i18n/print';
import { createLedgerTranslator } from '@/utils/i18n/ledger';
import { createStatsTranslator } from '@/utils/i18n/stats';
import { CirculationSlip } from './print/CirculationSlip';
import { RegisterPrint } from './print/RegisterPrint';
import type { Settings } from '@/utils/register/settings';
import { CalendarReminder } from './CalendarReminder';
import { ChainStatus } from './ChainStatus';
import { DocumentPage } from './DocumentPage';
import { BackupPage } from './BackupPage';
import { EnvContext, type Ask, type CheckKeptHeads, type DashboardEnv, type FileAccess, type VerifyChain } from './env';
import { RegisterPage } from './RegisterPage';
import { parseRoute, SETTINGS_HASH } from './route';
import { SettingsPage } from './SettingsPage';
import { NewDocumentPage } from '../ledger/NewDocumentPage';
import { ImportPage } from '../ledger/ImportPage';
import { SupervisionPage } from '../ledger/SupervisionPage';
import { ChaseSlip } from '../ledger/ChaseSlip';
import { StatsPage } from '../stats/StatsPage';
import { ConfirmProfile } from './ConfirmProfile';

export interface DashboardProps {
  ask: Ask;
  verifyChain: VerifyChain;
  /** 校验 against a head kept outside; without it the panel is not shown. */
  checkKeptHeads?: CheckKeptHeads;
  language: Language;
  /** The browser's preferred languages, for the 'auto' language setting. */
  preferredLanguages?: readonly string[];
  now?: () => Date;
  /** How long the search box waits for the clerk to stop typing. */
  debounceMs?: number;
  files?: FileAccess;
}

const NO_FILES: FileAccess = {
  exportFile: () => Promise.reject(new Error('exports are not available here')),
  save: () => undefined,
  urlOf: () => '',
  release: () => undefined,
};

const systemNow = () => new Date();

/** The options page: `#/` the register, `#/doc/<id>` one document, `#/settings`. */
export function Dashboard({ ask, verifyChain, checkKeptHeads, language: initial, preferredLanguages = [], now = systemNow, debounceMs, files = NO_FILES }: DashboardProps) {
  const [hash, setHash] = useState(location.hash);
  const [language, setLanguage] = useState(initial);
  const [chainRun, setChainRun] = useState(0);

  useEffect(() => {
    const follow = () => setHash(location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  // The first time the dashboard opens in an ISO week, the head is kept as that week's checkpoint.
  useEffect(() => {
    void ask({ type: 'checkpoint.record', reason: 'week' }).catch(() => undefined);
  }, [ask]);

  const t = useMemo(() => createDashboardTranslator(language), [language]);
  const pt = useMemo(() => createPrintTranslator(language), [language]);
  const lt = useMemo(() => createLedgerTranslator(language), [language]);
  const st = useMemo(() => createStatsTranslator(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  const env = useMemo<DashboardEnv>(
    () => ({
      ask,
      t,
      pt,
      lt,
      st,
      now,
      files,
      chainChanged: () => setChainRun((n) => n + 1),
      navigate: (next) => {
        location.hash = next;
        setHash(location.hash);
      },
    }),
    [ask, t, pt, lt, st, now, files],
  );
  const route = parseRoute(hash);
  const saved = (settings: Settings) => setLanguage(resolveLanguage(settings.language, preferredLanguages));

  return (
    <EnvContext.Provider value={env}>
      <header class={route.page === 'print-register' || route.page === 'print-slip' || route.page === 'print-supervision' || route.page === 'print-chase' || route.page === 'print-stats' ? 'top no-print' : 'top'}>
        <span class="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          <a href="#/" aria-current={route.page === 'register' ? 'page' : undefined}>{t('nav.register')}</a>
          <a href="#/backup" aria-current={route.page === 'backup' ? 'page' : undefined}>{pt('backup.nav')}</a>
          <a href="#/supervision" aria-current={route.page === 'supervision' ? 'page' : undefined}>{lt('nav.supervision')}</a>
          <a href="#/new" aria-current={route.page === 'new' ? 'page' : undefined}>{lt('nav.new')}</a>
          <a href="#/import" aria-current={route.page === 'import' ? 'page' : undefined}>{lt('nav.import')}</a>
          <a href="#/stats" aria-current={route.page === 'stats' ? 'page' : undefined}>{st('nav.stats')}</a>
          <a href={SETTINGS_HASH} aria-current={route.page === 'settings' ? 'page' : undefined}>{t('nav.settings')}</a>
        </nav>
        <ChainStatus key={chainRun} verifyChain={verifyChain} checkKeptHeads={checkKeptHeads} />
      </header>
      <main class="dashboard">
        {route.page !== 'print-register' && route.page !== 'print-slip' && route.page !== 'print-stats' && <CalendarReminder />}
        {route.page === 'register' && <RegisterPage params={route.params} debounceMs={debounceMs} />}
        {route.page === 'doc' && <DocumentPage key={route.id} id={route.id} />}
        {route.page === 'settings' && <SettingsPage onSaved={saved} />}
        {route.page === 'new' && <NewDocumentPage />}
        {route.page === 'import' && <ImportPage />}
        {route.page === 'supervision' && <SupervisionPage unit={route.unit} state={route.state} />}
        {route.page === 'print-supervision' && <SupervisionPage unit={route.unit} state={route.state} print />}
        {route.page === 'print-chase' && <ChaseSlip id={route.id} />}
        {route.page === 'stats' && <StatsPage from={route.from} to={route.to} />}
        {route.page === 'print-stats' && <StatsPage from={route.from} to={route.to} print />}
        {route.page === 'backup' && <BackupPage params={route.params} />}
        {route.page === 'print-register' && <RegisterPrint params={route.params} />}
        {route.page === 'print-slip' && <CirculationSlip id={route.id} />}
        {route.page === 'confirm-profile' && <ConfirmProfile key={route.id} id={route.id} language={language} />}
      </main>
    </EnvContext.Provider>
  );
}
