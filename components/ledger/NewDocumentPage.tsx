import { useState } from 'preact/hooks';
import { toIsoDate } from '@/utils/deadlines/local-date';
import { CLASSIFICATIONS, REGISTERED_SOURCES, URGENCIES, type Source } from '@/utils/documents/document-values';
import { documentDraftSchema, type DocumentDraft } from '@/utils/documents/document-schema';
import { missingMandatory } from '@/utils/documents/mandatory-fields';
import { messageOf, useEnv } from '../dashboard/env';
import { documentHash } from '../dashboard/route';

type TextField = 'title' | 'docNumber' | 'issuer' | 'classificationPeriod' | 'copyNumber' | 'copies' | 'portalNo';
type DateField = 'receivedDate' | 'documentDate' | 'deadline';
type Values = Record<TextField | DateField | 'classification' | 'urgency' | 'deadlineWorkingDays', string> & { source: Source };

/** `#/new`: registers a document that has no portal page — the overlay's fields, checks, numbering and duplicate check, plus 来源. */
export function NewDocumentPage() {
  const { ask, t, lt, now } = useEnv();
  const empty = (): Values => ({
    title: '', docNumber: '', issuer: '', classificationPeriod: '', copyNumber: '', copies: '', portalNo: '',
    receivedDate: toIsoDate(now()), documentDate: '', deadline: '', classification: '', urgency: '', deadlineWorkingDays: '', source: 'paper',
  });
  const [values, setValues] = useState<Values>(empty);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'created' | 'duplicate'; id: string; registrationNo: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });

  const draft = (): Record<string, unknown> => {
    const out: Record<string, unknown> = { source: values.source };
    for (const [key, value] of Object.entries(values)) {
      if (key === 'source' || key === 'deadlineWorkingDays' || !value.trim()) continue;
      out[key] = value.trim();
    }
    const days = Number(values.deadlineWorkingDays);
    if (values.deadlineWorkingDays.trim() && !values.deadline) out.deadlineWorkingDays = days;
    return out;
  };
  const missing = missingMandatory(draft() as Partial<DocumentDraft>);

  const submit = async (e: Event) => {
    e.preventDefault();
    setOutcome(null);
    const parsed = documentDraftSchema.safeParse(draft());
    if (missing.length) return setError(t('error.background', { message: missing.map((f) => lt(`field.${f}`)).join(t('list.separator')) }));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setError(lt('new.invalid', { message: `${issue?.path.join('.')}: ${issue?.message}` }));
    }
    setBusy(true);
    try {
      const { state, created } = await ask({ type: 'document.register', draft: parsed.data });
      setOutcome({ kind: created ? 'created' : 'duplicate', id: state.document.id, registrationNo: state.document.registrationNo });
      setError(null);
      if (created) setValues(empty());
    } catch (err) {
      setError(t('error.background', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: TextField, required = false) => (
    <label class={`${field === 'title' ? 'wide ' : ''}${required && !values[field].trim() ? 'missing' : ''}`}>
      {lt(`field.${field}`)}
      <input name={field} maxLength={field === 'title' ? 500 : 200} value={values[field]} aria-invalid={required && !values[field].trim()} onInput={(e) => set({ [field]: e.currentTarget.value })} />
    </label>
  );
  const date = (field: DateField) => (
    <label>
      {lt(`field.${field}`)}
      <input name={field} type="date" value={values[field]} onInput={(e) => set({ [field]: e.currentTarget.value })} />
    </label>
  );

  return (
    <section class="new-document" data-testid="new-document">
      <h1>{lt('new.heading')}</h1>
      <p class="muted">{lt('new.hint')}</p>
      <form class="ledger-form" onSubmit={(e) => void submit(e)} noValidate>
        <div class="form-grid">
          <label>
            {lt('source.label')}
            <select name="source" value={values.source} onChange={(e) => set({ source: e.currentTarget.value as Source })}>
              {REGISTERED_SOURCES.map((s) => (
                <option key={s} value={s}>{lt(`source.${s}`)}</option>
              ))}
            </select>
          </label>
          {text('title', true)}
          {text('docNumber', true)}
          {text('issuer', true)}
          <label class={values.classification ? '' : 'missing'}>
            {lt('field.classification')}
            <select name="classification" value={values.classification} onChange={(e) => set({ classification: e.currentTarget.value })}>
              <option value="">{lt('field.none')}</option>
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>{t(`classification.${c}`)}</option>
              ))}
            </select>
          </label>
          {text('classificationPeriod')}
          <label>
            {lt('field.urgency')}
            <select name="urgency" value={values.urgency} onChange={(e) => set({ urgency: e.currentTarget.value })}>
              <option value="">{lt('field.none')}</option>
              {URGENCIES.map((u) => (
                <option key={u} value={u}>{t(`urgency.${u}`)}</option>
              ))}
            </select>
          </label>
          {text('copyNumber')}
          {text('copies')}
          {date('receivedDate')}
          {date('documentDate')}
          {date('deadline')}
          <label>
            {lt('new.deadlineDays')}
            <input name="deadlineWorkingDays" type="number" min={1} max={60} value={values.deadlineWorkingDays} onInput={(e) => set({ deadlineWorkingDays: e.currentTarget.value })} />
          </label>
          {text('portalNo')}
        </div>
        <button type="submit" class="primary" disabled={busy || missing.length > 0}>{busy ? t('action.busy') : lt('new.submit')}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {outcome && (
        <p class={outcome.kind === 'created' ? 'ok' : 'warn'} role="status" data-testid="new-outcome" data-kind={outcome.kind}>
          {lt(outcome.kind === 'created' ? 'new.done' : 'new.duplicate', { registrationNo: outcome.registrationNo })}{' '}
          <a href={documentHash(outcome.id)}>{lt('new.open')}</a>
        </p>
      )}
    </section>
  );
}
