import { useEffect, useRef, useState } from 'preact/hooks';
import { CLASSIFICATIONS, DOCUMENT_STATUSES, type Classification } from '@/utils/documents/document-values';
import { useEnv } from './env';
import { classificationLabel, statusLabel } from './labels';
import { DEFAULT_PARAMS, type RegisterParams, type StatusFilter } from './route';

export interface RegisterFiltersProps {
  params: RegisterParams;
  /** Called with the new filters (back on the first page). */
  onChange: (params: RegisterParams) => void;
  debounceMs?: number;
}

export function RegisterFilters({ params, onChange, debounceMs = 250 }: RegisterFiltersProps) {
  const { t } = useEnv();
  const [text, setText] = useState(params.text ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The debounced search must not undo a filter changed while it waited.
  const latest = useRef({ params, onChange });
  latest.current = { params, onChange };
  const change = (patch: Partial<RegisterParams>) => latest.current.onChange({ ...latest.current.params, ...patch, page: 1 });

  useEffect(() => setText(params.text ?? ''), [params.text]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const typed = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => change({ text: value.trim() || undefined }), debounceMs);
  };
  const toggleLevel = (level: Classification, on: boolean) =>
    change({ classification: on ? [...params.classification, level] : params.classification.filter((l) => l !== level) });

  return (
    <form class="filters" aria-label={t('filter.label')} data-testid="register-filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('filter.status')}
        <select
          name="status"
          value={params.status ?? ''}
          onChange={(e) => change({ status: (e.currentTarget.value || undefined) as StatusFilter | undefined })}
        >
          <option value="">{t('filter.all')}</option>
          <option value="open">{t('filter.open')}</option>
          {DOCUMENT_STATUSES.map((status) => (
            <option key={status} value={status}>{statusLabel(status, t)}</option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" name="overdue" checked={params.overdue} onChange={(e) => change({ overdue: e.currentTarget.checked })} />
        {t('filter.overdue')}
      </label>
      <fieldset class="levels">
        <legend>{t('filter.classification')}</legend>
        {CLASSIFICATIONS.map((level) => (
          <label key={level} class="check">
            <input
              type="checkbox"
              name="classification"
              value={level}
              checked={params.classification.includes(level)}
              onChange={(e) => toggleLevel(level, e.currentTarget.checked)}
            />
            {classificationLabel(level, t)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('filter.from')}
        <input type="date" name="from" value={params.from ?? ''} onChange={(e) => change({ from: e.currentTarget.value || undefined })} />
      </label>
      <label>
        {t('filter.to')}
        <input type="date" name="to" value={params.to ?? ''} onChange={(e) => change({ to: e.currentTarget.value || undefined })} />
      </label>
      <label class="search">
        {t('filter.text')}
        <input
          type="search"
          name="text"
          maxLength={100}
          placeholder={t('filter.textPlaceholder')}
          value={text}
          onInput={(e) => typed(e.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        class="link"
        onClick={() => {
          clearTimeout(timer.current);
          onChange({ ...DEFAULT_PARAMS, sort: params.sort, direction: params.direction });
        }}
      >
        {t('filter.clear')}
      </button>
    </form>
  );
}
