import { useState } from 'preact/hooks';
import type { DashboardKey } from '@/utils/i18n/dashboard';
import type { ClosingTransition } from '@/utils/register/life-cycle';
import { useEnv } from './env';

export interface ClosingInput {
  clearedTo?: string;
  approver?: string;
  witness?: string;
  note?: string;
}

export interface ClosingFormProps {
  to: ClosingTransition;
  busy: boolean;
  onConfirm: (input: ClosingInput) => void;
  onCancel: () => void;
}

/** The inline confirmation of one closing step; 清退 asks to whom, 销毁 asks for two different people. */
export function ClosingForm({ to, busy, onConfirm, onCancel }: ClosingFormProps) {
  const { t } = useEnv();
  const [values, setValues] = useState<Required<ClosingInput>>({ clearedTo: '', approver: '', witness: '', note: '' });
  const [problem, setProblem] = useState<DashboardKey | null>(null);

  const submit = (e: Event) => {
    e.preventDefault();
    const v = { clearedTo: values.clearedTo.trim(), approver: values.approver.trim(), witness: values.witness.trim(), note: values.note.trim() };
    const refused = check(to, v);
    setProblem(refused);
    if (refused) return;
    onConfirm({
      ...(to === 'cleared' && { clearedTo: v.clearedTo }),
      ...(to === 'destroyed' && { approver: v.approver, witness: v.witness }),
      ...(v.note && { note: v.note }),
    });
  };

  const input = (name: keyof ClosingInput, label: DashboardKey, required = true) => (
    <label>
      {t(label)}
      <input
        name={name}
        required={required}
        maxLength={name === 'approver' || name === 'witness' ? 50 : name === 'note' ? 300 : 100}
        value={values[name]}
        onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
      />
    </label>
  );

  return (
    <form class="inline-form closing" data-testid="closing-form" data-action={to} onSubmit={submit} noValidate>
      <p>{t(`action.confirm.${to}`)}</p>
      {to === 'cleared' && input('clearedTo', 'action.clearedTo')}
      {to === 'destroyed' && (
        <>
          {input('approver', 'action.approver')}
          {input('witness', 'action.witness')}
        </>
      )}
      {input('note', 'action.note', false)}
      {problem && <p class="error" role="alert">{t(problem)}</p>}
      <div class="form-buttons">
        <button type="submit" class={to === 'destroyed' ? 'danger' : 'primary'} disabled={busy}>
          {busy ? t('action.busy') : t('action.confirm')}
        </button>
        <button type="button" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}

function check(to: ClosingTransition, v: Required<ClosingInput>): DashboardKey | null {
  if (to === 'cleared' && !v.clearedTo) return 'action.needClearedTo';
  if (to === 'destroyed' && (!v.approver || !v.witness)) return 'action.needBoth';
  if (to === 'destroyed' && v.approver === v.witness) return 'action.samePerson';
  return null;
}
