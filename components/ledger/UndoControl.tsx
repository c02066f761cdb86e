import { useState } from 'preact/hooks';
import type { EventRecord } from '@/utils/documents/document-schema';
import { lastStep } from '@/utils/documents/steps';
import { messageOf, useEnv } from '../dashboard/env';

/** 撤销: offers to take back the document's last step (收回, 办结, 传阅) when there is one, with a reason. */
export function UndoControl({ docId, events, onDone }: { docId: string; events: EventRecord[]; onDone: () => void }) {
  const { ask, t, lt } = useEnv();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const found = lastStep(events);
  if (!found.ok) return null;
  const { step, sequences, recipients } = found.info;
  const label = lt(`undo.step.${step}`, { recipients: recipients.join(t('list.separator')) });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setError(lt('undo.needReason'));
    setBusy(true);
    try {
      await ask({ type: 'document.undo', docId, reason: reason.trim(), expected: sequences[0] });
      setOpen(false);
      setReason('');
      setError(null);
      onDone();
    } catch (err) {
      setError(t('error.background', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="undo" data-testid="undo" data-step={step}>
      {!open ? (
        <button type="button" data-testid="undo-open" onClick={() => setOpen(true)}>{label}</button>
      ) : (
        <form class="inline-form" data-testid="undo-form" onSubmit={(e) => void submit(e)} noValidate>
          <p>{label}</p>
          <p class="muted">{lt('undo.hint')}</p>
          <label>
            {lt('undo.reason')}
            <input name="reason" required maxLength={300} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" disabled={busy}>{busy ? t('action.busy') : lt('undo.submit')}</button>
          <button type="button" onClick={() => setOpen(false)}>{lt('correct.cancel')}</button>
        </form>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
