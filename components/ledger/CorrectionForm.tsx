import { useState } from 'preact/hooks';
import { CLASSIFICATIONS, SOURCES, URGENCIES } from '@/utils/documents/document-values';
import { CORRECTABLE_FIELDS, type CorrectableField, type DocumentRecord } from '@/utils/documents/document-schema';
import { messageOf, useEnv } from '../dashboard/env';

const DATE_FIELDS = new Set<CorrectableField>(['receivedDate', 'documentDate', 'deadline']);
const CHOICES: Partial<Record<CorrectableField, readonly string[]>> = { classification: CLASSIFICATIONS, urgency: URGENCIES, source: SOURCES };

export interface CorrectionFormProps {
  doc: DocumentRecord;
  onDone: () => void;
}

/** 更正: every registered field, prefilled; what the clerk changes is sent with the reason, the rest is left alone. */
export function CorrectionForm({ doc, onDone }: CorrectionFormProps) {
  const { ask, t, lt } = useEnv();
  const initial = Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, doc[f] ?? ''])) as Record<CorrectableField, string>;
  const [values, setValues] = useState(initial);
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  const choiceLabel = (field: CorrectableField, value: string): string =>
    field === 'classification' ? t(`classification.${value as 'none'}`) : field === 'urgency' ? t(`urgency.${value as 'normal'}`) : lt(`source.${value as 'paper'}`);

  const submit = async (e: Event) => {
    e.preventDefault();
    const corrections = Object.fromEntries(
      CORRECTABLE_FIELDS.filter((f) => values[f].trim() !== initial[f]).map((f) => [f, values[f].trim() === '' ? null : values[f].trim()]),
    );
    if (!Object.keys(corrections).length) return setMessage({ kind: 'error', text: lt('correct.nothing') });
    if (!reason.trim()) return setMessage({ kind: 'error', text: lt('correct.needReason') });
    setBusy(true);
    try {
      await ask({ type: 'document.correct', docId: doc.id, corrections, reason: reason.trim() });
      setMessage({ kind: 'ok', text: lt('correct.done', { count: Object.keys(corrections).length }) });
      setOpen(false);
      setReason('');
      onDone();
    } catch (error) {
      setMessage({ kind: 'error', text: t('error.background', { message: messageOf(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="correction" data-testid="correction">
      {!open && (
        <button type="button" data-testid="correct-open" onClick={() => (setValues(initial), setOpen(true), setMessage(null))}>
          {lt('correct.open')}
        </button>
      )}
      {open && (
        <form class="inline-form ledger-form" data-testid="correction-form" onSubmit={(e) => void submit(e)} noValidate>
          <h2>{lt('correct.heading')}</h2>
          <p class="muted">{lt('correct.hint')}</p>
          <div class="form-grid">
            {CORRECTABLE_FIELDS.map((field) => {
              const choices = CHOICES[field];
              return (
                <label key={field} class={field === 'title' ? 'wide' : undefined}>
                  {lt(`field.${field}`)}
                  {choices ? (
                    <select name={field} value={values[field]} onChange={(e) => setValues({ ...values, [field]: e.currentTarget.value })}>
                      <option value="">{lt('field.none')}</option>
                      {choices.map((c) => (
                        <option key={c} value={c}>{choiceLabel(field, c)}</option>
                      ))}
                    </select>
                  ) : DATE_FIELDS.has(field) ? (
                    <input name={field} type="date" value={values[field]} onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })} />
                  ) : (
                    <input name={field} maxLength={field === 'title' ? 500 : 200} value={values[field]} onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })} />
                  )}
                </label>
              );
            })}
            <label class="wide">
              {lt('correct.reason')}
              <input name="reason" required maxLength={300} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          </div>
          <div class="form-buttons">
            <button type="submit" class="primary" disabled={busy}>{busy ? t('action.busy') : lt('correct.submit')}</button>
            <button type="button" onClick={() => setOpen(false)}>{lt('correct.cancel')}</button>
          </div>
        </form>
      )}
      {message && <p class={message.kind === 'error' ? 'error' : 'ok'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
