import '@/components/dashboard.css';
import '@/components/ledger/ledger.css';
import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { ask } from '@/utils/messaging/background-client';
import { resolveLanguage } from '@/utils/i18n/dashboard';
import { checkKeptHeadsOverPort, verifyChainOverPort } from '@/utils/messaging/verify-client';
import { runExportOverPort, saveFile } from '@/utils/messaging/export-client';
import type { FileAccess } from '@/components/dashboard/env';

const files: FileAccess = {
  exportFile: runExportOverPort,
  save: (blob, name) => void saveFile(blob, name),
  urlOf: (file) => URL.createObjectURL(file),
  release: (url) => URL.revokeObjectURL(url),
};

/** The language comes from the clerk's setting; if the background cannot answer yet, the browser's. */
async function start() {
  const setting = await ask({ type: 'settings.get' }).then(
    (data) => data.settings.language,
    () => 'auto' as const,
  );
  render(
    <Dashboard ask={ask} verifyChain={verifyChainOverPort} checkKeptHeads={checkKeptHeadsOverPort} language={resolveLanguage(setting, navigator.languages)} preferredLanguages={navigator.languages} files={files} />,
    document.getElementById('app')!,
  );
}

void start();
