import { useEffect, useState } from 'preact/hooks';
import type { ExportStart } from '@/utils/messaging/backup-protocol';
import { classificationLabel, statusLabel } from './labels';
import { messageOf, useEnv } from './env';
import { filterOf, type RegisterParams } from './route';

type Kind = ExportStart['kind'];
const KINDS: readonly Kind[] = ['register-csv', 'events-csv', 'xlsx', 'backup'];

type State =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; fileName: string; documents: number; events: number; bytes: number; again: () => void }
  | { phase: 'failed'; message: string };

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function ExportSection({ params }: { params: RegisterParams }) {
  const { ask, t, pt, files } = useEnv();
  const [kind, setKind] = useState<Kind>('register-csv');
  const [mask, setMask] = useState(true);
  const [state, setState] = useState<State>({ phase: 'idle' });

  useEffect(() => {
    ask({ type: 'settings.get' }).then((s) => setMask(s.settings.maskClassifiedTitles), () => undefined);
  }, [ask]);

  const filter = filterOf(params);
  const described = [
    params.status && (params.status === 'open' ? t('filter.open') : statusLabel(params.status, t)),
    params.overdue && t('filter.overdue'),
    params.classification.map((level) => classificationLabel(level, t)).join(t('list.separator')),
    (params.from || params.to) && `${params.from ?? '…'} – ${params.to ?? '…'}`,
    params.text && `“${params.text}”`,
  ].filter(Boolean);

  const start = async () => {
    setState({ phase: 'running', done: 0, total: 0 });
    try {
      const file = await files.exportFile({ type: 'start', kind, filter: kind === 'backup' ? undefined : filter, maskClassified: kind !== 'backup' && mask }, (done, total) =>
        setState({ phase: 'running', done, total }),
      );
      files.save(file.blob, file.fileName);
      setState({ phase: 'done', ...file, again: () => files.save(file.blob, file.fileName) });
    } catch (error) {
      setState({ phase: 'failed', message: messageOf(error) });
    }
  };

  return (
    <section class="export" data-testid="export-section">
      <h2>{pt('backup.export.heading')}</h2>
      <fieldset class="export-kinds">
        <legend>{pt('backup.export.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k} class="check">
            <input type="radio" name="export-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {pt(`backup.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <p class="muted">
        {kind === 'backup' ? pt('backup.filter.backupWhole') : described.length ? pt('backup.filter.current', { filter: described.join('，') }) : pt('backup.filter.none')}
      </p>
      {kind !== 'backup' && (
        <label class="check">
          <input type="checkbox" name="mask" checked={mask} onChange={(e) => setMask(e.currentTarget.checked)} />
          {pt('backup.mask')}
        </label>
      )}
      <div class="form-buttons">
        <button type="button" class="primary" disabled={state.phase === 'running'} onClick={() => void start()} data-testid="export-start">
          {pt('backup.start')}
        </button>
      </div>
      {state.phase === 'running' && (
        <div class="export-progress" data-testid="export-progress">
          <progress value={state.total ? state.done : undefined} max={state.total || undefined} />
          <span>{pt('backup.running', { done: state.done, total: state.total })}</span>
        </div>
      )}
      {state.phase === 'done' && (
        <p class="ok" role="status" data-testid="export-done">
          {pt('backup.done', { fileName: state.fileName, documents: state.documents, events: state.events, size: size(state.bytes) })}{' '}
          <button type="button" class="link" onClick={state.again}>{pt('backup.download')}</button>
        </p>
      )}
      {state.phase === 'failed' && <p class="error" role="alert">{pt('backup.failed', { message: state.message })}</p>}
    </section>
  );
}
