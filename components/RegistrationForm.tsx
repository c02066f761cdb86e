import { useState } from 'preact/hooks';
import type { DocumentDraft } from '@/utils/documents/document-schema';
import { CLASSIFICATIONS, URGENCIES, isClassification, isUrgency } from '@/utils/documents/document-values';
import { missingMandatory } from '@/utils/documents/mandatory-fields';
import { preventSubmit, trustedClick, trustedEnter } from './trusted';
import type { Translate } from '@/utils/i18n';

export interface RegistrationFormProps {
  draft: DocumentDraft;
  busy: boolean;
  t: Translate;
  /** `classificationConfirmed`: the clerk chose the 密级 because the page had none. */
  onRegister: (draft: DocumentDraft, classificationConfirmed: boolean) => void;
  /** The 密级 the clerk chose in the form, as soon as it is chosen (the banner and the guards follow it). */
  onClassificationChoice?: (level: DocumentDraft['classification']) => void;
}

type TextField = 'title' | 'docNumber' | 'issuer' | 'copies';
type DateField = 'receivedDate' | 'deadline';

/** The extracted fields, editable before registering; missing required elements are flagged. */
export function RegistrationForm({ draft: initial, busy, t, onRegister, onClassificationChoice }: RegistrationFormProps) {
  const [draft, setDraft] = useState<DocumentDraft>(initial);
  const pageHadClassification = Boolean(initial.classification);
  const missing = missingMandatory(draft);
  const set = (patch: Partial<DocumentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const textInput = (field: TextField) => (
    <label class={`dt-field ${missing.includes(field as never) ? 'dt-missing' : ''}`}>
      <span>{t(`field.${field}`)}</span>
      <input value={draft[field] ?? ''} onInput={(e) => set({ [field]: e.currentTarget.value || undefined })} aria-invalid={missing.includes(field as never)} />
    </label>
  );
  const dateInput = (field: DateField) => (
    <label class={`dt-field dt-half ${missing.includes(field as never) ? 'dt-missing' : ''}`}>
      <span>{t(`field.${field}`)}</span>
      <input type="date" value={draft[field] ?? ''} onInput={(e) => set({ [field]: e.currentTarget.value || undefined })} />
    </label>
  );
  const submit = () => {
    if (busy || !draft.classification || !draft.title?.trim()) return;
    onRegister({ ...draft, title: draft.title.trim() }, !pageHadClassification);
  };
  return (
    <form class="dt-form" onSubmit={preventSubmit} onKeyDown={trustedEnter(submit)}>
      {textInput('title')}
      {textInput('docNumber')}
      {textInput('issuer')}
      <div class="dt-row">
        <label class={`dt-field dt-half ${draft.classification ? '' : 'dt-missing'}`}>
          <span>{t('field.classification')}</span>
          <select
            value={draft.classification ?? ''}
            required
            onChange={(e) => {
              const classification = isClassification(e.currentTarget.value) ? e.currentTarget.value : undefined;
              set({ classification });
              onClassificationChoice?.(classification);
            }}
          >
            <option value="">{t('form.choose')}</option>
            {CLASSIFICATIONS.map((level) => (
              <option key={level} value={level}>
                {t(`classification.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="dt-field dt-half">
          <span>{t('field.urgency')}</span>
          <select value={draft.urgency ?? ''} onChange={(e) => set({ urgency: isUrgency(e.currentTarget.value) ? e.currentTarget.value : undefined })}>
            <option value="">{t('form.choose')}</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`urgency.${u}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="dt-row">
        {dateInput('receivedDate')}
        {dateInput('deadline')}
      </div>
      {draft.deadlineWorkingDays && !draft.deadline && (
        <p class="dt-note" data-testid="working-days-deadline">{t('form.workingDays', { days: draft.deadlineWorkingDays })}</p>
      )}
      {!pageHadClassification && <p class="dt-warn" role="alert">{t('form.confirmClassification')}</p>}
      {missing.length > 0 && (
        <p class="dt-warn dt-missing-list" role="status">
          {t('form.missing', { fields: missing.map((f) => t(`field.${f}`)).join('、') })}
        </p>
      )}
      <div class="dt-actions">
        <span class="dt-status">{t('overlay.notRegistered')}</span>
        <button type="submit" class="dt-primary" disabled={busy || !draft.classification || !draft.title?.trim()} onClick={trustedClick(submit)}>
          {busy ? t('overlay.registering') : t('overlay.register')}
        </button>
      </div>
    </form>
  );
}
