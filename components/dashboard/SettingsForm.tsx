import { useState } from 'preact/hooks';
import { formatRegistrationNo } from '@/utils/documents/registration-number';
import type { Settings } from '@/utils/register/settings';
import { messageOf, useEnv } from './env';

type Saving = { phase: 'idle' } | { phase: 'saving' } | { phase: 'saved' } | { phase: 'failed'; message: string };

const LANGUAGES = ['auto', 'zh-CN', 'en'] as const;

/** A format the background will accept names the year and the yearly sequence (see utils/settings.ts). */
function validFormat(format: string): boolean {
  return format.includes('{YYYY}') && /\{N{1,8}\}/.test(format);
}

export function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: (settings: Settings) => void }) {
  const { ask, t, now } = useEnv();
  const [values, setValues] = useState(initial);
  const [saving, setSaving] = useState<Saving>({ phase: 'idle' });
  const [presets, setPresets] = useState(initial.reasonPresets.join('\n'));
  const set = (patch: Partial<Settings>) => {
    setValues({ ...values, ...patch });
    if (saving.phase !== 'saving') setSaving({ phase: 'idle' });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving({ phase: 'saving' });
    try {
      const reasonPresets = [...new Set(presets.split('\n').map((line) => line.trim().slice(0, 50)).filter(Boolean))].slice(0, 12);
      const saved = await ask({ type: 'settings.update', patch: { ...values, reasonPresets } });
      setValues(saved);
      setPresets(saved.reasonPresets.join('\n'));
      setSaving({ phase: 'saved' });
      onSaved(saved);
    } catch (error) {
      setSaving({ phase: 'failed', message: messageOf(error) });
    }
  };

  const format = values.numberFormat.trim();
  return (
    <form class="settings-form" data-testid="settings-form" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        {t('settings.clerkName')}
        <input name="clerkName" maxLength={50} value={values.clerkName} onInput={(e) => set({ clerkName: e.currentTarget.value })} />
      </label>
      <label>
        {t('settings.department')}
        <input name="department" maxLength={100} value={values.department} onInput={(e) => set({ department: e.currentTarget.value })} />
      </label>
      <label>
        {t('settings.reminderTime')}
        <input type="time" name="reminderTime" value={values.reminderTime} onInput={(e) => set({ reminderTime: e.currentTarget.value })} />
      </label>
      <label>
        {t('settings.leadWorkingDays')}
        <input
          type="number"
          name="leadWorkingDays"
          min={0}
          max={10}
          step={1}
          value={values.leadWorkingDays}
          onInput={(e) => set({ leadWorkingDays: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        {t('settings.numberFormat')}
        <input name="numberFormat" maxLength={40} value={values.numberFormat} onInput={(e) => set({ numberFormat: e.currentTarget.value })} />
        <small class="muted">{t('settings.numberFormatHelp')}</small>
        <output class={validFormat(format) ? 'preview' : 'preview invalid'} data-testid="number-preview">
          {validFormat(format)
            ? t('settings.preview', { example: formatRegistrationNo(now().getFullYear(), 123, format) })
            : t('settings.previewInvalid')}
        </output>
      </label>
      <label class="check">
        <input type="checkbox" name="maskClassifiedTitles" checked={values.maskClassifiedTitles} onChange={(e) => set({ maskClassifiedTitles: e.currentTarget.checked })} />
        {t('settings.mask')}
      </label>
      <label>
        {t('settings.reasonPresets')}
        <textarea
          name="reasonPresets"
          rows={4}
          value={presets}
          onInput={(e) => {
            setPresets(e.currentTarget.value);
            if (saving.phase !== 'saving') setSaving({ phase: 'idle' });
          }}
        />
      </label>
      <label>
        {t('settings.language')}
        <select name="language" value={values.language} onChange={(e) => set({ language: LANGUAGES.find((l) => l === e.currentTarget.value) ?? 'auto' })}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>{t(`settings.language.${language}`)}</option>
          ))}
        </select>
      </label>
      {saving.phase === 'failed' && <p class="error" role="alert">{t('settings.error', { message: saving.message })}</p>}
      {saving.phase === 'saved' && <p class="ok" role="status">{t('settings.saved')}</p>}
      <button type="submit" class="primary" disabled={saving.phase === 'saving'}>
        {saving.phase === 'saving' ? t('settings.saving') : t('settings.save')}
      </button>
    </form>
  );
}
