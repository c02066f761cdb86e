import { useState } from 'preact/hooks';
import type { DocumentStatus } from '@/utils/documents/document-schema';
import { canTransition } from '@/utils/register/life-cycle';
import { messageOf, useEnv } from '../dashboard/env';

/** Splits what the clerk typed into names: 、，, ; and new lines separate them, as on a paper 传阅单. */
export function splitRecipients(text: string): string[] {
  return [...new Set(text.split(/[、，,;；\n]+/).map((name) => name.trim()).filter(Boolean))];
}

/** 传阅 / 送办 from the dashboard, as the overlay records it: recipients, 阅 or 办, and when it must come back. */
export function SendForm({ docId, status, onDone }: { docId: string; status: DocumentStatus; onDone: () => void }) {
  const { ask, t, lt } = useEnv();
  const [recipients, setRecipients] = useState('');
  const [purpose, setPurpose] = useState<'read' | 'handle'>('read');
  const [expectedReturn, setExpectedReturn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canTransition(status, 'in-circulation')) return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    const names = splitRecipients(recipients);
    if (!names.length) return setError(lt('send.needRecipient'));
    setBusy(true);
    try {
      await ask({ type: 'circulation.send', docId, recipients: names, purpose, ...(expectedReturn && { expectedReturn }) });
      setRecipients('');
      setExpectedReturn('');
      setError(null);
      onDone();
    } catch (err) {
      setError(t('error.background', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="inline-form send-form" data-testid="send-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{lt('send.heading')}</h3>
      <label>
        {lt('send.recipients')}
        <input name="recipients" maxLength={600} value={recipients} onInput={(e) => setRecipients(e.currentTarget.value)} />
      </label>
      <label>
        {lt('send.purpose')}
        <select name="purpose" value={purpose} onChange={(e) => setPurpose(e.currentTarget.value === 'handle' ? 'handle' : 'read')}>
          <option value="read">{t('purpose.read')}</option>
          <option value="handle">{t('purpose.handle')}</option>
        </select>
      </label>
      <label>
        {lt('send.expectedReturn')}
        <input name="expectedReturn" type="date" value={expectedReturn} onInput={(e) => setExpectedReturn(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" disabled={busy}>{busy ? t('action.busy') : lt('send.submit')}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
