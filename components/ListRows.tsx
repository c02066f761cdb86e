import { useEffect, useState } from 'preact/hooks';
import { CLASSIFICATIONS, type Classification } from '@/utils/documents/document-values';
import type { DocumentDraft } from '@/utils/documents/document-schema';
import type { Translate } from '@/utils/i18n';
import { accepts } from './click-guard';

/** The list's rows as the overlay sees them (entrypoints/overlay.content/rows.ts): what the clerk chose, and registering it. */
export interface ListRowsApi extends EventTarget {
  selected(): DocumentDraft[];
  register(level?: Classification): Promise<{ title: string; outcome: string; registrationNo?: string }[]>;
}

/** A list's panel: the rows the clerk chose with 登记 in the rows, and one confirmation that registers them all. */
export function ListRows({ rows, count, t }: { rows?: ListRowsApi; count: number; t: Translate }) {
  const [chosen, setChosen] = useState<DocumentDraft[]>([]);
  const [done, setDone] = useState<Awaited<ReturnType<ListRowsApi['register']>>>([]);
  const [level, setLevel] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const update = () => setChosen(rows?.selected() ?? []);
    rows?.addEventListener('change', update);
    return () => rows?.removeEventListener('change', update);
  }, [rows]);
  const unmarked = chosen.some((draft) => !draft.classification);
  const register = (event: MouseEvent) => {
    if (!rows || busy || !accepts(event)) return;
    setBusy(true);
    rows.register((level || undefined) as Classification | undefined).then(setDone, () => setDone([])).finally(() => setBusy(false));
  };
  return (
    <div class="dt-body">
      <p class="dt-title">{t('overlay.listCount', { count })}</p>
      {done.length > 0 && (
        <ul class="dt-rows-done" role="status">
          {done.map((row) => (
            <li>
              <strong>{row.registrationNo ?? t(`rows.${row.outcome as 'near'}`)}</strong> {row.title}
            </li>
          ))}
        </ul>
      )}
      {rows && !chosen.length && <p class="dt-muted">{t('rows.hint')}</p>}
      {chosen.length > 0 && (
        <>
          <p>{t('rows.chosen', { count: chosen.length })}</p>
          <ol class="dt-rows-chosen">
            {chosen.map((draft) => (
              <li>{draft.title}</li>
            ))}
          </ol>
          {unmarked && (
            <label class="dt-field">
              <span>{t('rows.level')}</span>
              <select value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
                <option value="">{t('form.choose')}</option>
                {CLASSIFICATIONS.map((c) => (
                  <option value={c}>{t(`classification.${c}`)}</option>
                ))}
              </select>
            </label>
          )}
          <button type="button" class="dt-primary dt-rows-register" disabled={busy || (unmarked && !level)} onClick={register}>
            {t('rows.confirm', { count: chosen.length })}
          </button>
        </>
      )}
    </div>
  );
}
