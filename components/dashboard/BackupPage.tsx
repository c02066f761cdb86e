import type { RegisterParams } from './route';
import { ExportSection } from './ExportSection';
import { RestoreSection } from './RestoreSection';
import { useEnv } from './env';

/** `#/backup`: exports (with the register's filters from the address) and restoring a backup. */
export function BackupPage({ params }: { params: RegisterParams }) {
  const { pt } = useEnv();
  return (
    <section class="backup-page" data-testid="backup-page">
      <h1>{pt('backup.heading')}</h1>
      <ExportSection params={params} />
      <RestoreSection />
    </section>
  );
}
