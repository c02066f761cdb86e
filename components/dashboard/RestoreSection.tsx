import { useState } from 'preact/hooks';
import type { ResponseData } from '@/utils/messaging/protocol';
import { messageOf, useEnv } from './env';
import { ContradictionTable } from './AuditFindings';

type Preview = ResponseData<'backup.preview'>;
/** The message names the line, the record and the field (or where the chain breaks). */
type Refusal = Extract<Preview, { ok: false }>;

type State =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'previewed'; preview: Extract<Preview, { ok: true }>; url: string }
  | { phase: 'restoring' }
  | { phase: 'restored'; result: Extract<ResponseData<'backup.restore'>, { ok: true }> }
  | { phase: 'refused'; refusal: Refusal }
  | { phase: 'failed'; message: string };

/** Restore: the file is checked in full (dry run) and its effect shown before the clerk confirms. */
export function RestoreSection() {
  const { ask, pt, files, chainChanged } = useEnv();
  const [state, setState] = useState<State>({ phase: 'idle' });

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setState({ phase: 'checking' });
    const url = files.urlOf(file);
    try {
      const preview = await ask({ type: 'backup.preview', blobUrl: url });
      if (preview.ok) return setState({ phase: 'previewed', preview, url });
      files.release(url);
      setState({ phase: 'refused', refusal: preview });
    } catch (error) {
      files.release(url);
      setState({ phase: 'failed', message: messageOf(error) });
    }
  };

  const restore = async (url: string) => {
    setState({ phase: 'restoring' });
    try {
      const result = await ask({ type: 'backup.restore', blobUrl: url });
      setState(result.ok ? { phase: 'restored', result } : { phase: 'refused', refusal: result });
      if (result.ok) chainChanged();
    } catch (error) {
      setState({ phase: 'failed', message: messageOf(error) });
    } finally {
      files.release(url);
    }
  };

  return (
    <section class="restore" data-testid="restore-section">
      <h2>{pt('backup.restore.heading')}</h2>
      <p class="muted">{pt('backup.restore.hint')}</p>
      <label class="file">
        {pt('backup.restore.choose')}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="restore-file"
          disabled={state.phase === 'checking' || state.phase === 'restoring'}
          onChange={(e) => {
            const input = e.currentTarget;
            void choose(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </label>
      {state.phase === 'checking' && <p class="muted">{pt('backup.restore.checking')}</p>}
      {state.phase === 'previewed' && (
        <div class="restore-preview" data-testid="restore-preview">
          <p>{pt('backup.restore.preview', { ...state.preview.plan, exportedAt: state.preview.exportedAt.replace('T', ' ').slice(0, 16), documents: state.preview.documents, events: state.preview.events })}</p>
          {state.preview.dropped.length > 0 && (
            <p class="warn">{pt('backup.restore.dropped', { items: state.preview.dropped.map((d) => `${d.field}（${d.detail}）`).join('；') })}</p>
          )}
          <div class="form-buttons">
            <button type="button" class="primary" onClick={() => void restore(state.url)} data-testid="restore-confirm">{pt('backup.restore.confirm')}</button>
            <button
              type="button"
              onClick={() => {
                files.release(state.url);
                setState({ phase: 'idle' });
              }}
            >
              {pt('backup.restore.cancel')}
            </button>
          </div>
        </div>
      )}
      {state.phase === 'restoring' && <p class="muted">{pt('backup.restore.running')}</p>}
      {state.phase === 'restored' && (
        <p class="ok" role="status" data-testid="restore-done">
          {pt('backup.restore.done', { ...state.result.plan, profiles: state.result.restoredProfiles })}
        </p>
      )}
      {state.phase === 'refused' && (
        <div class="error" role="alert" data-testid="restore-refused">
          <p>{pt('backup.restore.refused', { message: state.refusal.message })}</p>
          {'contradictions' in state.refusal && state.refusal.contradictions && (
            <ContradictionTable contradictions={state.refusal.contradictions} testId="restore-contradictions" />
          )}
        </div>
      )}
      {state.phase === 'failed' && <p class="error" role="alert">{pt('backup.restore.refused', { message: state.message })}</p>}
    </section>
  );
}
