import { useState } from 'preact/hooks';
import { CLASSIFICATIONS, type Classification } from '@/utils/documents/document-values';
import type { Translate } from '@/utils/i18n';
import { trustedClick } from './trusted';

/** One-click reasons for the print/copy/download prompt: the clerk's recent ones first, then the office's presets. */
export function ReasonChoices({ reasons, onPick, t }: { reasons: readonly string[]; onPick: (reason: string) => void; t: Translate }) {
  if (!reasons.length) return null;
  return (
    <div class="dt-presets" role="group" aria-label={t('dialog.presets')}>
      {reasons.map((reason) => (
        <button key={reason} type="button" class="dt-chip-button" onClick={() => onPick(reason)}>
          {reason}
        </button>
      ))}
    </div>
  );
}

/** 此页不涉密 / 密级有误: the clerk gives the right 密级 instead of a reason; the register logs it. */
export function CorrectClassification({ level, onCorrect, t }: { level?: Classification; onCorrect: (level: Classification) => void; t: Translate }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Classification>('none');
  if (!open)
    return (
      <button type="button" class="dt-link dt-correct-open" onClick={() => setOpen(true)}>
        {t('dialog.wrongLevel')}
      </button>
    );
  return (
    <div class="dt-correct">
      <label class="dt-field">
        <span>{t('dialog.rightLevel')}</span>
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value as Classification)}>
          {CLASSIFICATIONS.filter((l) => l !== level).map((l) => (
            <option key={l} value={l}>
              {t(`classification.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="dt-secondary" onClick={trustedClick(() => onCorrect(choice))}>
        {t('dialog.correct')}
      </button>
    </div>
  );
}
